import type { ChartSpec, ChartTone } from '@linli/shared';

/** The palette of the pages' CSS (green / amber / red / blue / grey), so bars match badges and cards. */
export const toneColors: Record<ChartTone, string> = {
  good: '#22c55e',
  warn: '#f59e0b',
  bad: '#ef4444',
  info: '#3b82f6',
  muted: '#9ca3af',
};
const SERIES_COLORS = [toneColors.info, toneColors.good, toneColors.warn, toneColors.bad, toneColors.muted];
const TEXT = '#6b7280';

/** Canvas size in CSS pixels and the screen's pixel ratio; uCharts draws in device pixels. */
export interface CanvasBox {
  width: number;
  height: number;
  pixelRatio: number;
}

/**
 * A chart spec as uCharts options. Sizes given to uCharts are multiplied by the pixel ratio (its
 * own convention for 2d canvases), so lines stay sharp on a phone's high-density screen.
 */
export function uchartsOptions(spec: ChartSpec, box: CanvasBox): Record<string, unknown> {
  const pr = box.pixelRatio;
  const base = {
    type: spec.kind,
    width: box.width * pr,
    height: box.height * pr,
    pixelRatio: pr,
    animation: false,
    background: '#FFFFFF',
    fontSize: 11,
    fontColor: TEXT,
    padding: [12, 12, 4, 8],
    categories: spec.categories,
    legend: { show: spec.series.length > 1, position: 'top', float: 'right', fontSize: 11 },
    color: SERIES_COLORS,
  };
  /** A tone's colour, else the i-th series colour. */
  const colorOf = (i: number, tone?: ChartTone) =>
    tone ? toneColors[tone] : SERIES_COLORS[i % SERIES_COLORS.length];

  if (spec.kind === 'ring' || spec.kind === 'arcbar') {
    const first = spec.series[0];
    const series =
      spec.kind === 'ring'
        ? spec.categories.map((name, i) => ({
            name,
            data: first?.data[i] ?? 0,
            color: colorOf(i, first?.tones?.[i]),
          }))
        : spec.series.map((s, i) => ({ name: s.name, data: s.data[0] ?? 0, color: colorOf(i, s.tone) }));
    return {
      ...base,
      series,
      // Slice names live in the series; categories would reserve an x-axis strip and push the
      // ring off centre (and off where taps are looked for).
      categories: [],
      legend: { show: false },
      dataLabel: false,
      padding: [4, 4, 4, 4],
      title: { name: spec.center?.title ?? '', fontSize: 20, color: '#111827' },
      subtitle: { name: spec.center?.subtitle ?? '', fontSize: 11, color: TEXT },
      extra:
        spec.kind === 'ring'
          ? {
              ring: {
                ringWidth: 16,
                border: true,
                borderWidth: 2,
                borderColor: '#FFFFFF',
                offsetAngle: -90,
                centerColor: '#FFFFFF',
              },
            }
          : {
              arcbar: {
                type: 'default',
                width: 10,
                backgroundColor: '#e5e7eb',
                startAngle: 0.75,
                endAngle: 0.25,
                gap: 2,
              },
            },
    };
  }

  // Column and bar: one colour per series, or per item where the spec tones each category.
  const series = spec.series.map((s, i) => ({
    name: s.name,
    color: colorOf(i, s.tone),
    data: s.tones ? s.data.map((value, j) => ({ value, color: colorOf(i, s.tones?.[j]) })) : s.data,
    // A caption per bar when the spec gives one; otherwise the value, with % where it is a rate.
    formatter: (value: number, index: number) =>
      s.labels ? (s.labels[index] ?? '') : spec.unit === '%' ? `${value}%` : String(value),
  }));
  const valueAxis = { min: 0, ...(spec.max === undefined ? {} : { max: spec.max }) };
  // Captions are the point of labelled bars; bare values only while they do not crowd the chart.
  const captioned = spec.series.some((s) => s.labels);
  // Side-by-side columns would print their values over each other: those show them on tap.
  const dataLabel = captioned || (spec.series.length === 1 && spec.categories.length <= 8);
  if (spec.kind === 'bar') {
    return {
      ...base,
      series,
      dataLabel,
      // Room right of a full bar for its caption.
      ...(captioned ? { padding: [12, 72, 4, 8] } : {}),
      xAxis: {
        ...valueAxis,
        boundaryGap: 'justify',
        gridColor: '#f3f4f6',
        axisLineColor: '#e5e7eb',
        fontSize: 10,
      },
      yAxis: { fontSize: 11 },
      extra: { bar: { type: 'group', width: 14, barBorderCircle: true } },
    };
  }
  return {
    ...base,
    series,
    dataLabel,
    xAxis: { disableGrid: true, axisLineColor: '#e5e7eb', fontSize: 10 },
    yAxis: {
      gridType: 'dash',
      gridColor: '#f3f4f6',
      splitNumber: 4,
      data: [{ ...valueAxis, unit: spec.unit === '%' ? '%' : '' }],
    },
    extra: {
      column: { type: 'group', width: spec.series.length > 1 ? 12 : 20, seriesGap: 2, barBorderCircle: true },
    },
  };
}
