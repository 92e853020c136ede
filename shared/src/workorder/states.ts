import { z } from 'zod';
import { AppError } from '../errors/app-error';

/** The life of a work order (工单状态). */
export const WorkOrderState = z.enum([
  'submitted',
  'assigned',
  'accepted',
  'en_route',
  'in_progress',
  'paused',
  'quoted',
  'completed',
  'closed',
  'cancelled',
  'rejected',
  'reopened',
]);
export type WorkOrderState = z.infer<typeof WorkOrderState>;

/** Also the `phrase` of the progress message, so each stays within 5 Chinese characters. */
export const workOrderStateLabels: Record<WorkOrderState, string> = {
  submitted: '待派单',
  assigned: '已派单',
  accepted: '已接单',
  en_route: '师傅已出发',
  in_progress: '维修中',
  paused: '等待配件',
  quoted: '待确认报价',
  completed: '待验收',
  closed: '已完成',
  cancelled: '已取消',
  rejected: '待改派',
  reopened: '待返修',
};

/** Who moves an order: the household, the technician it is assigned to, service staff, or a job. */
export const ActorKind = z.enum(['owner', 'technician', 'staff', 'system']);
export type ActorKind = z.infer<typeof ActorKind>;
export const actorKindLabels: Record<ActorKind, string> = {
  owner: '业主',
  technician: '维修师傅',
  staff: '物业客服',
  system: '系统',
};

export type Actor =
  { kind: 'owner' } | { kind: 'technician'; staffId: string } | { kind: 'staff' } | { kind: 'system' };

/**
 * Allowed state changes. `assigned → assigned` is a reassignment. Waiting states (submitted,
 * rejected, reopened) have no technician: they form the pool (抢单池).
 */
export const workOrderTransitions = {
  submitted: ['assigned', 'cancelled'],
  assigned: ['assigned', 'accepted', 'rejected', 'cancelled'],
  accepted: ['assigned', 'en_route', 'in_progress', 'rejected', 'cancelled'],
  en_route: ['assigned', 'in_progress', 'cancelled'],
  in_progress: ['paused', 'quoted', 'completed', 'cancelled'],
  paused: ['in_progress', 'assigned', 'cancelled'],
  // 有偿维修: the owner answers the quote (confirm or decline), work goes on either way.
  quoted: ['in_progress', 'cancelled'],
  completed: ['closed', 'reopened'],
  closed: [],
  cancelled: [],
  rejected: ['assigned', 'cancelled'],
  reopened: ['assigned', 'cancelled'],
} as const satisfies Record<WorkOrderState, readonly WorkOrderState[]>;

type Transitions = typeof workOrderTransitions;

/** Who may make each allowed change; the type makes the compiler demand exactly one entry per edge. */
export type TransitionActors = {
  [F in WorkOrderState]: { [T in Transitions[F][number]]: readonly ActorKind[] } & {
    [T in Exclude<WorkOrderState, Transitions[F][number]>]?: never;
  };
};

export const transitionActors: TransitionActors = {
  submitted: { assigned: ['staff', 'system', 'technician'], cancelled: ['owner', 'staff'] },
  assigned: {
    assigned: ['staff'],
    accepted: ['technician'],
    rejected: ['technician'],
    cancelled: ['owner', 'staff'],
  },
  accepted: {
    assigned: ['staff'],
    en_route: ['technician'],
    in_progress: ['technician'],
    rejected: ['technician'],
    cancelled: ['owner', 'staff'],
  },
  en_route: { assigned: ['staff'], in_progress: ['technician'], cancelled: ['owner', 'staff'] },
  // Once work has started only staff may cancel: the owner talks to the service desk.
  in_progress: {
    paused: ['technician'],
    quoted: ['technician'],
    completed: ['technician'],
    cancelled: ['staff'],
  },
  paused: { in_progress: ['technician'], assigned: ['staff'], cancelled: ['staff'] },
  quoted: { in_progress: ['owner'], cancelled: ['staff'] },
  completed: { closed: ['owner', 'staff', 'system'], reopened: ['owner'] },
  closed: {},
  cancelled: {},
  rejected: { assigned: ['staff', 'system', 'technician'], cancelled: ['owner', 'staff'] },
  reopened: { assigned: ['staff', 'system', 'technician'], cancelled: ['owner', 'staff'] },
};

export const nextStates = (from: WorkOrderState): readonly WorkOrderState[] => workOrderTransitions[from];

export function actorsFor(from: WorkOrderState, to: WorkOrderState): readonly ActorKind[] {
  const edges: Partial<Record<WorkOrderState, readonly ActorKind[]>> = transitionActors[from];
  return edges[to] ?? [];
}

/** Waiting for a technician: dispatch and grabs take orders from here. */
export const POOL_STATES = ['submitted', 'rejected', 'reopened'] as const satisfies readonly WorkOrderState[];
/** A technician holds the order and it is not finished. */
export const ASSIGNED_STATES = [
  'assigned',
  'accepted',
  'en_route',
  'in_progress',
  'paused',
  'quoted',
] as const satisfies readonly WorkOrderState[];
/** Still needs work (SLA clocks may run). */
export const OPEN_STATES = [...POOL_STATES, ...ASSIGNED_STATES] as const;
export const FINISHED_STATES = [
  'completed',
  'closed',
  'cancelled',
] as const satisfies readonly WorkOrderState[];

export const isPoolState = (state: WorkOrderState): boolean =>
  (POOL_STATES as readonly WorkOrderState[]).includes(state);
export const isOpenState = (state: WorkOrderState): boolean =>
  (OPEN_STATES as readonly WorkOrderState[]).includes(state);

/**
 * Throws unless `actor` may move the order to `to`:
 * - FORBIDDEN when a technician touches an order assigned to someone else (a grab from the
 *   pool is the only way to take an order that is not yours);
 * - PRECONDITION_FAILED when the change is not in the table, or not this actor's to make.
 */
export function assertCanTransition(
  order: { state: WorkOrderState; assigneeId: string | null },
  to: WorkOrderState,
  actor: Actor,
): void {
  const grab = actor.kind === 'technician' && to === 'assigned' && isPoolState(order.state);
  if (actor.kind === 'technician' && !grab && order.assigneeId !== actor.staffId)
    throw new AppError('FORBIDDEN', '这不是派给您的工单');
  const from = order.state;
  if (!nextStates(from).includes(to))
    throw new AppError(
      'PRECONDITION_FAILED',
      `工单当前为“${workOrderStateLabels[from]}”，不能改为“${workOrderStateLabels[to]}”`,
    );
  if (!actorsFor(from, to).includes(actor.kind))
    throw new AppError(
      'PRECONDITION_FAILED',
      `工单当前为“${workOrderStateLabels[from]}”，${actorKindLabels[actor.kind]}不能改为“${workOrderStateLabels[to]}”`,
    );
}

export function canTransition(
  order: { state: WorkOrderState; assigneeId: string | null },
  to: WorkOrderState,
  actor: Actor,
): boolean {
  try {
    assertCanTransition(order, to, actor);
    return true;
  } catch {
    return false;
  }
}

/** The buttons a person sees: each verb is one transition, some only from certain states. */
export const WorkOrderVerb = z.enum([
  'dispatch',
  'reassign',
  'grab',
  'accept',
  'reject',
  'depart',
  'start',
  'pause',
  'resume',
  'quote',
  'approve_quote',
  'decline_quote',
  'complete',
  'confirm',
  'reopen',
  'cancel',
]);
export type WorkOrderVerb = z.infer<typeof WorkOrderVerb>;

export const workOrderVerbs: Record<
  WorkOrderVerb,
  { to: WorkOrderState; from?: readonly WorkOrderState[]; label: string }
> = {
  dispatch: { to: 'assigned', from: POOL_STATES, label: '智能派单' },
  reassign: { to: 'assigned', label: '指派 / 改派' },
  grab: { to: 'assigned', from: POOL_STATES, label: '抢单' },
  accept: { to: 'accepted', label: '接单' },
  reject: { to: 'rejected', label: '退单' },
  depart: { to: 'en_route', label: '出发' },
  start: { to: 'in_progress', from: ['accepted', 'en_route'], label: '到达并开始维修' },
  pause: { to: 'paused', label: '暂停（等配件）' },
  resume: { to: 'in_progress', from: ['paused'], label: '继续维修' },
  quote: { to: 'quoted', label: '报价' },
  approve_quote: { to: 'in_progress', from: ['quoted'], label: '确认报价' },
  decline_quote: { to: 'in_progress', from: ['quoted'], label: '拒绝报价' },
  complete: { to: 'completed', label: '完工' },
  confirm: { to: 'closed', label: '确认验收' },
  reopen: { to: 'reopened', label: '申请返修' },
  cancel: { to: 'cancelled', label: '取消工单' },
};

/** Whether a verb names this change (start and resume both lead to in_progress). */
export function verbApplies(verb: WorkOrderVerb, from: WorkOrderState): boolean {
  const spec = workOrderVerbs[verb];
  return (spec.from ?? WorkOrderState.options).includes(from) && nextStates(from).includes(spec.to);
}

/** Verbs only one kind of actor uses, whatever the table allows the target state. */
const verbActor: Partial<Record<WorkOrderVerb, ActorKind>> = {
  grab: 'technician',
  dispatch: 'staff',
  reassign: 'staff',
};

/**
 * Throws unless `actor` may use `verb` on the order now: the transition guard, plus the verb's
 * own states (start is not resume) and actor (only technicians grab; jobs dispatch as the desk).
 */
export function assertCanPerform(
  order: { state: WorkOrderState; assigneeId: string | null },
  verb: WorkOrderVerb,
  actor: Actor,
): void {
  const only = verbActor[verb];
  if (only && only !== actor.kind && !(only === 'staff' && actor.kind === 'system'))
    throw new AppError('FORBIDDEN', `${actorKindLabels[actor.kind]}不能${workOrderVerbs[verb].label}`);
  assertCanTransition(order, workOrderVerbs[verb].to, actor);
  if (!verbApplies(verb, order.state))
    throw new AppError(
      'PRECONDITION_FAILED',
      `工单当前为“${workOrderStateLabels[order.state]}”，不能${workOrderVerbs[verb].label}`,
    );
}

/** Which verbs some of the caller's actor roles may use on the order now. */
export function availableVerbs(
  order: { state: WorkOrderState; assigneeId: string | null },
  actors: readonly Actor[],
): WorkOrderVerb[] {
  return WorkOrderVerb.options.filter((verb) => {
    if (!verbApplies(verb, order.state)) return false;
    return actors.some((actor) => {
      try {
        assertCanPerform(order, verb, actor);
        return true;
      } catch {
        return false;
      }
    });
  });
}
