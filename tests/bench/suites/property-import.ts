import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyId, type ImportReport } from '@linli/shared';
import { sheetTable, type SheetRecord } from '@linli/shared';
import { ensureAllIndexes } from '@linli/cloudfunctions/src/_lib/collections';
import { createLogger } from '@linli/cloudfunctions/src/_lib/logger';
import { createSqliteStore } from '@linli/cloudfunctions/src/_lib/store/sqlite';
import type { Store } from '@linli/cloudfunctions/src/_lib/store/port';
import { createRuntime, type Runtime } from '@linli/cloudfunctions/src/local/runtime';
import { chineseName, seededRandom } from '@linli/cloudfunctions/src/local/seed/random';
import { writeSheet } from '@linli/cloudfunctions/src/property/import/write-sheet';
import { perSecond, timeMs, type Benchmark } from '../harness';
import { insertBenchEstate } from '../fixtures';

const HOUSEHOLDS = 10_000;
const ESTATE_ID = 'est_bench';
const ADMIN = 'bench-admin';
const LAYOUTS = [
  { layout: '两室一厅', buildingArea: '89.53', innerArea: '72.18' },
  { layout: '三室两厅', buildingArea: '126.05', innerArea: '101.32' },
];

/** 20 buildings × 2 units × 25 floors × 10 rooms: owners, families, a third with a parking space. */
function benchRecords(): SheetRecord[] {
  const random = seededRandom(10_000);
  const records: SheetRecord[] = [];
  let phone = 13_900_000_000;
  for (let i = 0; i < HOUSEHOLDS; i++) {
    const building = String(Math.floor(i / 500) + 1);
    const unit = String((Math.floor(i / 250) % 2) + 1);
    const floor = (Math.floor(i / 10) % 25) + 1;
    const roomNo = `${String(floor).padStart(2, '0')}${String((i % 10) + 1).padStart(2, '0')}`;
    const owner = chineseName(random);
    const { layout, buildingArea, innerArea } = LAYOUTS[i % LAYOUTS.length]!;
    records.push({
      roomCode: `${building}-${unit}-${roomNo}`,
      building,
      unit,
      floor,
      roomNo,
      buildingArea,
      innerArea,
      layout,
      propertyType: 'residential',
      occupancy: 'self',
      handoverDate: '2021-06-30',
      owner: { name: owner, phone: String(phone++), idNumber: null },
      family: [
        { name: chineseName(random), relation: 'spouse', phone: String(phone++) },
        ...(random.chance(0.6)
          ? [{ name: chineseName(random, owner[0]), relation: 'child' as const, phone: null }]
          : []),
      ],
      parking:
        i % 3 === 0 ? [{ code: `P-${String(i).padStart(5, '0')}`, kind: 'owned', plates: [plateOf(i)] }] : [],
    });
  }
  return records;
}

const plateOf = (i: number): string => `沪${'ABCDEFGHJK'[i % 10]}${String(i).padStart(5, '0')}`;

interface BenchEstate {
  store: Store;
  runtime: Runtime;
  records: SheetRecord[];
  csv: string;
  close(): void;
}

/** A fresh SQLite file with one estate and its admin, and the runtime over it. */
async function freshEstate(): Promise<BenchEstate> {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-'));
  const store = createSqliteStore({ file: join(dir, 'bench.db') });
  await ensureAllIndexes(store);
  await insertBenchEstate(store, ESTATE_ID, { openid: ADMIN, displayName: '基准管理员', roles: ['admin'] });
  const runtime = createRuntime({ store, log: createLogger({ level: 'error' }) });
  const records = benchRecords();
  const csv = await writeSheet('csv', sheetTable(records));
  return {
    store,
    runtime,
    records,
    csv,
    close() {
      void store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function importSheet(estate: BenchEstate): Promise<ImportReport> {
  const envelope = await estate.runtime.call(
    'property',
    'importSheet',
    { estateId: ESTATE_ID, format: 'csv', content: estate.csv },
    { openid: ADMIN },
  );
  if (!envelope.ok) throw new Error(`import failed: ${envelope.error.code} ${envelope.error.message}`);
  const report = envelope.data as ImportReport;
  if (report.errors.length)
    throw new Error(`import reported errors: ${JSON.stringify(report.errors.slice(0, 3))}`);
  return report;
}

/** Every document of the collections an import writes, as stored JSON. */
async function importedDocs(store: Store): Promise<string[]> {
  const docs: string[] = [];
  for (const name of [
    'buildings',
    'units',
    'households',
    'persons',
    'memberships',
    'parking_spaces',
    'household_search',
  ]) {
    let after: string | undefined;
    do {
      const page = await store.collection(name).find({}, { limit: 1000, after });
      for (const doc of page.items) docs.push(JSON.stringify(doc));
      after = page.next;
    } while (after);
  }
  return docs;
}

async function countDocs(store: Store): Promise<number> {
  let total = 0;
  for (const name of await store.listCollections()) total += await store.collection(name).count();
  return total;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export const propertyImportBenchmarks: Benchmark[] = [
  {
    name: 'property.import.10k',
    unit: 'rows/s',
    higherIsBetter: true,
    async run() {
      const estate = await freshEstate();
      try {
        const startRssMb = process.memoryUsage().rss / 2 ** 20;
        const importMs = await timeMs(() => importSheet(estate));
        // maxRSS only grows: read now, before the baseline and the re-import add their own.
        const peakRssMb = process.resourceUsage().maxRSS / 1024;
        const docs = await importedDocs(estate.store);

        // Baseline: raw better-sqlite3 inserts of the very documents the import wrote, in one transaction.
        const raw = new Database(':memory:');
        raw.exec('CREATE TABLE docs (id TEXT PRIMARY KEY, doc TEXT NOT NULL)');
        const insert = raw.prepare('INSERT INTO docs (id, doc) VALUES (?, ?)');
        const rawMs = await timeMs(() =>
          raw.transaction(() => docs.forEach((doc, i) => insert.run(String(i), doc)))(),
        );
        raw.close();

        const before = await countDocs(estate.store);
        let again: ImportReport | undefined;
        const againMs = await timeMs(async () => (again = await importSheet(estate)));
        const createdNothing =
          again?.created === 0 && again.updated === 0 && (await countDocs(estate.store)) === before;
        return {
          value: perSecond(HOUSEHOLDS, importMs),
          baseline: perSecond(HOUSEHOLDS, rawMs),
          notes: `${docs.length} docs in ${(importMs / 1000).toFixed(1)} s; peak RSS ${Math.round(peakRssMb)} MB (${Math.round(startRssMb)} before); re-import ${createdNothing ? 'created 0 docs' : 'WROTE DOCS'} in ${(againMs / 1000).toFixed(1)} s`,
        };
      } finally {
        estate.close();
      }
    },
  },
  {
    name: 'property.search.10k',
    unit: 'ms',
    higherIsBetter: false,
    async run() {
      const estate = await freshEstate();
      try {
        await importSheet(estate);
        const random = seededRandom(42);
        const kinds = {
          room: (r: SheetRecord) => r.roomCode,
          name: (r: SheetRecord) => r.owner!.name,
          tail: (r: SheetRecord) => r.owner!.phone!.slice(-4),
          plate: (r: SheetRecord) => r.parking[0]?.plates?.[0] ?? r.roomCode,
        };
        const perKind: Record<string, number[]> = {};
        const all: number[] = [];
        const withParking = estate.records.filter((r) => r.parking.length);
        for (let i = 0; i < 400; i++) {
          const [kind, queryOf] = Object.entries(kinds)[i % 4]!;
          const record = random.pick(kind === 'plate' ? withParking : estate.records);
          const query = queryOf(record);
          const ms = await timeMs(async () => {
            const envelope = await estate.runtime.call(
              'property',
              'search',
              { estateId: ESTATE_ID, query },
              { openid: ADMIN },
            );
            if (!envelope.ok || !(envelope.data as { hits: unknown[] }).hits.length)
              throw new Error(`search for ${query} found nothing`);
          });
          if (i >= 20) {
            (perKind[kind] ??= []).push(ms);
            all.push(ms);
          }
        }
        // Baseline: one indexed read of a household by id.
        const households = estate.store.collection('households');
        const ids = estate.records.map((r) => keyId('hh', ESTATE_ID, r.roomCode));
        const gets: number[] = [];
        for (let i = 0; i < 400; i++) gets.push(await timeMs(() => households.get(random.pick(ids))));
        const sorted = [...all].sort((a, b) => a - b);
        return {
          value: median(all),
          baseline: median(gets.slice(20)),
          notes: `${Object.entries(perKind)
            .map(([k, s]) => `${k} ${median(s).toFixed(1)}`)
            .join(', ')} ms; p95 ${sorted[Math.floor(sorted.length * 0.95)]!.toFixed(1)} ms`,
        };
      } finally {
        estate.close();
      }
    },
  },
];
