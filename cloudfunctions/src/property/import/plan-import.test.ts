import { parseSheetRow, type RawRow, type SheetRecord } from '@linli/shared';
import type { EstateDocs } from './estate-docs';
import { exportRecords } from './export-records';
import { planImport, type ImportPlan } from './plan-import';

const ESTATE = 'est_test';

const row: RawRow = {
  building: '3',
  unit: '2',
  floor: '12',
  roomNo: '1201',
  buildingArea: '89.53',
  innerArea: '72.18',
  ownerName: '陈伟',
  ownerPhone: '13812345678',
  family: '李娜:配偶:13912345678;陈子涵:子女;陈子涵:子女',
  parkingCodes: 'B1-001',
  plates: '沪A12345',
};

function record(cells: RawRow): SheetRecord {
  const result = parseSheetRow(cells);
  if (!result.ok) throw new Error(result.reasons.join('; '));
  return result.record;
}

const rows = (...cells: RawRow[]) => cells.map((c, i) => ({ row: i + 2, record: record(c) }));
const empty = (): EstateDocs => ({
  buildings: [],
  units: [],
  households: [],
  memberships: [],
  persons: [],
  parkingSpaces: [],
});

/** The estate after a plan was written, as the store would hold it. */
function applied(docs: EstateDocs, plan: ImportPlan): EstateDocs {
  const merge = <T extends { _id: string }>(stored: T[], writes: { insert: T[]; update: T[] }): T[] => {
    const byId = new Map(stored.map((d) => [d._id, d]));
    for (const doc of [...writes.insert, ...writes.update]) byId.set(doc._id, doc);
    return [...byId.values()];
  };
  return {
    buildings: merge(docs.buildings, plan.buildings),
    units: merge(docs.units, plan.units),
    households: merge(docs.households, plan.households),
    memberships: merge(docs.memberships, plan.memberships),
    persons: merge(docs.persons, plan.persons),
    parkingSpaces: merge(docs.parkingSpaces, plan.parkingSpaces),
  };
}

const writeCount = (plan: ImportPlan): number =>
  [plan.buildings, plan.units, plan.households, plan.persons, plan.memberships, plan.parkingSpaces].reduce(
    (n, w) => n + w.insert.length + w.update.length,
    0,
  );

describe('planning an import', () => {
  it('creates every document of a new room with ids derived from natural keys', () => {
    const plan = planImport(ESTATE, rows(row), empty());
    expect(plan.buildings.insert).toEqual([
      { _id: 'bld_est_test_3', estateId: ESTATE, code: '3', name: '3号楼', floors: 12 },
    ]);
    expect(plan.units.insert.map((u) => u._id)).toEqual(['unit_est_test_3_2']);
    expect(plan.households.insert[0]).toMatchObject({
      _id: 'hh_est_test_3-2-1201',
      roomCode: '3-2-1201',
      occupancy: 'self',
      propertyType: 'residential',
    });
    expect(plan.persons.insert.map((p) => p._id)).toEqual(
      [0, 1, 2, 3].map((i) => `psn_hh_est_test_3-2-1201_${i}`),
    );
    expect(plan.memberships.insert.map((m) => m.relation)).toEqual(['owner', 'spouse', 'child', 'child']);
    expect(plan.parkingSpaces.insert).toEqual([
      {
        _id: 'park_est_test_B1-001',
        estateId: ESTATE,
        code: 'B1-001',
        kind: 'owned',
        householdId: 'hh_est_test_3-2-1201',
        plates: ['沪A12345'],
      },
    ]);
    expect(plan.reindex.keys.map((k) => k.key)).toEqual(
      expect.arrayContaining([
        'room:3-2-1201',
        'name:陈伟',
        'tail:5678',
        'phone:13912345678',
        'plate:沪A12345',
      ]),
    );
    expect(plan).toMatchObject({ created: 1, updated: 0, unchanged: 0, conflicts: [] });
  });

  it('plans nothing for a sheet that is already imported, even with two members of the same name', () => {
    const after = applied(empty(), planImport(ESTATE, rows(row), empty()));
    const again = planImport(ESTATE, rows(row), after);
    expect(writeCount(again)).toBe(0);
    expect(again).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 1,
      reindex: { householdIds: [], keys: [] },
    });
  });

  it('plans nothing for its own export', () => {
    const after = applied(
      empty(),
      planImport(
        ESTATE,
        rows(row, {
          ...row,
          roomNo: '1202',
          ownerName: '',
          ownerPhone: '',
          family: '',
          parkingCodes: '',
          plates: '',
        }),
        empty(),
      ),
    );
    const exported = exportRecords(after).map((r, i) => ({ row: i + 2, record: r }));
    expect(writeCount(planImport(ESTATE, exported, after))).toBe(0);
  });

  it('keeps stored values for empty cells and changes only what the sheet changes', () => {
    const after = applied(
      empty(),
      planImport(ESTATE, rows({ ...row, layout: '两室一厅', handoverDate: '2021-06-30' }), empty()),
    );
    // An area stored as '89.5' is the same area as the sheet's '89.50'.
    after.households = after.households.map((h) => ({ ...h, buildingArea: '89.5' }));
    const plan = planImport(
      ESTATE,
      rows({ ...row, ownerPhone: '', buildingArea: '89.50', family: '李娜:配偶:13700000000' }),
      after,
    );
    expect(plan.persons.update).toEqual([
      { _id: 'psn_hh_est_test_3-2-1201_1', name: '李娜', phone: '13700000000', idNumber: null },
    ]);
    expect(writeCount(plan)).toBe(1);
    expect(plan).toMatchObject({ updated: 1, reindex: { householdIds: ['hh_est_test_3-2-1201'] } });
  });

  it('adds a new member without moving out those the sheet leaves out', () => {
    const after = applied(empty(), planImport(ESTATE, rows(row), empty()));
    const plan = planImport(ESTATE, rows({ ...row, family: '王芳:租户' }), after);
    expect(plan.memberships.insert).toEqual([
      expect.objectContaining({ _id: 'mbr_hh_est_test_3-2-1201_4', relation: 'tenant' }),
    ]);
    expect(plan.memberships.update).toEqual([]);
  });

  it('refuses to change the owner or take a space held by another room', () => {
    const after = applied(empty(), planImport(ESTATE, rows(row), empty()));
    const plan = planImport(
      ESTATE,
      rows(
        { ...row, ownerName: '张三' },
        { ...row, roomNo: '1202', ownerName: '', ownerPhone: '', family: '' },
      ),
      after,
    );
    expect(plan.conflicts).toEqual([
      {
        row: 2,
        roomCode: '3-2-1201',
        reasons: ['业主「张三」与系统登记的业主「陈伟」不一致，导入不会更换业主'],
      },
      { row: 3, roomCode: '3-2-1202', reasons: ['车位 B1-001 已属于 3-2-1201'] },
    ]);
  });

  it('refuses to demote a registered owner to another relation', () => {
    const after = applied(empty(), planImport(ESTATE, rows(row), empty()));
    const plan = planImport(
      ESTATE,
      rows({ ...row, ownerName: '', ownerPhone: '', family: '陈伟:配偶' }),
      after,
    );
    expect(plan.conflicts).toEqual([
      { row: 2, roomCode: '3-2-1201', reasons: ['「陈伟」在系统中登记为业主，导入不会更改业主'] },
    ]);
  });

  it('reindexes every household of a person whose phone changed', () => {
    const after = applied(empty(), planImport(ESTATE, rows(row), empty()));
    // The owner also lives in another room, through a membership made elsewhere.
    after.memberships.push({
      _id: 'mbr_elsewhere',
      estateId: ESTATE,
      householdId: 'hh_other',
      personId: 'psn_hh_est_test_3-2-1201_0',
      relation: 'parent',
      movedInOn: null,
      movedOutOn: null,
    });
    after.households.push({ ...after.households[0]!, _id: 'hh_other', roomCode: '3-2-0101', roomNo: '0101' });
    const plan = planImport(ESTATE, rows({ ...row, ownerPhone: '13700001111' }), after);
    expect(plan.reindex.householdIds.sort()).toEqual(['hh_est_test_3-2-1201', 'hh_other']);
    expect(plan.reindex.keys.filter((k) => k.householdId === 'hh_other').map((k) => k.key)).toContain(
      'tail:1111',
    );
    expect(plan).toMatchObject({ updated: 1, unchanged: 0 });
  });

  it('grows a building to the highest floor in the sheet and reuses stored ids', () => {
    const stored: EstateDocs = {
      ...empty(),
      buildings: [{ _id: 'bld_legacy', estateId: ESTATE, code: '3', name: '三号楼', floors: 6 }],
      units: [{ _id: 'unit_legacy', estateId: ESTATE, buildingId: 'bld_legacy', code: '2', name: '二单元' }],
    };
    const plan = planImport(ESTATE, rows(row), stored);
    expect(plan.buildings.update).toEqual([
      { _id: 'bld_legacy', estateId: ESTATE, code: '3', name: '三号楼', floors: 12 },
    ]);
    expect(plan.units.insert).toEqual([]);
    expect(plan.households.insert[0]).toMatchObject({ buildingId: 'bld_legacy', unitId: 'unit_legacy' });
  });
});
