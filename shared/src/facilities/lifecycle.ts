import { addFen, fen, type Fen } from '../money/money';
import { addCalendarDays, addMonthsClamped } from './recurrence';
import type { Device } from './device';

const DAY_MS = 86_400_000;

/** Warranty and service life are "near" their end inside this many days (临近到期). */
export const NEAR_END_DAYS = 90;
export const NEAR_END_OF_LIFE_DAYS = 365;
/** Failures within the last year that make a device a replacement candidate. */
export const FREQUENT_FAILURES_PER_YEAR = 3;
/** Cumulative repair cost, as a share of the purchase cost, that makes repair uneconomic. */
export const REPAIR_COST_SHARE_PERCENT = 50;

export type WarrantyState = 'none' | 'active' | 'expiring' | 'expired';
export const warrantyStateLabels: Record<WarrantyState, string> = {
  none: '未登记保修',
  active: '保修期内',
  expiring: '保修即将到期',
  expired: '已过保',
};

export interface WarrantyStatus {
  state: WarrantyState;
  /** Days left including today (0 after the last day); null without a warranty date. */
  daysLeft: number | null;
}

function daysFromTo(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function warrantyStatus(device: Pick<Device, 'warrantyUntil'>, today: string): WarrantyStatus {
  if (!device.warrantyUntil) return { state: 'none', daysLeft: null };
  const daysLeft = Math.max(0, daysFromTo(today, device.warrantyUntil) + 1);
  if (daysLeft === 0) return { state: 'expired', daysLeft };
  return { state: daysLeft <= NEAR_END_DAYS ? 'expiring' : 'active', daysLeft };
}

/** The last day of expected service: installed (or bought) plus the design life, minus a day. */
export function endOfLife(
  device: Pick<Device, 'installDate' | 'purchaseDate' | 'serviceLifeYears'>,
): string | null {
  const since = device.installDate ?? device.purchaseDate;
  if (!since || device.serviceLifeYears === null) return null;
  return addCalendarDays(addMonthsClamped(since, device.serviceLifeYears * 12), -1);
}

/** One repair cost entry (维修费用), from the repair ledger. */
export interface RepairCost {
  at: number;
  amount: Fen;
}

/**
 * Mean time between failures in days: the time observed (from installation, or from the first
 * record when the install date is unknown, to now) divided by the failures in it. Null without
 * failures — "never failed" has no mean.
 */
export function mtbfDays(failureAts: readonly number[], observedSince: number, now: number): number | null {
  if (failureAts.length === 0) return null;
  const since = Math.min(observedSince, ...failureAts);
  return Math.round(((now - since) / DAY_MS / failureAts.length) * 10) / 10;
}

export type ReplacementReason =
  'end_of_life' | 'near_end_of_life' | 'frequent_failures' | 'repair_cost' | 'repair_frequency';
export const replacementReasonLabels: Record<ReplacementReason, string> = {
  end_of_life: '已超过设计使用年限',
  near_end_of_life: '临近设计使用年限',
  frequent_failures: `近一年故障 ${FREQUENT_FAILURES_PER_YEAR} 次及以上`,
  repair_cost: `累计维修费超过购置价 ${REPAIR_COST_SHARE_PERCENT}%`,
  /** Shown with the figures instead (analytics/repair-frequency: '近 90 天报修 5 次，超过阈值 3 次'). */
  repair_frequency: '报修过于频繁',
};

export interface DeviceLifecycle {
  failures: number;
  failuresLastYear: number;
  repairCost: Fen;
  mtbfDays: number | null;
  lastFailureAt: number | null;
  warranty: WarrantyStatus;
  endOfLife: string | null;
  /** Negative once past the end of life; null when unknown. */
  daysToEndOfLife: number | null;
  /** Share of the design life used, in whole percent (may exceed 100). */
  lifeUsedPercent: number | null;
  replacementReasons: ReplacementReason[];
  /** The year to budget the renewal in (更新计划年度); null when no reason applies. */
  replaceInYear: number | null;
}

export interface LifecycleInput {
  device: Pick<
    Device,
    'installDate' | 'purchaseDate' | 'serviceLifeYears' | 'warrantyUntil' | 'purchaseCost' | 'createdAt'
  >;
  /** When each failure (a repair order, not planned maintenance) was reported. */
  failureAts: readonly number[];
  repairs: readonly RepairCost[];
  today: string;
  now: number;
}

/** A device's failure record, costs, life and whether (and when) to renew it. */
export function deviceLifecycle({
  device,
  failureAts,
  repairs,
  today,
  now,
}: LifecycleInput): DeviceLifecycle {
  const since = device.installDate ?? device.purchaseDate;
  const observedSince = since ? Date.parse(`${since}T00:00:00+08:00`) : device.createdAt;
  const yearAgo = now - 365 * DAY_MS;
  const failuresLastYear = failureAts.filter((at) => at > yearAgo).length;
  const repairCost = addFen(fen(0), ...repairs.map((r) => r.amount));
  const eol = endOfLife(device);
  const daysToEndOfLife = eol ? daysFromTo(today, eol) : null;
  const lifeUsedPercent =
    since && eol
      ? Math.floor((daysFromTo(since, today) * 100) / Math.max(1, daysFromTo(since, eol) + 1))
      : null;

  const reasons: ReplacementReason[] = [];
  if (daysToEndOfLife !== null && daysToEndOfLife < 0) reasons.push('end_of_life');
  else if (daysToEndOfLife !== null && daysToEndOfLife <= NEAR_END_OF_LIFE_DAYS)
    reasons.push('near_end_of_life');
  if (failuresLastYear >= FREQUENT_FAILURES_PER_YEAR) reasons.push('frequent_failures');
  if (
    device.purchaseCost !== null &&
    device.purchaseCost > 0 &&
    repairCost * 100 >= device.purchaseCost * REPAIR_COST_SHARE_PERCENT
  )
    reasons.push('repair_cost');

  const thisYear = Number(today.slice(0, 4));
  let replaceInYear: number | null = null;
  if (reasons.length) {
    // Worn-out or uneconomic devices go in next year's budget; the rest when their life ends.
    const urgent = reasons.some((r) => r !== 'near_end_of_life');
    replaceInYear = urgent || !eol ? thisYear + 1 : Math.max(thisYear + 1, Number(eol.slice(0, 4)));
    if (reasons.includes('end_of_life')) replaceInYear = thisYear;
  }

  return {
    failures: failureAts.length,
    failuresLastYear,
    repairCost,
    mtbfDays: mtbfDays(failureAts, observedSince, now),
    lastFailureAt: failureAts.length ? Math.max(...failureAts) : null,
    warranty: warrantyStatus(device, today),
    endOfLife: eol,
    daysToEndOfLife,
    lifeUsedPercent,
    replacementReasons: reasons,
    replaceInYear,
  };
}

/** Sort key for the replacement plan: soonest year first, then more reasons, then more failures. */
export function compareReplacement(a: DeviceLifecycle, b: DeviceLifecycle): number {
  return (
    (a.replaceInYear ?? 9999) - (b.replaceInYear ?? 9999) ||
    b.replacementReasons.length - a.replacementReasons.length ||
    b.failuresLastYear - a.failuresLastYear ||
    b.repairCost - a.repairCost
  );
}
