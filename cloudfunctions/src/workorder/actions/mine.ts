import { OPEN_STATES, type WorkOrderState, type workorderApi } from '@linli/shared';
import { identityOf, type Handler } from '../../_lib/define-function';
import { isDeskOf } from '../access';
import { workorderCollections } from '../documents';
import { toMyOrder } from '../views';

const PAGE = 20;

/** For the household a completed order is still open: it waits for their acceptance. */
const scopeStates: Record<'open' | 'finished', readonly WorkOrderState[]> = {
  open: [...OPEN_STATES, 'completed'],
  finished: ['closed', 'cancelled'],
};

/** 我的报修: the orders of the caller's bound homes, newest first, each with its timeline. */
export const mine: Handler<(typeof workorderApi)['mine']> = async (input, ctx) => {
  const identity = identityOf(ctx);
  if (!identity.householdIds.length) return { items: [] };
  const page = await workorderCollections(ctx.store).workorders.find(
    {
      where: {
        householdId: { in: [...identity.householdIds] },
        ...(input.scope === 'all' ? {} : { state: { in: [...scopeStates[input.scope]] } }),
      },
    },
    { sort: [['createdAt', 'desc']], limit: PAGE, after: input.after },
  );
  const now = ctx.now();
  return {
    items: page.items.map((order) =>
      toMyOrder(
        order,
        { identity, household: true, desk: isDeskOf(identity, order.estateId), technician: null },
        now,
      ),
    ),
    ...(page.next ? { next: page.next } : {}),
  };
};
