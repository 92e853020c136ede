import { dunningStepLabel } from '../billing/dunning-schedule';
import { keyId } from '../ids/ids';
import type { LocalDate } from '../time/shanghai';
import type { PaymentSegment, SegmentSummary } from './payment-segments';

/** 分群催缴策略: reminder offsets for a segment, and the offsets at which staff phone instead. */
export interface SegmentStrategy {
  segment: PaymentSegment;
  /** Days from the due date, ascending (−7: a week before). */
  offsets: number[];
  /** Offsets (among `offsets`) that put the household on the call list even when a message reaches it. */
  callOffsets: number[];
  /** The strategy in words: '到期前 7 天、到期当天提醒；逾期 7 天电话催缴'. */
  description: string;
  /** Why this strategy, from the segment's figures. */
  rationale: string;
}

/** Below this share of bills paid within the window after a reminder, messages alone are not enough. */
export const WEAK_RESPONSE_PERCENT = 50;

const BASE: Record<PaymentSegment, { offsets: number[]; callOffsets: number[]; why: string }> = {
  early: { offsets: [0], callOffsets: [], why: '习惯提前缴费，到期当天提醒一次即可，避免打扰' },
  on_time: { offsets: [-3, 0], callOffsets: [], why: '多在到期前后缴费，到期前 3 天和当天各提醒一次' },
  slightly_late: {
    offsets: [-3, 0, 7],
    callOffsets: [],
    why: '常逾期几天，到期前提醒并在逾期 7 天再提醒',
  },
  chronic: {
    offsets: [-7, 0, 7, 30],
    callOffsets: [7, 30],
    why: '长期拖欠，提前 7 天提醒，逾期 7 天起由物业电话催缴',
  },
  new: { offsets: [-3, 0, 7], callOffsets: [], why: '暂无缴费记录，按常规提醒' },
};

export function describeStrategy(offsets: readonly number[], callOffsets: readonly number[]): string {
  const messages = offsets.filter((o) => !callOffsets.includes(o)).map(dunningStepLabel);
  const calls = callOffsets.map(dunningStepLabel);
  return [
    messages.length ? `${messages.join('、')}提醒` : '',
    calls.length ? `${calls.join('、')}电话催缴` : '',
  ]
    .filter(Boolean)
    .join('；');
}

/**
 * The suggested strategy of a segment. Late segments whose reminders move few payers (under
 * WEAK_RESPONSE_PERCENT paid within the window) get a phone call at 7 days overdue as well.
 */
export function suggestStrategy(summary: Pick<SegmentSummary, 'segment' | 'effect'>): SegmentStrategy {
  const base = BASE[summary.segment];
  const callOffsets = [...base.callOffsets];
  const reminded = summary.effect.reminded;
  const weak =
    reminded.denominator > 0 && reminded.numerator * 100 < reminded.denominator * WEAK_RESPONSE_PERCENT;
  let rationale = base.why;
  if (summary.segment === 'slightly_late' && weak) {
    callOffsets.push(7);
    rationale += `；提醒后按期缴清的仅 ${reminded.percent}，逾期 7 天加电话催缴`;
  }
  const offsets = [...new Set([...base.offsets, ...callOffsets])].sort((a, b) => a - b);
  return {
    segment: summary.segment,
    offsets,
    callOffsets: callOffsets.sort((a, b) => a - b),
    description: describeStrategy(offsets, callOffsets),
    rationale,
  };
}

/**
 * A segment's applied strategy in an estate, with the households it covered when applied
 * (collection `dunning_segments`). The daily dunning job follows it for those households.
 */
export interface DunningSegmentPlan {
  _id: string;
  estateId: string;
  segment: PaymentSegment;
  offsets: number[];
  callOffsets: number[];
  householdIds: string[];
  /** The day the segmentation was computed. */
  basisAsOf: LocalDate;
  appliedAt: number;
  appliedBy: string;
  appliedByName: string;
}

export const dunningSegmentPlanId = (estateId: string, segment: PaymentSegment): string =>
  keyId('dseg', estateId, segment);

/** What the dunning job does for a household: the estate's schedule, or its segment's plan. */
export interface HouseholdDunningPlan {
  offsets: readonly number[];
  callOffsets: readonly number[];
}

export function dunningPlansByHousehold(
  plans: readonly Pick<DunningSegmentPlan, 'householdIds' | 'offsets' | 'callOffsets'>[],
): Map<string, HouseholdDunningPlan> {
  const byHousehold = new Map<string, HouseholdDunningPlan>();
  for (const plan of plans)
    for (const id of plan.householdIds)
      byHousehold.set(id, { offsets: plan.offsets, callOffsets: plan.callOffsets });
  return byHousehold;
}
