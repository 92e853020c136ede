import { daysInPeriod, type Period } from '../time/period';
import type { LocalDate } from '../time/shanghai';

/**
 * Calendar arithmetic on 'YYYY-MM-DD' strings. Dates are calendar days in Shanghai, so plain
 * UTC day arithmetic on them is exact (no clock, no offset, no daylight saving).
 */

const pad = (n: number): string => String(n).padStart(2, '0');

function parts(date: LocalDate): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

function fromUtc(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function firstDayOf(period: Period): LocalDate {
  return `${period}-01`;
}

export function lastDayOf(period: Period): LocalDate {
  return `${period}-${pad(daysInPeriod(period))}`;
}

export function periodOfDate(date: LocalDate): Period {
  return date.slice(0, 7);
}

/** Day of the month, 1-based. */
export function dayOfMonth(date: LocalDate): number {
  return Number(date.slice(8, 10));
}

export function dateInPeriod(period: Period, day: number): LocalDate {
  return `${period}-${pad(day)}`;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = parts(date);
  return fromUtc(Date.UTC(y, m - 1, d + days));
}

/** Days from `from` to `to`, both included (1 for the same day). */
export function daysInclusive(from: LocalDate, to: LocalDate): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000) + 1;
}

/** Calendar months later; a day past the end of the target month becomes its last day (1-31 + 1 month = 2-28). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** '6月15日' — how dates read in a bill line. */
export function shortDate(date: LocalDate): string {
  const [, m, d] = parts(date);
  return `${m}月${d}日`;
}

/** '6月1日–6月14日', both days included. */
export function dateRangeText(from: LocalDate, to: LocalDate): string {
  return from === to ? shortDate(from) : `${shortDate(from)}–${shortDate(to)}`;
}

/** The due date of a period's bills: the given day of the month, or its last day in shorter months. */
export function dueDateOf(period: Period, dueDay: number): LocalDate {
  return dateInPeriod(period, Math.min(dueDay, daysInPeriod(period)));
}
