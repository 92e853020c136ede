import { compareDecimals } from '../money/decimal';
import { normalizeRoomCode, toHalfWidth } from '../property/room-code';
import type { Period } from '../time/period';
import { LocalDate } from '../time/shanghai';
import { meterLabels, type MeterKind } from './fee-standard';
import { assessReading, ReadingValue, type MeterReplacement, type ReadingStatus } from './meter-reading';

/**
 * The meter-reading sheet (抄表导入模板): one row per household and meter for one usage month,
 * the previous reading filled in for the reader's eye. Staff fill 本次读数 and import the file;
 * each row passes the same checks as a reading typed in one by one (assessReading). Pure: cells
 * arrive as strings, outcomes leave as data.
 */

/** Rows one import may carry: a large estate's three meters, with room to spare. */
export const MAX_READING_ROWS = 5000;

export const readingSheetColumns = [
  { key: 'roomCode', header: '房号', required: true, description: '完整房号，如 3-2-1201，须为本小区的房屋' },
  { key: 'meter', header: '表具', required: true, description: '水 / 电 / 燃气' },
  { key: 'period', header: '用量月份', required: false, description: 'YYYY-MM，须与导入时选择的月份一致' },
  { key: 'previousReading', header: '上次读数', required: false, description: '仅供核对，导入时不读取' },
  { key: 'previousPeriod', header: '上次月份', required: false, description: '仅供核对，导入时不读取' },
  {
    key: 'reading',
    header: '本次读数',
    required: false,
    description: '表上的数字，最多 3 位小数；留空表示本期未抄，不导入',
  },
  { key: 'readOn', header: '抄表日期', required: false, description: 'YYYY-MM-DD；留空为导入当天' },
  { key: 'oldFinal', header: '旧表最后读数', required: false, description: '本期换过表时填写' },
  { key: 'newInitial', header: '新表起始读数', required: false, description: '本期换过表时填写，通常为 0' },
] as const;

type ColumnKey = (typeof readingSheetColumns)[number]['key'];
const headers = readingSheetColumns.map((c) => c.header);

/** A row as the template writes it. */
export interface ReadingTemplateRow {
  roomCode: string;
  meter: MeterKind;
  previousReading: string | null;
  previousPeriod: Period | null;
  /** This month's reading when one is recorded already (importing it again changes nothing). */
  reading: string | null;
}

export function readingTemplateTable(period: Period, rows: readonly ReadingTemplateRow[]): string[][] {
  return [
    headers,
    ...rows.map((r) => [
      r.roomCode,
      meterLabels[r.meter],
      period,
      r.previousReading ?? '',
      r.previousPeriod ?? '',
      r.reading ?? '',
      '',
      '',
      '',
    ]),
  ];
}

export function readingSheetNotes(): string[][] {
  return [
    ['列名', '是否必填', '填写说明'],
    ...readingSheetColumns.map((c) => [c.header, c.required ? '必填' : '选填', c.description]),
    [],
    ['规则', '', '读数小于上次读数时须填写换表信息，否则该行不导入'],
    ['', '', '用量超过近几期平均 3 倍的读数会导入，但须财务复核后才出账'],
    ['', '', '同一房屋同一表具只能出现一行；本期已录入相同读数的行会跳过，重复导入不会重复录入'],
    ['', '', `一次最多 ${MAX_READING_ROWS} 行`],
  ];
}

/** A data row that reads as a reading. */
export interface SheetReading {
  row: number;
  roomCode: string;
  meter: MeterKind;
  reading: string;
  readOn: LocalDate | null;
  replacement: MeterReplacement | null;
}

export type ReadingOutcome =
  'ok' | 'flagged' | 'rejected' | 'unknown_room' | 'duplicate' | 'unchanged' | 'invalid';

export const readingOutcomeLabels: Record<ReadingOutcome, string> = {
  ok: '可导入',
  flagged: '待复核',
  rejected: '不能导入',
  unknown_room: '房号不存在',
  duplicate: '重复',
  unchanged: '已录入',
  invalid: '格式错误',
};

/** Outcomes a commit writes: a normal reading, or one held for review. */
export const WRITABLE_OUTCOMES: ReadonlySet<ReadingOutcome> = new Set(['ok', 'flagged']);

/** One non-blank row of a sheet and what importing it does. */
export interface ReadingRowResult {
  row: number;
  roomCode: string | null;
  meter: MeterKind | null;
  reading: string | null;
  outcome: ReadingOutcome;
  message: string | null;
}

export interface ParsedReadingSheet {
  readings: SheetReading[];
  invalid: ReadingRowResult[];
  /** Data rows with 本次读数 left empty (not read this month). */
  blank: number;
}

export type SheetProblem = { ok: false; message: string };

const cleanHeader = (cell: string): string =>
  toHalfWidth(cell)
    .replace(/^\uFEFF/, '')
    .replace(/[\s*]/g, '');
const clean = (cell: string | undefined): string => toHalfWidth(cell ?? '').trim();
const meterByLabel = new Map<string, MeterKind>(
  (Object.entries(meterLabels) as Array<[MeterKind, string]>).flatMap(([kind, label]) => [
    [label, kind],
    [`${label}表`, kind],
    [kind, kind],
  ]),
);

/** 2026/7/3 and 2026-07-03 alike, as Excel users type them. */
function normalizeDate(text: string): string {
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  return match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : text;
}

const readingValue = (header: string, value: string, reasons: string[]): string | null => {
  const parsed = ReadingValue.safeParse(value.replace(/,/g, ''));
  if (parsed.success) return parsed.data;
  reasons.push(`${header}：${parsed.error.issues[0]?.message ?? '格式不正确'}`);
  return null;
};

/**
 * Read a sheet for one usage month. Returns a problem for the whole file (no header, a missing
 * column, too many rows); otherwise every row, each either a reading or the reasons it is not.
 */
export function parseReadingSheet(table: string[][], period: Period): ParsedReadingSheet | SheetProblem {
  const headerIndex = table.findIndex((cells) => cells.some((c) => cleanHeader(c) === '本次读数'));
  if (headerIndex < 0)
    return { ok: false, message: `找不到表头：请使用抄表导入模板（列名：${headers.join('、')}）` };
  const index = new Map<ColumnKey, number>();
  table[headerIndex]!.forEach((cell, i) => {
    const column = readingSheetColumns.find((c) => c.header === cleanHeader(cell));
    if (column && !index.has(column.key)) index.set(column.key, i);
  });
  const missing = readingSheetColumns.filter((c) => c.required && !index.has(c.key)).map((c) => c.header);
  if (missing.length) return { ok: false, message: `缺少必填列：${missing.join('、')}` };

  const body = table
    .map((cells, i) => ({ cells, row: i + 1 }))
    .slice(headerIndex + 1)
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  if (body.length > MAX_READING_ROWS)
    return {
      ok: false,
      message: `一次最多导入 ${MAX_READING_ROWS} 行，文件中有 ${body.length} 行，请分批导入`,
    };

  const parsed: ParsedReadingSheet = { readings: [], invalid: [], blank: 0 };
  for (const { cells, row } of body) {
    const cell = (key: ColumnKey) => clean(cells[index.get(key) ?? -1]);
    const reasons: string[] = [];
    const roomCode = normalizeRoomCode(cell('roomCode'));
    if (!roomCode) reasons.push(`房号「${cell('roomCode')}」格式不正确，应为 楼栋-单元-房号`);
    const meter = meterByLabel.get(cell('meter').toLowerCase()) ?? null;
    if (!meter) reasons.push(`表具「${cell('meter')}」应为 水、电 或 燃气`);
    const text = cell('reading');
    if (!text) {
      if (!reasons.length) parsed.blank++;
      else
        parsed.invalid.push({
          row,
          roomCode,
          meter,
          reading: null,
          outcome: 'invalid',
          message: reasons.join('；'),
        });
      continue;
    }
    const rowPeriod = cell('period');
    if (rowPeriod && rowPeriod !== period)
      reasons.push(`用量月份 ${rowPeriod} 与所选月份 ${period} 不同，请下载本月模板`);
    const reading = readingValue('本次读数', text, reasons);
    const readOnText = normalizeDate(cell('readOn'));
    let readOn: LocalDate | null = null;
    if (readOnText) {
      const date = LocalDate.safeParse(readOnText);
      if (date.success) readOn = date.data;
      else reasons.push(`抄表日期「${cell('readOn')}」格式应为 YYYY-MM-DD`);
    }
    let replacement: MeterReplacement | null = null;
    const [oldText, newText] = [cell('oldFinal'), cell('newInitial')];
    if (oldText || newText) {
      if (!oldText) reasons.push('填写了新表起始读数，但没有填写旧表最后读数');
      const oldFinal = oldText ? readingValue('旧表最后读数', oldText, reasons) : null;
      const newInitial = readingValue('新表起始读数', newText || '0', reasons);
      if (oldFinal !== null && newInitial !== null) replacement = { oldFinal, newInitial };
    }
    if (reasons.length || !roomCode || !meter || reading === null) {
      parsed.invalid.push({
        row,
        roomCode,
        meter,
        reading: text,
        outcome: 'invalid',
        message: reasons.join('；'),
      });
      continue;
    }
    parsed.readings.push({ row, roomCode, meter, reading, readOn, replacement });
  }
  return parsed;
}

/** What is stored for one household's meter around the imported month. */
export interface ReadingChain {
  /** This month's reading, if one is recorded. */
  current: { reading: string; replacement: MeterReplacement | null; status: ReadingStatus } | null;
  /** A later month that has a reading already (an earlier month cannot be added then). */
  laterPeriod: Period | null;
  previous: { id: string; reading: string; period: Period } | null;
  /** Earlier approved consumptions, newest first. */
  history: readonly string[];
}

export type PlannedReading = ReadingRowResult &
  (
    | {
        outcome: 'ok' | 'flagged';
        householdId: string;
        sheet: SheetReading;
        previous: ReadingChain['previous'];
        consumption: string | null;
        flag: string | null;
        replacesRejected: boolean;
      }
    | { outcome: Exclude<ReadingOutcome, 'ok' | 'flagged'> }
  );

const sameReplacement = (a: MeterReplacement | null, b: MeterReplacement | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    compareDecimals(a.oldFinal, b.oldFinal) === 0 &&
    compareDecimals(a.newInitial, b.newInitial) === 0);

/**
 * Decide each reading of a sheet. A room and meter that appear twice are refused on every row
 * (the file disagrees with itself); a reading equal to the one recorded is `unchanged`, so
 * importing a file again writes nothing; a different one is a `duplicate`.
 */
export function planReadingImport(
  readings: readonly SheetReading[],
  householdIdOf: (roomCode: string) => string | undefined,
  chainOf: (householdId: string, meter: MeterKind) => ReadingChain,
): PlannedReading[] {
  const rowsOf = new Map<string, number[]>();
  for (const r of readings) {
    const key = `${r.roomCode}/${r.meter}`;
    rowsOf.set(key, [...(rowsOf.get(key) ?? []), r.row]);
  }
  return readings.map((r): PlannedReading => {
    const base = { row: r.row, roomCode: r.roomCode, meter: r.meter, reading: r.reading };
    const refuse = (outcome: Exclude<ReadingOutcome, 'ok' | 'flagged'>, message: string): PlannedReading => ({
      ...base,
      outcome,
      message,
    });
    const rows = rowsOf.get(`${r.roomCode}/${r.meter}`)!;
    if (rows.length > 1)
      return refuse('duplicate', `${meterLabels[r.meter]}表在第 ${rows.join('、')} 行重复出现，请只保留一行`);
    const householdId = householdIdOf(r.roomCode);
    if (!householdId) return refuse('unknown_room', `本小区没有房号 ${r.roomCode}`);
    const chain = chainOf(householdId, r.meter);
    const current = chain.current && chain.current.status !== 'rejected' ? chain.current : null;
    if (current) {
      return compareDecimals(current.reading, r.reading) === 0 &&
        sameReplacement(current.replacement, r.replacement)
        ? refuse('unchanged', '本期已录入相同读数，跳过')
        : refuse('duplicate', `本期已录入读数 ${current.reading}，与文件中的 ${r.reading} 不同`);
    }
    if (chain.laterPeriod)
      return refuse('rejected', `已有 ${chain.laterPeriod} 的读数，不能补录更早月份的读数`);
    const assessed = assessReading(chain.previous?.reading ?? null, r.reading, r.replacement, chain.history);
    if (!assessed.ok) return refuse('rejected', assessed.message);
    return {
      ...base,
      outcome: assessed.flag ? 'flagged' : 'ok',
      message: assessed.flag,
      householdId,
      sheet: r,
      previous: chain.previous,
      consumption: assessed.consumption,
      flag: assessed.flag,
      replacesRejected: chain.current !== null,
    };
  });
}
