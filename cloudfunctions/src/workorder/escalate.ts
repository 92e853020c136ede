import {
  escalationLevelLabels,
  escalationsDue,
  formatDateTime,
  keyId,
  withSlaFields,
  type EscalationLevel,
  type WorkOrder,
} from '@linli/shared';
import { findAll } from '../_lib/collections';
import type { ActionContext } from '../_lib/define-function';
import {
  WORKORDER_ESCALATIONS,
  WORKORDERS,
  workorderCollections,
  type EscalationDoc,
  type WorkOrderDoc,
} from './documents';
import { notifyEscalation } from './notify';

type Ctx = Pick<ActionContext, 'store' | 'db' | 'now' | 'log'>;

/** Orders looked at per page; the job keeps paging until nothing is due or its budget is spent. */
const PAGE = 200;

const DESK_ROLES = ['admin', 'service'];

/** The accounts of the estate's admins and service desk (the supervisors an escalation goes to). */
async function deskAccounts(ctx: Ctx, estateId: string): Promise<string[]> {
  const staff = await findAll(ctx.db.staff, { where: { active: true } });
  return staff
    .filter((m) => m.estateIds.includes(estateId) && m.roles.some((r) => DESK_ROLES.includes(r)))
    .flatMap((m) => (m.accountId ? [m.accountId] : []));
}

export const escalationId = (order: WorkOrder, level: EscalationLevel) =>
  keyId('woesc', order._id, order.sla.round, level);

/** `即将超时未接单（12-01 10:15）`: fits WeChat's 20-character `thing`; the card shows the order. */
function escalationNote(level: EscalationLevel, dueAt: number): string {
  return `${escalationLevelLabels[level]}（${formatDateTime(dueAt).slice(5)}）`;
}

/**
 * Escalate one order: for each deadline level reached and not yet escalated this round, an
 * escalation record whose id is (order, round, level), and a message to the desk for the most
 * severe one. Messages are keyed by that id too, so a rerun after a crash sends nothing twice;
 * the record and the order's `escalated` list are written in one transaction.
 */
async function escalateOrder(ctx: Ctx, order: WorkOrder, desk: string[], now: number): Promise<number> {
  const levels = escalationsDue(order, now);
  if (!levels.length) return 0;
  const worst = levels[levels.length - 1]!;
  const breached = worst.endsWith('breached');
  const dueAt = worst.startsWith('response') ? order.sla.respondBy : order.sla.completeBy;
  const notified = await notifyEscalation(
    ctx,
    order,
    escalationId(order, worst),
    desk,
    breached,
    escalationNote(worst, dueAt),
  );
  const written = await ctx.store.transaction(async (tx) => {
    const orders = tx.collection<WorkOrderDoc>(WORKORDERS);
    const records = tx.collection<EscalationDoc>(WORKORDER_ESCALATIONS);
    const fresh = await orders.get(order._id);
    if (!fresh || fresh.sla.round !== order.sla.round) return 0;
    let count = 0;
    for (const level of levels) {
      if (fresh.sla.escalated.includes(level)) continue;
      const id = escalationId(fresh, level);
      if (!(await records.get(id))) {
        await records.insert({
          _id: id,
          orderId: fresh._id,
          orderNo: fresh.orderNo,
          estateId: fresh.estateId,
          round: fresh.sla.round,
          level,
          clock: level.startsWith('response') ? 'response' : 'completion',
          dueAt: level.startsWith('response') ? fresh.sla.respondBy : fresh.sla.completeBy,
          at: now,
          notified: level === worst ? notified : 0,
        });
        count++;
      }
    }
    const next = withSlaFields({
      ...fresh,
      sla: { ...fresh.sla, escalated: [...new Set([...fresh.sla.escalated, ...levels])] },
      version: fresh.version + 1,
    });
    const { _id: _ignored, ...fields } = next;
    await orders.update(fresh._id, { set: fields });
    return count;
  });
  if (written) ctx.log.log('info', 'workorder.escalated', { orderId: order._id, levels, notified });
  return written;
}

/** Escalate every order whose next SLA alert is due; stops paging when `deadline` (real time) passes. */
export async function escalateDueOrders(
  ctx: Ctx,
  deadline: number,
): Promise<{ orders: number; escalations: number }> {
  const now = ctx.now();
  const { workorders } = workorderCollections(ctx.store);
  const deskByEstate = new Map<string, string[]>();
  const seen = new Set<string>();
  let escalations = 0;
  for (;;) {
    const page = await workorders.find(
      { where: { slaAlertAt: { lte: now } } },
      { sort: [['slaAlertAt', 'asc']], limit: PAGE },
    );
    // An order that did not move off the page (a crash between message and write) is not retried
    // in a loop within one run: the next run takes it again.
    const fresh = page.items.filter((o) => !seen.has(o._id));
    if (!fresh.length) break;
    for (const order of fresh) {
      seen.add(order._id);
      let desk = deskByEstate.get(order.estateId);
      if (!desk) {
        desk = await deskAccounts(ctx, order.estateId);
        deskByEstate.set(order.estateId, desk);
      }
      escalations += await escalateOrder(ctx, order, desk, now);
    }
    if (Date.now() >= deadline) break;
  }
  return { orders: seen.size, escalations };
}
