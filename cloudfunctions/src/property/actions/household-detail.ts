import { AppError, bindingStatusLabels, relationLabels, type propertyApi } from '@linli/shared';
import { recordReveal } from '../../_lib/audit';
import { assertCanSeeHousehold } from '../../_lib/authorize';
import { findAll } from '../../_lib/collections';
import { householdSummary } from '../household-summary';
import { identityOf, type Handler } from '../../_lib/define-function';
import { canRevealContacts, maskedContact } from '../contact-policy';

export const getHousehold: Handler<typeof propertyApi.household> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const household = await ctx.db.households.get(input.householdId);
  if (!household) throw new AppError('NOT_FOUND', '房屋不存在');
  assertCanSeeHousehold(identity, household);
  const memberships = await findAll(ctx.db.memberships, { where: { householdId: household._id } });
  const members = [];
  const formerMembers = [];
  for (const m of memberships) {
    const person = await ctx.db.persons.get(m.personId);
    if (!person) continue;
    if (m.movedOutOn) {
      formerMembers.push({
        name: person.name,
        relationLabel: relationLabels[m.relation],
        movedInOn: m.movedInOn,
        movedOutOn: m.movedOutOn,
      });
      continue;
    }
    members.push({
      personId: person._id,
      membershipId: m._id,
      name: person.name,
      relation: m.relation,
      relationLabel: relationLabels[m.relation],
      phone: maskedContact(person).phone,
      hasIdNumber: person.idNumber !== null,
      isSelf: false,
      movedInOn: m.movedInOn,
    });
  }
  const bindings = await findAll(
    ctx.db.bindings,
    { where: { householdId: household._id } },
    { sort: [['createdAt', 'desc']] },
  );
  const spaces = await findAll(ctx.db.parkingSpaces, { where: { householdId: household._id } });
  return {
    ...(await householdSummary(ctx.db, household)),
    estateId: household.estateId,
    members,
    formerMembers,
    bindings: await Promise.all(
      bindings.map(async (b) => ({
        bindingId: b._id,
        accountName: (await ctx.db.accounts.get(b.accountId))?.displayName ?? '',
        relationLabel: relationLabels[b.relation],
        status: bindingStatusLabels[b.status],
      })),
    ),
    parkingSpaces: spaces.map((s) => ({ code: s.code, plates: s.plates })),
    canReveal: canRevealContacts(identity),
  };
};

/**
 * Show a resident's full phone and ID number to staff allowed to see them, and record the reveal
 * in the audit log (a read, so the store would not audit it by itself).
 */
export const revealContact: Handler<typeof propertyApi.revealContact> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const household = await ctx.db.households.get(input.householdId);
  if (!household) throw new AppError('NOT_FOUND', '房屋不存在');
  assertCanSeeHousehold(identity, household);
  const membership = (
    await ctx.db.memberships.find(
      { where: { householdId: household._id, personId: input.personId } },
      { limit: 1 },
    )
  ).items[0];
  const person = membership ? await ctx.db.persons.get(input.personId) : null;
  if (!person) throw new AppError('NOT_FOUND', '该住户不属于此房屋');
  await recordReveal(
    ctx.store,
    { ...identity, action: 'property.revealContact', requestId: ctx.requestId },
    ctx.now(),
    person._id,
    { fields: ['phone', 'idNumber'], householdId: household._id },
  );
  return { phone: person.phone, idNumber: person.idNumber };
};
