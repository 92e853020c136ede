import type { ChartSpec, ChartTone } from './spec';

export interface PercentBar {
  label: string;
  /** Bar length, 0–100. */
  percent: number;
  /** Written at the bar's end: the count, share or score. */
  caption: string;
  tone?: ChartTone;
}

/** Labelled shares out of 100 as horizontal bars, each captioned (survey answers, service indexes). */
export function percentBarsChart(name: string, bars: readonly PercentBar[]): ChartSpec {
  return {
    kind: 'bar',
    categories: bars.map((b) => b.label),
    series: [
      {
        name,
        data: bars.map((b) => Math.max(0, Math.min(100, b.percent))),
        tones: bars.map((b) => b.tone ?? 'info'),
        labels: bars.map((b) => b.caption),
      },
    ],
    unit: '%',
    max: 100,
    summary: `${name}：${bars.map((b) => `${b.label} ${b.caption}`).join('，')}`,
  };
}
