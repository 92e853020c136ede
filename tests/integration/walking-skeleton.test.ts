import type { EstateOverview, HomeView, MeView } from '@linli/shared';
import { DEMO_ESTATE_ID, OTHER_ESTATE_ID } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { createTestRuntime, type TestRuntime } from '../helpers/test-runtime';

describe('walking skeleton: an owner sees their home, staff see the estate', () => {
  let t: TestRuntime;
  beforeEach(async () => {
    t = await createTestRuntime();
  });
  afterEach(() => t.close());

  it('an owner sees who they are and the household they are bound to', async () => {
    const me = await t.ok<MeView>('demo-owner-1', 'account', 'me');
    expect(me.roles).toEqual(['owner']);
    expect(me.isStaff).toBe(false);
    expect(me.households).toEqual([
      expect.objectContaining({ estateName: '邻里花园', roomCode: '1-1-1201', relation: 'owner' }),
    ]);
  });

  it('an owner sees their home with building, unit, area and a masked family list', async () => {
    const home = await t.ok<HomeView>('demo-owner-1', 'property', 'myHome');
    expect(home).toMatchObject({
      estateName: '邻里花园',
      buildingName: '1号楼',
      unitName: '1单元',
      roomNo: '1201',
      floor: 12,
      roomCode: '1-1-1201',
      buildingArea: '89.53',
      innerArea: '72.18',
      layout: '两室一厅',
    });
    const self = home.members.find((m) => m.isSelf);
    expect(self).toMatchObject({ relation: 'owner', relationLabel: '业主' });
    for (const member of home.members) if (member.phone) expect(member.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
  });

  it('an owner cannot open another household by id', async () => {
    const other = await t.ok<MeView>('demo-owner-2', 'account', 'me');
    const code = await t.errorCode('demo-owner-1', 'property', 'myHome', {
      householdId: other.households[0]!.householdId,
    });
    expect(code).toBe('FORBIDDEN');
  });

  it('a new WeChat user gets an account but no household until bound', async () => {
    const me = await t.ok<MeView>('brand-new-openid', 'account', 'me');
    expect(me).toMatchObject({ roles: [], households: [], isStaff: false });
    expect(await t.errorCode('brand-new-openid', 'property', 'myHome')).toBe('NOT_BOUND');
  });

  it('staff see the overview of the estate they serve, with totals that add up', async () => {
    const overview = await t.ok<EstateOverview>('demo-finance', 'property', 'estateOverview');
    expect(overview.estateName).toBe('邻里花园');
    expect(overview.totals).toMatchObject({ buildings: 3, units: 6, households: 600, boundHouseholds: 2 });
    expect(overview.buildings.reduce((sum, b) => sum + b.households, 0)).toBe(600);
    expect(overview.totals.staff).toBeGreaterThanOrEqual(5);
    // 150 rooms of each of the four layouts: 150 × (89.53 + 118.76 + 126.05 + 143.20)
    expect(overview.totalBuildingArea).toBe('71631.00');
  });

  it('a staff account knows the estates it serves, by name', async () => {
    const me = await t.ok<MeView>('demo-admin', 'account', 'me');
    expect(me).toMatchObject({ isStaff: true, roles: ['admin'], households: [] });
    expect(me.staffEstates).toEqual([
      { estateId: DEMO_ESTATE_ID, name: '邻里花园' },
      { estateId: OTHER_ESTATE_ID, name: '枫林苑' },
    ]);
  });

  it('staff of one estate cannot see another', async () => {
    expect(
      await t.errorCode('demo-admin-maple', 'property', 'estateOverview', { estateId: DEMO_ESTATE_ID }),
    ).toBe('FORBIDDEN');
    const maple = await t.ok<EstateOverview>('demo-admin-maple', 'property', 'estateOverview');
    expect(maple.estateId).toBe(OTHER_ESTATE_ID);
  });

  it('an owner calling a staff action gets FORBIDDEN, a caller without identity UNAUTHENTICATED', async () => {
    expect(await t.errorCode('demo-owner-1', 'property', 'estateOverview')).toBe('FORBIDDEN');
    expect(await t.errorCode(null, 'property', 'estateOverview')).toBe('UNAUTHENTICATED');
    expect(await t.errorCode(null, 'account', 'me')).toBe('UNAUTHENTICATED');
  });
});
