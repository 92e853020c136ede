import { fen, keyId } from '@linli/shared';
import { createMemoryLogger } from '@linli/cloudfunctions/src/_lib/logger';
import type {
  Collection,
  Doc,
  Store,
  Transaction,
  TxCollection,
} from '@linli/cloudfunctions/src/_lib/store/port';
import { creditPrepayment } from '@linli/cloudfunctions/src/billing/prepayment/credit-prepayment';
import { createRuntime } from '@linli/cloudfunctions/src/local/runtime';
import { seededRandom } from '@linli/cloudfunctions/src/local/seed/random';
import {
  allDocs,
  billingRuntime,
  commitAll,
  ESTATE,
  JULY_10,
  PERIOD,
  type CommitStep,
} from '../helpers/billing';
import type { TestRuntime } from '../helpers/test-runtime';

class SimulatedCrash extends Error {}

/**
 * A store that dies after a number of writes, as a killed function would: the write that
 * would exceed the budget never happens. An insertMany is cut part-way (CloudBase writes it in
 * batches), and a transaction cut inside rolls back.
 */
function crashingStore(inner: Store, budget: { writes: number }): Store {
  const spend = (): void => {
    if (budget.writes <= 0) throw new SimulatedCrash('simulated crash');
    budget.writes--;
  };
  const wrap = <T extends Doc>(c: Collection<T>): Collection<T> => ({
    name: c.name,
    get: (id) => c.get(id),
    find: (filter, options) => c.find(filter, options),
    count: (filter) => c.count(filter),
    insert: async (doc) => (spend(), c.insert(doc)),
    async insertMany(docs) {
      const room = Math.min(docs.length, Math.max(budget.writes, 0));
      if (room < docs.length) {
        if (room > 0) await c.insertMany(docs.slice(0, room));
        budget.writes = 0;
        throw new SimulatedCrash('simulated crash in insertMany');
      }
      budget.writes -= docs.length;
      return c.insertMany(docs);
    },
    set: async (doc) => (spend(), c.set(doc)),
    update: async (id, spec, where) => (spend(), c.update(id, spec, where)),
    updateMany: async (filter, spec) => (spend(), c.updateMany(filter, spec)),
    remove: async (id) => (spend(), c.remove(id)),
    removeMany: async (filter) => (spend(), c.removeMany(filter)),
  });
  return {
    collection: <T extends Doc>(name: string) => wrap(inner.collection<T>(name)),
    transaction: (work) =>
      inner.transaction((tx) => {
        const crashing: Transaction = {
          collection: <T extends Doc>(name: string): TxCollection<T> => {
            const c = tx.collection<T>(name);
            return {
              get: (id) => c.get(id),
              insert: async (doc: T) => (spend(), c.insert(doc)),
              set: async (doc: T) => (spend(), c.set(doc)),
              update: async (id, spec) => (spend(), c.update(id, spec)),
              remove: async (id) => (spend(), c.remove(id)),
            };
          },
        };
        return work(crashing);
      }),
    ensureIndexes: (c, i) => inner.ensureIndexes(c, i),
    listCollections: () => inner.listCollections(),
    close: () => inner.close(),
  };
}

const CHUNK = 100;
const COMPARED = ['bills', 'bill_runs', 'prepay_accounts', 'prepay_movements'];

/** The demo estate with prepayments on 40 homes, so runs also move money. */
async function setUp(now: () => number = () => JULY_10): Promise<TestRuntime> {
  const t = await billingRuntime(now);
  const random = seededRandom(7);
  for (let i = 0; i < 40; i++) {
    const room = `${random.int(1, 3)}-${random.int(1, 2)}-${String(random.int(1, 25)).padStart(2, '0')}0${random.int(1, 4)}`;
    await creditPrepayment(t.store, keyId('hh', ESTATE, room), fen(random.int(1, 120) * 1000), `topup-${i}`, {
      at: JULY_10 - 1000,
    });
  }
  return t;
}

/** What a run leaves behind; only the run's own clock fields may differ after a later resume. */
async function snapshot(t: TestRuntime): Promise<Record<string, unknown[]>> {
  const docs = await Promise.all(COMPARED.map(async (c) => [c, await allDocs(t, c)] as const));
  return Object.fromEntries(
    docs.map(([c, list]) => [
      c,
      c === 'bill_runs' ? list.map(({ updatedAt: _u, finishedAt: _f, ...run }) => run) : list,
    ]),
  );
}

describe('a bill run killed at any point resumes to exactly the bills of one clean run', () => {
  let clean: Record<string, unknown[]>;
  let points: number[];

  beforeAll(async () => {
    const t = await setUp();
    const budget = { writes: Number.MAX_SAFE_INTEGER };
    const counting = createRuntime({
      store: crashingStore(t.store, budget),
      log: createMemoryLogger(),
      now: () => JULY_10,
    });
    for (;;) {
      const step = await counting.call(
        'billing',
        'run.commit',
        { estateId: ESTATE, period: PERIOD, chunkSize: CHUNK },
        { openid: 'demo-finance' },
      );
      if (!step.ok) throw new Error(step.error.message);
      if ((step.data as CommitStep).done) break;
    }
    const writes = Number.MAX_SAFE_INTEGER - budget.writes;
    clean = await snapshot(t);
    await t.close();
    const random = seededRandom(20260710);
    points = Array.from({ length: 20 }, () => random.int(0, writes - 1)).sort((a, b) => a - b);
    expect((clean.bills ?? []).length).toBeGreaterThan(1800);
    expect(
      (clean.prepay_movements ?? []).filter((m) => (m as { kind: string }).kind === 'draw').length,
    ).toBeGreaterThan(40);
  }, 60_000);

  it.each(Array.from({ length: 20 }, (_, i) => i))('crash point %i', async (i) => {
    // The resume comes ten minutes later, as it would after a real crash.
    let clock = JULY_10;
    const t = await setUp(() => clock);
    try {
      const budget = { writes: points[i]! };
      const dying = createRuntime({
        store: crashingStore(t.store, budget),
        log: createMemoryLogger(),
        now: () => JULY_10,
      });
      let crashed = false;
      for (let calls = 0; calls < 100 && !crashed; calls++) {
        const step = await dying.call(
          'billing',
          'run.commit',
          { estateId: ESTATE, period: PERIOD, chunkSize: CHUNK },
          { openid: 'demo-finance' },
        );
        if (!step.ok) crashed = step.error.code === 'INTERNAL';
        else if ((step.data as CommitStep).done) break;
      }
      expect(crashed).toBe(true);
      clock = JULY_10 + 10 * 60_000;
      await commitAll(t, { chunkSize: CHUNK });
      expect(await snapshot(t)).toEqual(clean);
    } finally {
      await t.close();
    }
  });
});
