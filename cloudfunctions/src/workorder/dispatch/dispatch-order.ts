import {
  AppError,
  assertCanPerform,
  isPoolState,
  rankTechnicians,
  transitionOrder,
  type DispatchDecision,
  type DispatchRecord,
  type WorkOrder,
} from '@linli/shared';
import type { ActionContext } from '../../_lib/define-function';
import { commitChange, loadOrder } from '../commit';
import { notifyOwner, notifyTechnician } from '../notify';
import { loadCandidates } from './load-candidates';

export interface Dispatcher {
  kind: 'staff' | 'system';
  name: string;
}

export interface DispatchOutcome {
  order: WorkOrder;
  decision: DispatchDecision;
  assigned: boolean;
}

const REASONS_KEPT = 5;

async function rank(ctx: ActionContext, order: WorkOrder) {
  const candidates = await loadCandidates(ctx, order.estateId, order.requiredSkill);
  const decision = rankTechnicians(
    {
      requiredSkill: order.requiredSkill,
      priority: order.priority,
      buildingId: order.buildingId,
      excludeStaffIds: order.rejectedBy,
    },
    candidates,
    ctx.now(),
  );
  return { candidates, decision };
}

/** Rank the estate's technicians for an order without changing anything. */
export async function previewDispatch(ctx: ActionContext, order: WorkOrder): Promise<DispatchDecision> {
  return (await rank(ctx, order)).decision;
}

/**
 * Smart dispatch (智能派单): rank, then give the order to the best technician with one
 * compare-and-set on the order. When nobody fits the order stays in the pool and the reason is
 * recorded on it, so the desk sees why.
 */
export async function dispatchOrder(
  ctx: ActionContext,
  orderId: string,
  by: Dispatcher,
): Promise<DispatchOutcome> {
  const order = await loadOrder(ctx, orderId);
  assertCanPerform(order, 'dispatch', { kind: by.kind });
  const { candidates, decision } = await rank(ctx, order);
  const record: DispatchRecord = {
    mode: 'auto',
    at: ctx.now(),
    byName: by.name,
    summary: decision.summary,
    reasons: decision.ranked.slice(0, REASONS_KEPT).map((r) => r.reason),
  };
  const chosen = decision.chosen;
  const { after } = await commitChange(ctx, orderId, (fresh) => {
    if (fresh.version !== order.version && !isPoolState(fresh.state))
      throw new AppError('CONFLICT', '工单已被派出，请刷新后查看');
    assertCanPerform(fresh, 'dispatch', { kind: by.kind });
    if (!chosen) return { ...fresh, dispatch: record, updatedAt: ctx.now(), version: fresh.version + 1 };
    const staff = candidates.find((c) => c.staffId === chosen.staffId)!;
    return transitionOrder(fresh, {
      to: 'assigned',
      at: ctx.now(),
      actor: by,
      assignee: { staffId: staff.staffId, accountId: staff.accountId, name: staff.name },
      dispatch: record,
    });
  });
  if (chosen) {
    await notifyOwner(ctx, after, 'assigned');
    await notifyTechnician(ctx, after, after.assigneeAccountId, 'assigned');
  }
  return { order: after, decision, assigned: chosen !== null };
}
