import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  feeStandardId,
  FeeRule,
  keyId,
  meterReadingId,
  type FeeRuleInput,
  type Household,
  type Membership,
  type MeterReading,
  type ParkingSpace,
} from '@linli/shared';
import { ensureAllIndexes } from '@linli/cloudfunctions/src/_lib/collections';
import { createLogger } from '@linli/cloudfunctions/src/_lib/logger';
import { createSqliteStore } from '@linli/cloudfunctions/src/_lib/store/sqlite';
import type { Store } from '@linli/cloudfunctions/src/_lib/store/port';
import { createRuntime, type Runtime } from '@linli/cloudfunctions/src/local/runtime';
import { seededRandom } from '@linli/cloudfunctions/src/local/seed/random';
import { perSecond, timeMs, type Benchmark } from '../harness';
import { insertAll, insertBenchEstate } from '../fixtures';

const HOUSEHOLDS = 10_000;
const ESTATE_ID = 'est_bench';
const FINANCE = 'bench-finance';
const PERIOD = '2026-07';
const NOW = Date.parse('2026-07-01T02:00:00Z');

const STANDARDS: FeeRuleInput[] = [
  {
    kind: 'area',
    itemCode: 'property',
    name: '物业费',
    effectiveFrom: '2026-01-01',
    areaBasis: 'building',
    unitPrice: '2.35',
    vacantRatePercent: 50,
  },
  {
    kind: 'fixed',
    itemCode: 'parking',
    name: '车位管理费',
    effectiveFrom: '2026-01-01',
    basis: 'parking',
    amountFen: 30000,
    requirePlates: true,
  },
  {
    kind: 'fixed',
    itemCode: 'garbage',
    name: '垃圾处理费',
    effectiveFrom: '2026-01-01',
    basis: 'household',
    amountFen: 1000,
  },
  {
    kind: 'metered',
    itemCode: 'water',
    name: '水费',
    effectiveFrom: '2026-01-01',
    meter: 'water',
    tiers: [
      { upTo: '20', unitPrice: '3.5' },
      { upTo: '30', unitPrice: '4.8' },
      { upTo: null, unitPrice: '6.1' },
    ],
  },
];

/** 20 buildings × 2 units × 25 floors × 10 rooms, each with an owner, a parking space and water readings. */
async function seedEstate(store: Store): Promise<void> {
  const random = seededRandom(10_000);
  const households: Household[] = [];
  const memberships: Membership[] = [];
  const spaces: ParkingSpace[] = [];
  const readings: MeterReading[] = [];
  for (let i = 0; i < HOUSEHOLDS; i++) {
    const building = Math.floor(i / 500) + 1;
    const unit = (Math.floor(i / 250) % 2) + 1;
    const floor = (Math.floor(i / 10) % 25) + 1;
    const roomNo = `${String(floor).padStart(2, '0')}${String((i % 10) + 1).padStart(2, '0')}`;
    const roomCode = `${building}-${unit}-${roomNo}`;
    const _id = keyId('hh', ESTATE_ID, roomCode);
    households.push({
      _id,
      estateId: ESTATE_ID,
      buildingId: keyId('bld', ESTATE_ID, building),
      unitId: keyId('unit', ESTATE_ID, building, unit),
      floor,
      roomNo,
      roomCode,
      buildingArea: i % 2 ? '126.05' : '89.53',
      innerArea: i % 2 ? '101.32' : '72.18',
      layout: '三室两厅',
      propertyType: 'residential',
      occupancy: i % 17 === 0 ? 'vacant' : 'self',
      // Every 50th home is handed over mid-month, so some lines are prorated.
      handoverDate: i % 50 === 0 ? '2026-07-15' : '2021-06-30',
    });
    memberships.push({
      _id: keyId('mbr', _id, 0),
      estateId: ESTATE_ID,
      householdId: _id,
      personId: keyId('psn', _id, 0),
      relation: 'owner',
      movedInOn: null,
      movedOutOn: null,
    });
    spaces.push({
      _id: keyId('park', ESTATE_ID, i),
      estateId: ESTATE_ID,
      code: `P-${String(i).padStart(5, '0')}`,
      kind: 'owned',
      householdId: _id,
      plates: [`沪A${String(i).padStart(5, '0')}`],
    });
    const start = 1000 + random.int(0, 5000);
    const used = random.int(80, 350) / 10;
    for (const [period, reading, previous] of [
      ['2026-05', String(start), null],
      ['2026-06', (start + used).toFixed(1), String(start)],
    ] as const) {
      readings.push({
        _id: meterReadingId(_id, 'water', period),
        estateId: ESTATE_ID,
        householdId: _id,
        roomCode,
        meter: 'water',
        period,
        reading,
        readOn: `${period}-28`,
        previousReadingId: previous ? meterReadingId(_id, 'water', '2026-05') : null,
        previousReading: previous,
        replacement: null,
        consumption: previous ? used.toFixed(1) : null,
        status: 'approved',
        flag: null,
        recordedBy: 'bench',
        recordedByName: '抄表员',
        recordedAt: NOW,
        reviewedBy: null,
        reviewedAt: null,
        reviewNote: null,
      });
    }
  }
  await insertBenchEstate(store, ESTATE_ID, { openid: FINANCE, displayName: '基准会计', roles: ['finance'] });
  await insertAll(store, 'households', households);
  await insertAll(store, 'memberships', memberships);
  await insertAll(store, 'parking_spaces', spaces);
  await insertAll(store, 'meter_readings', readings);
  await insertAll(
    store,
    'fee_standards',
    STANDARDS.map((input) => {
      const rule = FeeRule.parse(input);
      return {
        ...rule,
        _id: feeStandardId(ESTATE_ID, rule.itemCode, rule.effectiveFrom),
        estateId: ESTATE_ID,
        createdAt: 0,
        createdBy: 'bench',
        createdByName: '基准会计',
      };
    }),
  );
}

interface Step {
  done: boolean;
  chunk: { billsCreated: number; linesCreated: number };
}

/** run.commit until done, as the finance clerk's page would; returns bills and lines created. */
async function commitRun(runtime: Runtime, rescan: boolean): Promise<{ bills: number; lines: number }> {
  const created = { bills: 0, lines: 0 };
  for (;;) {
    const envelope = await runtime.call(
      'billing',
      'run.commit',
      { estateId: ESTATE_ID, period: PERIOD, rescan },
      { openid: FINANCE },
    );
    if (!envelope.ok) throw new Error(`run.commit failed: ${envelope.error.code} ${envelope.error.message}`);
    const step = envelope.data as Step;
    created.bills += step.chunk.billsCreated;
    created.lines += step.chunk.linesCreated;
    if (step.done) return created;
  }
}

export const billingBenchmarks: Benchmark[] = [
  {
    name: 'billing.run.10k',
    unit: 'lines/s',
    higherIsBetter: true,
    async run() {
      const dir = mkdtempSync(join(tmpdir(), 'linli-bench-billing-'));
      const store = createSqliteStore({ file: join(dir, 'bench.db') });
      try {
        await ensureAllIndexes(store);
        await seedEstate(store);
        const runtime = createRuntime({ store, log: createLogger({ level: 'error' }), now: () => NOW });

        let created = { bills: 0, lines: 0 };
        const runMs = await timeMs(async () => (created = await commitRun(runtime, false)));
        // maxRSS only grows: read it now, before the baseline and the re-run add their own.
        const peakRssMb = process.resourceUsage().maxRSS / 1024;

        // Baseline: raw better-sqlite3 inserts of the very bill documents, same pragmas, one transaction.
        const bills: string[] = [];
        let after: string | undefined;
        do {
          const page = await store.collection('bills').find({}, { limit: 1000, after });
          for (const bill of page.items) bills.push(JSON.stringify(bill));
          after = page.next;
        } while (after);
        const raw = new Database(join(dir, 'raw.db'));
        raw.pragma('journal_mode = WAL');
        raw.pragma('synchronous = NORMAL');
        raw.exec('CREATE TABLE docs (id TEXT PRIMARY KEY, doc TEXT NOT NULL)');
        const insert = raw.prepare('INSERT INTO docs (id, doc) VALUES (?, ?)');
        const rawMs = await timeMs(() =>
          raw.transaction(() => bills.forEach((doc, i) => insert.run(String(i), doc)))(),
        );
        raw.close();

        let again = { bills: 0, lines: 0 };
        const againMs = await timeMs(async () => (again = await commitRun(runtime, true)));
        const avgBytes = Math.round(bills.reduce((sum, doc) => sum + doc.length, 0) / bills.length);
        return {
          value: perSecond(created.lines, runMs),
          baseline: perSecond(bills.length, rawMs),
          notes: `${created.lines} lines in ${created.bills} bills (${avgBytes} B each) in ${(runMs / 1000).toFixed(1)} s; peak RSS ${Math.round(peakRssMb)} MB; re-run created ${again.lines} lines in ${(againMs / 1000).toFixed(1)} s`,
        };
      } finally {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
