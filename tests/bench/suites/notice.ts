import Database from 'better-sqlite3';
import {
  keyId,
  type Account,
  type Binding,
  type Building,
  type Estate,
  type Household,
  type NoticeStaffView,
  type Unit,
} from '@linli/shared';
import { ensureAllIndexes } from '@linli/cloudfunctions/src/_lib/collections';
import { accountIdFor } from '@linli/cloudfunctions/src/_lib/identity';
import { createLogger } from '@linli/cloudfunctions/src/_lib/logger';
import { createSqliteStore } from '@linli/cloudfunctions/src/_lib/store/sqlite';
import type { Doc, Store } from '@linli/cloudfunctions/src/_lib/store/port';
import { createRuntime } from '@linli/cloudfunctions/src/local/runtime';
import { messagingConfig } from '@linli/cloudfunctions/src/messaging/config';
import {
  MESSAGE_QUOTA,
  OUTBOX,
  quotaLedgerId,
  type QuotaLedger,
} from '@linli/cloudfunctions/src/messaging/documents';
import { NOTICE_TARGETS } from '@linli/cloudfunctions/src/notice/documents';
import { DEFAULT_CHUNK } from '@linli/cloudfunctions/src/notice/fan-out';
import { runNoticeWork } from '@linli/cloudfunctions/src/notice/notice-work';
import { perSecond, timeMs, type Benchmark } from '../harness';

const HOUSEHOLDS = 10_000;
const ESTATE_ID = 'est_bench';
const ADMIN = 'bench-admin';

/** 10 buildings × 2 units × 25 floors × 20 rooms, one bound owner account each, half with quota. */
function estateDocs(): Record<string, Doc[]> {
  const templateId = messagingConfig().templateIds.notice_published;
  const docs: Record<string, Doc[]> = {
    estates: [{ _id: ESTATE_ID, name: '基准花园', address: '', code: 'BENCH' } satisfies Estate],
    buildings: [],
    units: [],
    households: [],
    accounts: [
      {
        _id: accountIdFor(ADMIN),
        openid: ADMIN,
        displayName: '基准管理员',
        personId: null,
        staff: { roles: ['admin'], estateIds: [ESTATE_ID], skills: [] },
        createdAt: 0,
      } satisfies Account,
    ],
    bindings: [],
    [MESSAGE_QUOTA]: [],
  };
  for (let i = 0; i < HOUSEHOLDS; i++) {
    const b = Math.floor(i / 1000) + 1;
    const u = (Math.floor(i / 500) % 2) + 1;
    const floor = (Math.floor(i / 20) % 25) + 1;
    const roomNo = `${String(floor).padStart(2, '0')}${String((i % 20) + 1).padStart(2, '0')}`;
    const buildingId = keyId('bld', ESTATE_ID, b);
    const unitId = keyId('unit', ESTATE_ID, b, u);
    if (i % 1000 === 0)
      docs.buildings!.push({
        _id: buildingId,
        estateId: ESTATE_ID,
        code: String(b),
        name: `${b}号楼`,
        floors: 25,
      } satisfies Building);
    if (i % 500 === 0)
      docs.units!.push({
        _id: unitId,
        estateId: ESTATE_ID,
        buildingId,
        code: String(u),
        name: `${u}单元`,
      } satisfies Unit);
    const roomCode = `${b}-${u}-${roomNo}`;
    const householdId = keyId('hh', ESTATE_ID, roomCode);
    docs.households!.push({
      _id: householdId,
      estateId: ESTATE_ID,
      buildingId,
      unitId,
      floor,
      roomNo,
      roomCode,
      buildingArea: '89.53',
      innerArea: '72.18',
      layout: '两室一厅',
      propertyType: 'residential',
      occupancy: 'self',
      handoverDate: null,
    } satisfies Household);
    const accountId = accountIdFor(`bench-owner-${i}`);
    docs.accounts!.push({
      _id: accountId,
      openid: `bench-owner-${i}`,
      displayName: `业主${i}`,
      personId: null,
      staff: null,
      createdAt: 0,
    } satisfies Account);
    docs.bindings!.push({
      _id: keyId('bind', accountId, householdId),
      accountId,
      householdId,
      estateId: ESTATE_ID,
      relation: 'owner',
      status: 'approved',
      method: 'seed',
      personId: null,
      createdAt: 0,
      decidedAt: 0,
      decidedBy: null,
      reason: null,
    } satisfies Binding);
    if (i % 2 === 0)
      docs[MESSAGE_QUOTA]!.push({
        _id: quotaLedgerId(accountId, templateId),
        accountId,
        templateId,
        available: 1,
        granted: 1,
        used: 0,
        refusedAt: null,
        updatedAt: 0,
      } satisfies QuotaLedger);
  }
  return docs;
}

async function seed(store: Store): Promise<void> {
  await ensureAllIndexes(store);
  for (const [name, docs] of Object.entries(estateDocs()))
    for (let i = 0; i < docs.length; i += 1000)
      await store.collection(name).insertMany(docs.slice(i, i + 1000));
}

async function readAll(store: Store, name: string): Promise<Doc[]> {
  const all: Doc[] = [];
  let after: string | undefined;
  do {
    const page = await store.collection(name).find({}, { limit: 1000, after });
    all.push(...page.items);
    after = page.next;
  } while (after);
  return all;
}

export const noticeBenchmarks: Benchmark[] = [
  {
    name: 'notice.publish.10k',
    unit: 'messages/s',
    higherIsBetter: true,
    async run() {
      const store = createSqliteStore({ file: ':memory:' });
      await seed(store);
      const log = createLogger({ level: 'error' });
      const runtime = createRuntime({ store, log });
      const call = async <T>(action: string, input: unknown): Promise<T> => {
        const result = await runtime.call('notice', action, input, { openid: ADMIN });
        if (!result.ok) throw new Error(`${action}: ${result.error.message}`);
        return result.data as T;
      };
      const draft = await call<NoticeStaffView>('create', {
        estateId: ESTATE_ID,
        title: '全小区停水通知',
        body: {
          blocks: [{ type: 'paragraph', runs: [{ text: '明日 9:00–17:00 全小区停水检修，请提前储水。' }] }],
        },
        category: 'outage',
        target: { scope: 'estate' },
      });

      // The staff tap (audience counted, notice published), then the background fan-out to
      // the end: a read-tracking record per household and a message per bound account.
      let chunks = 0;
      const started = process.hrtime.bigint();
      const publishMs = await timeMs(() => call('publish', { noticeId: draft.noticeId }));
      const fanOutMs = await timeMs(async () => {
        const report = await runNoticeWork({ store, now: Date.now, log, deadline: Number.POSITIVE_INFINITY });
        chunks = Math.ceil(report.fannedOut / DEFAULT_CHUNK);
      });
      const totalMs = Number(process.hrtime.bigint() - started) / 1e6;

      const messages = await readAll(store, OUTBOX);
      const targets = await readAll(store, NOTICE_TARGETS);
      const pending = messages.filter((m) => m.status === 'pending').length;
      if (messages.length !== HOUSEHOLDS || targets.length !== HOUSEHOLDS)
        throw new Error(
          `expected ${HOUSEHOLDS} messages and targets, got ${messages.length} and ${targets.length}`,
        );
      const rss = process.memoryUsage().rss;
      await store.close();

      // Baseline: the same documents (what the fan-out wrote, byte for byte) inserted with raw
      // better-sqlite3 prepared statements in one transaction per collection.
      const raw = new Database(':memory:');
      raw.exec('CREATE TABLE outbox (id TEXT PRIMARY KEY, doc TEXT NOT NULL)');
      raw.exec('CREATE TABLE targets (id TEXT PRIMARY KEY, doc TEXT NOT NULL)');
      const insertMessage = raw.prepare('INSERT INTO outbox (id, doc) VALUES (?, ?)');
      const insertTarget = raw.prepare('INSERT INTO targets (id, doc) VALUES (?, ?)');
      const bodies = [
        ...messages.map((m) => [insertMessage, m._id, JSON.stringify(m)] as const),
        ...targets.map((t) => [insertTarget, t._id, JSON.stringify(t)] as const),
      ];
      const rawMs = await timeMs(() =>
        raw.transaction(() => bodies.forEach(([s, id, doc]) => s.run(id, doc)))(),
      );
      raw.close();
      const messageBytes = Math.round(
        messages.reduce((n, m) => n + JSON.stringify(m).length, 0) / messages.length,
      );

      return {
        value: perSecond(messages.length, totalMs),
        baseline: perSecond(messages.length, rawMs),
        notes:
          `${HOUSEHOLDS} households: ${targets.length} read records + ${messages.length} messages ` +
          `(${pending} pending, ${messages.length - pending} no_quota; ~${messageBytes} B each); ` +
          `publish tap ${publishMs.toFixed(0)} ms, fan-out ${(fanOutMs / 1000).toFixed(1)} s in ${chunks} chunks ` +
          `(${(fanOutMs / Math.max(chunks, 1)).toFixed(0)} ms/chunk); peak RSS ${Math.round(rss / 2 ** 20)} MB`,
      };
    },
  },
];
