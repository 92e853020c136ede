import {
  isValidResidentId,
  parseSheet,
  parseSheetRow,
  recordToCells,
  sheetColumns,
  sheetHeaders,
  sheetTable,
  templateTable,
  type RawRow,
  type SheetRecord,
} from './import-sheet';

const validRow: RawRow = {
  building: '3',
  unit: '2',
  floor: '12',
  roomNo: '1201',
  buildingArea: '89.53',
  innerArea: '72.18',
  layout: '两室一厅',
  propertyType: '住宅',
  occupancy: '自住',
  handoverDate: '2021-06-30',
  ownerName: '陈伟',
  ownerPhone: '13812345678',
  ownerIdNumber: '11010519491231002X',
  family: '李娜:配偶:13912345678;陈子涵:子女',
  parkingCodes: 'B1-001;B1-002',
  parkingKind: '产权',
  plates: '沪A12345/沪B23456;沪C34567',
};

function parsed(row: RawRow): SheetRecord {
  const result = parseSheetRow(row);
  if (!result.ok) throw new Error(result.reasons.join('; '));
  return result.record;
}

function reasonsOf(row: RawRow): string[] {
  const result = parseSheetRow(row);
  if (result.ok) throw new Error('row unexpectedly parsed');
  return result.reasons;
}

const table = (...rows: RawRow[]): string[][] => [
  sheetHeaders,
  ...rows.map((row) => sheetColumns.map((c) => row[c.key] ?? '')),
];

describe('the import template', () => {
  it('has the documented columns in order, each with a description and an example', () => {
    expect(sheetHeaders).toEqual([
      '楼栋',
      '单元',
      '楼层',
      '房号',
      '建筑面积',
      '套内面积',
      '户型',
      '房屋类型',
      '入住状态',
      '交房日期',
      '业主姓名',
      '业主手机',
      '业主身份证号',
      '家庭成员',
      '车位编号',
      '车位类型',
      '车牌号',
    ]);
    for (const column of sheetColumns) {
      expect(column.description.length).toBeGreaterThan(0);
      expect(parseSheetRow({ ...validRow, [column.key]: column.example }).ok).toBe(true);
    }
  });

  it('is a header, a notes row and an example row, and imports as nothing but an empty-sheet error', () => {
    const template = templateTable();
    expect(template).toHaveLength(3);
    expect(template[0]).toEqual(sheetHeaders);
    expect(template[1]![0]).toMatch(/^# 必填。/);
    expect(template[2]![0]).toBe('# 3');
    expect(parseSheet(template)).toEqual({
      rows: [],
      dataRows: 0,
      errors: [{ row: 1, roomCode: null, reasons: ['表格中没有可导入的数据行'] }],
    });
  });

  it('turns into a valid row once the example row is uncommented', () => {
    const example = templateTable()[2]!.map((c, i) => (i === 0 ? c.replace(/^# /, '') : c));
    expect(parseSheet([sheetHeaders, example]).errors).toEqual([]);
  });
});

describe('a sheet row', () => {
  it('parses into a normalised record', () => {
    expect(parsed(validRow)).toEqual({
      roomCode: '3-2-1201',
      building: '3',
      unit: '2',
      floor: 12,
      roomNo: '1201',
      buildingArea: '89.53',
      innerArea: '72.18',
      layout: '两室一厅',
      propertyType: 'residential',
      occupancy: 'self',
      handoverDate: '2021-06-30',
      owner: { name: '陈伟', phone: '13812345678', idNumber: '11010519491231002X' },
      family: [
        { name: '李娜', relation: 'spouse', phone: '13912345678' },
        { name: '陈子涵', relation: 'child', phone: null },
      ],
      parking: [
        { code: 'B1-001', kind: 'owned', plates: ['沪A12345', '沪B23456'] },
        { code: 'B1-002', kind: 'owned', plates: ['沪C34567'] },
      ],
    });
  });

  it('forgives the ways people write codes, areas, dates, phones and separators', () => {
    const record = parsed({
      ...validRow,
      building: '３号楼',
      unit: '2单元',
      roomNo: '3栋2单元1201室',
      buildingArea: '89.5㎡',
      innerArea: ' 72 ',
      handoverDate: '2021/6/3',
      ownerPhone: '+86 138-1234-5678',
      family: '李娜：配偶；',
      parkingCodes: 'b1-001',
      parkingKind: '租赁',
      plates: '沪a·12345',
    });
    expect(record).toMatchObject({
      roomCode: '3-2-1201',
      roomNo: '1201',
      buildingArea: '89.50',
      innerArea: '72.00',
      handoverDate: '2021-06-03',
      owner: { phone: '13812345678' },
      family: [{ name: '李娜', relation: 'spouse', phone: null }],
      parking: [{ code: 'B1-001', kind: 'rented', plates: ['沪A12345'] }],
    });
  });

  it('keeps empty optional cells as null so stored values are not cleared', () => {
    const record = parsed({
      building: 'A',
      unit: '1',
      floor: '-1',
      roomNo: 'B01',
      buildingArea: '12',
      innerArea: '10',
    });
    expect(record).toMatchObject({
      roomCode: 'A-1-B01',
      floor: -1,
      layout: null,
      propertyType: null,
      occupancy: null,
      handoverDate: null,
      owner: null,
      family: [],
      parking: [],
    });
  });

  it('matches kinds and plates to parking spaces by position', () => {
    const record = parsed({
      ...validRow,
      parkingCodes: 'B1-001;B1-002;B1-003',
      parkingKind: '产权;;临时',
      plates: ';沪C34567',
    });
    expect(record.parking).toEqual([
      { code: 'B1-001', kind: 'owned', plates: null },
      { code: 'B1-002', kind: null, plates: ['沪C34567'] },
      { code: 'B1-003', kind: 'temporary', plates: null },
    ]);
  });

  it('refuses areas that are not exact decimals with at most two places', () => {
    for (const value of ['89.531', 'abc', '-5', '89.53000000001']) {
      expect(reasonsOf({ ...validRow, buildingArea: value })).toContain('建筑面积必须是数字，最多 2 位小数');
    }
    expect(reasonsOf({ ...validRow, innerArea: '0' })).toContain('套内面积必须大于 0');
    expect(reasonsOf({ ...validRow, innerArea: '90' })).toEqual(['套内面积不能大于建筑面积']);
  });

  it('refuses a bad phone, whether the owner’s or a family member’s', () => {
    expect(reasonsOf({ ...validRow, ownerPhone: '1381234567' })).toEqual(['业主手机：手机号格式不正确']);
    expect(reasonsOf({ ...validRow, family: '李娜:配偶:12345' })).toEqual([
      '家庭成员：「李娜」的手机号格式不正确',
    ]);
  });

  it('refuses a full room code that disagrees with the building or unit columns', () => {
    expect(reasonsOf({ ...validRow, roomNo: '4-2-1201' })).toEqual(['房号与楼栋/单元不一致']);
    expect(reasonsOf({ ...validRow, roomNo: '12-01' })).toEqual(['房号只能是字母或数字，最多 10 位']);
  });

  it('names every problem of a row at once, in Chinese', () => {
    const reasons = reasonsOf({
      ...validRow,
      building: '',
      floor: '十二',
      propertyType: '别墅',
      occupancy: '在住',
      handoverDate: '2021-02-30',
      ownerIdNumber: '110105194912310021',
      family: '李娜-配偶;王五:表哥',
      parkingCodes: 'B1_001',
      parkingKind: '私有',
      plates: 'ABC',
    });
    expect(reasons).toEqual([
      '楼栋不能为空',
      '楼层必须是整数',
      '房屋类型应为 住宅/商铺/办公/车位/储藏室 之一',
      '入住状态应为 自住/出租/空置 之一',
      '交房日期不存在',
      '业主身份证号：身份证号不正确（请核对；在 Excel 中请把此列设为文本）',
      '家庭成员：「李娜-配偶」格式应为 姓名:关系:手机',
      '家庭成员：「王五」的关系应为 业主/配偶/子女/父母/亲属/租户/其他 之一',
      '车位编号「B1_001」只能包含字母、数字和 -，最多 20 位',
      '车位类型应为 产权/租赁/临时 之一',
      '车牌号「ABC」格式不正确',
    ]);
  });

  it('refuses contact details without an owner, and parking details without a space', () => {
    expect(reasonsOf({ ...validRow, ownerName: '', family: '' })).toEqual([
      '填写了业主手机或身份证号，但没有填写业主姓名',
    ]);
    expect(reasonsOf({ ...validRow, parkingCodes: '' })).toEqual([
      '填写了车位类型或车牌号，但没有填写车位编号',
    ]);
    expect(reasonsOf({ ...validRow, plates: '沪A12345;沪B23456;沪C34567' })).toEqual([
      '车牌号按车位用 ; 分隔，组数多于车位编号',
    ]);
    expect(reasonsOf({ ...validRow, parkingCodes: 'B1-001;B1-001' })).toEqual(['车位编号「B1-001」重复']);
    expect(reasonsOf({ ...validRow, ownerName: '陈'.repeat(31) })).toEqual(['业主姓名最多 30 个字']);
  });
});

describe('resident ID numbers', () => {
  it('accept a correct check digit and birth date', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
  });

  it('refuse a wrong check digit, an impossible birth date, or digits Excel rounded', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(isValidResidentId('110105194913310028')).toBe(false);
    expect(isValidResidentId(String(110105194912310020))).toBe(false);
  });

  it('let other documents (passports, permits) through as they are', () => {
    expect(parsed({ ...validRow, ownerIdNumber: 'e12345678' }).owner?.idNumber).toBe('E12345678');
  });
});

describe('a whole sheet', () => {
  it('reads rows by header name in any column order, skipping a title, blank and comment rows', () => {
    const keys = [...sheetColumns].reverse().map((c) => c.key);
    const sheet = [
      ['邻里花园房屋信息'],
      keys.map((k) => `${sheetColumns.find((c) => c.key === k)!.header}*`),
      keys.map(() => ''),
      keys.map((k, i) => (i === 0 ? '# 说明' : (validRow[k] ?? ''))),
      keys.map((k) => validRow[k] ?? ''),
    ];
    expect(parseSheet(sheet)).toEqual({
      rows: [{ row: 5, record: parsed(validRow) }],
      errors: [],
      dataRows: 1,
    });
  });

  it('names each bad row by its sheet row number, and keeps the good ones', () => {
    const result = parseSheet(
      table(
        validRow,
        { ...validRow, roomNo: '1202', ownerPhone: '123' },
        { ...validRow, roomNo: '1203', parkingCodes: '', parkingKind: '', plates: '' },
      ),
    );
    expect(result.errors).toEqual([
      { row: 3, roomCode: '3-2-1202', reasons: ['业主手机：手机号格式不正确'] },
    ]);
    expect(result.rows.map((r) => r.row)).toEqual([2, 4]);
  });

  it('refuses the same room twice and the same parking space twice', () => {
    const result = parseSheet(
      table(
        validRow,
        { ...validRow, roomNo: '3-2-1201', parkingCodes: 'B1-009', parkingKind: '', plates: '' },
        { ...validRow, roomNo: '1202', parkingCodes: 'B1-002', parkingKind: '', plates: '' },
      ),
    );
    expect(result.errors).toEqual([
      { row: 3, roomCode: '3-2-1201', reasons: ['房号 3-2-1201 与第 2 行重复'] },
      { row: 4, roomCode: '3-2-1202', reasons: ['车位 B1-002 与第 2 行重复'] },
    ]);
  });

  it('reports a missing, unknown or repeated column against the header row', () => {
    const header = sheetHeaders.filter((h) => h !== '建筑面积').concat('业主电话', '户型');
    expect(parseSheet([header, []]).errors).toEqual([
      { row: 1, roomCode: null, reasons: ['无法识别的列：业主电话', '列重复：户型', '缺少必填列：建筑面积'] },
    ]);
    expect(parseSheet([['名称', '地址']]).errors[0]!.reasons[0]).toMatch(/^找不到表头/);
  });
});

describe('the export shape', () => {
  it('writes a record back as cells that parse to the same record', () => {
    const records = [
      parsed(validRow),
      parsed({
        ...validRow,
        roomNo: '1202',
        ownerName: '',
        ownerPhone: '',
        ownerIdNumber: '',
        family: '',
        parkingCodes: '',
        parkingKind: '',
        plates: '',
      }),
      parsed({
        ...validRow,
        roomNo: '1203',
        parkingCodes: 'B1-003;B1-004',
        parkingKind: '产权;临时',
        plates: ';沪C34567',
      }),
    ];
    const sheet = sheetTable(records);
    expect(sheet[0]).toEqual(sheetHeaders);
    expect(parseSheet(sheet).rows.map((r) => r.record)).toEqual(records);
  });

  it('packs family and parking as the template documents', () => {
    const cells = recordToCells(parsed(validRow));
    expect(cells.slice(-4)).toEqual([
      '李娜:配偶:13912345678;陈子涵:子女',
      'B1-001;B1-002',
      '产权',
      '沪A12345/沪B23456;沪C34567',
    ]);
  });
});
