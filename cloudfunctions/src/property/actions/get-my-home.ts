import type { propertyApi } from '@linli/shared';
import { AppError, maskPhone, relationLabels } from '@linli/shared';
import { findAll } from '../../_lib/collections';
import { householdSummary } from '../household-summary';
import { identityOf, type Handler } from '../../_lib/define-function';

export const getMyHome: Handler<typeof propertyApi.myHome> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const householdId = input.householdId ?? identity.householdIds[0];
  if (!householdId) throw new AppError('NOT_BOUND');
  // Checked before loading, so a stranger cannot even learn whether an id exists.
  if (!identity.householdIds.includes(householdId)) throw new AppError('FORBIDDEN', '您无权查看该房屋的信息');
  const household = await ctx.db.households.get(householdId);
  if (!household) throw new AppError('NOT_FOUND', '房屋不存在');

  const account = await ctx.db.accounts.get(identity.accountId);
  const memberships = await findAll(ctx.db.memberships, { where: { householdId, movedOutOn: null } });
  const members = [];
  for (const membership of memberships) {
    const person = await ctx.db.persons.get(membership.personId);
    if (!person) continue;
    members.push({
      personId: person._id,
      name: person.name,
      relation: membership.relation,
      relationLabel: relationLabels[membership.relation],
      phone: maskPhone(person.phone),
      isSelf: account?.personId === person._id,
    });
  }
  const parking = await findAll(ctx.db.parkingSpaces, { where: { householdId } });

  return {
    ...(await householdSummary(ctx.db, household)),
    members,
    parkingSpaces: parking.map((space) => ({ code: space.code, plates: space.plates })),
  };
};
