import {
  keyId,
  parseDecimal,
  type Building,
  type Household,
  type Membership,
  type ParkingSpace,
  type Person,
  type Relation,
  type Unit,
} from '@linli/shared';
import type { RowError, SheetRecord } from '@linli/shared/src/property/import-sheet';
import type { HouseholdSearchKey } from '../../_lib/collections';
import { searchDocs } from '../search-index';
import { DocTable } from './doc-table';
import { currentMembers, type EstateDocs, type Member } from './estate-docs';

export interface Writes<T> {
  insert: T[];
  update: T[];
}

/** The exact writes that bring an estate in line with a sheet; nothing for what is already so. */
export interface ImportPlan {
  buildings: Writes<Building>;
  units: Writes<Unit>;
  households: Writes<Household>;
  persons: Writes<Person>;
  memberships: Writes<Membership>;
  parkingSpaces: Writes<ParkingSpace>;
  /** Households whose people, plates or room changed, and their complete new search keys. */
  reindex: { householdIds: string[]; keys: HouseholdSearchKey[] };
  /** Per row: a new household, a changed one, or one already as the sheet says. */
  created: number;
  updated: number;
  unchanged: number;
  /** Rows the sheet allows but the stored data does not (another owner, a space taken). */
  conflicts: RowError[];
}

interface SheetPerson {
  name: string;
  relation: Relation;
  phone: string | null;
  idNumber: string | null;
}

/**
 * Plan an import. Documents are found by natural key (building and unit code, room code, space
 * code) and new ones get ids derived from those keys, so the same sheet always plans the same
 * documents. People are matched by name within their household; an empty cell keeps the stored
 * value, and people or spaces missing from the sheet are left alone (no move-out is inferred).
 */
export function planImport(
  estateId: string,
  rows: Array<{ row: number; record: SheetRecord }>,
  docs: EstateDocs,
): ImportPlan {
  const buildings = new DocTable(docs.buildings);
  const units = new DocTable(docs.units);
  const households = new DocTable(docs.households);
  const persons = new DocTable(docs.persons);
  const memberships = new DocTable(docs.memberships);
  const spaces = new DocTable(docs.parkingSpaces);

  const buildingIdByCode = new Map(docs.buildings.map((b) => [b.code, b._id]));
  const unitIdByKey = new Map(docs.units.map((u) => [`${u.buildingId}/${u.code}`, u._id]));
  const householdIdByRoom = new Map(docs.households.map((h) => [h.roomCode, h._id]));
  const spaceIdByCode = new Map(docs.parkingSpaces.map((s) => [s.code, s._id]));
  const membersOf = currentMembers(docs.memberships, docs.persons);
  const takenIds = new Set(docs.memberships.flatMap((m) => [m._id, m.personId]));

  const topFloor = new Map<string, number>();
  for (const { record } of rows)
    topFloor.set(record.building, Math.max(topFloor.get(record.building) ?? 1, record.floor));

  const plan = { created: 0, updated: 0, unchanged: 0, conflicts: [] as RowError[] };
  const touched = new Set<string>();

  for (const { row, record } of rows) {
    const householdId = householdIdByRoom.get(record.roomCode) ?? keyId('hh', estateId, record.roomCode);
    const members = membersOf.get(householdId) ?? [];
    const reasons = [
      ...ownerConflict(record, members),
      ...spaceConflicts(record, householdId, spaces, spaceIdByCode, households),
    ];
    if (reasons.length) {
      plan.conflicts.push({ row, roomCode: record.roomCode, reasons });
      continue;
    }

    const buildingId = buildingIdByCode.get(record.building) ?? keyId('bld', estateId, record.building);
    buildingIdByCode.set(record.building, buildingId);
    const storedBuilding = buildings.get(buildingId);
    const floors = Math.max(storedBuilding?.floors ?? 1, topFloor.get(record.building) ?? 1);
    let changed = buildings.put(
      storedBuilding
        ? { ...storedBuilding, floors }
        : { _id: buildingId, estateId, code: record.building, name: `${record.building}号楼`, floors },
    );

    const unitKey = `${buildingId}/${record.unit}`;
    const unitId = unitIdByKey.get(unitKey) ?? keyId('unit', estateId, record.building, record.unit);
    unitIdByKey.set(unitKey, unitId);
    if (!units.get(unitId))
      changed =
        units.put({ _id: unitId, estateId, buildingId, code: record.unit, name: `${record.unit}单元` }) ||
        changed;

    const stored = households.get(householdId);
    changed =
      households.put(householdFrom(record, stored, { _id: householdId, estateId, buildingId, unitId })) ||
      changed;

    const unmatched = [...members];
    for (const wanted of sheetPeople(record)) {
      const match = takeMatch(unmatched, wanted);
      if (match) {
        const person = persons.get(match.person._id) ?? match.person;
        changed =
          persons.put({
            ...person,
            phone: wanted.phone ?? person.phone,
            idNumber: wanted.idNumber ?? person.idNumber,
          }) || changed;
        changed = memberships.put({ ...match.membership, relation: wanted.relation }) || changed;
        continue;
      }
      const index = freeIndex(householdId, takenIds);
      const personId = keyId('psn', householdId, index);
      persons.put({ _id: personId, name: wanted.name, phone: wanted.phone, idNumber: wanted.idNumber });
      memberships.put({
        _id: keyId('mbr', householdId, index),
        estateId,
        householdId,
        personId,
        relation: wanted.relation,
        movedInOn: null,
        movedOutOn: null,
      });
      changed = true;
    }

    for (const space of record.parking) {
      const spaceId = spaceIdByCode.get(space.code) ?? keyId('park', estateId, space.code);
      const before = spaces.get(spaceId);
      changed =
        spaces.put(
          before
            ? {
                ...before,
                householdId,
                kind: space.kind ?? before.kind,
                plates: space.plates ?? before.plates,
              }
            : {
                _id: spaceId,
                estateId,
                code: space.code,
                kind: space.kind ?? 'owned',
                householdId,
                plates: space.plates ?? [],
              },
        ) || changed;
    }

    if (!stored) plan.created++;
    else if (changed) plan.updated++;
    else plan.unchanged++;
    if (changed) touched.add(householdId);
  }

  return {
    ...plan,
    buildings: buildings.writes(),
    units: units.writes(),
    households: households.writes(),
    persons: persons.writes(),
    memberships: memberships.writes(),
    parkingSpaces: spaces.writes(),
    reindex: {
      householdIds: [...touched],
      keys: searchKeysOf(touched, households, memberships, persons, spaces),
    },
  };
}

function householdFrom(
  record: SheetRecord,
  stored: Household | undefined,
  place: Pick<Household, '_id' | 'estateId' | 'buildingId' | 'unitId'>,
): Household {
  if (!stored) {
    const hasPeople = record.owner !== null || record.family.length > 0;
    return {
      ...place,
      floor: record.floor,
      roomNo: record.roomNo,
      roomCode: record.roomCode,
      buildingArea: record.buildingArea,
      innerArea: record.innerArea,
      layout: record.layout ?? '',
      propertyType: record.propertyType ?? 'residential',
      occupancy: record.occupancy ?? (hasPeople ? 'self' : 'vacant'),
      handoverDate: record.handoverDate,
    };
  }
  return {
    ...stored,
    floor: record.floor,
    roomNo: record.roomNo,
    // '89.5' stored and '89.50' in the sheet are the same area: keep the stored text.
    buildingArea: sameDecimal(stored.buildingArea, record.buildingArea)
      ? stored.buildingArea
      : record.buildingArea,
    innerArea: sameDecimal(stored.innerArea, record.innerArea) ? stored.innerArea : record.innerArea,
    layout: record.layout ?? stored.layout,
    propertyType: record.propertyType ?? stored.propertyType,
    occupancy: record.occupancy ?? stored.occupancy,
    handoverDate: record.handoverDate ?? stored.handoverDate,
  };
}

function sameDecimal(a: string, b: string): boolean {
  try {
    const x = parseDecimal(a);
    const y = parseDecimal(b);
    const scale = Math.max(x.scale, y.scale);
    return x.units * 10n ** BigInt(scale - x.scale) === y.units * 10n ** BigInt(scale - y.scale);
  } catch {
    return false;
  }
}

function sheetPeople(record: SheetRecord): SheetPerson[] {
  return [
    ...(record.owner ? [{ ...record.owner, relation: 'owner' as const }] : []),
    ...record.family.map((m) => ({ ...m, idNumber: null })),
  ];
}

/** The first unmatched member with the name (an owner prefers an owner), removed from the pool. */
function takeMatch(pool: Member[], wanted: SheetPerson): Member | undefined {
  const named = (m: Member) => m.person.name === wanted.name;
  let index =
    wanted.relation === 'owner' ? pool.findIndex((m) => named(m) && m.membership.relation === 'owner') : -1;
  if (index < 0) index = pool.findIndex(named);
  return index < 0 ? undefined : pool.splice(index, 1)[0];
}

/** The lowest index whose person and membership ids are both unused in the household. */
function freeIndex(householdId: string, taken: Set<string>): number {
  let index = 0;
  while (taken.has(keyId('psn', householdId, index)) || taken.has(keyId('mbr', householdId, index))) index++;
  taken.add(keyId('psn', householdId, index));
  taken.add(keyId('mbr', householdId, index));
  return index;
}

/** A sheet never changes who owns a room: ownership transfer (过户) is a procedure of its own. */
function ownerConflict(record: SheetRecord, members: Member[]): string[] {
  const owners = members.filter((m) => m.membership.relation === 'owner').map((m) => m.person.name);
  if (!record.owner || !owners.length || owners.includes(record.owner.name)) return [];
  return [`业主「${record.owner.name}」与系统登记的业主「${owners.join('、')}」不一致，导入不会更换业主`];
}

function spaceConflicts(
  record: SheetRecord,
  householdId: string,
  spaces: DocTable<ParkingSpace>,
  spaceIdByCode: Map<string, string>,
  households: DocTable<Household>,
): string[] {
  return record.parking.flatMap((space) => {
    const stored = spaces.get(spaceIdByCode.get(space.code) ?? '');
    if (!stored?.householdId || stored.householdId === householdId) return [];
    const holder = households.get(stored.householdId)?.roomCode ?? stored.householdId;
    return [`车位 ${space.code} 已属于 ${holder}`];
  });
}

function searchKeysOf(
  householdIds: Set<string>,
  households: DocTable<Household>,
  memberships: DocTable<Membership>,
  persons: DocTable<Person>,
  spaces: DocTable<ParkingSpace>,
): HouseholdSearchKey[] {
  const people = new Map<string, Person[]>();
  for (const m of memberships.values()) {
    const person = householdIds.has(m.householdId) && !m.movedOutOn ? persons.get(m.personId) : undefined;
    if (person) appendTo(people, m.householdId, person);
  }
  const plates = new Map<string, ParkingSpace[]>();
  for (const s of spaces.values())
    if (s.householdId && householdIds.has(s.householdId)) appendTo(plates, s.householdId, s);
  return [...householdIds].flatMap((id) => {
    const household = households.get(id);
    return household ? searchDocs(household, people.get(id) ?? [], plates.get(id) ?? []) : [];
  });
}

function appendTo<T>(groups: Map<string, T[]>, key: string, item: T): void {
  const group = groups.get(key);
  if (group) group.push(item);
  else groups.set(key, [item]);
}
