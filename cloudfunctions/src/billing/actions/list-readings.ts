import { AppError, type billingApi } from '@linli/shared';
import type { Filter } from '../../_lib/store/port';
import type { Handler } from '../../_lib/define-function';
import { servedEstateId } from '../access';
import { toReadingView } from '../views';

/** An estate's readings of one usage month in room order, or one household's readings newest first. */
export const listReadings: Handler<(typeof billingApi)['readings.list']> = async (input, ctx) => {
  let estateId: string;
  if (input.householdId) {
    const household = await ctx.db.households.get(input.householdId);
    if (!household) throw new AppError('NOT_FOUND', '房屋不存在');
    estateId = servedEstateId(ctx, household.estateId);
  } else estateId = servedEstateId(ctx, input.estateId);
  const where: Filter = { estateId };
  if (input.householdId) where.householdId = input.householdId;
  if (input.period) where.period = input.period;
  if (input.meter) where.meter = input.meter;
  if (input.status) where.status = input.status;
  const page = await ctx.db.meterReadings.find(
    { where },
    {
      // Household ids derive from room codes: an estate's month lists in room order.
      sort: input.householdId ? [['period', 'desc']] : [['householdId', 'asc']],
      limit: 100,
      after: input.after,
    },
  );
  return { items: page.items.map(toReadingView), ...(page.next ? { next: page.next } : {}) };
};
