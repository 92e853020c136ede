import {
  keyId,
  type Account,
  type Binding,
  type Building,
  type Estate,
  type Household,
  type Membership,
  type ParkingSpace,
  type Person,
  type Relation,
  type Shift,
  type Skill,
  type StaffMember,
  type StaffRole,
  type Unit,
} from '@linli/shared';
import { accountIdFor } from '../../_lib/identity';
import type { Doc, Store } from '../../_lib/store/port';
import { searchDocs } from '../../property/search-index';
import { chineseName, seededRandom, type Random } from './random';

/** The accounts the dev login page offers, in the order shown. */
export interface DemoAccount {
  openid: string;
  displayName: string;
  description: string;
}

const LAYOUTS: ReadonlyArray<{ layout: string; buildingArea: string; innerArea: string }> = [
  { layout: '两室一厅', buildingArea: '89.53', innerArea: '72.18' },
  { layout: '三室两厅', buildingArea: '118.76', innerArea: '96.40' },
  { layout: '三室两厅', buildingArea: '126.05', innerArea: '101.32' },
  { layout: '四室两厅', buildingArea: '143.20', innerArea: '117.65' },
];

interface EstateSpec {
  id: string;
  name: string;
  code: string;
  address: string;
  buildings: number;
  unitsPerBuilding: number;
  floors: number;
  roomsPerFloor: number;
  parkingSpaces: number;
}

export const DEMO_ESTATE_ID = 'est_linli_garden';
export const OTHER_ESTATE_ID = 'est_maple_court';

const ESTATES: EstateSpec[] = [
  {
    id: DEMO_ESTATE_ID,
    name: '邻里花园',
    code: 'LLHY',
    address: '上海市浦东新区张江路 88 号',
    buildings: 3,
    unitsPerBuilding: 2,
    floors: 25,
    roomsPerFloor: 4,
    parkingSpaces: 240,
  },
  {
    id: OTHER_ESTATE_ID,
    name: '枫林苑',
    code: 'FLY',
    address: '上海市徐汇区枫林路 16 号',
    buildings: 1,
    unitsPerBuilding: 1,
    floors: 6,
    roomsPerFloor: 2,
    parkingSpaces: 10,
  },
];

interface Seed {
  household_search: Doc[];
  staff: StaffMember[];
  estates: Estate[];
  buildings: Building[];
  units: Unit[];
  households: Household[];
  persons: Person[];
  memberships: Membership[];
  parking_spaces: ParkingSpace[];
  accounts: Account[];
  bindings: Binding[];
}

function emptySeed(): Seed {
  return {
    household_search: [],
    staff: [],
    estates: [],
    buildings: [],
    units: [],
    households: [],
    persons: [],
    memberships: [],
    parking_spaces: [],
    accounts: [],
    bindings: [],
  };
}

function handoverDate(random: Random): string {
  return `20${random.int(18, 23)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
}

function seedEstate(seed: Seed, spec: EstateSpec, random: Random, phoneBase: { next: number }): void {
  seed.estates.push({ _id: spec.id, name: spec.name, code: spec.code, address: spec.address });
  for (let b = 1; b <= spec.buildings; b++) {
    const buildingId = keyId('bld', spec.id, b);
    seed.buildings.push({
      _id: buildingId,
      estateId: spec.id,
      code: String(b),
      name: `${b}号楼`,
      floors: spec.floors,
    });
    for (let u = 1; u <= spec.unitsPerBuilding; u++) {
      const unitId = keyId('unit', spec.id, b, u);
      seed.units.push({ _id: unitId, estateId: spec.id, buildingId, code: String(u), name: `${u}单元` });
      for (let floor = 1; floor <= spec.floors; floor++) {
        for (let r = 1; r <= spec.roomsPerFloor; r++) {
          const roomNo = `${String(floor).padStart(2, '0')}${String(r).padStart(2, '0')}`;
          const roomCode = `${b}-${u}-${roomNo}`;
          const householdId = keyId('hh', spec.id, roomCode);
          const layout = LAYOUTS[(r - 1) % LAYOUTS.length]!;
          const vacant = random.chance(0.06);
          seed.households.push({
            _id: householdId,
            estateId: spec.id,
            buildingId,
            unitId,
            floor,
            roomNo,
            roomCode,
            buildingArea: layout.buildingArea,
            innerArea: layout.innerArea,
            layout: layout.layout,
            propertyType: 'residential',
            occupancy: vacant ? 'vacant' : random.chance(0.15) ? 'rented' : 'self',
            handoverDate: handoverDate(random),
          });
          seedFamily(seed, spec.id, householdId, random, phoneBase, vacant);
        }
      }
    }
  }
  const households = seed.households.filter((h) => h.estateId === spec.id);
  for (let p = 1; p <= spec.parkingSpaces; p++) {
    const owned = random.chance(0.7);
    const household = owned ? random.pick(households) : null;
    seed.parking_spaces.push({
      _id: keyId('park', spec.id, p),
      estateId: spec.id,
      code: `B1-${String(p).padStart(3, '0')}`,
      kind: owned ? 'owned' : random.chance(0.8) ? 'rented' : 'temporary',
      householdId: household?._id ?? null,
      plates: household ? [plate(random)] : [],
    });
  }
}

function plate(random: Random): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  let tail = '';
  for (let i = 0; i < 5; i++)
    tail += random.chance(0.7) ? String(random.int(0, 9)) : random.pick([...letters]);
  return `沪${random.pick([...letters])}${tail}`;
}

function seedFamily(
  seed: Seed,
  estateId: string,
  householdId: string,
  random: Random,
  phoneBase: { next: number },
  vacant: boolean,
): void {
  const ownerName = chineseName(random);
  const members: Array<{ name: string; relation: Relation; phone: boolean }> = [
    { name: ownerName, relation: 'owner', phone: true },
  ];
  if (!vacant) {
    if (random.chance(0.75)) members.push({ name: chineseName(random), relation: 'spouse', phone: true });
    const children = random.int(0, 2);
    for (let i = 0; i < children; i++)
      members.push({ name: chineseName(random, ownerName[0]), relation: 'child', phone: false });
    if (random.chance(0.2))
      members.push({
        name: chineseName(random, ownerName[0]),
        relation: 'parent',
        phone: random.chance(0.5),
      });
  }
  members.forEach((member, index) => {
    const personId = keyId('psn', householdId, index);
    seed.persons.push({
      _id: personId,
      name: member.name,
      phone: member.phone ? String(13800000000 + phoneBase.next++) : null,
      idNumber: null,
    });
    seed.memberships.push({
      _id: keyId('mbr', householdId, index),
      estateId,
      householdId,
      personId,
      relation: member.relation,
      movedInOn: null,
      movedOutOn: null,
    });
  });
}

/** Mon–Sat 08:00–17:30; technicians alternate so someone is always on. */
const WEEKDAY_SHIFTS: Shift[] = [1, 2, 3, 4, 5, 6].map((weekday) => ({
  weekday,
  start: '08:00',
  end: '17:30',
}));
const EVENING_SHIFTS: Shift[] = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
  weekday,
  start: '17:00',
  end: '08:30',
}));

function staffAccount(
  seed: Seed,
  openid: string,
  displayName: string,
  roles: StaffRole[],
  estateIds: string[],
  options: { skills?: Skill[]; level?: number; shifts?: Shift[]; phone: string },
): Account {
  const accountId = accountIdFor(openid);
  const skills = options.skills ?? [];
  seed.staff.push({
    _id: keyId('staff', openid),
    name: displayName,
    phone: options.phone,
    roles,
    estateIds,
    skills,
    level: options.level ?? 3,
    shifts: options.shifts ?? WEEKDAY_SHIFTS,
    accountId,
    inviteCode: null,
    active: true,
    updatedAt: 0,
  });
  return {
    _id: accountId,
    openid,
    displayName,
    personId: null,
    staff: { roles, estateIds, skills },
    createdAt: 0,
  };
}

/** Bind a demo owner account to a seeded household as its registered owner. */
function demoOwner(seed: Seed, openid: string, estateId: string, roomCode: string): Account {
  const householdId = keyId('hh', estateId, roomCode);
  // Demo homes are lived in by a family, so every screen has something to show.
  const household = seed.households.find((h) => h._id === householdId)!;
  household.occupancy = 'self';
  const family = seed.memberships.filter((m) => m.householdId === householdId);
  const surname = seed.persons.find((p) => p._id === family[0]?.personId)?.name[0] ?? '陈';
  const extra: Array<{ name: string; relation: Relation; phone: string | null }> = [
    { name: `${surname === '林' ? '王' : '林'}晓雯`, relation: 'spouse', phone: '13912345678' },
    { name: `${surname}子涵`, relation: 'child', phone: null },
  ];
  extra.slice(0, Math.max(0, 3 - family.length)).forEach((member, i) => {
    const index = family.length + i;
    seed.persons.push({
      _id: keyId('psn', householdId, index),
      name: member.name,
      phone: member.phone,
      idNumber: null,
    });
    seed.memberships.push({
      _id: keyId('mbr', householdId, index),
      estateId,
      householdId,
      personId: keyId('psn', householdId, index),
      relation: member.relation,
      movedInOn: null,
      movedOutOn: null,
    });
  });
  const ownerMembership = seed.memberships.find(
    (m) => m.householdId === householdId && m.relation === 'owner',
  );
  const person = seed.persons.find((p) => p._id === ownerMembership?.personId);
  if (!person) throw new Error(`demo household ${roomCode} has no owner`);
  const account: Account = {
    _id: accountIdFor(openid),
    openid,
    displayName: person.name,
    personId: person._id,
    staff: null,
    createdAt: 0,
  };
  seed.bindings.push({
    _id: keyId('bind', account._id, householdId),
    accountId: account._id,
    householdId,
    estateId,
    relation: 'owner',
    status: 'approved',
    method: 'seed',
    personId: person._id,
    createdAt: 0,
    decidedAt: 0,
    decidedBy: null,
    reason: null,
  });
  return account;
}

function indexForSearch(seed: Seed): void {
  const persons = new Map(seed.persons.map((p) => [p._id, p]));
  for (const household of seed.households) {
    const people = seed.memberships
      .filter((m) => m.householdId === household._id)
      .map((m) => persons.get(m.personId)!);
    const spaces = seed.parking_spaces.filter((s) => s.householdId === household._id);
    seed.household_search.push(...searchDocs(household, people, spaces));
  }
}

/** Build the demo data set: two estates (邻里花园 with 600 households, 枫林苑 with 12) and demo accounts. */
export function buildDemoData(): { seed: Seed; demoAccounts: DemoAccount[] } {
  const random = seededRandom(20261129);
  const seed = emptySeed();
  const phoneBase = { next: 1 };
  for (const spec of ESTATES) seedEstate(seed, spec, random, phoneBase);

  const ownerChen = demoOwner(seed, 'demo-owner-1', DEMO_ESTATE_ID, '1-1-1201');
  const ownerLin = demoOwner(seed, 'demo-owner-2', DEMO_ESTATE_ID, '2-1-0802');
  const ownerMaple = demoOwner(seed, 'demo-owner-3', OTHER_ESTATE_ID, '1-1-0301');
  seed.accounts.push(
    ownerChen,
    ownerLin,
    ownerMaple,
    staffAccount(seed, 'demo-admin', '王经理', ['admin'], [DEMO_ESTATE_ID, OTHER_ESTATE_ID], {
      phone: '13900000001',
    }),
    staffAccount(seed, 'demo-finance', '李会计', ['finance'], [DEMO_ESTATE_ID], { phone: '13900000002' }),
    staffAccount(seed, 'demo-service', '张客服', ['service'], [DEMO_ESTATE_ID], { phone: '13900000003' }),
    staffAccount(seed, 'demo-tech-lift', '李师傅', ['technician'], [DEMO_ESTATE_ID], {
      phone: '13900000004',
      skills: ['lift', 'electrical'],
      level: 4,
    }),
    staffAccount(seed, 'demo-tech-plumbing', '赵师傅', ['technician'], [DEMO_ESTATE_ID], {
      phone: '13900000005',
      skills: ['plumbing', 'general'],
      level: 3,
      shifts: EVENING_SHIFTS,
    }),
    staffAccount(seed, 'demo-admin-maple', '周主管', ['admin'], [OTHER_ESTATE_ID], { phone: '13900000006' }),
  );
  indexForSearch(seed);
  const demoAccounts: DemoAccount[] = [
    { openid: ownerChen.openid, displayName: ownerChen.displayName, description: '业主 · 邻里花园 1-1-1201' },
    { openid: ownerLin.openid, displayName: ownerLin.displayName, description: '业主 · 邻里花园 2-1-0802' },
    { openid: ownerMaple.openid, displayName: ownerMaple.displayName, description: '业主 · 枫林苑 1-1-0301' },
    { openid: 'demo-new-user', displayName: '新用户', description: '未绑定房屋的微信用户' },
    { openid: 'demo-admin', displayName: '王经理', description: '管理员 · 邻里花园、枫林苑' },
    { openid: 'demo-finance', displayName: '李会计', description: '财务 · 邻里花园' },
    { openid: 'demo-service', displayName: '张客服', description: '客服 · 邻里花园' },
    { openid: 'demo-tech-lift', displayName: '李师傅', description: '维修师傅 · 电梯、电工' },
    { openid: 'demo-tech-plumbing', displayName: '赵师傅', description: '维修师傅 · 水暖、综合' },
    { openid: 'demo-admin-maple', displayName: '周主管', description: '管理员 · 枫林苑' },
  ];
  return { seed, demoAccounts };
}

/**
 * The built seed is timeless (same bytes every run); on write, accounts, staff and bindings get
 * the seeding time so screens show a real 绑定时间 rather than 1970.
 */
function stampSeedTime(seed: Seed, now: number): void {
  for (const account of seed.accounts) account.createdAt = now;
  for (const member of seed.staff) member.updatedAt = now;
  for (const binding of seed.bindings) Object.assign(binding, { createdAt: now, decidedAt: now });
}

/** Write the demo data into an empty store. Returns false (and writes nothing) if already seeded. */
export async function seedDemoData(store: Store, now: number = Date.now()): Promise<boolean> {
  if (await store.collection('estates').get(DEMO_ESTATE_ID)) return false;
  const { seed } = buildDemoData();
  stampSeedTime(seed, now);
  // Estates last: their presence marks a finished seed, so an interrupted one is redone.
  const order: Array<keyof Seed> = [
    'household_search',
    'staff',
    'buildings',
    'units',
    'households',
    'persons',
    'memberships',
    'parking_spaces',
    'accounts',
    'bindings',
    'estates',
  ];
  for (const name of order) {
    const docs = seed[name] as unknown as Doc[];
    const collection = store.collection(name);
    for (let i = 0; i < docs.length; i += 500) {
      const chunk = docs.slice(i, i + 500);
      await collection.removeMany({ where: { _id: { in: chunk.map((d) => d._id) } } });
      await collection.insertMany(chunk);
    }
  }
  return true;
}
