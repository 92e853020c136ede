import type { Dayjs } from 'dayjs';
import { z } from 'zod';
import { shanghai, startOfLocalDate, type Instant } from './shanghai';

/** A billing period: a natural month in Shanghai, 'YYYY-MM'. */
export const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '账期格式应为 YYYY-MM');
export type Period = z.infer<typeof Period>;

export function periodOf(instant: Instant): Period {
  return shanghai(instant).format('YYYY-MM');
}

/** The first instant of the period. */
export function periodStart(period: Period): Dayjs {
  return startOfLocalDate(`${period}-01`);
}

/** The first instant after the period (exclusive end). */
export function periodEnd(period: Period): Dayjs {
  return periodStart(addPeriods(period, 1));
}

export function addPeriods(period: Period, months: number): Period {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const monthLengths = new Map<Period, number>();

/** Plain calendar arithmetic, remembered: bill runs ask it several times per household. */
export function daysInPeriod(period: Period): number {
  let days = monthLengths.get(period);
  if (days === undefined) {
    const [year, month] = period.split('-').map(Number) as [number, number];
    days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    monthLengths.set(period, days);
  }
  return days;
}

/** Periods from `from` to `to`, both included. */
export function periodRange(from: Period, to: Period): Period[] {
  const periods: Period[] = [];
  for (let p = from; p <= to; p = addPeriods(p, 1)) periods.push(p);
  return periods;
}
