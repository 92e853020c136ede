import { z } from 'zod';
import type { ImportReport } from '../api/property';
import { parseDecimal } from '../money/decimal';
import {
  occupancyLabels,
  propertyTypeLabels,
  relationLabels,
  type Occupancy,
  type ParkingSpace,
  type PropertyType,
  type Relation,
} from '../schemas/property';
import { LocalDate } from '../time/shanghai';
import { parseRoomCode, toHalfWidth } from './room-code';
import { normalizePlate } from './search-keys';

/**
 * The base-information sheet (房屋信息导入模板): one row per room with its owner, family and
 * parking spaces. The same columns serve the template, the import and the export, so an export
 * imports back unchanged. This module is pure: cells arrive as strings, records leave as data.
 */

export type ParkingKind = ParkingSpace['kind'];
export const parkingKindLabels: Record<ParkingKind, string> = {
  owned: '产权',
  rented: '租赁',
  temporary: '临时',
};

export const sheetColumns = [
  {
    key: 'building',
    header: '楼栋',
    required: true,
    example: '3',
    description: '楼栋编号，字母或数字，如 3、A（写 3号楼、3栋 也可）',
  },
  {
    key: 'unit',
    header: '单元',
    required: true,
    example: '2',
    description: '单元编号，如 2（写 2单元 也可）',
  },
  { key: 'floor', header: '楼层', required: true, example: '12', description: '整数，地下层写负数，如 -1' },
  {
    key: 'roomNo',
    header: '房号',
    required: true,
    example: '1201',
    description: '房间号，如 1201；也可写完整房号 3-2-1201，须与楼栋、单元一致',
  },
  {
    key: 'buildingArea',
    header: '建筑面积',
    required: true,
    example: '89.53',
    description: '平方米，数字，最多 2 位小数',
  },
  {
    key: 'innerArea',
    header: '套内面积',
    required: true,
    example: '72.18',
    description: '平方米，数字，最多 2 位小数，不大于建筑面积',
  },
  {
    key: 'layout',
    header: '户型',
    required: false,
    example: '两室一厅',
    description: '如 两室一厅，最多 20 字',
  },
  {
    key: 'propertyType',
    header: '房屋类型',
    required: false,
    example: '住宅',
    description: '住宅/商铺/办公/车位/储藏室；新房屋留空为住宅',
  },
  {
    key: 'occupancy',
    header: '入住状态',
    required: false,
    example: '自住',
    description: '自住/出租/空置；新房屋留空时，有业主为自住，否则为空置',
  },
  {
    key: 'handoverDate',
    header: '交房日期',
    required: false,
    example: '2021-06-30',
    description: '格式 YYYY-MM-DD，如 2021-06-30（2021/6/30 也可）',
  },
  {
    key: 'ownerName',
    header: '业主姓名',
    required: false,
    example: '陈伟',
    description: '产权人姓名；与系统中已登记的业主不同时不会导入（过户请单独办理）',
  },
  {
    key: 'ownerPhone',
    header: '业主手机',
    required: false,
    example: '13812345678',
    description: '11 位手机号',
  },
  {
    key: 'ownerIdNumber',
    header: '业主身份证号',
    required: false,
    example: '11010519491231002X',
    description: '18 位身份证号，或护照等证件号；在 Excel 中请把此列设为文本',
  },
  {
    key: 'family',
    header: '家庭成员',
    required: false,
    example: '李娜:配偶:13912345678;陈子涵:子女',
    description:
      '格式 姓名:关系:手机，多人用 ; 分隔，手机可省略；关系为 配偶/子女/父母/亲属/租户/其他（共有产权人写 业主）',
  },
  {
    key: 'parkingCodes',
    header: '车位编号',
    required: false,
    example: 'B1-001;B1-002',
    description: '该房屋的车位，多个用 ; 分隔',
  },
  {
    key: 'parkingKind',
    header: '车位类型',
    required: false,
    example: '产权',
    description: '产权/租赁/临时；写一个表示全部车位，或按车位顺序用 ; 分隔；新车位留空为产权',
  },
  {
    key: 'plates',
    header: '车牌号',
    required: false,
    example: '沪A12345/沪B23456;沪C34567',
    description: '按车位顺序用 ; 分隔，同一车位的多个车牌用 / 分隔',
  },
] as const;

export type ColumnKey = (typeof sheetColumns)[number]['key'];
export const sheetHeaders: string[] = sheetColumns.map((c) => c.header);

/** Rules that apply to the whole sheet, for the template's notes and the README. */
export const sheetRules: readonly string[] = [
  '第一行为表头，列名须与模板一致（列的顺序可以调整，可省略非必填列）。',
  '第一格以 # 开头的行是说明或示例，导入时忽略；空行也会忽略。',
  '按房号（楼栋-单元-房号）新增或更新：同一张表重复导入不会产生重复数据。',
  '留空的单元格不会清除系统中已有的信息；表中没有的人员和车位不会被移除（迁出请在房屋详情中办理）。',
  '任何一行有误时整张表都不导入，并列出每一行的错误原因。',
];

/** A comment row: the template's notes and example rows start with `#`. */
export const COMMENT_MARK = '#';

export interface SheetOwner {
  name: string;
  phone: string | null;
  idNumber: string | null;
}

export interface SheetMember {
  name: string;
  relation: Relation;
  phone: string | null;
}

/** `null` fields were left empty: keep what is stored (or use the default for a new document). */
export interface SheetParking {
  code: string;
  kind: ParkingKind | null;
  plates: string[] | null;
}

/** One room as the sheet describes it, normalised. `null` means the cell was left empty. */
export interface SheetRecord {
  roomCode: string;
  building: string;
  unit: string;
  floor: number;
  roomNo: string;
  buildingArea: string;
  innerArea: string;
  layout: string | null;
  propertyType: PropertyType | null;
  occupancy: Occupancy | null;
  handoverDate: string | null;
  owner: SheetOwner | null;
  family: SheetMember[];
  parking: SheetParking[];
}

export type RowError = ImportReport['errors'][number];
export type RawRow = Partial<Record<ColumnKey, string>>;
export type RowResult =
  { ok: true; record: SheetRecord } | { ok: false; roomCode: string | null; reasons: string[] };

// ---- cell parsers -------------------------------------------------------------------------

const labelLookup = <K extends string>(labels: Record<K, string>): Map<string, K> =>
  new Map((Object.entries(labels) as Array<[K, string]>).map(([value, label]) => [label, value]));
const propertyTypeByLabel = labelLookup(propertyTypeLabels);
const occupancyByLabel = labelLookup(occupancyLabels);
const relationByLabel = labelLookup(relationLabels);
const parkingKindByLabel = labelLookup(parkingKindLabels);
const listOf = (labels: Record<string, string>): string => Object.values(labels).join('/');

const text = z.string().transform((s) => toHalfWidth(s).trim().replace(/\s+/g, ' '));
const orNull = (s: string): string | null => (s === '' ? null : s);

const required = (header: string) => text.pipe(z.string().min(1, `${header}不能为空`));

const code = (header: string, suffix: RegExp) =>
  required(header)
    .transform((s) => s.replace(/\s/g, '').replace(suffix, '').toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9]{1,10}$/, `${header}编号只能是字母或数字，最多 10 位`));

/** Areas stay exact: two decimal places as a string, compared as decimals, never as floats. */
const area = (header: string) =>
  required(header)
    .transform((s) => s.replace(/\s|㎡|m²|m2|平方米|平米/gi, ''))
    .pipe(z.string().regex(/^\d{1,7}(\.\d{1,2})?$/, `${header}必须是数字，最多 2 位小数`))
    .transform(toTwoPlaces)
    .refine((s) => parseDecimal(s).units > 0n, `${header}必须大于 0`);

function toTwoPlaces(value: string): string {
  const [whole = '0', fraction = ''] = value.split('.');
  return `${String(Number(whole))}.${fraction.padEnd(2, '0')}`;
}

export function normalizePhone(value: string): string {
  const digits = value.replace(/[\s-]/g, '');
  return /^(\+?86)1\d{10}$/.test(digits) ? digits.slice(-11) : digits;
}
const PHONE = /^1\d{10}$/;
const phone = text
  .transform(normalizePhone)
  .pipe(z.string().regex(/^$|^1\d{10}$/, '手机号格式不正确'))
  .transform(orNull);

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 check digit and birth date; Excel turns long digit strings into floats, which fail here. */
export function isValidResidentId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return ID_CHECK[sum % 11] === id[17] && LocalDate.safeParse(birth).success;
}

const idNumber = text
  .transform((s) => s.replace(/\s/g, '').toUpperCase())
  .superRefine((id, ctx) => {
    if (id === '') return;
    // All digits means a resident ID (18 digits, or the old 15); anything else is another document.
    const ok = /^\d{17}[\dX]$/.test(id)
      ? isValidResidentId(id)
      : /^\d+$/.test(id)
        ? id.length === 15
        : /^[A-Z0-9]{5,18}$/.test(id);
    if (!ok)
      ctx.addIssue({ code: 'custom', message: '身份证号不正确（请核对；在 Excel 中请把此列设为文本）' });
  })
  .transform(orNull);

const labelled = <K extends string>(header: string, byLabel: Map<string, K>, labels: Record<K, string>) =>
  text
    .refine((s) => s === '' || byLabel.has(s), `${header}应为 ${listOf(labels)} 之一`)
    .transform((s) => (s === '' ? null : byLabel.get(s)!));

const handoverDate = text.transform((s, ctx) => {
  if (s === '') return null;
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  const date = match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : s;
  if (!match || !LocalDate.safeParse(date).success) {
    ctx.addIssue({ code: 'custom', message: match ? '交房日期不存在' : '交房日期格式应为 YYYY-MM-DD' });
    return z.NEVER;
  }
  return date;
});

const NAME_MAX = 30;
const splitList = (s: string, separator: string): string[] => s.split(separator).map((p) => p.trim());

/** `姓名:关系:手机`, the phone optional; the reason it is not, or null. */
function familyEntryProblem(entry: string): string | null {
  const [name = '', label = '', memberPhone = '', ...rest] = entry.split(':').map((p) => p.trim());
  if (!name || !label || rest.length) return `「${entry}」格式应为 姓名:关系:手机`;
  if (!relationByLabel.has(label)) return `「${name}」的关系应为 ${listOf(relationLabels)} 之一`;
  if (memberPhone && !PHONE.test(normalizePhone(memberPhone))) return `「${name}」的手机号格式不正确`;
  return name.length > NAME_MAX ? `「${name}」的姓名最多 ${NAME_MAX} 个字` : null;
}

const family = text.transform((s, ctx) => {
  const members: SheetMember[] = [];
  for (const entry of splitList(s, ';').filter(Boolean)) {
    const problem = familyEntryProblem(entry);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
      continue;
    }
    const [name = '', label = '', memberPhone = ''] = entry.split(':').map((p) => p.trim());
    members.push({
      name,
      relation: relationByLabel.get(label)!,
      phone: memberPhone ? normalizePhone(memberPhone) : null,
    });
  }
  return members;
});

const dropTrailingEmpty = (items: string[]): string[] => {
  const out = [...items];
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
};

const parkingCodes = text.transform((s, ctx) => {
  const codes = splitList(s.toUpperCase(), ';').filter(Boolean);
  const seen = new Set<string>();
  for (const c of codes) {
    if (!/^[A-Z0-9][A-Z0-9-]{0,19}$/.test(c))
      ctx.addIssue({ code: 'custom', message: `车位编号「${c}」只能包含字母、数字和 -，最多 20 位` });
    else if (seen.has(c)) ctx.addIssue({ code: 'custom', message: `车位编号「${c}」重复` });
    seen.add(c);
  }
  return codes;
});

const parkingKinds = text.transform((s, ctx) => {
  const kinds = dropTrailingEmpty(splitList(s, ';'));
  for (const k of kinds) {
    if (k && !parkingKindByLabel.has(k))
      ctx.addIssue({ code: 'custom', message: `车位类型应为 ${listOf(parkingKindLabels)} 之一` });
  }
  return kinds.map((k) => (k ? (parkingKindByLabel.get(k) ?? null) : null));
});

/** 京A12345, 沪AD12345 (new energy), 粤B1234学 — province, letter, 5 or 6 more. */
const PLATE =
  /^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领][A-Z][A-Z0-9]{4,5}[A-Z0-9挂学警港澳]$/;

const plateGroups = text.transform((s, ctx) => {
  const groups = dropTrailingEmpty(splitList(s, ';'));
  return groups.map((group) => {
    if (!group) return null;
    const plates = splitList(group, '/').filter(Boolean).map(normalizePlate);
    for (const p of plates)
      if (!PLATE.test(p)) ctx.addIssue({ code: 'custom', message: `车牌号「${p}」格式不正确` });
    return [...new Set(plates)];
  });
});

// ---- the row ------------------------------------------------------------------------------

const RowSchema = z
  .object({
    building: code('楼栋', /(号楼|栋|幢|座)$/),
    unit: code('单元', /单元$/),
    floor: required('楼层')
      .pipe(z.string().regex(/^-?\d{1,3}$/, '楼层必须是整数'))
      .transform(Number)
      .refine((n) => n !== 0 && n >= -9 && n <= 200, '楼层应在 -9 到 200 之间，且不为 0'),
    roomNo: required('房号').transform((s) => s.replace(/\s/g, '').toUpperCase()),
    buildingArea: area('建筑面积'),
    innerArea: area('套内面积'),
    layout: text.pipe(z.string().max(20, '户型最多 20 个字')).transform(orNull),
    propertyType: labelled('房屋类型', propertyTypeByLabel, propertyTypeLabels),
    occupancy: labelled('入住状态', occupancyByLabel, occupancyLabels),
    handoverDate,
    ownerName: text.pipe(z.string().max(NAME_MAX, `业主姓名最多 ${NAME_MAX} 个字`)).transform(orNull),
    ownerPhone: phone,
    ownerIdNumber: idNumber,
    family,
    parkingCodes,
    parkingKind: parkingKinds,
    plates: plateGroups,
  })
  .transform((row, ctx): SheetRecord => {
    const problem = (message: string) => ctx.addIssue({ code: 'custom', message });
    const resolved = resolveRoomNo(row.roomNo, row.building, row.unit);
    if ('problem' in resolved) problem(resolved.problem);
    if (parseDecimal(row.innerArea).units > parseDecimal(row.buildingArea).units)
      problem('套内面积不能大于建筑面积');
    if (!row.ownerName && (row.ownerPhone || row.ownerIdNumber))
      problem('填写了业主手机或身份证号，但没有填写业主姓名');
    const spaces = row.parkingCodes.length;
    if (!spaces && (row.parkingKind.length || row.plates.length))
      problem('填写了车位类型或车牌号，但没有填写车位编号');
    if (row.parkingKind.length > 1 && row.parkingKind.length > spaces) problem('车位类型的个数多于车位编号');
    if (spaces && row.plates.length > spaces) problem('车牌号按车位用 ; 分隔，组数多于车位编号');
    const room = 'room' in resolved ? resolved.room : row.roomNo;
    return {
      roomCode: `${row.building}-${row.unit}-${room}`,
      building: row.building,
      unit: row.unit,
      floor: row.floor,
      roomNo: room,
      buildingArea: row.buildingArea,
      innerArea: row.innerArea,
      layout: row.layout,
      propertyType: row.propertyType,
      occupancy: row.occupancy,
      handoverDate: row.handoverDate,
      owner: row.ownerName
        ? { name: row.ownerName, phone: row.ownerPhone, idNumber: row.ownerIdNumber }
        : null,
      family: row.family,
      parking: row.parkingCodes.map((c, i) => ({
        code: c,
        kind: (row.parkingKind.length === 1 ? row.parkingKind[0] : row.parkingKind[i]) ?? null,
        plates: row.plates[i] ?? null,
      })),
    };
  });

/** The room number alone, whether written as `1201` or as a full code that must agree. */
function resolveRoomNo(
  roomNo: string,
  building: string,
  unit: string,
): { room: string } | { problem: string } {
  const full = parseRoomCode(roomNo);
  if (full)
    return full.building === building && full.unit === unit
      ? { room: full.room }
      : { problem: '房号与楼栋/单元不一致' };
  const room = roomNo.replace(/(室|号)$/, '');
  return /^[A-Z0-9]{1,10}$/.test(room) ? { room } : { problem: '房号只能是字母或数字，最多 10 位' };
}

const headerOf = new Map<string, string>(sheetColumns.map((c) => [c.key, c.header]));

/** Reasons name their column unless the message already does. */
function reasonOf(issue: z.core.$ZodIssue): string {
  const header = headerOf.get(String(issue.path[0] ?? ''));
  return header && !issue.message.startsWith(header) ? `${header}：${issue.message}` : issue.message;
}

/** Parse one row of cells (missing cells count as empty). */
export function parseSheetRow(cells: RawRow): RowResult {
  const raw = Object.fromEntries(sheetColumns.map((c) => [c.key, cells[c.key] ?? '']));
  const parsed = RowSchema.safeParse(raw);
  if (parsed.success) return { ok: true, record: parsed.data };
  return {
    ok: false,
    roomCode: roughRoomCode(cells),
    reasons: [...new Set(parsed.error.issues.map(reasonOf))],
  };
}

/** The room code a row is about, if its building, unit and room can be read at all. */
function roughRoomCode(cells: RawRow): string | null {
  const parts = [cells.building, cells.unit, cells.roomNo].map((p) =>
    toHalfWidth(p ?? '').replace(/\s/g, ''),
  );
  if (parts.some((p) => !p)) return null;
  const full = parseRoomCode(parts[2]!);
  if (full) return `${full.building}-${full.unit}-${full.room}`;
  const joined = parseRoomCode(parts.join('-'));
  return joined ? `${joined.building}-${joined.unit}-${joined.room}` : null;
}

// ---- the sheet ----------------------------------------------------------------------------

export interface ParsedSheet {
  /** Valid rows with their sheet row numbers (1-based, as Excel shows them). */
  rows: Array<{ row: number; record: SheetRecord }>;
  errors: RowError[];
  /** Data rows read, good and bad (blank and comment rows are not counted). */
  dataRows: number;
}

const cleanHeader = (cell: string): string =>
  toHalfWidth(cell)
    .replace(/^\uFEFF/, '')
    .replace(/[\s*]/g, '');
const isBlank = (cells: string[]): boolean => cells.every((c) => c.trim() === '');

/**
 * Parse a whole sheet: find the header, read every data row, then check across rows (a room or
 * a parking space may appear only once). Rows before the header (a title) are ignored.
 */
export function parseSheet(table: string[][]): ParsedSheet {
  const headerIndex = table.findIndex(
    (cells) => cells.some((c) => cleanHeader(c) === '楼栋') && cells.some((c) => cleanHeader(c) === '房号'),
  );
  if (headerIndex < 0) {
    return {
      rows: [],
      dataRows: 0,
      errors: [
        {
          row: 1,
          roomCode: null,
          reasons: [`找不到表头：第一行应为模板中的列名（${sheetHeaders.join('、')}）`],
        },
      ],
    };
  }
  const columns = mapHeader(table[headerIndex]!);
  if ('reasons' in columns)
    return {
      rows: [],
      dataRows: 0,
      errors: [{ row: headerIndex + 1, roomCode: null, reasons: columns.reasons }],
    };

  const rows: ParsedSheet['rows'] = [];
  const errors: RowError[] = [];
  const roomRows = new Map<string, number>();
  const spaceRows = new Map<string, number>();
  let dataRows = 0;
  for (let i = headerIndex + 1; i < table.length; i++) {
    const cells = table[i]!;
    if (isBlank(cells) || (cells[0] ?? '').trim().startsWith(COMMENT_MARK)) continue;
    const row = i + 1;
    dataRows++;
    const raw: RawRow = {};
    for (const [key, index] of columns.index) raw[key] = cells[index] ?? '';
    const result = parseSheetRow(raw);
    const roomCode = result.ok ? result.record.roomCode : result.roomCode;
    const reasons = result.ok ? [] : [...result.reasons];
    const firstRoomRow = roomCode ? roomRows.get(roomCode) : undefined;
    if (firstRoomRow) reasons.push(`房号 ${roomCode} 与第 ${firstRoomRow} 行重复`);
    else if (roomCode) roomRows.set(roomCode, row);
    for (const space of result.ok ? result.record.parking : []) {
      const firstSpaceRow = spaceRows.get(space.code);
      if (firstSpaceRow) reasons.push(`车位 ${space.code} 与第 ${firstSpaceRow} 行重复`);
      else spaceRows.set(space.code, row);
    }
    if (reasons.length) errors.push({ row, roomCode, reasons });
    else if (result.ok) rows.push({ row, record: result.record });
  }
  if (!dataRows) errors.push({ row: headerIndex + 1, roomCode: null, reasons: ['表格中没有可导入的数据行'] });
  return { rows, errors, dataRows };
}

function mapHeader(cells: string[]): { index: Map<ColumnKey, number> } | { reasons: string[] } {
  const byHeader = new Map<string, ColumnKey>(sheetColumns.map((c) => [c.header, c.key]));
  const index = new Map<ColumnKey, number>();
  const reasons: string[] = [];
  cells.forEach((cell, i) => {
    const header = cleanHeader(cell);
    if (!header) return;
    const key = byHeader.get(header);
    if (!key) reasons.push(`无法识别的列：${header}`);
    else if (index.has(key)) reasons.push(`列重复：${header}`);
    else index.set(key, i);
  });
  const missing = sheetColumns.filter((c) => c.required && !index.has(c.key)).map((c) => c.header);
  if (missing.length) reasons.push(`缺少必填列：${missing.join('、')}`);
  return reasons.length ? { reasons } : { index };
}

// ---- export and template ------------------------------------------------------------------

/** A record as the cells of one row, in template column order. */
export function recordToCells(record: SheetRecord): string[] {
  const kinds = record.parking.map((p) => (p.kind ? parkingKindLabels[p.kind] : ''));
  const cells: Record<ColumnKey, string> = {
    building: record.building,
    unit: record.unit,
    floor: String(record.floor),
    roomNo: record.roomNo,
    buildingArea: record.buildingArea,
    innerArea: record.innerArea,
    layout: record.layout ?? '',
    propertyType: record.propertyType ? propertyTypeLabels[record.propertyType] : '',
    occupancy: record.occupancy ? occupancyLabels[record.occupancy] : '',
    handoverDate: record.handoverDate ?? '',
    ownerName: record.owner?.name ?? '',
    ownerPhone: record.owner?.phone ?? '',
    ownerIdNumber: record.owner?.idNumber ?? '',
    family: record.family
      .map((m) => [m.name, relationLabels[m.relation], ...(m.phone ? [m.phone] : [])].join(':'))
      .join(';'),
    parkingCodes: record.parking.map((p) => p.code).join(';'),
    parkingKind: new Set(kinds).size === 1 ? kinds[0]! : dropTrailingEmpty(kinds).join(';'),
    plates: dropTrailingEmpty(record.parking.map((p) => (p.plates ?? []).join('/'))).join(';'),
  };
  return sheetColumns.map((c) => cells[c.key]);
}

/** Header plus one row per record: what the export writes. */
export function sheetTable(records: SheetRecord[]): string[][] {
  return [sheetHeaders, ...records.map(recordToCells)];
}

/** The downloadable template: header, a notes row and an example row (both skipped on import). */
export function templateTable(): string[][] {
  const comment = (cells: string[]): string[] => cells.map((c, i) => (i === 0 ? `${COMMENT_MARK} ${c}` : c));
  return [
    sheetHeaders,
    comment(sheetColumns.map((c) => `${c.required ? '必填。' : ''}${c.description}`)),
    comment(sheetColumns.map((c) => c.example)),
  ];
}

/** The template's notes: every column with whether it is required, what it holds and an example. */
export function notesTable(): string[][] {
  return [
    ['列名', '必填', '说明', '示例'],
    ...sheetColumns.map((c) => [c.header, c.required ? '是' : '否', c.description, c.example]),
    [],
    ['导入规则'],
    ...sheetRules.map((rule) => [rule]),
  ];
}
