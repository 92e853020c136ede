import {
  AppError,
  assertCanPerform,
  isPoolState,
  rankTechnicians,
  transitionOrder,
  type DispatchDecision,
  type DispatchDecisionView,
  type RankedCandidate,
  type WorkOrder,
  type workorderApi,
} from '@linli/shared';
import { identityOf, type ActionContext, type Handler } from '../../_lib/define-function';
import { viewerOf, type Viewer } from '../access';
import { commitChange, loadOrder } from '../commit';
import { dispatchOrder, previewDispatch } from '../dispatch/dispatch-order';
import { loadCandidates } from '../dispatch/load-candidates';
import { notifyOwner, notifyTechnician } from '../notify';
import { toDetail } from '../views';

function toDecisionView(decision: DispatchDecision, assigned: boolean): DispatchDecisionView {
  return {
    assigned,
    summary: decision.summary,
    chosen: decision.chosen,
    ranked: decision.ranked,
    excluded: decision.excluded,
  };
}

/** The order and the caller as its desk; technicians and owners never dispatch. */
async function deskOrder(ctx: ActionContext, orderId: string): Promise<{ order: WorkOrder; viewer: Viewer }> {
  const order = await loadOrder(ctx, orderId);
  const viewer = await viewerOf(ctx, order);
  if (!viewer.desk) throw new AppError('FORBIDDEN', '您不负责该小区');
  return { order, viewer };
}

/** 智能派单 by the desk: the best technician now, with the reasons recorded on the order. */
export const dispatch: Handler<(typeof workorderApi)['dispatch']> = async (input, ctx) => {
  const { viewer } = await deskOrder(ctx, input.orderId);
  const outcome = await dispatchOrder(ctx, input.orderId, {
    kind: 'staff',
    name: identityOf(ctx).displayName,
  });
  return {
    order: await toDetail(ctx, outcome.order, viewer),
    decision: toDecisionView(outcome.decision, outcome.assigned),
  };
};

/** Who dispatch would pick and why, without assigning. */
export const candidates: Handler<(typeof workorderApi)['candidates']> = async (input, ctx) => {
  const { order } = await deskOrder(ctx, input.orderId);
  return toDecisionView(await previewDispatch(ctx, order), false);
};

/**
 * 指派 / 改派 to a named technician of the estate who has the skill. The record keeps the
 * technician's standing in words, as smart dispatch would rank them now.
 */
export const reassign: Handler<(typeof workorderApi)['reassign']> = async (input, ctx) => {
  const { order, viewer } = await deskOrder(ctx, input.orderId);
  const team = await loadCandidates(ctx, order.estateId, order.requiredSkill);
  const member = team.find((c) => c.staffId === input.staffId);
  if (!member) throw new AppError('NOT_FOUND', '该师傅不在本小区的维修团队中');
  const decision = rankTechnicians(
    { requiredSkill: order.requiredSkill, priority: order.priority, buildingId: order.buildingId },
    [member],
    ctx.now(),
  );
  const standing: RankedCandidate | undefined = decision.ranked[0];
  if (!standing)
    throw new AppError('PRECONDITION_FAILED', decision.excluded[0]?.reason ?? '该师傅不能处理此类工单');
  const by = identityOf(ctx).displayName;
  const { before, after } = await commitChange(ctx, input.orderId, (fresh) => {
    assertCanPerform(fresh, 'reassign', { kind: 'staff' });
    if (fresh.assigneeId === member.staffId)
      throw new AppError('PRECONDITION_FAILED', `工单已派给${member.name}`);
    return transitionOrder(fresh, {
      to: 'assigned',
      at: ctx.now(),
      actor: { kind: 'staff', name: by },
      assignee: { staffId: member.staffId, accountId: member.accountId, name: member.name },
      note: input.reason ?? null,
      dispatch: {
        mode: 'manual',
        at: ctx.now(),
        byName: by,
        summary: `${by}指派给${member.name}${input.reason ? `（${input.reason}）` : ''}`,
        reasons: [standing.reason],
      },
    });
  });
  ctx.log.log('info', 'workorder.reassigned', { orderId: after._id, to: member.staffId });
  if (before.assigneeAccountId !== after.assigneeAccountId)
    await notifyTechnician(ctx, after, before.assigneeAccountId, 'withdrawn');
  await notifyTechnician(ctx, after, after.assigneeAccountId, 'assigned');
  // The household heard of the first assignment only; a change of hands is the desk's business.
  if (isPoolState(before.state)) await notifyOwner(ctx, after, 'assigned');
  return toDetail(ctx, after, viewer);
};
