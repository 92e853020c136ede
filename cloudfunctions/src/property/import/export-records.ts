import { parseRoomCode } from '@linli/shared';
import type { SheetRecord } from '@linli/shared';
import { currentMembers, naturalOrder as natural, type EstateDocs } from './estate-docs';

/**
 * An estate as sheet records, one per household, in building-unit-floor-room order. People come
 * in the order the import matches them and every stored value is written, so importing the
 * export changes nothing. Spaces not assigned to a household have no row and are not exported.
 */
export function exportRecords(docs: EstateDocs): SheetRecord[] {
  const membersOf = currentMembers(docs.memberships, docs.persons);
  const spacesOf = new Map<string, EstateDocs['parkingSpaces']>();
  for (const space of [...docs.parkingSpaces].sort((a, b) => natural(a.code, b.code))) {
    if (!space.householdId) continue;
    const held = spacesOf.get(space.householdId);
    if (held) held.push(space);
    else spacesOf.set(space.householdId, [space]);
  }
  const buildingCode = new Map(docs.buildings.map((b) => [b._id, b.code]));
  const unitCode = new Map(docs.units.map((u) => [u._id, u.code]));

  return docs.households
    .map((household): SheetRecord => {
      // The room code is what the import matches on, so its parts are what the row must say.
      const parts = parseRoomCode(household.roomCode);
      const members = membersOf.get(household._id) ?? [];
      const owner = members[0]?.membership.relation === 'owner' ? members[0] : undefined;
      const family = owner ? members.slice(1) : members;
      return {
        roomCode: household.roomCode,
        building: parts?.building ?? buildingCode.get(household.buildingId) ?? '',
        unit: parts?.unit ?? unitCode.get(household.unitId) ?? '',
        floor: household.floor,
        roomNo: household.roomNo,
        buildingArea: household.buildingArea,
        innerArea: household.innerArea,
        layout: household.layout || null,
        propertyType: household.propertyType,
        occupancy: household.occupancy,
        handoverDate: household.handoverDate,
        owner: owner
          ? { name: owner.person.name, phone: owner.person.phone, idNumber: owner.person.idNumber }
          : null,
        family: family.map(({ membership, person }) => ({
          name: person.name,
          relation: membership.relation,
          phone: person.phone,
        })),
        parking: (spacesOf.get(household._id) ?? []).map((s) => ({
          code: s.code,
          kind: s.kind,
          plates: s.plates,
        })),
      };
    })
    .sort(
      (a, b) =>
        natural(a.building, b.building) ||
        natural(a.unit, b.unit) ||
        a.floor - b.floor ||
        natural(a.roomNo, b.roomNo),
    );
}
