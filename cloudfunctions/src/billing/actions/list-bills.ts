import { toLocalDate, type billingApi } from '@linli/shared';
import type { Handler } from '../../_lib/define-function';
import type { Filter } from '../../_lib/store/port';
import { servedEstateId } from '../access';
import { toBillView } from '../views';

/** Staff's bill list: one estate, optionally one period, status, building, item or household. */
export const listBills: Handler<(typeof billingApi)['bills.list']> = async (input, ctx) => {
  const estateId = servedEstateId(ctx, input.estateId);
  const where: Filter = { estateId };
  if (input.period) where.period = input.period;
  if (input.status) where.status = input.status;
  if (input.buildingId) where.buildingId = input.buildingId;
  if (input.itemCode) where.itemCode = input.itemCode;
  if (input.householdId) where.householdId = input.householdId;
  const page = await ctx.db.bills.find(
    { where },
    {
      // Household ids derive from room codes and bill ids end with the item: this is room order.
      sort: [
        ['period', 'desc'],
        ['householdId', 'asc'],
      ],
      limit: 50,
      after: input.after,
    },
  );
  const asOf = toLocalDate(ctx.now());
  return {
    items: page.items.map((bill) => toBillView(bill, asOf)),
    ...(page.next ? { next: page.next } : {}),
  };
};
