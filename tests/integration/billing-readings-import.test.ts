import {
  keyId,
  MAX_READING_ROWS,
  meterReadingId,
  type MeterReading,
  type ReadingImportReport,
  type SheetDownload,
} from '@linli/shared';
import { readSheet } from '@linli/cloudfunctions/src/property/import/read-sheet';
import { writeSheet } from '@linli/cloudfunctions/src/property/import/write-sheet';
import { OTHER_ESTATE_ID } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { allDocs, billingRuntime, commitAll, ESTATE, PERIOD } from '../helpers/billing';
import { snapshotStore, type TestRuntime } from '../helpers/test-runtime';

const TECH = 'demo-tech-plumbing';
const HOME = '3-1-0501';
const OUTLIER = '2-1-0802';
const stored = (t: TestRuntime, room: string, period: string) =>
  t.store
    .collection('meter_readings')
    .get(meterReadingId(keyId('hh', ESTATE, room), 'water', period)) as Promise<MeterReading | null>;

/** The template as staff download it, read back as cells. */
async function template(t: TestRuntime, format: 'csv' | 'xlsx' = 'csv'): Promise<string[][]> {
  const file = await t.ok<SheetDownload>(TECH, 'billing', 'readings.template', {
    estateId: ESTATE,
    period: PERIOD,
    format,
  });
  return (await readSheet(format, file.content)).filter((cells) => cells.some((c) => c !== ''));
}

/** Fill 本次读数 (column 6) of the rows given by room; other rows stay blank. */
function fill(table: string[][], readings: Record<string, string>, extra: string[][] = []): string[][] {
  return [
    ...table.map((cells) => (cells[0]! in readings ? [...cells.slice(0, 5), readings[cells[0]!]!] : cells)),
    ...extra,
  ];
}

const importFile = (
  t: TestRuntime,
  table: string[][],
  dryRun: boolean,
  openid = TECH,
  format: 'csv' | 'xlsx' = 'csv',
) =>
  writeSheet(format, table).then((content) =>
    t.call(openid, 'billing', 'readings.import', {
      estateId: ESTATE,
      period: PERIOD,
      format,
      content,
      dryRun,
    }),
  );
const imported = async (
  t: TestRuntime,
  table: string[][],
  dryRun: boolean,
  format: 'csv' | 'xlsx' = 'csv',
) => {
  const result = await importFile(t, table, dryRun, TECH, format);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data as ReadingImportReport;
};

describe('importing meter readings from a sheet', () => {
  let t: TestRuntime;
  let june: Record<string, string>;
  beforeEach(async () => {
    t = await billingRuntime();
    june = {};
    for (const room of [HOME, OUTLIER, '3-1-0502', '3-1-0503', '3-1-0504'])
      june[room] = (await stored(t, room, '2026-06'))!.reading;
  });
  afterEach(() => t.close());

  it('downloads a template with a row per household and its previous reading filled in', async () => {
    const table = await template(t);
    expect(table[0]).toEqual([
      '房号',
      '表具',
      '用量月份',
      '上次读数',
      '上次月份',
      '本次读数',
      '抄表日期',
      '旧表最后读数',
      '新表起始读数',
    ]);
    expect(table).toHaveLength(1 + 600);
    expect(table.find((cells) => cells[0] === HOME)).toEqual([
      HOME,
      '水',
      PERIOD,
      june[HOME],
      '2026-06',
      '',
      '',
      '',
      '',
    ]);
    const workbook = await template(t, 'xlsx');
    expect(workbook).toEqual(table);
  });

  it('previews every row, then writes only the valid ones; importing the file again writes nothing', async () => {
    const plus = (room: string, use: number) => (Number(june[room]) + use).toFixed(1);
    const table = fill(
      await template(t),
      {
        [HOME]: plus(HOME, 12.3),
        '3-1-0502': plus('3-1-0502', 400),
        '3-1-0503': plus('3-1-0503', -5),
        '3-1-0504': 'abc',
      },
      [
        ['9-9-9999', '水', PERIOD, '', '', '12'],
        [OUTLIER, '水', PERIOD, '', '', '1'],
        [OUTLIER, '水', PERIOD, '', '', '2'],
      ],
    );
    const before = await snapshotStore(t.store);
    const preview = await imported(t, table, true);
    expect(await snapshotStore(t.store)).toEqual(before);
    expect(preview).toMatchObject({
      dryRun: true,
      rows: 603,
      blank: 596,
      written: 0,
      counts: { ok: 1, flagged: 1, rejected: 1, invalid: 1, unknown_room: 1, duplicate: 2, unchanged: 0 },
    });
    const byRoom = Object.fromEntries(preview.items.map((i) => [`${i.roomCode}#${i.row}`, i]));
    expect(preview.items.find((i) => i.roomCode === HOME)).toMatchObject({
      outcome: 'ok',
      outcomeLabel: '可导入',
      previousReading: june[HOME],
      consumption: '12.3',
    });
    expect(preview.items.find((i) => i.roomCode === '3-1-0502')).toMatchObject({
      outcome: 'flagged',
      message: expect.stringContaining('请复核') as unknown,
    });
    expect(preview.items.find((i) => i.roomCode === '3-1-0503')).toMatchObject({
      outcome: 'rejected',
      message: expect.stringContaining('小于上次读数') as unknown,
    });
    expect(preview.items.find((i) => i.roomCode === '9-9-9999')).toMatchObject({
      outcome: 'unknown_room',
      row: 602,
    });
    expect(Object.keys(byRoom).filter((k) => k.startsWith(OUTLIER))).toHaveLength(2);

    // The refusal is word for word what single entry says for the same reading.
    const single = await t.call(TECH, 'billing', 'readings.record', {
      householdId: keyId('hh', ESTATE, '3-1-0503'),
      meter: 'water',
      period: PERIOD,
      reading: plus('3-1-0503', -5),
    });
    expect(single).toMatchObject({
      ok: false,
      error: { message: preview.items.find((i) => i.roomCode === '3-1-0503')!.message },
    });

    const committed = await imported(t, table, false);
    expect(committed).toMatchObject({ dryRun: false, written: 2, counts: { ok: 1, flagged: 1 } });
    expect(await stored(t, HOME, PERIOD)).toMatchObject({
      status: 'approved',
      consumption: '12.3',
      previousReading: june[HOME],
      recordedByName: '赵师傅',
      readOn: '2026-07-10',
    });
    expect(await stored(t, '3-1-0502', PERIOD)).toMatchObject({
      status: 'pending_review',
      consumption: '400',
    });
    expect(await stored(t, '3-1-0503', PERIOD)).toBeNull();
    expect(await stored(t, OUTLIER, PERIOD)).toBeNull();

    const readingsBefore = (await allDocs(t, 'meter_readings')).length;
    const again = await imported(t, table, false);
    expect(again).toMatchObject({ written: 0, counts: { ok: 0, flagged: 0, unchanged: 2 } });
    expect(await allDocs(t, 'meter_readings')).toHaveLength(readingsBefore);

    // The next month's run bills the imported water use.
    await commitAll(t, { period: '2026-08' });
    const bill = await t.store
      .collection('bills')
      .get(keyId('bill', keyId('hh', ESTATE, HOME), '2026-08', 'water'));
    expect(bill).toMatchObject({
      usage: expect.objectContaining({ quantity: '12.3', usagePeriod: PERIOD }) as unknown,
    });
  });

  it('reads a filled-in Excel workbook, with a meter replacement and a reading date', async () => {
    const table = fill(await template(t, 'xlsx'), { [HOME]: '7.5' }).map((cells) =>
      cells[0] === HOME
        ? [...cells.slice(0, 6), '2026/7/8', (Number(june[HOME]) + 2).toFixed(1), '0']
        : cells,
    );
    const report = await imported(t, table, false, 'xlsx');
    expect(report).toMatchObject({ written: 1, counts: { ok: 1 } });
    expect(await stored(t, HOME, PERIOD)).toMatchObject({
      consumption: '9.5',
      readOn: '2026-07-08',
      replacement: { oldFinal: (Number(june[HOME]) + 2).toFixed(1), newInitial: '0' },
    });
  });

  it('refuses callers without the right, another estate, malformed files, a future month and too many rows', async () => {
    const table = fill(await template(t), { [HOME]: (Number(june[HOME]) + 1).toFixed(1) });
    const before = await snapshotStore(t.store);
    const code = async (openid: string, input: Record<string, unknown>) =>
      t.errorCode(openid, 'billing', 'readings.import', {
        estateId: ESTATE,
        period: PERIOD,
        format: 'csv',
        content: await writeSheet('csv', table),
        ...input,
      });
    expect(await code('demo-owner-1', {})).toBe('FORBIDDEN');
    expect(await code('demo-admin-maple', {})).toBe('FORBIDDEN');
    expect(
      await t.errorCode('demo-owner-1', 'billing', 'readings.template', { period: PERIOD, format: 'csv' }),
    ).toBe('FORBIDDEN');
    expect(await code(TECH, { content: 'just some text\nnot a sheet' })).toBe('VALIDATION');
    expect(await code(TECH, { format: 'xlsx', content: Buffer.from('not a zip').toString('base64') })).toBe(
      'VALIDATION',
    );
    expect(await code(TECH, { period: '2026-08' })).toBe('VALIDATION');
    const tooMany = Array.from({ length: MAX_READING_ROWS + 1 }, () => [HOME, '水', PERIOD, '', '', '1']);
    const refused = await t.call(TECH, 'billing', 'readings.import', {
      estateId: ESTATE,
      period: PERIOD,
      format: 'csv',
      content: await writeSheet('csv', [table[0]!, ...tooMany]),
      dryRun: false,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: expect.stringContaining(`一次最多导入 ${MAX_READING_ROWS} 行`) as unknown,
      },
    });
    expect(await snapshotStore(t.store)).toEqual(before);
  });

  it("treats another estate's rooms as unknown: staff of 枫林苑 cannot write readings into 邻里花园", async () => {
    const maple = await t.ok<SheetDownload>('demo-admin-maple', 'billing', 'readings.template', {
      estateId: OTHER_ESTATE_ID,
      period: PERIOD,
      format: 'csv',
    });
    const rows = (await readSheet('csv', maple.content)).slice(0, 1);
    const report = await t.ok<ReadingImportReport>('demo-admin-maple', 'billing', 'readings.import', {
      estateId: OTHER_ESTATE_ID,
      period: PERIOD,
      format: 'csv',
      content: await writeSheet('csv', [...rows, [HOME, '水', PERIOD, '', '', '999999']]),
      dryRun: false,
    });
    expect(report).toMatchObject({ written: 0, counts: { unknown_room: 1 } });
    expect(await stored(t, HOME, PERIOD)).toBeNull();
  });
});
