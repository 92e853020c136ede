import type { Envelope } from '@linli/shared';
import { ensureAllIndexes } from '@linli/cloudfunctions/src/_lib/collections';
import { createMemoryLogger } from '@linli/cloudfunctions/src/_lib/logger';
import { createSqliteStore, type SqliteStore } from '@linli/cloudfunctions/src/_lib/store/sqlite';
import type { Store } from '@linli/cloudfunctions/src/_lib/store/port';
import { createRuntime, type Runtime } from '@linli/cloudfunctions/src/local/runtime';
import { seedDemoData } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import type { CallerRef } from '@linli/cloudfunctions/src/_lib/dispatch';

export interface TestRuntime {
  runtime: Runtime;
  store: SqliteStore;
  logs: string[];
  /** Call an action as an OPENID (or `null` for no identity) and get the envelope. */
  call(openid: string | null, fn: string, action: string, input?: unknown): Promise<Envelope<unknown>>;
  /** Call and expect success; returns the data. */
  ok<T = unknown>(openid: string | null, fn: string, action: string, input?: unknown): Promise<T>;
  /** Call and expect a typed error; returns its code. */
  errorCode(openid: string | null, fn: string, action: string, input?: unknown): Promise<string>;
  close(): Promise<void>;
}

/** A fresh in-memory database per test, optionally with the demo estate; the real runtime over it. */
export async function createTestRuntime(
  options: { seed?: boolean; now?: () => number } = {},
): Promise<TestRuntime> {
  const store = createSqliteStore({ file: ':memory:' });
  await ensureAllIndexes(store);
  if (options.seed !== false) await seedDemoData(store);
  const log = createMemoryLogger();
  const runtime = createRuntime({ store, log, now: options.now });
  const callerOf = (openid: string | null): CallerRef => (openid ? { openid } : { anonymous: true });
  const call = (openid: string | null, fn: string, action: string, input: unknown = {}) =>
    runtime.call(fn, action, input, callerOf(openid));
  return {
    runtime,
    store,
    logs: log.lines,
    call,
    async ok<T>(openid: string | null, fn: string, action: string, input?: unknown) {
      const envelope = await call(openid, fn, action, input);
      if (!envelope.ok)
        throw new Error(`${fn}.${action} failed: ${envelope.error.code} ${envelope.error.message}`);
      return envelope.data as T;
    },
    async errorCode(openid: string | null, fn: string, action: string, input?: unknown) {
      const envelope = await call(openid, fn, action, input);
      if (envelope.ok) throw new Error(`${fn}.${action} unexpectedly succeeded`);
      return envelope.error.code;
    },
    close: () => store.close(),
  };
}

/** Every document of every collection, for "nothing was written" assertions. */
export async function snapshotStore(store: Store): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const name of (await store.listCollections()).sort()) {
    const docs: unknown[] = [];
    let after: string | undefined;
    do {
      const page = await store.collection(name).find({}, { limit: 1000, after });
      docs.push(...page.items);
      after = page.next;
    } while (after);
    snapshot[name] = docs;
  }
  return snapshot;
}
