import type { Rate } from '../billing/collection-stats';

/**
 * What a chart shows, said without the library that draws it. Builders beside each domain turn
 * figures into a spec; the mini-program's <Chart> draws it (uCharts on a 2d canvas, in WeChat and
 * H5 alike). Keeping the spec plain keeps the builders testable and the library replaceable.
 */
export type ChartKind = 'ring' | 'column' | 'bar' | 'arcbar';

/** Colours by meaning, so a chart and the text beside it agree on what is good or bad. */
export type ChartTone = 'good' | 'warn' | 'bad' | 'info' | 'muted';

export interface ChartSeries {
  name: string;
  /** One value per category. A ring takes one value per slice, a arcbar one share in 0–1. */
  data: number[];
  /** One tone for the whole series (column, bar, arcbar). */
  tone?: ChartTone;
  /** One tone per category (ring slices, or bars that differ in meaning). */
  tones?: ChartTone[];
  /** What is written at the end of each bar (e.g. "12 人 · 30%"); the bare value otherwise. */
  labels?: string[];
}

export interface ChartSpec {
  kind: ChartKind;
  categories: string[];
  /** What each category stands for (an id), when tapping one opens it. */
  keys?: string[];
  series: ChartSeries[];
  /** Written after values on the axis and in tooltips. */
  unit: string;
  /** Read by screen readers and shown when the chart cannot be drawn. */
  summary: string;
  /** Text in the middle of a ring or arc. */
  center?: { title: string; subtitle?: string };
  /** Fixed value axis maximum (100 for percentages); otherwise the library picks one. */
  max?: number;
}

/**
 * Nothing to draw: every value is zero (a ring of zeros has no slices, bars of zeros say nothing).
 * An arc is never blank: an empty arc reads as 0%, which is a figure.
 */
export const isBlankChart = (spec: ChartSpec): boolean =>
  spec.kind !== 'arcbar' &&
  spec.series.every((s) => s.data.every((value) => !Number.isFinite(value) || value === 0));

/** A rate as a percentage with two decimals, 0 when there is nothing to divide by. */
export const percentOf = (rate: Pick<Rate, 'numerator' | 'denominator'>): number =>
  rate.denominator > 0 ? Math.round((rate.numerator / rate.denominator) * 10000) / 100 : 0;

/** Fen to yuan as a plain number for an axis (bills stay exact in fen everywhere else). */
export const yuanOf = (fen: number): number => Math.round(fen) / 100;

/** A ring of counts, slices in the same order as the list beside it (which writes the total out). */
export function countRing(
  slices: ReadonlyArray<{ label: string; count: number; tone: ChartTone }>,
  name: string,
  unit: string,
): ChartSpec {
  const total = slices.reduce((n, s) => n + s.count, 0);
  return {
    kind: 'ring',
    categories: slices.map((s) => s.label),
    series: [{ name, data: slices.map((s) => s.count), tones: slices.map((s) => s.tone) }],
    unit,
    summary: `${name} ${total} ${unit}：${slices.map((s) => `${s.label} ${s.count}`).join('，')}`,
  };
}

/** A 0–100 satisfaction index: green from 80, amber from 60, red below; grey with no ratings yet. */
export const indexTone = (index: number | null): ChartTone =>
  index === null ? 'muted' : index >= 80 ? 'good' : index >= 60 ? 'warn' : 'bad';
