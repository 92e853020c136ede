import { AppError, toLocalDate, type billingApi } from '@linli/shared';
import { identityOf, type Handler } from '../../_lib/define-function';
import { assertCanSeeHouseholdBills } from '../access';
import { toBillView } from '../views';

/** One bill with every line explained; only for its household's owners and billing staff. */
export const getBill: Handler<(typeof billingApi)['bills.get']> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const bill = await ctx.db.bills.get(input.billId);
  if (!bill) throw new AppError('NOT_FOUND', '账单不存在');
  assertCanSeeHouseholdBills(identity, bill);
  return toBillView(bill, toLocalDate(ctx.now()));
};
