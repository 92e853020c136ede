import { currentQuote, formatYuan, workOrderStateLabels, ZERO, type WorkOrder } from '@linli/shared';
import type { ActionContext } from '../_lib/define-function';
import { enqueue, enqueueToHousehold } from '../messaging';

/**
 * Every message the work-order context sends goes through here (报修进度通知), so the channel
 * can change in one place. Messages are best effort: the change they report is already
 * committed, so a failure is logged, never thrown. The messaging service applies quota,
 * preferences and de-duplication by (kind, eventKey, account).
 */

/** Pages the cards open (the mini-program's routes for the order detail). */
export const OWNER_ORDER_PAGE = 'pages/repair-detail/index';
export const STAFF_ORDER_PAGE = 'admin/workorder/index';
export const TECHNICIAN_ORDER_PAGE = 'admin/task/index';

type Ctx = Pick<ActionContext, 'store' | 'now' | 'log'>;

interface Card {
  toAccountId: string;
  eventKey: string;
  /** ≤ 5 Chinese characters (WeChat `phrase`). */
  status: string;
  note: string;
  page: string;
}

async function send(ctx: Ctx, order: WorkOrder, card: Card): Promise<boolean> {
  try {
    const outcome = await enqueue(
      ctx.store,
      {
        kind: 'repair_progress',
        eventKey: card.eventKey,
        toAccountId: card.toAccountId,
        estateId: order.estateId,
        householdId: order.householdId,
        fields: {
          orderNo: order.orderNo,
          subject: order.subject,
          status: card.status,
          note: card.note,
          at: ctx.now(),
        },
        page: `${card.page}?id=${order._id}`,
      },
      { now: ctx.now() },
    );
    // Recorded even without quota: staff see it in the outbox and can call instead.
    return outcome.status !== 'invalid';
  } catch (error) {
    ctx.log.log('error', 'workorder.notify_failed', { orderId: order._id, eventKey: card.eventKey, error });
    return false;
  }
}

/** The version is the change's identity: each transition notifies once. */
const eventKeyOf = (order: WorkOrder) => `${order._id}.v${order.version}`;

export type OwnerEvent = 'assigned' | 'en_route' | 'arrived' | 'quoted' | 'completed' | 'cancelled';

const ownerCards: Record<OwnerEvent, (order: WorkOrder) => { status: string; note: string }> = {
  assigned: (o) => ({
    status: workOrderStateLabels.assigned,
    note: `${o.assigneeName ?? '维修师傅'}将为您上门维修`,
  }),
  en_route: (o) => ({
    status: workOrderStateLabels.en_route,
    note: `${o.assigneeName ?? '维修师傅'}正在上门，请保持电话畅通`,
  }),
  arrived: () => ({ status: '师傅已到达', note: '维修师傅已到达，正在处理' }),
  quoted: (o) => ({
    status: workOrderStateLabels.quoted,
    note: `维修费 ${formatYuan(currentQuote(o)?.totalFen ?? ZERO)}，请在报修详情确认`,
  }),
  completed: () => ({ status: workOrderStateLabels.completed, note: '维修已完成，请确认验收并评价' }),
  cancelled: () => ({ status: workOrderStateLabels.cancelled, note: '工单已取消，如有疑问请联系物业' }),
};

/**
 * Tell the household how the repair progresses: the reporting account, or, for orders the desk
 * registered, every account bound to the household.
 */
export async function notifyOwner(ctx: Ctx, order: WorkOrder, event: OwnerEvent): Promise<void> {
  const card = { eventKey: eventKeyOf(order), page: OWNER_ORDER_PAGE, ...ownerCards[event](order) };
  const accountId = order.reporter.accountId;
  if (accountId) {
    await send(ctx, order, { toAccountId: accountId, ...card });
    return;
  }
  if (!order.householdId) return;
  try {
    await enqueueToHousehold(
      ctx.store,
      {
        kind: 'repair_progress',
        eventKey: card.eventKey,
        estateId: order.estateId,
        householdId: order.householdId,
        fields: {
          orderNo: order.orderNo,
          subject: order.subject,
          status: card.status,
          note: card.note,
          at: ctx.now(),
        },
        page: `${card.page}?id=${order._id}`,
      },
      { now: ctx.now() },
    );
  } catch (error) {
    ctx.log.log('error', 'workorder.notify_failed', { orderId: order._id, eventKey: card.eventKey, error });
  }
}

/** Tell a technician an order was given to them, or taken away. */
export async function notifyTechnician(
  ctx: Ctx,
  order: WorkOrder,
  accountId: string | null,
  event: 'assigned' | 'withdrawn',
): Promise<void> {
  if (!accountId) return;
  await send(ctx, order, {
    toAccountId: accountId,
    eventKey: `${eventKeyOf(order)}.tech`,
    page: TECHNICIAN_ORDER_PAGE,
    ...(event === 'assigned'
      ? { status: '新工单', note: `${order.locationLabel}，请及时接单` }
      : { status: '已撤回', note: '该工单已取消或改派，无需上门' }),
  });
}

/** Warn the estate's desk that an order is about to miss, or missed, a deadline. */
export async function notifyEscalation(
  ctx: Ctx,
  order: WorkOrder,
  escalationId: string,
  accountIds: readonly string[],
  breached: boolean,
  note: string,
): Promise<number> {
  let recorded = 0;
  for (const toAccountId of accountIds) {
    const ok = await send(ctx, order, {
      toAccountId,
      eventKey: escalationId,
      page: STAFF_ORDER_PAGE,
      status: breached ? '已超时' : '即将超时',
      note,
    });
    if (ok) recorded++;
  }
  return recorded;
}
