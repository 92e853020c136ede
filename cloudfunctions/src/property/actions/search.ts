import { maskPhone, prefixEnd, queryPrefixes, type propertyApi, type SearchHit } from '@linli/shared';
import { findAll } from '../../_lib/collections';
import { identityOf, type Handler } from '../../_lib/define-function';
import { canRevealContacts } from '../contact-policy';
import { servedEstateId } from './browse';

/**
 * Find households by room code, name, phone (full, prefix or last four digits) or plate. Each
 * reading of the query is an indexed prefix range over the search keys of one estate.
 */
export const search: Handler<typeof propertyApi.search> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const estateId = servedEstateId(ctx, input.estateId);
  // Technicians may find a room, but not look people up by phone number.
  const prefixes = queryPrefixes(input.query).filter(
    (p) => canRevealContacts(identity) || (p.kind !== 'phone' && p.kind !== 'tail'),
  );
  const matched = new Map<string, SearchHit['matchedBy']>();
  for (const { kind, prefix } of prefixes) {
    const page = await ctx.db.householdSearch.find(
      { where: { estateId, key: { gte: prefix, lt: prefixEnd(prefix) } } },
      { sort: [['key', 'asc']], limit: input.limit },
    );
    for (const hit of page.items)
      if (!matched.has(hit.householdId) && matched.size < input.limit) matched.set(hit.householdId, kind);
  }
  const estate = await ctx.db.estates.get(estateId);
  const hits: SearchHit[] = [];
  for (const [householdId, matchedBy] of matched) {
    const household = await ctx.db.households.get(householdId);
    if (!household) continue;
    const memberships = await findAll(ctx.db.memberships, { where: { householdId, movedOutOn: null } });
    const people = (await Promise.all(memberships.map((m) => ctx.db.persons.get(m.personId)))).filter(
      (p) => p !== null,
    );
    const owners = memberships
      .filter((m) => m.relation === 'owner')
      .map((m) => people.find((p) => p._id === m.personId)?.name ?? '');
    const spaces = await findAll(ctx.db.parkingSpaces, { where: { householdId } });
    hits.push({
      householdId,
      roomCode: household.roomCode,
      estateName: estate?.name ?? '',
      ownerNames: owners.filter(Boolean),
      phones: people.flatMap((p) => (p.phone ? [maskPhone(p.phone)!] : [])),
      plates: spaces.flatMap((s) => s.plates),
      matchedBy,
    });
  }
  return { hits };
};
