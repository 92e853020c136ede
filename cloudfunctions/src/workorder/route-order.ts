import { isAppError, isPoolState, type WorkOrder } from '@linli/shared';
import type { ActionContext } from '../_lib/define-function';
import { loadOrder } from './commit';
import { dispatchOrder, type Dispatcher } from './dispatch/dispatch-order';
import { settingsOf } from './settings';

export const SYSTEM_DISPATCHER: Dispatcher = { kind: 'system', name: '系统' };

/**
 * An order waiting for a technician (new, returned or reopened) goes where the estate's
 * dispatch mode says: smart dispatch now, or the pool for grabs and the desk. The order is
 * already committed, so a failed dispatch leaves it in the pool rather than failing the caller.
 */
export async function routeOrder(ctx: ActionContext, order: WorkOrder): Promise<WorkOrder> {
  if (!isPoolState(order.state)) return order;
  const { dispatchMode } = await settingsOf(ctx.store, order.estateId);
  if (dispatchMode !== 'auto') return order;
  try {
    return (await dispatchOrder(ctx, order._id, SYSTEM_DISPATCHER)).order;
  } catch (error) {
    if (!isAppError(error)) throw error;
    ctx.log.log('warn', 'workorder.auto_dispatch_skipped', { orderId: order._id, code: error.code });
    return loadOrder(ctx, order._id);
  }
}
