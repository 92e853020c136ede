import { AppError, type WorkOrder } from '@linli/shared';
import type { ActionContext } from '../_lib/define-function';
import { workorderCollections, type WorkOrderDoc } from './documents';

/** Attempts before giving up on an order that keeps changing under us. */
const ATTEMPTS = 3;

export async function loadOrder(ctx: Pick<ActionContext, 'store'>, orderId: string): Promise<WorkOrderDoc> {
  const order = await workorderCollections(ctx.store).workorders.get(orderId);
  if (!order) throw new AppError('NOT_FOUND', '工单不存在');
  return order;
}

/**
 * Apply one change to one order, addressed by id, compare-and-set on its version: of many
 * concurrent writers exactly one wins each version. `change` sees the fresh order on every
 * attempt, so its guards re-check what a concurrent writer did (a grab lost is a CONFLICT,
 * not a second winner). It throws to refuse, before anything is written.
 */
export async function commitChange(
  ctx: Pick<ActionContext, 'store'>,
  orderId: string,
  change: (order: WorkOrder) => WorkOrder,
): Promise<{ before: WorkOrder; after: WorkOrder }> {
  const { workorders } = workorderCollections(ctx.store);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const before = await loadOrder(ctx, orderId);
    const after = change(before);
    const { _id: _ignored, ...fields } = after;
    if (await workorders.update(orderId, { set: fields }, { version: before.version }))
      return { before, after };
  }
  throw new AppError('CONFLICT', '工单正在被他人处理，请刷新后重试');
}
