import { keyId, type ImportReport, type SearchHit } from '@linli/shared';
import { sheetColumns, sheetHeaders, type RawRow } from '@linli/shared';
import { AUDIT_COLLECTION, type AuditEntry } from '@linli/cloudfunctions/src/_lib/audit';
import { readSheet } from '@linli/cloudfunctions/src/property/import/read-sheet';
import { DEMO_ESTATE_ID, OTHER_ESTATE_ID } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { createTestRuntime, snapshotStore, type TestRuntime } from '../helpers/test-runtime';

const ADMIN = 'demo-admin';
type SheetFile = { filename: string; format: 'csv' | 'xlsx'; content: string };

/** Rooms of a new building 9, with owners, family and parking, as staff would fill them in. */
const goodRows: RawRow[] = [
  {
    building: '9',
    unit: '1',
    floor: '1',
    roomNo: '0101',
    buildingArea: '89.53',
    innerArea: '72.18',
    layout: '两室一厅',
    propertyType: '住宅',
    occupancy: '自住',
    handoverDate: '2021-06-30',
    ownerName: '欧阳明',
    ownerPhone: '13900000001',
    family: '钱多多:配偶:13900000002;欧阳小明:子女',
    parkingCodes: 'C1-001',
    parkingKind: '产权',
    plates: '沪D12345',
  },
  {
    building: '9',
    unit: '1',
    floor: '1',
    roomNo: '0102',
    buildingArea: '118.76',
    innerArea: '96.40',
    ownerName: '司马光',
    ownerPhone: '13900000003',
    ownerIdNumber: '11010519491231002X',
  },
  {
    building: '9',
    unit: '1',
    floor: '2',
    roomNo: '9-1-0201',
    buildingArea: '126.05',
    innerArea: '101.32',
    occupancy: '空置',
  },
  {
    building: '9',
    unit: '2',
    floor: '1',
    roomNo: '0101',
    buildingArea: '143.2',
    innerArea: '117.65',
    propertyType: '商铺',
    occupancy: '出租',
    ownerName: '诸葛亮',
    ownerPhone: '13900000004',
    family: '黄月英:租户:13900000005',
  },
  {
    building: '9',
    unit: '2',
    floor: '1',
    roomNo: '0102',
    buildingArea: '89.53',
    innerArea: '72.18',
    ownerName: '上官婉',
    ownerPhone: '13900000006',
    parkingCodes: 'C1-002;C1-003',
    parkingKind: '产权;租赁',
    plates: '沪D23456/沪E34567;沪F45678',
  },
];

const csvCell = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const csvOf = (rows: RawRow[]): string =>
  [sheetHeaders, ...rows.map((row) => sheetColumns.map((c) => row[c.key] ?? ''))]
    .map((cells) => cells.map(csvCell).join(','))
    .join('\r\n');

describe('property import and export of base information', () => {
  let t: TestRuntime;
  beforeEach(async () => {
    t = await createTestRuntime();
  });
  afterEach(() => t.close());

  const importCsv = (rows: RawRow[], extra: { dryRun?: boolean } = {}) =>
    t.ok<ImportReport>(ADMIN, 'property', 'importSheet', {
      estateId: DEMO_ESTATE_ID,
      format: 'csv',
      content: csvOf(rows),
      ...extra,
    });
  const search = async (query: string) =>
    (
      await t.ok<{ hits: SearchHit[] }>(ADMIN, 'property', 'search', { estateId: DEMO_ESTATE_ID, query })
    ).hits.map((h) => h.roomCode);

  it('creates buildings, units, rooms, people, memberships, parking and search keys from a valid sheet', async () => {
    const report = await importCsv(goodRows);
    expect(report).toEqual({ dryRun: false, rows: 5, created: 5, updated: 0, unchanged: 0, errors: [] });

    const building = await t.store.collection('buildings').get(keyId('bld', DEMO_ESTATE_ID, '9'));
    expect(building).toMatchObject({ code: '9', name: '9号楼', floors: 2 });
    expect(
      await t.store.collection('units').count({ where: { buildingId: keyId('bld', DEMO_ESTATE_ID, '9') } }),
    ).toBe(2);
    const householdId = keyId('hh', DEMO_ESTATE_ID, '9-1-0101');
    expect(await t.store.collection('households').get(householdId)).toMatchObject({
      roomCode: '9-1-0101',
      unitId: keyId('unit', DEMO_ESTATE_ID, '9', '1'),
      buildingArea: '89.53',
      handoverDate: '2021-06-30',
    });
    expect(await t.store.collection('households').get(keyId('hh', DEMO_ESTATE_ID, '9-2-0101'))).toMatchObject(
      { buildingArea: '143.20', propertyType: 'shop', occupancy: 'rented' },
    );
    expect(await t.store.collection('persons').get(keyId('psn', householdId, 1))).toEqual({
      _id: keyId('psn', householdId, 1),
      name: '钱多多',
      phone: '13900000002',
      idNumber: null,
    });
    expect(await t.store.collection('memberships').count({ where: { householdId } })).toBe(3);
    expect(
      await t.store.collection('parking_spaces').get(keyId('park', DEMO_ESTATE_ID, 'C1-003')),
    ).toMatchObject({
      householdId: keyId('hh', DEMO_ESTATE_ID, '9-2-0102'),
      kind: 'rented',
      plates: ['沪F45678'],
    });
    expect(
      await t.store.collection('household_search').count({ where: { householdId } }),
    ).toBeGreaterThanOrEqual(6);

    expect(await search('9栋1单元0101')).toEqual(['9-1-0101']);
    expect(await search('钱多多')).toEqual(['9-1-0101']);
    expect(await search('0006')).toContain('9-2-0102');
    expect(await search('沪e34567')).toEqual(['9-2-0102']);
  });

  it('audits the import, each insertMany as one entry', async () => {
    await importCsv(goodRows);
    const entries = (
      await t.store
        .collection<AuditEntry>(AUDIT_COLLECTION)
        .find({ where: { action: 'property.importSheet' } }, { limit: 100 })
    ).items;
    const households = entries.filter((e) => e.collection === 'households');
    expect(households).toEqual([
      expect.objectContaining({ op: 'insertMany', count: 5, actorName: '王经理' }),
    ]);
  });

  it('changes nothing when the same sheet is imported again', async () => {
    await importCsv(goodRows);
    const before = await snapshotStore(t.store);
    expect(await importCsv(goodRows)).toEqual({
      dryRun: false,
      rows: 5,
      created: 0,
      updated: 0,
      unchanged: 5,
      errors: [],
    });
    expect(await snapshotStore(t.store)).toEqual(before);
  });

  it('updates only what a changed sheet changes, keeping stored values for empty cells', async () => {
    await importCsv(goodRows);
    const changed = goodRows.map((row, i) =>
      i === 1 ? { ...row, ownerPhone: '13911112222', ownerIdNumber: '' } : row,
    );
    expect(await importCsv(changed)).toMatchObject({ created: 0, updated: 1, unchanged: 4 });
    const owner = await t.store
      .collection('persons')
      .get(keyId('psn', keyId('hh', DEMO_ESTATE_ID, '9-1-0102'), 0));
    expect(owner).toMatchObject({ phone: '13911112222', idNumber: '11010519491231002X' });
    expect(await search('2222')).toContain('9-1-0102');
    expect(await search('0003')).not.toContain('9-1-0102');
  });

  it('imports nothing from a sheet with three bad rows, and names exactly those rows', async () => {
    const before = await snapshotStore(t.store);
    const rows: RawRow[] = [
      goodRows[0]!,
      { ...goodRows[1]!, buildingArea: '118.765' },
      goodRows[2]!,
      { ...goodRows[3]!, ownerPhone: '1390000000' },
      { ...goodRows[4]!, roomNo: '8-2-0102' },
      {
        ...goodRows[0]!,
        roomNo: '0301',
        floor: '3',
        parkingCodes: '',
        parkingKind: '',
        plates: '',
        ownerName: '王五',
        ownerPhone: '',
        family: '',
      },
    ];
    const report = await importCsv(rows);
    expect(report).toEqual({
      dryRun: false,
      rows: 6,
      created: 0,
      updated: 0,
      unchanged: 0,
      errors: [
        { row: 3, roomCode: '9-1-0102', reasons: ['建筑面积必须是数字，最多 2 位小数'] },
        { row: 5, roomCode: '9-2-0101', reasons: ['业主手机：手机号格式不正确'] },
        { row: 6, roomCode: '8-2-0102', reasons: ['房号与楼栋/单元不一致'] },
      ],
    });
    expect(await snapshotStore(t.store)).toEqual(before);
  });

  it('refuses rows that would change a registered owner or take a space of another room', async () => {
    await importCsv(goodRows);
    const before = await snapshotStore(t.store);
    const report = await importCsv([
      { ...goodRows[1]!, ownerName: '张三' },
      { ...goodRows[2]!, parkingCodes: 'C1-001' },
    ]);
    expect(report.errors).toEqual([
      {
        row: 2,
        roomCode: '9-1-0102',
        reasons: ['业主「张三」与系统登记的业主「司马光」不一致，导入不会更换业主'],
      },
      { row: 3, roomCode: '9-1-0201', reasons: ['车位 C1-001 已属于 9-1-0101'] },
    ]);
    expect(await snapshotStore(t.store)).toEqual(before);
  });

  it.each(['xlsx', 'csv'] as const)(
    'imports its own %s export of the demo estate as all unchanged',
    async (format) => {
      const exported = await t.ok<SheetFile>(ADMIN, 'property', 'exportSheet', {
        estateId: DEMO_ESTATE_ID,
        format,
      });
      expect(exported.filename).toMatch(new RegExp(`^邻里花园-房屋信息-\\d{8}\\.${format}$`));
      const households = await t.store
        .collection('households')
        .count({ where: { estateId: DEMO_ESTATE_ID } });
      const before = await snapshotStore(t.store);
      const report = await t.ok<ImportReport>(ADMIN, 'property', 'importSheet', {
        estateId: DEMO_ESTATE_ID,
        format,
        content: exported.content,
      });
      expect(report).toEqual({
        dryRun: false,
        rows: households,
        created: 0,
        updated: 0,
        unchanged: households,
        errors: [],
      });
      expect(await snapshotStore(t.store)).toEqual(before);
    },
  );

  it('records an export, which holds full contact details, in the audit log', async () => {
    await t.ok(ADMIN, 'property', 'exportSheet', { estateId: DEMO_ESTATE_ID, format: 'csv' });
    const audit = await t.store
      .collection<AuditEntry>(AUDIT_COLLECTION)
      .find({ where: { action: 'property.exportSheet' } });
    expect(audit.items).toEqual([expect.objectContaining({ op: 'reveal', actorName: '王经理' })]);
  });

  it('reports without writing on a dry run', async () => {
    const before = await snapshotStore(t.store);
    const report = await importCsv(goodRows, { dryRun: true });
    expect(report).toEqual({ dryRun: true, rows: 5, created: 5, updated: 0, unchanged: 0, errors: [] });
    expect(await snapshotStore(t.store)).toEqual(before);
  });

  it('offers a template whose notes and example rows import as nothing', async () => {
    const template = await t.ok<SheetFile>(ADMIN, 'property', 'importTemplate', { format: 'xlsx' });
    expect(template.filename).toBe('房屋信息导入模板.xlsx');
    const table = await readSheet('xlsx', template.content);
    expect(table[0]).toEqual(sheetHeaders);
    expect(table).toHaveLength(3);
    const report = await t.ok<ImportReport>(ADMIN, 'property', 'importSheet', {
      estateId: DEMO_ESTATE_ID,
      format: 'xlsx',
      content: template.content,
    });
    expect(report.errors).toEqual([{ row: 1, roomCode: null, reasons: ['表格中没有可导入的数据行'] }]);
  });

  it('lets only an admin of the estate import', async () => {
    const input = { estateId: DEMO_ESTATE_ID, format: 'csv', content: csvOf(goodRows) };
    const before = await snapshotStore(t.store);
    expect(await t.errorCode('demo-owner-1', 'property', 'importSheet', input)).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-finance', 'property', 'importSheet', input)).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-admin-maple', 'property', 'importSheet', input)).toBe('FORBIDDEN');
    expect(
      await t.errorCode('demo-admin-maple', 'property', 'exportSheet', {
        estateId: DEMO_ESTATE_ID,
        format: 'csv',
      }),
    ).toBe('FORBIDDEN');
    expect(
      await t.errorCode('demo-owner-1', 'property', 'exportSheet', {
        estateId: DEMO_ESTATE_ID,
        format: 'csv',
      }),
    ).toBe('FORBIDDEN');
    expect(await snapshotStore(t.store)).toEqual(before);
    // The other estate's admin may import into their own estate.
    expect(
      await t.ok<ImportReport>('demo-admin-maple', 'property', 'importSheet', {
        ...input,
        estateId: OTHER_ESTATE_ID,
      }),
    ).toMatchObject({ created: 5 });
  });
});
