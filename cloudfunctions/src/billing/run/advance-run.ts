import { AppError, billRunId, fen, feeItemsOf, type BillRun, type Period } from '@linli/shared';
import { findAll, type Collections } from '../../_lib/collections';
import type { Store } from '../../_lib/store/port';
import { drawPrepayment } from '../prepayment/draw-prepayment';
import { insertMissing, insertOnce } from '../idempotent-writes';
import { loadChunk } from './load-chunk';
import { planChunk } from './plan-chunk';

export interface RunDeps {
  store: Store;
  db: Collections;
  now: () => number;
}

export interface RunActor {
  id: string;
  name: string;
}

export interface ChunkResult {
  households: number;
  billsCreated: number;
  linesCreated: number;
  billsExisting: number;
}

export interface AdvanceResult {
  run: BillRun;
  chunk: ChunkResult;
  done: boolean;
}

const NOTHING: ChunkResult = { households: 0, billsCreated: 0, linesCreated: 0, billsExisting: 0 };

const zeroCounters = {
  householdsDone: 0,
  bills: 0,
  lines: 0,
  amountFen: fen(0),
  prepaidFen: fen(0),
  heldReadings: 0,
  missingReadings: 0,
};

/** The run of an estate and period, created on first use (two starting at once get one run). */
async function openRun(
  deps: RunDeps,
  estateId: string,
  period: Period,
  actor: RunActor,
  chunkSize: number,
): Promise<BillRun> {
  const id = billRunId(estateId, period);
  const existing = await deps.db.billRuns.get(id);
  if (existing) return existing;
  const now = deps.now();
  const run: BillRun = {
    _id: id,
    estateId,
    period,
    status: 'running',
    cursor: null,
    chunkSize,
    householdsTotal: await deps.db.households.count({ where: { estateId } }),
    ...zeroCounters,
    pass: 1,
    startedAt: now,
    passStartedAt: now,
    startedBy: actor.id,
    startedByName: actor.name,
    finishedAt: null,
    updatedAt: now,
  };
  if (await insertOnce(() => deps.db.billRuns.insert(run))) return run;
  return (await deps.db.billRuns.get(id))!;
}

/** Start another pass over a finished run: it bills only what is missing (new households, approved readings). */
async function rescanRun(deps: RunDeps, run: BillRun): Promise<BillRun> {
  const now = deps.now();
  await deps.db.billRuns.update(
    run._id,
    {
      set: {
        status: 'running',
        cursor: null,
        ...zeroCounters,
        householdsTotal: await deps.db.households.count({ where: { estateId: run.estateId } }),
        passStartedAt: now,
        finishedAt: null,
        updatedAt: now,
      },
      inc: { pass: 1 },
    },
    { status: 'done', pass: run.pass },
  );
  return (await deps.db.billRuns.get(run._id))!;
}

/**
 * One step of a bill run: the next chunk of households, in id order after the run's cursor.
 * Steps that may repeat after a crash are each safe to repeat:
 * 1. plan the chunk's bills from what is stored (pure, same input → same bills);
 * 2. insert the bills not yet there (ids from household + period + item);
 * 3. draw prepayments (one movement per bill, by id, in a transaction per household);
 * 4. move the cursor and add the chunk's figures in one conditional update, so a chunk done
 *    twice (a crash before step 4, or two callers) is counted once.
 * A crash anywhere leaves the cursor before the chunk; the next call redoes it and completes
 * it exactly as one clean run would have.
 */
export async function advanceRun(
  deps: RunDeps,
  params: { estateId: string; period: Period; chunkSize: number; actor: RunActor; rescan?: boolean },
): Promise<AdvanceResult> {
  const { estateId, period, chunkSize } = params;
  if (chunkSize < 1 || chunkSize > 1000) throw new AppError('VALIDATION', '每批户数应在 1–1000 之间');
  let run = await openRun(deps, estateId, period, params.actor, chunkSize);
  if (run.status === 'done') {
    if (!params.rescan) return { run, chunk: NOTHING, done: true };
    run = await rescanRun(deps, run);
    if (run.status === 'done') return { run, chunk: NOTHING, done: true };
  }
  const items = feeItemsOf(await findAll(deps.db.feeStandards, { where: { estateId } }));
  const chunk = await loadChunk(deps.db, estateId, period, run.cursor, chunkSize);
  const plan = planChunk(chunk, period, items, { runId: run._id, issuedAt: run.passStartedAt });

  const created = await insertMissing(
    deps.db.bills,
    plan.bills.filter((bill) => !chunk.existingBillIds.has(bill._id)),
  );

  let prepaid = 0;
  for (const household of plan.households) {
    if (!household.bills.length || !chunk.prepayAccounts.has(household.householdId)) continue;
    prepaid += await drawPrepayment(
      deps.store,
      household.householdId,
      household.bills.map((b) => b._id),
      run.passStartedAt,
      run._id,
    );
  }

  const now = deps.now();
  await deps.db.billRuns.update(
    run._id,
    {
      set: {
        cursor: chunk.last ?? run.cursor,
        updatedAt: now,
        ...(chunk.end ? { status: 'done', finishedAt: now } : {}),
      },
      inc: {
        householdsDone: chunk.households.length,
        bills: plan.bills.length,
        lines: plan.lines,
        amountFen: plan.amountFen,
        prepaidFen: prepaid,
        heldReadings: plan.held,
        missingReadings: plan.missing,
      },
    },
    { status: 'running', pass: run.pass, cursor: run.cursor },
  );
  const after = (await deps.db.billRuns.get(run._id))!;
  return {
    run: after,
    chunk: {
      households: chunk.households.length,
      billsCreated: created.length,
      linesCreated: created.reduce((sum, bill) => sum + bill.lines.length, 0),
      billsExisting: plan.bills.length - created.length,
    },
    done: after.status === 'done',
  };
}
