import type { billingApi } from '@linli/shared';
import type { Filter } from '../../_lib/store/port';
import type { Handler } from '../../_lib/define-function';
import { servedEstateId } from '../access';
import { toReadingView } from '../views';

export const listReadings: Handler<(typeof billingApi)['readings.list']> = async (input, ctx) => {
  const estateId = servedEstateId(ctx, input.estateId);
  const where: Filter = { estateId, period: input.period };
  if (input.meter) where.meter = input.meter;
  if (input.status) where.status = input.status;
  const page = await ctx.db.meterReadings.find(
    { where },
    // Household ids derive from room codes: this is room order.
    { sort: [['householdId', 'asc']], limit: 100, after: input.after },
  );
  return { items: page.items.map(toReadingView), ...(page.next ? { next: page.next } : {}) };
};
