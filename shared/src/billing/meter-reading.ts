import { z } from 'zod';
import {
  compareDecimals,
  DecimalString,
  divideRounded,
  parseDecimal,
  pow10,
  formatScaled,
  subtractDecimals,
  sumDecimals,
  trimDecimal,
} from '../money/decimal';
import { keyId } from '../ids/ids';
import type { Period } from '../time/period';
import type { LocalDate } from '../time/shanghai';
import type { MeterKind } from './fee-standard';

/** A meter reading as entered: never negative, at most 3 decimals. */
export const ReadingValue = DecimalString.refine((v) => !v.startsWith('-'), '读数不能为负数').refine(
  (v) => (v.split('.')[1] ?? '').length <= 3,
  '读数最多 3 位小数',
);

/** 换表: the old meter's last figure and the new meter's first figure. */
export const MeterReplacement = z.object({ oldFinal: ReadingValue, newInitial: ReadingValue }).strict();
export type MeterReplacement = z.infer<typeof MeterReplacement>;

export type ReadingStatus = 'approved' | 'pending_review' | 'rejected';
export const readingStatusLabels: Record<ReadingStatus, string> = {
  approved: '已确认',
  pending_review: '待复核',
  rejected: '已驳回',
};

/**
 * One meter reading of a household for a usage month. `consumption` is null for the first
 * reading of a meter (a baseline, nothing to bill). Readings flagged as outliers wait for
 * review and are not billed until approved.
 */
export type MeterReading = {
  _id: string;
  estateId: string;
  householdId: string;
  roomCode: string;
  meter: MeterKind;
  period: Period;
  reading: string;
  readOn: LocalDate;
  previousReadingId: string | null;
  previousReading: string | null;
  replacement: MeterReplacement | null;
  consumption: string | null;
  status: ReadingStatus;
  /** Why it waits for review, in words staff understand. */
  flag: string | null;
  recordedBy: string;
  recordedByName: string;
  recordedAt: number;
  reviewedBy: string | null;
  reviewedAt: number | null;
  reviewNote: string | null;
};

export const meterReadingId = (householdId: string, meter: MeterKind, period: Period): string =>
  keyId('mrd', householdId, meter, period);

export type ConsumptionResult = { ok: true; consumption: string | null } | { ok: false; message: string };

/**
 * Consumption since the previous reading. A meter cannot run backwards: a lower figure is
 * refused unless a replacement is recorded, and then consumption is what the old meter ran
 * up to its last figure plus what the new one ran from its first.
 */
export function consumptionOf(
  previous: string | null,
  current: string,
  replacement: MeterReplacement | null,
): ConsumptionResult {
  if (replacement) {
    if (previous !== null && compareDecimals(replacement.oldFinal, previous) < 0)
      return { ok: false, message: `旧表最后读数不能小于上次读数 ${previous}` };
    if (compareDecimals(current, replacement.newInitial) < 0)
      return { ok: false, message: `本次读数不能小于新表起始读数 ${replacement.newInitial}` };
    const oldPart = previous === null ? '0' : subtractDecimals(replacement.oldFinal, previous);
    return {
      ok: true,
      consumption: trimDecimal(sumDecimals([oldPart, subtractDecimals(current, replacement.newInitial)])),
    };
  }
  if (previous === null) return { ok: true, consumption: null };
  if (compareDecimals(current, previous) < 0)
    return { ok: false, message: `本次读数 ${current} 小于上次读数 ${previous}；如已换表，请填写换表信息` };
  return { ok: true, consumption: trimDecimal(subtractDecimals(current, previous)) };
}

export type ReadingAssessment =
  { ok: true; consumption: string | null; flag: string | null } | { ok: false; message: string };

/**
 * The checks every new reading passes, typed in one by one or imported from a sheet: against
 * the previous reading (consumptionOf), then against the household's history (outlierFlag).
 * `history` is the earlier approved consumptions, newest first.
 */
export function assessReading(
  previous: string | null,
  current: string,
  replacement: MeterReplacement | null,
  history: readonly string[],
): ReadingAssessment {
  const measured = consumptionOf(previous, current, replacement);
  if (!measured.ok) return measured;
  return { ok: true, consumption: measured.consumption, flag: outlierFlag(measured.consumption, history) };
}

/**
 * The history an outlier is judged against: the latest OUTLIER_HISTORY approved consumptions
 * within OUTLIER_WINDOW_MONTHS before the reading's month (a recent normal, not last year's).
 */
export const OUTLIER_HISTORY = 6;
export const OUTLIER_WINDOW_MONTHS = 12;

/** How many times the household's average a consumption may be before someone checks it. */
export const OUTLIER_FACTOR = 3;

/**
 * Flag a consumption above OUTLIER_FACTOR × the household's average of earlier approved
 * consumptions. Without history, or with an average of zero, nothing is flagged: there is no
 * normal to compare with.
 */
export function outlierFlag(consumption: string | null, history: readonly string[]): string | null {
  if (consumption === null || !history.length) return null;
  const total = parseDecimal(sumDecimals([...history]));
  if (total.units <= 0n) return null;
  // consumption > factor × total / n  ⇔  consumption × n > factor × total (exact, no division)
  const current = parseDecimal(consumption);
  const scale = Math.max(current.scale, total.scale);
  const lhs = current.units * pow10(scale - current.scale) * BigInt(history.length);
  const rhs = total.units * pow10(scale - total.scale) * BigInt(OUTLIER_FACTOR);
  if (lhs <= rhs) return null;
  const average = formatScaled({
    units: divideRounded(total.units * 100n, BigInt(history.length) * pow10(total.scale), 'half-up'),
    scale: 2,
  });
  return `用量 ${consumption} 超过近 ${history.length} 期平均 ${trimDecimal(average)} 的 ${OUTLIER_FACTOR} 倍，请复核`;
}

/** A new reading that passed assessReading: approved, or held for review when flagged. */
export function newMeterReading(input: {
  household: { _id: string; estateId: string; roomCode: string };
  meter: MeterKind;
  period: Period;
  reading: string;
  readOn: LocalDate;
  replacement: MeterReplacement | null;
  previous: { id: string; reading: string } | null;
  consumption: string | null;
  flag: string | null;
  actor: { id: string; name: string };
  at: number;
}): MeterReading {
  const { household, meter, period, previous, flag, actor } = input;
  return {
    _id: meterReadingId(household._id, meter, period),
    estateId: household.estateId,
    householdId: household._id,
    roomCode: household.roomCode,
    meter,
    period,
    reading: input.reading,
    readOn: input.readOn,
    previousReadingId: previous?.id ?? null,
    previousReading: previous?.reading ?? null,
    replacement: input.replacement,
    consumption: input.consumption,
    status: flag ? 'pending_review' : 'approved',
    flag,
    recordedBy: actor.id,
    recordedByName: actor.name,
    recordedAt: input.at,
    reviewedBy: null,
    reviewedAt: null,
    reviewNote: null,
  };
}
