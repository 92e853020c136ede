import { type workorderApi } from '@linli/shared';
import { identityOf, type Handler } from '../../_lib/define-function';
import { notifyOwner, notifyTechnician } from '../notify';
import { voidUnpaidRepairBills } from '../paid-repair';
import { performVerb } from '../perform';
import { toDetail } from '../views';

/**
 * 取消: the owner before work starts, the desk at any point until completion. The technician
 * holding it is told not to come; the household is told when the desk cancelled.
 */
export const cancel: Handler<(typeof workorderApi)['cancel']> = async (input, ctx) => {
  const { before, after, viewer, acting } = await performVerb(
    ctx,
    input.orderId,
    'cancel',
    ['staff', 'owner'],
    { note: input.reason },
  );
  const identity = identityOf(ctx);
  await voidUnpaidRepairBills(ctx.store, after, { id: identity.accountId, name: acting.name }, ctx.now());
  await notifyTechnician(ctx, after, before.assigneeAccountId, 'withdrawn');
  if (acting.actor.kind === 'staff') await notifyOwner(ctx, after, 'cancelled');
  return toDetail(ctx, after, viewer);
};
