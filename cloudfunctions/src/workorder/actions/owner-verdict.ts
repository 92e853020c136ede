import { assertRepairPaid, type workorderApi } from '@linli/shared';
import type { Handler } from '../../_lib/define-function';
import { startPostRepairSurvey } from '../../survey/post-repair';
import { settleFix } from '../knowledge';
import { syncRepairPayments } from '../paid-repair';
import { performVerb } from '../perform';
import { routeOrder } from '../route-order';
import { toDetail } from '../views';

/**
 * 验收: the owner accepts the repair and rates it; the fix joins the knowledge base as verified.
 * A confirmed repair fee must be paid first (the bill is checked, however it was paid).
 */
export const confirm: Handler<(typeof workorderApi)['confirm']> = async (input, ctx) => {
  await syncRepairPayments(ctx.store, input.orderId, ctx.now());
  const { after, viewer } = await performVerb(ctx, input.orderId, 'confirm', ['owner'], {
    guard: (fresh) => assertRepairPaid(fresh),
    acceptance: { rating: input.rating, comment: input.comment ?? null, at: ctx.now(), auto: false },
    note: input.comment ?? null,
  });
  await settleFix(ctx, after._id, after.sla.round, 'verified');
  // A short 维修满意度 survey follows every accepted repair (one per order, however often called).
  await startPostRepairSurvey(ctx, after._id);
  return toDetail(ctx, after, viewer);
};

/** 返修: the repair did not hold; the order goes back for dispatch with fresh deadlines. */
export const reopen: Handler<(typeof workorderApi)['reopen']> = async (input, ctx) => {
  const { before, after, viewer } = await performVerb(ctx, input.orderId, 'reopen', ['owner'], {
    note: input.reason,
  });
  await settleFix(ctx, after._id, before.sla.round, 'failed');
  return toDetail(ctx, await routeOrder(ctx, after), viewer);
};
