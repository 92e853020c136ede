import { AppError, fen, prepayAccountId, type billingApi } from '@linli/shared';
import { identityOf, type Handler } from '../../_lib/define-function';
import { assertCanSeeHouseholdBills } from '../access';
import { toMovementView } from '../views';

/** 预存 statement: the balance and every movement, newest first. */
export const prepayStatement: Handler<(typeof billingApi)['prepay.statement']> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const household = await ctx.db.households.get(input.householdId);
  if (!household) throw new AppError('NOT_FOUND', '房屋不存在');
  assertCanSeeHouseholdBills(identity, { householdId: household._id, estateId: household.estateId });
  const [account, page] = await Promise.all([
    ctx.db.prepayAccounts.get(prepayAccountId(household._id)),
    ctx.db.prepayMovements.find(
      { where: { householdId: household._id } },
      // Draws of one transaction share `at`; within it the balance only falls, so the lower
      // balance is the later movement.
      {
        sort: [
          ['at', 'desc'],
          ['balanceAfterFen', 'asc'],
        ],
        limit: 50,
        after: input.after,
      },
    ),
  ]);
  return {
    householdId: household._id,
    roomCode: household.roomCode,
    balanceFen: account?.balanceFen ?? fen(0),
    movements: page.items.map(toMovementView),
    ...(page.next ? { next: page.next } : {}),
  };
};
