import {
  addPeriods,
  paymentHabitLabels,
  paymentHabitOf,
  periodOf,
  toLocalDate,
  type billingApi,
  type HabitReport,
  type PaymentHabit,
} from '@linli/shared';
import type { Handler } from '../../_lib/define-function';
import { servedEstateId } from '../access';
import { groupByHousehold } from '../group-by-household';
import { loadStatBills } from '../stats/load-stat-bills';

const HABITS: PaymentHabit[] = ['early', 'on_time', 'late', 'no_history'];

/** 缴费习惯 per household over a year (by default), latest payers first. */
export const habitStats: Handler<(typeof billingApi)['stats.habits']> = async (input, ctx) => {
  const estateId = servedEstateId(ctx, input.estateId);
  const asOf = toLocalDate(ctx.now());
  const periodTo = input.periodTo ?? periodOf(ctx.now());
  const periodFrom = input.periodFrom ?? addPeriods(periodTo, -11);
  const bills = await loadStatBills(ctx.db, estateId, { periodFrom, periodTo });
  const byHousehold = groupByHousehold(bills);
  const households: HabitReport['households'] = [...byHousehold.entries()].map(([householdId, own]) => {
    const summary = paymentHabitOf(own, asOf);
    return {
      householdId,
      roomCode: own[0]!.roomCode,
      habitLabel: paymentHabitLabels[summary.habit],
      ...summary,
    };
  });
  households.sort(
    (a, b) =>
      (b.medianDaysLate ?? -Infinity) - (a.medianDaysLate ?? -Infinity) ||
      a.roomCode.localeCompare(b.roomCode, 'en', { numeric: true }),
  );
  return {
    estateId,
    asOf,
    periodFrom,
    periodTo,
    summary: HABITS.map((habit) => ({
      habit,
      label: paymentHabitLabels[habit],
      households: households.filter((h) => h.habit === habit).length,
    })),
    households: households.filter((h) => !input.habit || h.habit === input.habit).slice(0, input.limit),
  };
};
