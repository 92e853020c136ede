import { z } from 'zod';
import { LocalDate } from '../time/shanghai';

/** How often a plan repeats (维护周期). */
export const RecurrenceKind = z.enum(['monthly', 'quarterly', 'semi_annual', 'yearly', 'every_n_days']);
export type RecurrenceKind = z.infer<typeof RecurrenceKind>;

export const recurrenceKindLabels: Record<RecurrenceKind, string> = {
  monthly: '每月',
  quarterly: '每季度',
  semi_annual: '每半年',
  yearly: '每年',
  every_n_days: '每隔 N 天',
};

/**
 * A repeating rule anchored on its first due date. Month-based rules keep the anchor's day of the
 * month and clamp it in shorter months (31 Jan → 28/29 Feb → 31 Mar), never drifting.
 */
export const Recurrence = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['monthly', 'quarterly', 'semi_annual', 'yearly']), start: LocalDate }).strict(),
  z
    .object({ kind: z.literal('every_n_days'), start: LocalDate, days: z.number().int().min(1).max(3660) })
    .strict(),
]);
export type Recurrence = z.infer<typeof Recurrence>;

const monthsPerStep = { monthly: 1, quarterly: 3, semi_annual: 6, yearly: 12 } as const;

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parse(date: string): Ymd {
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
}

function format({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Calendar dates as whole days since 1970-01-01; exact, no time zone involved. */
function epochDay(date: string): number {
  const { y, m, d } = parse(date);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function fromEpochDay(day: number): string {
  const t = new Date(day * 86_400_000);
  return format({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
}

/** The calendar date `days` after `date` (negative goes back). */
export function addCalendarDays(date: string, days: number): string {
  return fromEpochDay(epochDay(date) + days);
}

/** `months` after `date`, keeping the day of the month where it exists, else the month's last day. */
export function addMonthsClamped(date: string, months: number): string {
  const { y, m, d } = parse(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return format({ y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) });
}

/** The k-th occurrence (k = 0 is the start). */
export function occurrenceAt(rule: Recurrence, k: number): string {
  if (rule.kind === 'every_n_days') return addCalendarDays(rule.start, k * rule.days);
  return addMonthsClamped(rule.start, k * monthsPerStep[rule.kind]);
}

/** The index of the first occurrence strictly after `after` (0 when `after` precedes the start). */
function firstIndexAfter(rule: Recurrence, after: string): number {
  if (after < rule.start) return 0;
  if (rule.kind === 'every_n_days')
    return Math.floor((epochDay(after) - epochDay(rule.start)) / rule.days) + 1;
  const s = parse(rule.start);
  const a = parse(after);
  const step = monthsPerStep[rule.kind];
  let k = Math.max(0, Math.floor(((a.y - s.y) * 12 + (a.m - s.m)) / step));
  // Clamping can put an occurrence either side of `after` within its month: settle exactly.
  while (occurrenceAt(rule, k) <= after) k++;
  while (k > 0 && occurrenceAt(rule, k - 1) > after) k--;
  return k;
}

/**
 * Every occurrence in (after, through], oldest first. `after` null means from the start. This is
 * the catch-up: whatever fell due while nothing ran comes out, each date once.
 */
export function occurrencesBetween(rule: Recurrence, after: string | null, through: string): string[] {
  const dates: string[] = [];
  for (let k = after === null ? 0 : firstIndexAfter(rule, after); ; k++) {
    const date = occurrenceAt(rule, k);
    if (date > through) return dates;
    dates.push(date);
  }
}

/** The first occurrence on or after `date`. */
export function nextOccurrence(rule: Recurrence, onOrAfter: string): string {
  return occurrenceAt(rule, firstIndexAfter(rule, addCalendarDays(onOrAfter, -1)));
}

/** '每月 31 日（自 2026-01-31）', '每隔 45 天（自 2026-03-01）' */
export function describeRecurrence(rule: Recurrence): string {
  const since = `（自 ${rule.start}）`;
  const day = Number(rule.start.slice(8, 10));
  switch (rule.kind) {
    case 'monthly':
      return `每月 ${day} 日${since}`;
    case 'quarterly':
      return `每季度${since}`;
    case 'semi_annual':
      return `每半年${since}`;
    case 'yearly':
      return `每年 ${rule.start.slice(5)}${since}`;
    case 'every_n_days':
      return `每隔 ${rule.days} 天${since}`;
  }
}
