import {
  householdSearchKeys,
  type Household,
  type Membership,
  type ParkingSpace,
  type Person,
} from '@linli/shared';
import { findAll, type HouseholdSearchKey } from '../_lib/collections';
import type { Store } from '../_lib/store/port';

/** The search-key documents of one household, from its current people and parking spaces. */
export function searchDocs(
  household: Pick<Household, '_id' | 'estateId' | 'roomCode'>,
  people: Array<Pick<Person, 'name' | 'phone'>>,
  spaces: Array<Pick<ParkingSpace, 'plates'>>,
): HouseholdSearchKey[] {
  const keys = householdSearchKeys({
    roomCode: household.roomCode,
    names: people.map((p) => p.name),
    phones: people.flatMap((p) => (p.phone ? [p.phone] : [])),
    plates: spaces.flatMap((s) => s.plates),
  });
  return keys.map((key, i) => ({
    _id: `${household._id}#${i}`,
    estateId: household.estateId,
    key,
    householdId: household._id,
  }));
}

/** Rebuild the search keys of the given households after their people or plates changed. */
export async function reindexHouseholds(store: Store, householdIds: string[]): Promise<void> {
  const index = store.collection<HouseholdSearchKey>('household_search');
  for (const householdId of householdIds) {
    const household = await store.collection<Household>('households').get(householdId);
    await index.removeMany({ where: { householdId } });
    if (!household) continue;
    const memberships = await findAll(store.collection<Membership>('memberships'), {
      where: { householdId, movedOutOn: null },
    });
    const people = await Promise.all(
      memberships.map((m) => store.collection<Person>('persons').get(m.personId)),
    );
    const spaces = await findAll(store.collection<ParkingSpace>('parking_spaces'), {
      where: { householdId },
    });
    await index.insertMany(
      searchDocs(
        household,
        people.filter((p) => p !== null),
        spaces,
      ),
    );
  }
}
