import {
  AppError,
  assertCanPerform,
  transitionOrder,
  workOrderVerbs,
  type Actor,
  type ActorKind,
  type TransitionChange,
  type WorkOrder,
  type WorkOrderVerb,
} from '@linli/shared';
import type { ActionContext } from '../_lib/define-function';
import { viewerOf, type Viewer } from './access';
import { commitChange, loadOrder } from './commit';

/** The actor a caller acts as, and the name stamped on the timeline. */
export interface Acting {
  actor: Actor;
  name: string;
}

/**
 * Which of the caller's roles on the order performs the verb. A caller may be several at once
 * (a service clerk who also lives in the estate): the desk acts before the household.
 */
export function actingAs(viewer: Viewer, kinds: readonly ActorKind[]): Acting {
  const { identity } = viewer;
  for (const kind of kinds) {
    if (kind === 'staff' && viewer.desk) return { actor: { kind: 'staff' }, name: identity.displayName };
    if (kind === 'owner' && viewer.household)
      return { actor: { kind: 'owner' }, name: identity.displayName || '业主' };
    if (kind === 'technician' && viewer.technician)
      return {
        actor: { kind: 'technician', staffId: viewer.technician._id },
        name: viewer.technician.name,
      };
  }
  throw new AppError('FORBIDDEN', '您无权处理该工单');
}

export interface Performed {
  before: WorkOrder;
  after: WorkOrder;
  viewer: Viewer;
  acting: Acting;
}

/**
 * One verb on one order by the caller: who they are to the order, the transition guard on the
 * fresh order (re-checked on every compare-and-set attempt), and the change stamped by the
 * domain. Side effects (messages, knowledge) are the caller's, after the commit.
 */
export async function performVerb(
  ctx: ActionContext,
  orderId: string,
  verb: WorkOrderVerb,
  kinds: readonly ActorKind[],
  change: Omit<TransitionChange, 'to' | 'at' | 'actor'> & {
    /** Checks on the fresh order before the transition guard (e.g. a lost grab is a CONFLICT). */
    guard?: (order: WorkOrder, acting: Acting, viewer: Viewer) => void;
    /** Fields computed from the fresh order (a quote appended to its charge). */
    derive?: (
      order: WorkOrder,
      acting: Acting,
    ) => Partial<Pick<TransitionChange, 'charge' | 'label' | 'note'>>;
  } = {},
): Promise<Performed> {
  const order = await loadOrder(ctx, orderId);
  const viewer = await viewerOf(ctx, order);
  const acting = actingAs(viewer, kinds);
  const { guard, derive, ...fields } = change;
  const at = ctx.now();
  const { before, after } = await commitChange(ctx, orderId, (fresh) => {
    guard?.(fresh, acting, viewer);
    assertCanPerform(fresh, verb, acting.actor);
    return transitionOrder(fresh, {
      ...fields,
      ...derive?.(fresh, acting),
      to: workOrderVerbs[verb].to,
      at,
      actor: { kind: acting.actor.kind, name: acting.name },
    });
  });
  return { before, after, viewer, acting };
}
