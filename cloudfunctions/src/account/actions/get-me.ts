import type { accountApi } from '@linli/shared';
import { isStaff, type BoundHousehold } from '@linli/shared';
import { identityOf, type Handler } from '../../_lib/define-function';

export const getMe: Handler<typeof accountApi.me> = async (_input, ctx) => {
  const identity = identityOf(ctx);
  const households: BoundHousehold[] = [];
  for (const householdId of identity.householdIds) {
    const household = await ctx.db.households.get(householdId);
    if (!household) continue;
    const estate = await ctx.db.estates.get(household.estateId);
    const binding = (
      await ctx.db.bindings.find(
        { where: { accountId: identity.accountId, householdId, status: 'approved' } },
        { limit: 1 },
      )
    ).items[0];
    households.push({
      householdId,
      estateId: household.estateId,
      estateName: estate?.name ?? '',
      roomCode: household.roomCode,
      relation: binding?.relation ?? 'owner',
    });
  }
  const staffEstates = [];
  for (const estateId of identity.staffEstateIds) {
    staffEstates.push({ estateId, name: (await ctx.db.estates.get(estateId))?.name ?? estateId });
  }
  return {
    accountId: identity.accountId,
    displayName: identity.displayName,
    roles: identity.roles,
    isStaff: isStaff(identity),
    staffEstateIds: identity.staffEstateIds,
    staffEstates,
    households,
  };
};
