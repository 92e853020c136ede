import {
  availableVerbs,
  escalationLevelLabels,
  maskPhone,
  priorityLabels,
  slaClockLabels,
  slaStatus,
  slaStatusLabels,
  visitSlotLabels,
  workOrderCategoryLabels,
  workOrderSourceLabels,
  workOrderStateLabels,
  type KnowledgeHitView,
  type MyWorkOrder,
  type SlaView,
  type TimelineEntryView,
  type WorkOrder,
  type WorkOrderDetail,
  type WorkOrderSummary,
  type WorkOrderVerb,
} from '@linli/shared';
import type { ActionContext } from '../_lib/define-function';
import { actorsOf, type Viewer } from './access';
import { workorderCollections } from './documents';
import { searchKnowledge } from './knowledge';
import { chargeView } from './paid-repair';

const SUGGESTIONS = 3;

export function slaView(order: WorkOrder, now: number): SlaView | null {
  const reading = slaStatus(order, now);
  if (!reading.clock) return null;
  return {
    status: reading.status,
    statusLabel: slaStatusLabels[reading.status],
    clock: reading.clock,
    clockLabel: slaClockLabels[reading.clock],
    dueAt: reading.dueAt,
  };
}

export function toSummary(order: WorkOrder, now: number): WorkOrderSummary {
  return {
    orderId: order._id,
    orderNo: order.orderNo,
    estateId: order.estateId,
    category: order.category,
    categoryLabel: workOrderCategoryLabels[order.category],
    subject: order.subject,
    locationLabel: order.locationLabel,
    state: order.state,
    stateLabel: workOrderStateLabels[order.state],
    priority: order.priority,
    priorityLabel: priorityLabels[order.priority],
    source: order.source,
    sourceLabel: workOrderSourceLabels[order.source],
    assigneeId: order.assigneeId,
    assigneeName: order.assigneeName,
    preferredTimeLabel: order.preferredTime
      ? `${order.preferredTime.date} ${visitSlotLabels[order.preferredTime.slot]}`
      : null,
    sla: slaView(order, now),
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  };
}

export function toTimeline(order: WorkOrder): TimelineEntryView[] {
  return order.timeline.map((e) => ({
    seq: e.seq,
    at: e.at,
    state: e.to,
    stateLabel: workOrderStateLabels[e.to],
    label: e.label,
    note: e.note,
    actorKind: e.actor.kind,
    actorName: e.actor.name,
  }));
}

/** The buttons for this viewer; grabbing also needs the skill the order requires. */
function actionsFor(order: WorkOrder, viewer: Viewer): WorkOrderVerb[] {
  const verbs = availableVerbs(order, actorsOf(viewer));
  const canGrab = viewer.technician?.skills.includes(order.requiredSkill) ?? false;
  return canGrab ? verbs : verbs.filter((v) => v !== 'grab');
}

export function toMyOrder(order: WorkOrder, viewer: Viewer, now: number): MyWorkOrder {
  return { ...toSummary(order, now), timeline: toTimeline(order), actions: actionsFor(order, viewer) };
}

/**
 * The order as this viewer may see it: the desk also sees how it was dispatched and escalated;
 * the contact phone is masked for technicians it is not assigned to.
 */
export async function toDetail(
  ctx: ActionContext,
  order: WorkOrder,
  viewer: Viewer,
  options: { suggestions?: boolean } = {},
): Promise<WorkOrderDetail> {
  const staff = viewer.desk || viewer.technician !== null;
  const assignedToViewer = viewer.technician !== null && viewer.technician._id === order.assigneeId;
  const fullPhone = viewer.household || viewer.desk || assignedToViewer;
  const escalations = viewer.desk
    ? (
        await workorderCollections(ctx.store).escalations.find(
          { where: { orderId: order._id } },
          { sort: [['at', 'asc']], limit: 20 },
        )
      ).items.map((e) => ({
        level: e.level,
        label: escalationLevelLabels[e.level],
        at: e.at,
        notified: e.notified,
      }))
    : [];
  const suggestions: KnowledgeHitView[] =
    staff && options.suggestions
      ? await searchKnowledge(
          ctx,
          [order.estateId],
          { text: order.description, category: order.category, deviceModel: order.deviceModel },
          { limit: SUGGESTIONS, excludeOrderId: order._id },
        )
      : [];
  const completion = order.completion;
  const charge = await chargeView(ctx, order);
  const actions = actionsFor(order, viewer).filter((verb) => verb !== 'quote' || charge?.chargeable === true);
  return {
    ...toSummary(order, ctx.now()),
    description: order.description,
    photos: order.photos,
    location: order.location,
    preferredTime: order.preferredTime,
    deviceId: order.deviceId,
    deviceModel: order.deviceModel,
    reporterName: order.reporter.name,
    contactPhone: fullPhone ? order.reporter.phone : maskPhone(order.reporter.phone),
    prioritySource: order.prioritySource,
    priorityReasons: order.priorityReasons,
    reopenCount: order.reopenCount,
    timeline: toTimeline(order),
    completion: completion && {
      cause: completion.cause,
      actionsTaken: completion.actionsTaken,
      parts: completion.parts,
      photos: completion.photos,
      at: completion.at,
      technicianName: completion.technicianName,
    },
    acceptance: order.acceptance,
    actions,
    dispatch:
      viewer.desk && order.dispatch
        ? {
            ...order.dispatch,
            modeLabel: { auto: '智能派单', manual: '人工派单', grab: '抢单' }[order.dispatch.mode],
          }
        : null,
    escalations,
    suggestions,
    charge,
  };
}
