import {
  AppError,
  describeStrategy,
  dunningSegmentPlanId,
  paymentSegmentLabels,
  segmentHouseholds,
  suggestStrategy,
  type analyticsApi,
  type PaymentHabitsView,
  type ParsedInputOf,
} from '@linli/shared';
import { findAll } from '../../_lib/collections';
import { identityOf, type ActionContext, type Handler } from '../../_lib/define-function';
import { servedEstateId } from '../../billing/access';
import { dunningScheduleOf } from '../../billing/dunning/settings';
import { dunningSegmentPlans, type DunningSegmentDoc } from '../documents';
import { loadHabitData } from '../load-habits';

type HabitsInput = ParsedInputOf<(typeof analyticsApi)['habits.segments']>;

/** Households listed for one segment. */
const HOUSEHOLDS_SHOWN = 100;

/** Segment the estate's households and sum each segment up, with its suggested and applied strategy. */
export async function habitsReport(ctx: ActionContext, input: HabitsInput) {
  const estateId = servedEstateId(ctx, input.estateId);
  const data = await loadHabitData(ctx.db, estateId, input, ctx.now());
  const { households, segments } = segmentHouseholds(
    data.households.map((h) => h._id),
    data.bills,
    data.reminders,
    { asOf: data.asOf, withinDays: input.withinDays },
  );
  const roomOf = new Map(data.households.map((h) => [h._id, h.roomCode]));
  const listed = households
    .map((h) => ({ ...h, roomCode: roomOf.get(h.householdId) ?? '', label: paymentSegmentLabels[h.segment] }))
    .sort(
      (a, b) =>
        (b.medianDaysLate ?? -Infinity) - (a.medianDaysLate ?? -Infinity) ||
        a.roomCode.localeCompare(b.roomCode, 'en', { numeric: true }),
    );
  const [schedule, plans] = await Promise.all([
    dunningScheduleOf(ctx.db, estateId),
    findAll(dunningSegmentPlans(ctx.store), { where: { estateId } }),
  ]);
  const planOf = new Map(plans.map((p) => [p.segment, p]));
  const view: PaymentHabitsView = {
    estateId,
    asOf: data.asOf,
    periodFrom: data.periodFrom,
    periodTo: data.periodTo,
    withinDays: input.withinDays,
    segments: segments.map((summary) => {
      const plan = planOf.get(summary.segment);
      return {
        ...summary,
        strategy: suggestStrategy(summary),
        applied: plan
          ? {
              segment: plan.segment,
              offsets: plan.offsets,
              callOffsets: plan.callOffsets,
              basisAsOf: plan.basisAsOf,
              appliedAt: plan.appliedAt,
              appliedByName: plan.appliedByName,
              households: plan.householdIds.length,
              description: describeStrategy(plan.offsets, plan.callOffsets),
            }
          : null,
      };
    }),
    estateSchedule: { offsets: schedule.offsets, description: describeStrategy(schedule.offsets, []) },
    households: [],
  };
  return { view, households: listed };
}

export const habitSegments: Handler<(typeof analyticsApi)['habits.segments']> = async (input, ctx) => {
  const { view, households } = await habitsReport(ctx, input);
  const shown = input.segment ? households.filter((h) => h.segment === input.segment) : [];
  return { ...view, households: shown.slice(0, HOUSEHOLDS_SHOWN) };
};

/**
 * 一键应用: the segment's suggested strategy, with the households it has today, becomes the
 * schedule the dunning job follows for them. The write goes through the audited store.
 */
export const applyStrategy: Handler<(typeof analyticsApi)['habits.apply']> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const { view, households } = await habitsReport(ctx, input);
  const segment = view.segments.find((s) => s.segment === input.segment)!;
  const members = households.filter((h) => h.segment === input.segment).map((h) => h.householdId);
  if (!members.length)
    throw new AppError('PRECONDITION_FAILED', `「${segment.label}」分群暂无住户，无需应用策略`);
  const plan: DunningSegmentDoc = {
    _id: dunningSegmentPlanId(view.estateId, input.segment),
    estateId: view.estateId,
    segment: input.segment,
    offsets: segment.strategy.offsets,
    callOffsets: segment.strategy.callOffsets,
    householdIds: members,
    basisAsOf: view.asOf,
    appliedAt: ctx.now(),
    appliedBy: identity.accountId,
    appliedByName: identity.displayName,
  };
  await dunningSegmentPlans(ctx.store).set(plan);
  return habitSegments({ ...input, segment: input.segment }, ctx);
};

export const resetStrategy: Handler<(typeof analyticsApi)['habits.reset']> = async (input, ctx) => {
  const estateId = servedEstateId(ctx, input.estateId);
  await dunningSegmentPlans(ctx.store).remove(dunningSegmentPlanId(estateId, input.segment));
  return habitSegments({ ...input, segment: input.segment }, ctx);
};
