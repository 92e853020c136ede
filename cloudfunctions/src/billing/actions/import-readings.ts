import {
  AppError,
  meterLabels,
  newMeterReading,
  parseReadingSheet,
  periodOf,
  planReadingImport,
  readingOutcomeLabels,
  readingSheetNotes,
  readingTemplateTable,
  toLocalDate,
  WRITABLE_OUTCOMES,
  type billingApi,
  type Household,
  type MeterKind,
  type MeterReading,
  type Period,
  type PlannedReading,
  type ReadingImportRow,
  type ReadingOutcome,
  type ReadingRowResult,
} from '@linli/shared';
import { findAll, type Collections } from '../../_lib/collections';
import type { ActionContext, Handler } from '../../_lib/define-function';
import { readSheet } from '../../property/import/read-sheet';
import { writeSheet } from '../../property/import/write-sheet';
import { actorOf, servedEstateId } from '../access';
import { insertMissing } from '../idempotent-writes';
import { ReadingChains } from '../readings/reading-chains';

const SHEET_NAME = '抄表读数';

/** An estate's households in room order, with what a reading document needs. */
const householdsOf = (db: Collections, estateId: string) =>
  findAll(
    db.households,
    { where: { estateId } },
    { sort: [['roomCode', 'asc']], fields: ['estateId', 'roomCode'] },
  ) as Promise<Array<Pick<Household, '_id' | 'estateId' | 'roomCode'>>>;

/** The meters an estate's metered standards bill; water when it has none yet. */
async function billedMeters(db: Collections, estateId: string): Promise<MeterKind[]> {
  const standards = await findAll(db.feeStandards, { where: { estateId, kind: 'metered' } });
  const meters = new Set(standards.flatMap((s) => (s.kind === 'metered' ? [s.meter] : [])));
  return meters.size ? (['water', 'electricity', 'gas'] as const).filter((m) => meters.has(m)) : ['water'];
}

/** 抄表导入模板: a row per household and meter, the last reading filled in to check against. */
export const readingTemplate: Handler<(typeof billingApi)['readings.template']> = async (input, ctx) => {
  const estateId = servedEstateId(ctx, input.estateId);
  const estate = await ctx.db.estates.get(estateId);
  if (!estate) throw new AppError('NOT_FOUND', '小区不存在');
  const meters = input.meter ? [input.meter] : await billedMeters(ctx.db, estateId);
  const [households, chains] = await Promise.all([
    householdsOf(ctx.db, estateId),
    ReadingChains.load(ctx.db, estateId, input.period),
  ]);
  const rows = households.flatMap((h) =>
    meters.map((meter) => {
      const chain = chains.chain(h._id, meter);
      const current = chain.current?.status === 'rejected' ? null : chain.current;
      return {
        roomCode: h.roomCode,
        meter,
        previousReading: chain.previous?.reading ?? null,
        previousPeriod: chain.previous?.period ?? null,
        reading: current?.reading ?? null,
      };
    }),
  );
  const meterPart = input.meter ? `${meterLabels[input.meter]}表` : '抄表';
  return {
    filename: `${estate.name}-${meterPart}-${input.period}.${input.format}`,
    format: input.format,
    content: await writeSheet(
      input.format,
      readingTemplateTable(input.period, rows),
      readingSheetNotes(),
      SHEET_NAME,
    ),
  };
};

/**
 * Import a month's readings from a sheet. Every row is judged as single entry would judge it
 * (assessReading against the stored chain); a dry run reports the outcome of each row, a commit
 * writes the `ok` and `flagged` ones and nothing else. Reading ids derive from household, meter
 * and month, and a reading equal to the stored one is `unchanged`: importing again writes nothing.
 */
export const importReadings: Handler<(typeof billingApi)['readings.import']> = async (input, ctx) => {
  const estateId = servedEstateId(ctx, input.estateId);
  const { period } = input;
  if (period > periodOf(ctx.now())) throw new AppError('VALIDATION', '不能录入以后月份的读数');
  const sheet = parseReadingSheet(await readSheet(input.format, input.content), period);
  if ('ok' in sheet) throw new AppError('VALIDATION', sheet.message);

  const [households, chains] = await Promise.all([
    householdsOf(ctx.db, estateId),
    ReadingChains.load(ctx.db, estateId, period),
  ]);
  const byRoom = new Map(households.map((h) => [h.roomCode, h]));
  await chains.fillOlder(
    ctx.db,
    sheet.readings.flatMap((r) => {
      const household = byRoom.get(r.roomCode);
      return household ? [{ householdId: household._id, meter: r.meter }] : [];
    }),
  );
  const planned = planReadingImport(
    sheet.readings,
    (roomCode) => byRoom.get(roomCode)?._id,
    (householdId, meter) => chains.chain(householdId, meter),
  );

  const written = input.dryRun ? 0 : await writeReadings(ctx, period, planned, byRoom);
  const items = [...sheet.invalid, ...planned].sort((a, b) => a.row - b.row).map((r) => toRow(r));
  const counts = Object.fromEntries(
    Object.keys(readingOutcomeLabels).map((o) => [o, items.filter((i) => i.outcome === o).length]),
  ) as Record<ReadingOutcome, number>;
  ctx.log.log('info', 'billing.readingsImported', {
    estateId,
    period,
    dryRun: input.dryRun,
    counts,
    written,
  });
  return {
    dryRun: input.dryRun,
    period,
    rows: items.length + sheet.blank,
    blank: sheet.blank,
    counts,
    written,
    items,
  };
};

/** Write the valid rows: new readings in bulk, re-entered rejected ones only while still rejected. */
async function writeReadings(
  ctx: ActionContext,
  period: Period,
  planned: PlannedReading[],
  byRoom: Map<string, Pick<Household, '_id' | 'estateId' | 'roomCode'>>,
): Promise<number> {
  const actor = actorOf(ctx);
  const today = toLocalDate(ctx.now());
  const fresh: MeterReading[] = [];
  const reentered: MeterReading[] = [];
  for (const p of planned) {
    if (!('householdId' in p)) continue;
    const reading = newMeterReading({
      household: byRoom.get(p.sheet.roomCode)!,
      meter: p.sheet.meter,
      period,
      reading: p.sheet.reading,
      readOn: p.sheet.readOn ?? today,
      replacement: p.sheet.replacement,
      previous: p.previous,
      consumption: p.consumption,
      flag: p.flag,
      actor,
      at: ctx.now(),
    });
    (p.replacesRejected ? reentered : fresh).push(reading);
  }
  let written = (await insertMissing(ctx.db.meterReadings, fresh)).length;
  for (const { _id, ...fields } of reentered)
    if (await ctx.db.meterReadings.update(_id, { set: fields }, { status: 'rejected' })) written++;
  return written;
}

function toRow(r: ReadingRowResult | PlannedReading): ReadingImportRow {
  const assessed = 'householdId' in r && WRITABLE_OUTCOMES.has(r.outcome) ? r : null;
  return {
    row: r.row,
    roomCode: r.roomCode,
    meter: r.meter,
    meterLabel: r.meter ? meterLabels[r.meter] : null,
    reading: r.reading,
    previousReading: assessed?.previous?.reading ?? null,
    consumption: assessed?.consumption ?? null,
    outcome: r.outcome,
    outcomeLabel: readingOutcomeLabels[r.outcome],
    message: r.message,
  };
}
