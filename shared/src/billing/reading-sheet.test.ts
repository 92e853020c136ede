import {
  MAX_READING_ROWS,
  parseReadingSheet,
  planReadingImport,
  readingTemplateTable,
  type ParsedReadingSheet,
  type ReadingChain,
} from './reading-sheet';

const PERIOD = '2026-07';
const header = readingTemplateTable(PERIOD, [])[0]!;
const row = (cells: Partial<Record<string, string>>): string[] => header.map((h) => cells[h] ?? '');
const parsed = (rows: string[][]): ParsedReadingSheet => {
  const result = parseReadingSheet([header, ...rows], PERIOD);
  if ('ok' in result) throw new Error(result.message);
  return result;
};

const noChain: ReadingChain = { current: null, laterPeriod: null, previous: null, history: [] };
const chainAt = (reading: string, history: string[] = ['10']): ReadingChain => ({
  ...noChain,
  previous: { id: 'prev', reading, period: '2026-06' },
  history,
});

describe('the reading template', () => {
  it('writes a row per household and meter with the previous reading to check against', () => {
    const table = readingTemplateTable(PERIOD, [
      {
        roomCode: '3-1-0501',
        meter: 'water',
        previousReading: '120.5',
        previousPeriod: '2026-06',
        reading: null,
      },
    ]);
    expect(table[1]).toEqual(['3-1-0501', '水', PERIOD, '120.5', '2026-06', '', '', '', '']);
  });

  it('reads back as a sheet with every row blank until 本次读数 is filled', () => {
    const table = readingTemplateTable(PERIOD, [
      {
        roomCode: '3-1-0501',
        meter: 'water',
        previousReading: '120.5',
        previousPeriod: '2026-06',
        reading: null,
      },
      {
        roomCode: '3-1-0502',
        meter: 'electricity',
        previousReading: null,
        previousPeriod: null,
        reading: '8',
      },
    ]);
    const sheet = parseReadingSheet(table, PERIOD);
    expect(sheet).toMatchObject({
      blank: 1,
      invalid: [],
      readings: [{ row: 3, roomCode: '3-1-0502', meter: 'electricity', reading: '8', replacement: null }],
    });
  });
});

describe('parsing a reading sheet', () => {
  it('normalises room codes, meter names, dates and a meter replacement', () => {
    const sheet = parsed([
      row({ 房号: '3栋1单元0501', 表具: '水表', 本次读数: '1,234.5', 抄表日期: '2026/7/3' }),
      row({ 房号: '３－１－０５０２', 表具: '电', 本次读数: '6.5', 旧表最后读数: '980', 新表起始读数: '' }),
    ]);
    expect(sheet.invalid).toEqual([]);
    expect(sheet.readings).toEqual([
      {
        row: 2,
        roomCode: '3-1-0501',
        meter: 'water',
        reading: '1234.5',
        readOn: '2026-07-03',
        replacement: null,
      },
      {
        row: 3,
        roomCode: '3-1-0502',
        meter: 'electricity',
        reading: '6.5',
        readOn: null,
        replacement: { oldFinal: '980', newInitial: '0' },
      },
    ]);
  });

  it('names every problem of a malformed row and keeps reading the others', () => {
    const sheet = parsed([
      row({ 房号: '五号楼', 表具: '暖气', 本次读数: '-3' }),
      row({ 房号: '3-1-0501', 表具: '水', 用量月份: '2026-06', 本次读数: '1.2345', 抄表日期: '7月3日' }),
      row({ 房号: '3-1-0503', 表具: '水', 本次读数: '12', 新表起始读数: '0' }),
      row({ 房号: '3-1-0504', 表具: '水', 本次读数: '12' }),
    ]);
    expect(sheet.readings.map((r) => r.row)).toEqual([5]);
    expect(sheet.invalid.map((r) => [r.row, r.outcome])).toEqual([
      [2, 'invalid'],
      [3, 'invalid'],
      [4, 'invalid'],
    ]);
    expect(sheet.invalid[0]!.message).toContain('房号「五号楼」格式不正确');
    expect(sheet.invalid[0]!.message).toContain('表具「暖气」应为 水、电 或 燃气');
    expect(sheet.invalid[0]!.message).toContain('读数不能为负数');
    expect(sheet.invalid[1]!.message).toContain('用量月份 2026-06 与所选月份 2026-07 不同');
    expect(sheet.invalid[1]!.message).toContain('读数最多 3 位小数');
    expect(sheet.invalid[1]!.message).toContain('抄表日期「7月3日」');
    expect(sheet.invalid[2]!.message).toBe('填写了新表起始读数，但没有填写旧表最后读数');
  });

  it('refuses a file without the template header, without a required column, or above the row limit', () => {
    expect(
      parseReadingSheet(
        [
          ['a', 'b'],
          ['1', '2'],
        ],
        PERIOD,
      ),
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining('找不到表头') as unknown,
    });
    expect(parseReadingSheet([['房号', '本次读数']], PERIOD)).toEqual({
      ok: false,
      message: '缺少必填列：表具',
    });
    const many = Array.from({ length: MAX_READING_ROWS + 1 }, (_, i) =>
      row({ 房号: `1-1-${i}`, 表具: '水', 本次读数: '1' }),
    );
    expect(parseReadingSheet([header, ...many], PERIOD)).toMatchObject({
      ok: false,
      message: `一次最多导入 ${MAX_READING_ROWS} 行，文件中有 ${MAX_READING_ROWS + 1} 行，请分批导入`,
    });
    expect('ok' in parseReadingSheet([header, ...many.slice(1)], PERIOD)).toBe(false);
  });
});

describe('planning a reading import', () => {
  const plan = (rows: string[][], chains: Record<string, ReadingChain>) =>
    planReadingImport(
      parsed(rows).readings,
      (room) => (room.startsWith('9-') ? undefined : `hh:${room}`),
      (householdId, meter) => chains[`${householdId}/${meter}`] ?? noChain,
    );

  it('judges each row as single entry would: ok, outlier held, backwards refused unless replaced', () => {
    const planned = plan(
      [
        row({ 房号: '1-1-0101', 表具: '水', 本次读数: '112' }),
        row({ 房号: '1-1-0102', 表具: '水', 本次读数: '200' }),
        row({ 房号: '1-1-0103', 表具: '水', 本次读数: '95' }),
        row({ 房号: '1-1-0104', 表具: '水', 本次读数: '6', 旧表最后读数: '104', 新表起始读数: '0' }),
        row({ 房号: '1-1-0105', 表具: '水', 本次读数: '50' }),
      ],
      {
        'hh:1-1-0101/water': chainAt('100'),
        'hh:1-1-0102/water': chainAt('100'),
        'hh:1-1-0103/water': chainAt('100'),
        'hh:1-1-0104/water': chainAt('100'),
      },
    );
    expect(planned.map((p) => [p.outcome, 'consumption' in p ? p.consumption : null])).toEqual([
      ['ok', '12'],
      ['flagged', '100'],
      ['rejected', null],
      ['ok', '10'],
      ['ok', null],
    ]);
    expect(planned[1]!.message).toBe('用量 100 超过近 1 期平均 10 的 3 倍，请复核');
    expect(planned[2]!.message).toBe('本次读数 95 小于上次读数 100；如已换表，请填写换表信息');
  });

  it('skips a reading already recorded alike, and refuses a different one, a repeated row and an unknown room', () => {
    const stored = (reading: string, status: 'approved' | 'rejected' = 'approved'): ReadingChain => ({
      ...chainAt('100'),
      current: { reading, replacement: null, status },
    });
    const planned = plan(
      [
        row({ 房号: '1-1-0101', 表具: '水', 本次读数: '112.0' }),
        row({ 房号: '1-1-0102', 表具: '水', 本次读数: '113' }),
        row({ 房号: '1-1-0103', 表具: '水', 本次读数: '114' }),
        row({ 房号: '1-1-0104', 表具: '水', 本次读数: '115' }),
        row({ 房号: '1-1-0104', 表具: '水', 本次读数: '115' }),
        row({ 房号: '1-1-0104', 表具: '电', 本次读数: '115' }),
        row({ 房号: '9-1-0101', 表具: '水', 本次读数: '1' }),
        row({ 房号: '1-1-0105', 表具: '水', 本次读数: '1' }),
      ],
      {
        'hh:1-1-0101/water': stored('112'),
        'hh:1-1-0102/water': stored('112'),
        'hh:1-1-0103/water': stored('90', 'rejected'),
        'hh:1-1-0105/water': { ...noChain, laterPeriod: '2026-08' },
      },
    );
    expect(planned.map((p) => p.outcome)).toEqual([
      'unchanged',
      'duplicate',
      'ok',
      'duplicate',
      'duplicate',
      'ok',
      'unknown_room',
      'rejected',
    ]);
    expect(planned[1]!.message).toBe('本期已录入读数 112，与文件中的 113 不同');
    expect(planned[2]).toMatchObject({ replacesRejected: true });
    expect(planned[3]!.message).toBe('水表在第 5、6 行重复出现，请只保留一行');
    expect(planned[6]!.message).toBe('本小区没有房号 9-1-0101');
    expect(planned[7]!.message).toBe('已有 2026-08 的读数，不能补录更早月份的读数');
  });
});
