import { keyId, type HouseholdDetail, type SearchHit, type TreeView } from '@linli/shared';
import { AUDIT_COLLECTION, type AuditEntry } from '@linli/cloudfunctions/src/_lib/audit';
import {
  buildDemoData,
  DEMO_ESTATE_ID,
  OTHER_ESTATE_ID,
} from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { createTestRuntime, type TestRuntime } from '../helpers/test-runtime';

const ROOM = '2-2-1503';
const householdId = keyId('hh', DEMO_ESTATE_ID, ROOM);
function ownerOf(roomCode: string) {
  const { seed } = buildDemoData();
  const hh = keyId('hh', DEMO_ESTATE_ID, roomCode);
  const m = seed.memberships.find((x) => x.householdId === hh && x.relation === 'owner')!;
  return seed.persons.find((p) => p._id === m.personId)!;
}

describe('property for staff: structure, search, details and contact privacy', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime();
  });
  afterAll(() => t.close());

  it('browses the estate as a tree down to the rooms of a unit, top floor first', async () => {
    const tree = await t.ok<TreeView>('demo-service', 'property', 'tree');
    expect(tree.buildings.map((b) => b.name)).toEqual(['1号楼', '2号楼', '3号楼']);
    const unit = tree.buildings[1]!.units[1]!;
    expect(unit).toMatchObject({ name: '2单元', households: 100 });
    const rooms = await t.ok<{ floors: Array<{ floor: number; rooms: Array<{ roomCode: string }> }> }>(
      'demo-service',
      'property',
      'unitRooms',
      { unitId: unit.unitId },
    );
    expect(rooms.floors[0]!.floor).toBe(25);
    expect(rooms.floors.find((f) => f.floor === 15)!.rooms.map((r) => r.roomCode)).toContain(ROOM);
  });

  it('finds a household by room code, owner name, phone, last four digits and plate', async () => {
    const owner = ownerOf(ROOM);
    const find = async (query: string) =>
      (await t.ok<{ hits: SearchHit[] }>('demo-service', 'property', 'search', { query })).hits;
    expect((await find('2栋2单元1503'))[0]).toMatchObject({ householdId, matchedBy: 'room' });
    expect((await find(owner.name)).map((h) => h.householdId)).toContain(householdId);
    expect((await find(owner.phone!))[0]).toMatchObject({ householdId, matchedBy: 'phone' });
    expect((await find(owner.phone!.slice(-4))).map((h) => h.householdId)).toContain(householdId);
    const { seed } = buildDemoData();
    const space = seed.parking_spaces.find((s) => s.estateId === DEMO_ESTATE_ID && s.plates.length)!;
    expect((await find(space.plates[0]!.toLowerCase()))[0]).toMatchObject({
      householdId: space.householdId,
      matchedBy: 'plate',
    });
    for (const hit of await find(owner.name)) for (const phone of hit.phones) expect(phone).toMatch(/\*{4}/);
  });

  it('a technician can find rooms but cannot look people up by phone or reveal contacts', async () => {
    const owner = ownerOf(ROOM);
    const hits = (
      await t.ok<{ hits: SearchHit[] }>('demo-tech-lift', 'property', 'search', { query: owner.phone! })
    ).hits;
    expect(hits).toEqual([]);
    expect(
      await t.errorCode('demo-tech-lift', 'property', 'revealContact', { householdId, personId: owner._id }),
    ).toBe('FORBIDDEN');
    const detail = await t.ok<HouseholdDetail>('demo-tech-lift', 'property', 'household', { householdId });
    expect(detail.canReveal).toBe(false);
    for (const m of detail.members) if (m.phone) expect(m.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it('customer service reveals a phone number, and the reveal is audited', async () => {
    const owner = ownerOf(ROOM);
    const revealed = await t.ok<{ phone: string }>('demo-service', 'property', 'revealContact', {
      householdId,
      personId: owner._id,
    });
    expect(revealed.phone).toBe(owner.phone);
    const audit = await t.store
      .collection<AuditEntry>(AUDIT_COLLECTION)
      .find({ where: { op: 'reveal', docId: owner._id } });
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ actorName: '张客服', action: 'property.revealContact' });
  });

  it('staff of one estate see nothing of another', async () => {
    const mapleHousehold = keyId('hh', OTHER_ESTATE_ID, '1-1-0301');
    expect(await t.errorCode('demo-service', 'property', 'household', { householdId: mapleHousehold })).toBe(
      'FORBIDDEN',
    );
    expect(await t.errorCode('demo-service', 'property', 'tree', { estateId: OTHER_ESTATE_ID })).toBe(
      'FORBIDDEN',
    );
    expect(
      await t.errorCode('demo-service', 'property', 'search', {
        estateId: OTHER_ESTATE_ID,
        query: '1-1-0301',
      }),
    ).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-admin-maple', 'property', 'household', { householdId })).toBe('FORBIDDEN');
  });

  it('owners cannot use staff views', async () => {
    expect(await t.errorCode('demo-owner-1', 'property', 'household', { householdId })).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-owner-1', 'property', 'search', { query: '陈' })).toBe('FORBIDDEN');
  });
});
