import type { Skill } from '../schemas/staff';
import type { VisitSlot, WorkOrderCategory, WorkOrderLocation, WorkOrderSource } from './category';
import { withFixedQuotes, type RepairCharge } from './charge';
import type { Priority } from './priority';
import {
  nextSlaAlertAt,
  pauseSla,
  reprioritizeSla,
  resumeSla,
  slaMarks,
  startSla,
  type SlaState,
} from './sla';
import { isPoolState, type ActorKind, type WorkOrderState } from './states';

/** One stamped change, shown to the owner as the timeline (进度). */
export interface TimelineEntry {
  seq: number;
  at: number;
  from: WorkOrderState | null;
  to: WorkOrderState;
  actor: { kind: ActorKind; name: string };
  /** What happened, in words: `系统派单给赵师傅`, `赵师傅已出发`. */
  label: string;
  /** The reason or remark given with it (退单原因, 暂停原因 …). */
  note: string | null;
}

export interface PartUsed {
  name: string;
  quantity: number;
}

/** What the technician reports at completion (完工单). */
export interface CompletionReport {
  cause: string;
  actionsTaken: string;
  parts: PartUsed[];
  photos: string[];
  at: number;
  technicianId: string;
  technicianName: string;
}

/** The owner's verdict; auto-closed orders carry no rating. */
export interface Acceptance {
  rating: number | null;
  comment: string | null;
  at: number;
  auto: boolean;
}

/** How the current technician came to hold the order, with the reasons in words. */
export interface DispatchRecord {
  mode: 'auto' | 'manual' | 'grab';
  at: number;
  byName: string;
  summary: string;
  /** The ranked candidates' reason lines, best first (at most 5). */
  reasons: string[];
}

/** A work order document (collection `workorders`). */
export interface WorkOrder {
  _id: string;
  /** BX + Shanghai date + sequence of the day, e.g. BX202611300007: what people say on the phone. */
  orderNo: string;
  estateId: string;
  /** The household it concerns (the reporter's home); null for orders from plans and alarms. */
  householdId: string | null;
  location: WorkOrderLocation;
  locationLabel: string;
  locationKey: string;
  buildingId: string | null;
  category: WorkOrderCategory;
  requiredSkill: Skill;
  description: string;
  /** The description shortened for lists and message cards. */
  subject: string;
  photos: string[];
  preferredTime: { date: string; slot: VisitSlot } | null;
  deviceId: string | null;
  deviceModel: string | null;
  source: WorkOrderSource;
  reporter: { accountId: string | null; name: string; phone: string | null };
  priority: Priority;
  prioritySource: 'auto' | 'staff';
  priorityReasons: string[];
  state: WorkOrderState;
  assigneeId: string | null;
  assigneeAccountId: string | null;
  assigneeName: string | null;
  assignedAt: number | null;
  dispatch: DispatchRecord | null;
  /** Technicians who returned it (退单); dispatch does not send it back to them. */
  rejectedBy: string[];
  respondedAt: number | null;
  startedAt: number | null;
  completedAt: number | null;
  closedAt: number | null;
  cancelledAt: number | null;
  completion: CompletionReport | null;
  acceptance: Acceptance | null;
  reopenCount: number;
  sla: SlaState;
  slaAtRiskAt: number | null;
  slaDueAt: number | null;
  slaAlertAt: number | null;
  timeline: TimelineEntry[];
  /** 有偿维修: staff's chargeable override and the quotes; absent on orders nobody quoted. */
  charge?: RepairCharge | null;
  createdAt: number;
  updatedAt: number;
  /** Bumped by every transition; writes compare-and-set on it. */
  version: number;
}

export const SUBJECT_LENGTH = 20;

export function subjectOf(description: string): string {
  const flat = description.replace(/\s+/g, ' ').trim();
  return flat.length > SUBJECT_LENGTH ? `${flat.slice(0, SUBJECT_LENGTH - 1)}…` : flat;
}

/** The SLA query fields, recomputed whenever state, priority or clocks change. */
export function withSlaFields<O extends WorkOrder>(order: O): O {
  return { ...order, ...slaMarks(order), slaAlertAt: nextSlaAlertAt(order) };
}

export type NewWorkOrder = Omit<
  WorkOrder,
  | 'state'
  | 'assigneeId'
  | 'assigneeAccountId'
  | 'assigneeName'
  | 'assignedAt'
  | 'dispatch'
  | 'rejectedBy'
  | 'respondedAt'
  | 'startedAt'
  | 'completedAt'
  | 'closedAt'
  | 'cancelledAt'
  | 'completion'
  | 'acceptance'
  | 'reopenCount'
  | 'sla'
  | 'slaAtRiskAt'
  | 'slaDueAt'
  | 'slaAlertAt'
  | 'timeline'
  | 'charge'
  | 'updatedAt'
  | 'version'
>;

/** A freshly reported order: submitted, clocks started, first timeline entry stamped. */
export function createWorkOrder(fields: NewWorkOrder, actor: { kind: ActorKind; name: string }): WorkOrder {
  const at = fields.createdAt;
  const label = actor.kind === 'owner' ? `${actor.name}提交报修` : `${actor.name}登记报修`;
  return withSlaFields({
    ...fields,
    state: 'submitted',
    assigneeId: null,
    assigneeAccountId: null,
    assigneeName: null,
    assignedAt: null,
    dispatch: null,
    rejectedBy: [],
    respondedAt: null,
    startedAt: null,
    completedAt: null,
    closedAt: null,
    cancelledAt: null,
    completion: null,
    acceptance: null,
    reopenCount: 0,
    sla: startSla(fields.priority, at),
    slaAtRiskAt: null,
    slaDueAt: null,
    slaAlertAt: null,
    timeline: [{ seq: 0, at, from: null, to: 'submitted', actor, label, note: null }],
    charge: null,
    updatedAt: at,
    version: 0,
  });
}

export interface Assignee {
  staffId: string;
  accountId: string | null;
  name: string;
}

/** One change, already authorized (see assertCanTransition). */
export interface TransitionChange {
  to: WorkOrderState;
  at: number;
  actor: { kind: ActorKind; name: string };
  note?: string | null;
  /** Required when `to` is assigned. */
  assignee?: Assignee;
  dispatch?: DispatchRecord;
  completion?: CompletionReport;
  acceptance?: Acceptance;
  /** Replaces the order's charge (a quote sent or answered). */
  charge?: RepairCharge;
  /** Overrides the generated timeline label. */
  label?: string;
}

function labelFor(order: WorkOrder, change: TransitionChange): string {
  const who = change.assignee?.name ?? order.assigneeName ?? '师傅';
  switch (change.to) {
    case 'submitted':
      return '重新提交';
    case 'assigned':
      if (change.dispatch?.mode === 'grab') return `${who}抢单`;
      if (!isPoolState(order.state)) return `${change.actor.name}改派给${who}`;
      return change.actor.kind === 'system' ? `系统派单给${who}` : `${change.actor.name}派单给${who}`;
    case 'accepted':
      return `${who}已接单`;
    case 'en_route':
      return `${who}已出发`;
    case 'in_progress':
      return order.state === 'paused' ? `${who}继续维修` : `${who}已到达，开始维修`;
    case 'paused':
      return `${who}暂停维修，等待配件`;
    case 'quoted':
      return `${who}已报价，待业主确认`;
    case 'completed':
      return `${who}已完工，待业主验收`;
    case 'closed':
      if (change.actor.kind === 'system') return '业主未在期限内验收，系统自动验收';
      return change.actor.kind === 'owner' ? '业主已验收' : `${change.actor.name}代业主验收`;
    case 'cancelled':
      return `${change.actor.name}取消了工单`;
    case 'rejected':
      return `${who}退单，等待重新派单`;
    case 'reopened':
      return '业主申请返修';
  }
}

/**
 * The order after one change: state, the timestamps and clocks that change brings, a stamped
 * timeline entry, and a bumped version. Pure: the caller has authorized it and persists it.
 */
export function transitionOrder(order: WorkOrder, change: TransitionChange): WorkOrder {
  const { to, at } = change;
  let next: WorkOrder = {
    ...order,
    state: to,
    ...(change.charge ? { charge: change.charge } : {}),
    updatedAt: at,
    version: order.version + 1,
  };
  switch (to) {
    case 'assigned': {
      if (!change.assignee) throw new Error('assigning needs an assignee');
      next = {
        ...next,
        assigneeId: change.assignee.staffId,
        assigneeAccountId: change.assignee.accountId,
        assigneeName: change.assignee.name,
        assignedAt: at,
        dispatch: change.dispatch ?? null,
      };
      // Reassigning paused work hands over a stopped clock; the new technician resumes it.
      if (order.state === 'paused') next.sla = resumeSla(order.sla, at);
      break;
    }
    case 'accepted':
      next.respondedAt = order.respondedAt ?? at;
      break;
    case 'in_progress':
      next.startedAt = order.startedAt ?? at;
      next.sla = resumeSla(order.sla, at);
      break;
    case 'paused':
    case 'quoted':
      next.sla = pauseSla(order.sla, at);
      break;
    case 'completed':
      next.completedAt = at;
      next.completion = change.completion ?? null;
      if (next.charge) next.charge = withFixedQuotes(next.charge, order.sla.round, at);
      break;
    case 'closed':
      next.closedAt = at;
      next.acceptance = change.acceptance ?? null;
      break;
    case 'cancelled':
      next.cancelledAt = at;
      break;
    case 'rejected':
      next = {
        ...next,
        rejectedBy: order.assigneeId
          ? [...new Set([...order.rejectedBy, order.assigneeId])]
          : order.rejectedBy,
        assigneeId: null,
        assigneeAccountId: null,
        assigneeName: null,
      };
      break;
    case 'reopened':
      // A new round: fresh deadlines from now; the failed completion stays on record.
      next = {
        ...next,
        reopenCount: order.reopenCount + 1,
        sla: startSla(order.priority, at, order.sla.round + 1),
        assigneeId: null,
        assigneeAccountId: null,
        assigneeName: null,
        respondedAt: null,
        startedAt: null,
        completedAt: null,
      };
      break;
    case 'submitted':
    case 'en_route':
      break;
  }
  const entry: TimelineEntry = {
    seq: order.timeline.length,
    at,
    from: order.state,
    to,
    actor: change.actor,
    label: change.label ?? labelFor(order, change),
    note: change.note ?? null,
  };
  return withSlaFields({ ...next, timeline: [...order.timeline, entry] });
}

/**
 * A remark on the timeline without a change of state (a priority override, a fee paid, a switch to
 * free): stamped like a transition, with a bumped version so writers compare-and-set on it.
 */
export function remarkOrder(
  order: WorkOrder,
  remark: { at: number; actor: { kind: ActorKind; name: string }; label: string; note: string | null },
  fields: Partial<WorkOrder> = {},
): WorkOrder {
  const entry: TimelineEntry = {
    seq: order.timeline.length,
    at: remark.at,
    from: order.state,
    to: order.state,
    actor: remark.actor,
    label: remark.label,
    note: remark.note,
  };
  return {
    ...order,
    ...fields,
    timeline: [...order.timeline, entry],
    updatedAt: remark.at,
    version: order.version + 1,
  };
}

/** A staff override of the priority: new deadlines for the running round, stamped on the timeline. */
export function reprioritizeOrder(
  order: WorkOrder,
  change: {
    priority: Priority;
    at: number;
    actor: { kind: ActorKind; name: string };
    note: string | null;
    label: string;
  },
): WorkOrder {
  return withSlaFields(
    remarkOrder(order, change, {
      priority: change.priority,
      prioritySource: 'staff',
      sla: reprioritizeSla(order.sla, change.priority),
    }),
  );
}
