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
import type { RowError, SheetParking, SheetRecord } from '@linli/shared';
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

/** A person of the sheet, with the stored member they are (if any). */
interface PersonMatch {
  wanted: SheetPerson;
  stored: Member | undefined;
}

/** One estate's documents as the import leaves them, with lookups by natural key. */
class EstateState {
  readonly buildings: DocTable<Building>;
  readonly units: DocTable<Unit>;
  readonly households: DocTable<Household>;
  readonly persons: DocTable<Person>;
  readonly memberships: DocTable<Membership>;
  readonly spaces: DocTable<ParkingSpace>;
  readonly buildingIdByCode: Map<string, string>;
  readonly unitIdByKey: Map<string, string>;
  readonly householdIdByRoom: Map<string, string>;
  readonly spaceIdByCode: Map<string, string>;
  readonly membersOf: Map<string, Member[]>;
  /** Person and membership ids in use, moved-out members included. */
  readonly takenIds: Set<string>;

  constructor(
    readonly estateId: string,
    docs: EstateDocs,
  ) {
    this.buildings = new DocTable(docs.buildings);
    this.units = new DocTable(docs.units);
    this.households = new DocTable(docs.households);
    this.persons = new DocTable(docs.persons);
    this.memberships = new DocTable(docs.memberships);
    this.spaces = new DocTable(docs.parkingSpaces);
    this.buildingIdByCode = new Map(docs.buildings.map((b) => [b.code, b._id]));
    this.unitIdByKey = new Map(docs.units.map((u) => [`${u.buildingId}/${u.code}`, u._id]));
    this.householdIdByRoom = new Map(docs.households.map((h) => [h.roomCode, h._id]));
    this.spaceIdByCode = new Map(docs.parkingSpaces.map((s) => [s.code, s._id]));
    this.membersOf = currentMembers(docs.memberships, docs.persons);
    this.takenIds = new Set(docs.memberships.flatMap((m) => [m._id, m.personId]));
  }
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
  const state = new EstateState(estateId, docs);
  const topFloor = new Map<string, number>();
  for (const { record } of rows) {
    topFloor.set(record.building, Math.max(topFloor.get(record.building) ?? 1, record.floor));
  }
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const conflicts: RowError[] = [];
  const touched = new Set<string>();

  for (const { row, record } of rows) {
    const householdId =
      state.householdIdByRoom.get(record.roomCode) ?? keyId('hh', estateId, record.roomCode);
    const people = matchPeople(state.membersOf.get(householdId) ?? [], sheetPeople(record));
    const reasons = [
      ...ownershipConflicts(people, state.membersOf.get(householdId) ?? []),
      ...spaceConflicts(state, householdId, record.parking),
    ];
    if (reasons.length) {
      conflicts.push({ row, roomCode: record.roomCode, reasons });
      continue;
    }
    const isNew = !state.households.get(householdId);
    const changes = [
      placeRoom(state, record, householdId, topFloor.get(record.building) ?? 1),
      placePeople(state, householdId, people),
      placeParking(state, householdId, record.parking),
    ];
    const changed = changes.some(Boolean);
    if (isNew) counts.created++;
    else if (changed) counts.updated++;
    else counts.unchanged++;
    if (changed) touched.add(householdId);
  }

  const reindexed = withSharedPeople(state, touched);
  return {
    ...counts,
    conflicts,
    buildings: state.buildings.writes(),
    units: state.units.writes(),
    households: state.households.writes(),
    persons: state.persons.writes(),
    memberships: state.memberships.writes(),
    parkingSpaces: state.spaces.writes(),
    reindex: { householdIds: [...reindexed], keys: searchKeysOf(state, reindexed) },
  };
}

// ---- steps of a row: each puts the desired documents and says whether anything changed ----

/** The building (grown to the sheet's top floor), the unit and the household itself. */
function placeRoom(state: EstateState, record: SheetRecord, householdId: string, topFloor: number): boolean {
  const { estateId } = state;
  const buildingId = state.buildingIdByCode.get(record.building) ?? keyId('bld', estateId, record.building);
  state.buildingIdByCode.set(record.building, buildingId);
  const building = state.buildings.get(buildingId);
  const floors = Math.max(building?.floors ?? 1, topFloor);
  const buildingChanged = state.buildings.put(
    building
      ? { ...building, floors }
      : { _id: buildingId, estateId, code: record.building, name: `${record.building}号楼`, floors },
  );

  const unitKey = `${buildingId}/${record.unit}`;
  const unitId = state.unitIdByKey.get(unitKey) ?? keyId('unit', estateId, record.building, record.unit);
  state.unitIdByKey.set(unitKey, unitId);
  const unitChanged =
    !state.units.get(unitId) &&
    state.units.put({ _id: unitId, estateId, buildingId, code: record.unit, name: `${record.unit}单元` });

  const stored = state.households.get(householdId);
  const household = householdFrom(record, stored, { _id: householdId, estateId, buildingId, unitId });
  return [buildingChanged, unitChanged, state.households.put(household)].some(Boolean);
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

/** Update matched people (empty cells keep stored values), add the rest with fresh indexes. */
function placePeople(state: EstateState, householdId: string, people: PersonMatch[]): boolean {
  let changed = false;
  for (const { wanted, stored } of people) {
    if (stored) {
      const person = state.persons.get(stored.person._id) ?? stored.person;
      const phone = wanted.phone ?? person.phone;
      const idNumber = wanted.idNumber ?? person.idNumber;
      changed = state.persons.put({ ...person, phone, idNumber }) || changed;
      changed = state.memberships.put({ ...stored.membership, relation: wanted.relation }) || changed;
      continue;
    }
    const index = freeIndex(householdId, state.takenIds);
    const personId = keyId('psn', householdId, index);
    state.persons.put({ _id: personId, name: wanted.name, phone: wanted.phone, idNumber: wanted.idNumber });
    state.memberships.put({
      _id: keyId('mbr', householdId, index),
      estateId: state.estateId,
      householdId,
      personId,
      relation: wanted.relation,
      movedInOn: null,
      movedOutOn: null,
    });
    changed = true;
  }
  return changed;
}

function placeParking(state: EstateState, householdId: string, parking: SheetParking[]): boolean {
  let changed = false;
  for (const space of parking) {
    const spaceId = state.spaceIdByCode.get(space.code) ?? keyId('park', state.estateId, space.code);
    const stored = state.spaces.get(spaceId);
    const kind = space.kind ?? stored?.kind ?? 'owned';
    const plates = space.plates ?? stored?.plates ?? [];
    const desired: ParkingSpace = stored
      ? { ...stored, householdId, kind, plates }
      : { _id: spaceId, estateId: state.estateId, code: space.code, kind, householdId, plates };
    changed = state.spaces.put(desired) || changed;
  }
  return changed;
}

// ---- matching and conflicts ----------------------------------------------------------------

function sheetPeople(record: SheetRecord): SheetPerson[] {
  return [
    ...(record.owner ? [{ ...record.owner, relation: 'owner' as const }] : []),
    ...record.family.map((m) => ({ ...m, idNumber: null })),
  ];
}

/**
 * Pair the sheet's people with stored members by name, in order, so two children of the same
 * name stay two people. An owner prefers a stored owner, everyone else a stored non-owner.
 */
function matchPeople(members: Member[], people: SheetPerson[]): PersonMatch[] {
  const pool = [...members];
  return people.map((wanted) => {
    const named = (m: Member) => m.person.name === wanted.name;
    const preferred = (m: Member) =>
      named(m) && (m.membership.relation === 'owner') === (wanted.relation === 'owner');
    let index = pool.findIndex(preferred);
    if (index < 0) index = pool.findIndex(named);
    return { wanted, stored: index < 0 ? undefined : pool.splice(index, 1)[0] };
  });
}

/** A sheet never changes who owns a room: ownership transfer (过户) is a procedure of its own. */
function ownershipConflicts(people: PersonMatch[], members: Member[]): string[] {
  const owners = members.filter((m) => m.membership.relation === 'owner').map((m) => m.person.name);
  return people.flatMap(({ wanted, stored }) => {
    const wasOwner = stored?.membership.relation === 'owner';
    if (wanted.relation === 'owner' && owners.length && !wasOwner) {
      return [`业主「${wanted.name}」与系统登记的业主「${owners.join('、')}」不一致，导入不会更换业主`];
    }
    if (wanted.relation !== 'owner' && wasOwner)
      return [`「${wanted.name}」在系统中登记为业主，导入不会更改业主`];
    return [];
  });
}

function spaceConflicts(state: EstateState, householdId: string, parking: SheetParking[]): string[] {
  return parking.flatMap((space) => {
    const stored = state.spaces.get(state.spaceIdByCode.get(space.code) ?? '');
    if (!stored?.householdId || stored.householdId === householdId) return [];
    const holder = state.households.get(stored.householdId)?.roomCode ?? stored.householdId;
    return [`车位 ${space.code} 已属于 ${holder}`];
  });
}

// ---- helpers -------------------------------------------------------------------------------

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

/** The lowest index whose person and membership ids are both unused in the household. */
function freeIndex(householdId: string, taken: Set<string>): number {
  let index = 0;
  while (taken.has(keyId('psn', householdId, index)) || taken.has(keyId('mbr', householdId, index))) index++;
  taken.add(keyId('psn', householdId, index));
  taken.add(keyId('mbr', householdId, index));
  return index;
}

/** A person in several households: a change to them changes the search keys of each. */
function withSharedPeople(state: EstateState, touched: Set<string>): Set<string> {
  const changedPeople = new Set(state.persons.writes().update.map((p) => p._id));
  if (!changedPeople.size) return touched;
  const all = new Set(touched);
  for (const m of state.memberships.values()) {
    if (!m.movedOutOn && changedPeople.has(m.personId)) all.add(m.householdId);
  }
  return all;
}

function searchKeysOf(state: EstateState, householdIds: Set<string>): HouseholdSearchKey[] {
  const people = new Map<string, Person[]>();
  for (const m of state.memberships.values()) {
    const person =
      householdIds.has(m.householdId) && !m.movedOutOn ? state.persons.get(m.personId) : undefined;
    if (person) appendTo(people, m.householdId, person);
  }
  const spaces = new Map<string, ParkingSpace[]>();
  for (const s of state.spaces.values()) {
    if (s.householdId && householdIds.has(s.householdId)) appendTo(spaces, s.householdId, s);
  }
  return [...householdIds].flatMap((id) => {
    const household = state.households.get(id);
    return household ? searchDocs(household, people.get(id) ?? [], spaces.get(id) ?? []) : [];
  });
}

function appendTo<T>(groups: Map<string, T[]>, key: string, item: T): void {
  const group = groups.get(key);
  if (group) group.push(item);
  else groups.set(key, [item]);
}
