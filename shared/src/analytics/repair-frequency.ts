import {
  REPAIR_COST_SHARE_PERCENT,
  type DeviceLifecycle,
  type ReplacementReason,
} from '../facilities/lifecycle';
import { formatYuan, fen } from '../money/money';
import {
  publicAreaLabels,
  workOrderCategoryLabels,
  type WorkOrderCategory,
  type WorkOrderLocation,
  type WorkOrderSource,
} from '../workorder/category';

const DAY_MS = 86_400_000;

/** A repair of the same device or place within this many days of the previous one is a repeat (返修). */
export const REPEAT_WITHIN_DAYS = 30;

/**
 * When a device's repairs call for its renewal (feeds the replacement plan): more than
 * `maxRepairs` repairs in the last `windowDays` days, or recorded repair costs reaching
 * `costSharePercent` of the purchase cost (the lifecycle's own cost rule).
 */
export const REPAIR_RULES = {
  windowDays: 90,
  maxRepairs: 3,
  costSharePercent: REPAIR_COST_SHARE_PERCENT,
} as const;

/** The work-order fields the analysis reads. */
export interface RepairOrder {
  orderId: string;
  orderNo: string;
  createdAt: number;
  category: WorkOrderCategory;
  source: WorkOrderSource;
  state: string;
  location: WorkOrderLocation;
  deviceId: string | null;
}

export interface RepairCostEntry {
  deviceId: string;
  amount: number;
  at: number;
}

/** A repair is a failure: cancelled orders and planned maintenance are not. */
export const isRepair = (order: Pick<RepairOrder, 'state' | 'source'>): boolean =>
  order.state !== 'cancelled' && order.source !== 'maintenance';

export interface FrequencyRow {
  key: string;
  label: string;
  count: number;
  /** Repairs within REPEAT_WITHIN_DAYS of the previous one at the same device or place. */
  repeats: number;
  /** Mean days between consecutive repairs in the window; null with fewer than two. */
  mtbfDays: number | null;
  /** Recorded repair cost in the window (devices only); null when none recorded. */
  costFen: number | null;
  /** Why the device is flagged for renewal; empty when it is not. */
  flags: string[];
}

export interface RepairFrequency {
  from: number;
  to: number;
  total: number;
  repeats: number;
  byDevice: FrequencyRow[];
  byCategory: FrequencyRow[];
  byLocation: FrequencyRow[];
}

/** 'building/unit' for a home (1-2-0301 → 1号楼 2单元), 'building area' for a public place. */
export function locationGroupOf(
  location: WorkOrderLocation,
  buildingNames: ReadonlyMap<string, string>,
  buildingIdOfHousehold: ReadonlyMap<string, string>,
): { key: string; label: string } {
  if (location.kind === 'household') {
    const [building, unit] = location.roomCode.split('-');
    const buildingId = buildingIdOfHousehold.get(location.householdId);
    const name = (buildingId && buildingNames.get(buildingId)) || `${building}号楼`;
    return { key: `unit:${buildingId ?? building}:${unit}`, label: `${name} ${unit}单元（住户）` };
  }
  const building = location.buildingName ?? (location.buildingId && buildingNames.get(location.buildingId));
  return {
    key: `area:${location.buildingId ?? 'estate'}:${location.area}`,
    label: building ? `${building} ${publicAreaLabels[location.area]}` : publicAreaLabels[location.area],
  };
}

/** Where repeats are judged: the device when known, else the room or public area. */
function placeKeyOf(order: RepairOrder): string {
  if (order.deviceId) return `dev:${order.deviceId}`;
  const l = order.location;
  return l.kind === 'household' ? `hh:${l.householdId}` : `area:${l.buildingId ?? 'estate'}:${l.area}`;
}

/** Repeat flags for repairs sorted oldest first. */
function repeatIds(orders: readonly RepairOrder[]): Set<string> {
  const lastAt = new Map<string, number>();
  const repeats = new Set<string>();
  for (const order of orders) {
    const key = placeKeyOf(order);
    const previous = lastAt.get(key);
    if (previous !== undefined && order.createdAt - previous <= REPEAT_WITHIN_DAYS * DAY_MS)
      repeats.add(order.orderId);
    lastAt.set(key, order.createdAt);
  }
  return repeats;
}

function mtbf(ats: readonly number[]): number | null {
  if (ats.length < 2) return null;
  return Math.round(((ats[ats.length - 1]! - ats[0]!) / DAY_MS / (ats.length - 1)) * 10) / 10;
}

/** '近 90 天报修 5 次，超过阈值 3 次', or null while the device is within the rule. */
export function frequencyFlagOf(repairAts: readonly number[], now: number): string | null {
  const recent = repairAts.filter((at) => at > now - REPAIR_RULES.windowDays * DAY_MS && at <= now).length;
  return recent > REPAIR_RULES.maxRepairs
    ? `近 ${REPAIR_RULES.windowDays} 天报修 ${recent} 次，超过阈值 ${REPAIR_RULES.maxRepairs} 次`
    : null;
}

/** Renewal flags of one device as of `now`: the frequency rule, then the cost rule. */
export function repairFlagsOf(
  repairAts: readonly number[],
  costs: readonly Pick<RepairCostEntry, 'amount' | 'at'>[],
  purchaseCostFen: number | null,
  now: number,
): string[] {
  const frequency = frequencyFlagOf(repairAts, now);
  const cost = costs.filter((c) => c.at <= now).reduce((sum, c) => sum + c.amount, 0);
  const costly =
    purchaseCostFen !== null &&
    purchaseCostFen > 0 &&
    cost * 100 >= purchaseCostFen * REPAIR_RULES.costSharePercent;
  return [
    ...(frequency ? [frequency] : []),
    ...(costly
      ? [
          `累计维修费 ${formatYuan(fen(cost))}，达到购置价 ${formatYuan(fen(purchaseCostFen))} 的 ${REPAIR_RULES.costSharePercent}%`,
        ]
      : []),
  ];
}

/**
 * A device's lifecycle with the repair-frequency rule applied: over the rule, it joins the
 * replacement plan next year (or keeps an earlier year) with the rule's words as the reason.
 */
export function withRepairFrequency<L extends Pick<DeviceLifecycle, 'replacementReasons' | 'replaceInYear'>>(
  life: L,
  repairAts: readonly number[],
  now: number,
  today: string,
): L & { repairFrequencyFlag: string | null } {
  const flag = frequencyFlagOf(repairAts, now);
  if (!flag) return { ...life, repairFrequencyFlag: null };
  const reasons: ReplacementReason[] = [...life.replacementReasons, 'repair_frequency'];
  const nextYear = Number(today.slice(0, 4)) + 1;
  return {
    ...life,
    replacementReasons: reasons,
    replaceInYear: Math.min(life.replaceInYear ?? nextYear, nextYear),
    repairFrequencyFlag: flag,
  };
}

/**
 * 报修频次 over [from, to): per device, category and location, with repeats, MTBF and recorded
 * cost. Repeats look back before `from` too, so a repair early in the window can be a repeat of
 * one just before it. Device flags are judged as of `now` over all repairs given.
 */
export function repairFrequency(input: {
  orders: readonly RepairOrder[];
  costs: readonly RepairCostEntry[];
  from: number;
  to: number;
  now: number;
  devices: ReadonlyMap<string, { name: string; purchaseCost: number | null }>;
  buildingNames: ReadonlyMap<string, string>;
  buildingIdOfHousehold: ReadonlyMap<string, string>;
}): RepairFrequency {
  const repairs = input.orders.filter(isRepair).sort((a, b) => a.createdAt - b.createdAt);
  const repeats = repeatIds(repairs);
  const inWindow = repairs.filter((o) => o.createdAt >= input.from && o.createdAt < input.to);
  const costsIn = input.costs.filter((c) => c.at >= input.from && c.at < input.to);

  const group = (
    keyOf: (o: RepairOrder) => { key: string; label: string } | null,
    extra?: (key: string, own: RepairOrder[]) => Pick<FrequencyRow, 'costFen' | 'flags'>,
  ): FrequencyRow[] => {
    const groups = new Map<string, { label: string; own: RepairOrder[] }>();
    for (const order of inWindow) {
      const g = keyOf(order);
      if (!g) continue;
      const entry = groups.get(g.key) ?? { label: g.label, own: [] };
      entry.own.push(order);
      groups.set(g.key, entry);
    }
    return [...groups.entries()]
      .map(([key, { label, own }]) => ({
        key,
        label,
        count: own.length,
        repeats: own.filter((o) => repeats.has(o.orderId)).length,
        mtbfDays: mtbf(own.map((o) => o.createdAt)),
        ...(extra ? extra(key, own) : { costFen: null, flags: [] }),
      }))
      .sort((a, b) => b.count - a.count || b.repeats - a.repeats || a.label.localeCompare(b.label));
  };

  return {
    from: input.from,
    to: input.to,
    total: inWindow.length,
    repeats: inWindow.filter((o) => repeats.has(o.orderId)).length,
    byDevice: group(
      (o) =>
        o.deviceId ? { key: o.deviceId, label: input.devices.get(o.deviceId)?.name ?? o.deviceId } : null,
      (deviceId) => {
        const own = costsIn.filter((c) => c.deviceId === deviceId);
        return {
          costFen: own.length ? own.reduce((s, c) => s + c.amount, 0) : null,
          flags: repairFlagsOf(
            repairs.filter((o) => o.deviceId === deviceId).map((o) => o.createdAt),
            input.costs.filter((c) => c.deviceId === deviceId),
            input.devices.get(deviceId)?.purchaseCost ?? null,
            input.now,
          ),
        };
      },
    ),
    byCategory: group((o) => ({ key: o.category, label: workOrderCategoryLabels[o.category] })),
    byLocation: group((o) => locationGroupOf(o.location, input.buildingNames, input.buildingIdOfHousehold)),
  };
}
