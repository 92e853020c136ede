import { AppError, type Actor, type Identity, type StaffMember, type WorkOrder } from '@linli/shared';
import { identityOf, type ActionContext } from '../_lib/define-function';

/** How the caller relates to one order; an order nobody of these can see is FORBIDDEN. */
export interface Viewer {
  identity: Identity;
  /** Bound to the order's household. */
  household: boolean;
  /** Admin or service of the order's estate (客服台). */
  desk: boolean;
  /** The caller's technician record when they are a technician of the estate. */
  technician: StaffMember | null;
}

const DESK_ROLES = ['admin', 'service'] as const;

export const isDeskOf = (identity: Identity, estateId: string): boolean =>
  identity.roles.some((r) => (DESK_ROLES as readonly string[]).includes(r)) &&
  identity.staffEstateIds.includes(estateId);

/** The caller's active technician record, or null. */
export async function technicianRecord(ctx: ActionContext): Promise<StaffMember | null> {
  const identity = identityOf(ctx);
  if (!identity.roles.includes('technician')) return null;
  const found = await ctx.db.staff.find(
    { where: { accountId: identity.accountId, active: true } },
    { limit: 1 },
  );
  const member = found.items[0];
  return member?.roles.includes('technician') ? member : null;
}

export async function technicianOf(ctx: ActionContext): Promise<StaffMember> {
  const member = await technicianRecord(ctx);
  if (!member) throw new AppError('FORBIDDEN', '您不是在岗的维修师傅');
  return member;
}

export async function viewerOf(
  ctx: ActionContext,
  order: Pick<WorkOrder, 'estateId' | 'householdId'>,
): Promise<Viewer> {
  const identity = identityOf(ctx);
  const household = order.householdId !== null && identity.householdIds.includes(order.householdId);
  const desk = isDeskOf(identity, order.estateId);
  const record = await technicianRecord(ctx);
  const technician = record?.estateIds.includes(order.estateId) ? record : null;
  if (!household && !desk && !technician) throw new AppError('FORBIDDEN', '您无权查看该工单');
  return { identity, household, desk, technician };
}

/** Every role the viewer may act in on the order. */
export function actorsOf(viewer: Viewer): Actor[] {
  return [
    ...(viewer.household ? [{ kind: 'owner' as const }] : []),
    ...(viewer.desk ? [{ kind: 'staff' as const }] : []),
    ...(viewer.technician ? [{ kind: 'technician' as const, staffId: viewer.technician._id }] : []),
  ];
}

/** The estate a desk caller works on: the one asked for (if theirs) or their first. */
export function deskEstate(identity: Identity, estateId: string | undefined): string {
  const chosen = estateId ?? identity.staffEstateIds[0];
  if (!chosen) throw new AppError('FORBIDDEN', '您还没有负责的小区');
  if (!identity.staffEstateIds.includes(chosen)) throw new AppError('FORBIDDEN', '您不负责该小区');
  return chosen;
}
