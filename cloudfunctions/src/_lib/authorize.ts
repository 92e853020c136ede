import { AppError, type Access, type Identity } from '@linli/shared';

export type Caller = { kind: 'user'; identity: Identity } | { kind: 'trigger' } | { kind: 'anonymous' };

/** Throws the typed error a caller without access gets; returns when allowed. */
export function assertCanCall(access: Access, caller: Caller): void {
  if (access === 'public') return;
  if (access === 'trigger') {
    if (caller.kind !== 'trigger') throw new AppError('FORBIDDEN');
    return;
  }
  if (caller.kind !== 'user') throw new AppError(caller.kind === 'trigger' ? 'FORBIDDEN' : 'UNAUTHENTICATED');
  if (access === 'signed-in') return;
  const { roles } = caller.identity;
  if (access.roles.some((role) => roles.includes(role))) return;
  // An account that would qualify as owner once bound gets the more helpful NOT_BOUND.
  if (access.roles.includes('owner') && roles.length === 0) throw new AppError('NOT_BOUND');
  throw new AppError('FORBIDDEN');
}

/** Object-level check: the household belongs to the caller (owner) or to an estate they serve (staff). */
export function assertCanSeeHousehold(
  identity: Identity,
  household: { _id: string; estateId: string },
): void {
  if (identity.householdIds.includes(household._id)) return;
  if (identity.roles.some((r) => r !== 'owner') && identity.staffEstateIds.includes(household.estateId))
    return;
  throw new AppError('FORBIDDEN', '您无权查看该房屋的信息');
}

export function assertServesEstate(identity: Identity, estateId: string): void {
  if (!identity.staffEstateIds.includes(estateId)) throw new AppError('FORBIDDEN', '您不负责该小区');
}
