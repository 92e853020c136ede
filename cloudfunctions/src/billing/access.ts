import { AppError, type Identity, type Role } from '@linli/shared';
import { identityOf, type ActionContext } from '../_lib/define-function';

/** Staff roles that may read bills and prepayment statements (technicians may not). */
/** The estate a staff action works on (the one asked for, or the caller's first), checked. */
export { servedEstateId } from '../property/actions/browse';

export const BILL_VIEWER_ROLES: readonly Role[] = ['admin', 'finance', 'service'];

/**
 * The caller may see a household's bills: an owner bound to it, or staff of a bill-viewing role
 * serving its estate. Anyone else gets the same FORBIDDEN, so bill ids cannot be probed.
 */
export function assertCanSeeHouseholdBills(
  identity: Identity,
  household: { householdId: string; estateId: string },
): void {
  if (identity.householdIds.includes(household.householdId)) return;
  const viewer = identity.roles.some((r) => BILL_VIEWER_ROLES.includes(r));
  if (viewer && identity.staffEstateIds.includes(household.estateId)) return;
  throw new AppError('FORBIDDEN', '您无权查看该房屋的账单');
}

export function actorOf(ctx: ActionContext): { id: string; name: string } {
  const identity = identityOf(ctx);
  return { id: identity.accountId, name: identity.displayName };
}
