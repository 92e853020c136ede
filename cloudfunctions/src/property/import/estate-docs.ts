import type { Building, Household, Membership, ParkingSpace, Person, Unit } from '@linli/shared';
import { findAll, type Collections } from '../../_lib/collections';

/** Everything the import compares against and the export writes out: one estate's documents. */
export interface EstateDocs {
  buildings: Building[];
  units: Unit[];
  households: Household[];
  /** All memberships, moved-out ones included (their ids stay taken). */
  memberships: Membership[];
  /** The people of current (not moved-out) memberships. */
  persons: Person[];
  parkingSpaces: ParkingSpace[];
}

/** Ids per `in` query: well under CloudBase's page cap, and a short SQL parameter list. */
const ID_CHUNK = 500;

export async function loadEstateDocs(db: Collections, estateId: string): Promise<EstateDocs> {
  const where = { where: { estateId } };
  const [buildings, units, households, memberships, parkingSpaces] = await Promise.all([
    findAll(db.buildings, where),
    findAll(db.units, where),
    findAll(db.households, where),
    findAll(db.memberships, where),
    findAll(db.parkingSpaces, where),
  ]);
  const personIds = [...new Set(memberships.filter((m) => !m.movedOutOn).map((m) => m.personId))];
  const persons: Person[] = [];
  for (let i = 0; i < personIds.length; i += ID_CHUNK) {
    persons.push(
      ...(await findAll(db.persons, { where: { _id: { in: personIds.slice(i, i + ID_CHUNK) } } })),
    );
  }
  return { buildings, units, households, memberships, persons, parkingSpaces };
}

export interface Member {
  membership: Membership;
  person: Person;
}

/** `mbr_…_2` before `mbr_…_10`; one collator, since localeCompare with options builds one per call. */
export const naturalOrder = new Intl.Collator('en', { numeric: true }).compare;
const byIdNatural = (a: { _id: string }, b: { _id: string }): number => naturalOrder(a._id, b._id);

/**
 * Current members of each household, owners first, then in id order (`mbr_…_2` before
 * `mbr_…_10`). The export writes people in this order and the import matches them in it, so an
 * export imports back unchanged even when two members share a name.
 */
export function currentMembers(memberships: Membership[], persons: Iterable<Person>): Map<string, Member[]> {
  const personById = new Map([...persons].map((p) => [p._id, p]));
  const members = new Map<string, Member[]>();
  const sorted = memberships
    .filter((m) => !m.movedOutOn)
    .sort((a, b) => Number(b.relation === 'owner') - Number(a.relation === 'owner') || byIdNatural(a, b));
  for (const membership of sorted) {
    const person = personById.get(membership.personId);
    if (!person) continue;
    const household = members.get(membership.householdId);
    if (household) household.push({ membership, person });
    else members.set(membership.householdId, [{ membership, person }]);
  }
  return members;
}
