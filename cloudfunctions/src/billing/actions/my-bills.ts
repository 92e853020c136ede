import {
  AppError,
  fen,
  OPEN_STATUSES,
  prepayAccountId,
  toLocalDate,
  type billingApi,
  type HouseholdBills,
} from '@linli/shared';
import { findAll } from '../../_lib/collections';
import { identityOf, type Handler } from '../../_lib/define-function';
import { toBillView } from '../views';

const PAID_PAGE = 20;

/** The 缴费 tab: per bound household, open bills with totals and a page of settled ones. */
export const myBills: Handler<(typeof billingApi)['bills.mine']> = async (input, ctx) => {
  const identity = identityOf(ctx);
  if (input.householdId && !identity.householdIds.includes(input.householdId))
    throw new AppError('FORBIDDEN', '您无权查看该房屋的账单');
  if (input.paidAfter && !input.householdId) throw new AppError('VALIDATION', '查看更多已缴账单时请指定房屋');
  const asOf = toLocalDate(ctx.now());
  const householdIds = input.householdId ? [input.householdId] : identity.householdIds;
  const households: HouseholdBills[] = [];
  for (const householdId of householdIds) {
    const household = await ctx.db.households.get(householdId);
    if (!household) continue;
    const [estate, open, settled, account] = await Promise.all([
      ctx.db.estates.get(household.estateId),
      findAll(
        ctx.db.bills,
        { where: { householdId, status: { in: [...OPEN_STATUSES] } } },
        { sort: [['dueDate', 'asc']] },
      ),
      ctx.db.bills.find(
        { where: { householdId, status: { in: ['paid', 'waived'] } } },
        { sort: [['period', 'desc']], limit: PAID_PAGE, after: input.paidAfter },
      ),
      ctx.db.prepayAccounts.get(prepayAccountId(householdId)),
    ]);
    const unpaid = open.map((bill) => toBillView(bill, asOf));
    const outstandingFen = fen(unpaid.reduce((sum, b) => sum + b.outstandingFen, 0));
    const lateFeeFen = fen(unpaid.reduce((sum, b) => sum + (b.lateFee?.amountFen ?? 0), 0));
    households.push({
      householdId,
      roomCode: household.roomCode,
      estateName: estate?.name ?? '',
      prepayBalanceFen: account?.balanceFen ?? fen(0),
      unpaid,
      paid: settled.items.map((bill) => toBillView(bill, asOf)),
      ...(settled.next ? { paidNext: settled.next } : {}),
      totals: {
        unpaidBills: unpaid.length,
        outstandingFen,
        lateFeeFen,
        payableFen: fen(outstandingFen + lateFeeFen),
      },
    });
  }
  return { households };
};
