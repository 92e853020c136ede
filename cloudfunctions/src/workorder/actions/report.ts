import { AppError, type Household, type workorderApi } from '@linli/shared';
import { identityOf, type ActionContext, type Handler } from '../../_lib/define-function';
import { isDeskOf } from '../access';
import { assertPreferredTime, openWorkOrder, resolveLocation } from '../open-order';
import { routeOrder } from '../route-order';
import { toDetail } from '../views';

/** Which of the caller's homes the report is about: the one named, or their only one. */
function reportingHousehold(householdIds: readonly string[], asked: string | undefined): string {
  if (asked) {
    if (!householdIds.includes(asked)) throw new AppError('FORBIDDEN', '您只能为自己绑定的房屋报修');
    return asked;
  }
  if (householdIds.length === 0) throw new AppError('NOT_BOUND', '请先绑定您的房屋再报修');
  if (householdIds.length > 1)
    throw new AppError('VALIDATION', '您绑定了多套房屋，请选择报修的房屋', {
      issues: [{ path: 'householdId', message: '请选择报修的房屋' }],
    });
  return householdIds[0]!;
}

async function loadHousehold(ctx: ActionContext, householdId: string): Promise<Household> {
  const household = await ctx.db.households.get(householdId);
  if (!household) throw new AppError('NOT_FOUND', '房屋不存在');
  return household;
}

/** The registered owner of a household, for orders the desk opens on their behalf. */
async function ownerContact(
  ctx: ActionContext,
  household: Household,
): Promise<{ name: string; phone: string | null }> {
  const owners = await ctx.db.memberships.find(
    { where: { householdId: household._id, relation: 'owner' } },
    { limit: 1 },
  );
  const person = owners.items[0] ? await ctx.db.persons.get(owners.items[0].personId) : null;
  return { name: person?.name ?? `${household.roomCode} 住户`, phone: person?.phone ?? null };
}

/** 业主报修: limited to 10 a day per account and no identical report within a day. */
export const report: Handler<(typeof workorderApi)['report']> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const household = await loadHousehold(ctx, reportingHousehold(identity.householdIds, input.householdId));
  const account = await ctx.db.accounts.get(identity.accountId);
  const person = account?.personId ? await ctx.db.persons.get(account.personId) : null;
  const location = await resolveLocation(ctx, household, input.location);
  const opened = await openWorkOrder(ctx, {
    estateId: household.estateId,
    householdId: household._id,
    location,
    buildingId: location.kind === 'household' ? household.buildingId : location.buildingId,
    category: input.category,
    description: input.description,
    photos: input.photos,
    preferredTime: assertPreferredTime(input.preferredTime, ctx.now()),
    source: 'owner',
    reporter: {
      accountId: identity.accountId,
      name: person?.name ?? identity.displayName,
      phone: input.contactPhone ?? person?.phone ?? null,
    },
    actor: { kind: 'owner', name: person?.name ?? identity.displayName },
    dailyAccountId: identity.accountId,
    duplicateScope: household._id,
  });
  ctx.log.log('info', 'workorder.reported', { orderId: opened._id, priority: opened.priority });
  const routed = await routeOrder(ctx, opened);
  return toDetail(ctx, routed, {
    identity,
    household: true,
    desk: isDeskOf(identity, routed.estateId),
    technician: null,
  });
};

/** 客服代报: the desk registers a phone call or a visit for a household of its estate. */
export const createForOwner: Handler<(typeof workorderApi)['createForOwner']> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const household = await loadHousehold(ctx, input.householdId);
  if (!isDeskOf(identity, household.estateId)) throw new AppError('FORBIDDEN', '您不负责该小区');
  const location = await resolveLocation(ctx, household, input.location);
  const contact = await ownerContact(ctx, household);
  const opened = await openWorkOrder(ctx, {
    estateId: household.estateId,
    householdId: household._id,
    location,
    buildingId: location.kind === 'household' ? household.buildingId : location.buildingId,
    category: input.category,
    description: input.description,
    photos: input.photos,
    preferredTime: assertPreferredTime(input.preferredTime, ctx.now()),
    deviceModel: input.deviceModel ?? null,
    source: input.channel,
    reporter: {
      // Messages go to the bound accounts through the household, not to the clerk.
      accountId: null,
      name: input.contactName ?? contact.name,
      phone: input.contactPhone ?? contact.phone,
    },
    priority: input.priority,
    actor: { kind: 'staff', name: identity.displayName },
    dailyAccountId: null,
    duplicateScope: household._id,
  });
  ctx.log.log('info', 'workorder.registered', { orderId: opened._id, by: identity.accountId });
  const routed = await routeOrder(ctx, opened);
  return toDetail(ctx, routed, { identity, household: false, desk: true, technician: null });
};
