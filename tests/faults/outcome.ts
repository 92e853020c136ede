import { join } from 'node:path';
import { findAll } from '@linli/cloudfunctions/src/_lib/collections';
import { createSqliteStore } from '@linli/cloudfunctions/src/_lib/store/sqlite';
import type { Doc } from '@linli/cloudfunctions/src/_lib/store/port';
import { DEMO_ESTATE_ID } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { callAs, devLoginToken } from '../helpers/load-owners';
import type { LocalServer } from '../helpers/local-server';

/** What one fault scenario did and found: printed as one line by `npm run faults`. */
export interface Outcome {
  scenario: string;
  kills: number;
  checks: string[];
  failures: string[];
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const randomInt = (max: number) => Math.floor(Math.random() * max);

/** All documents of a collection in a runtime's database (WAL lets a second connection read). */
export async function readAll(dataDir: string, collection: string): Promise<Doc[]> {
  const store = createSqliteStore({ file: join(dataDir, 'linli.sqlite') });
  try {
    return await findAll(store.collection(collection), {});
  } finally {
    await store.close();
  }
}

export function formatOutcome(outcome: Outcome): string {
  return (
    `${outcome.failures.length ? '✘' : '✔'} ${outcome.scenario}: ${outcome.kills} kills; ${outcome.checks.join('; ')}` +
    `${outcome.failures.length ? `\n  FAILED: ${outcome.failures.join('; ')}` : ''}\n`
  );
}

/** Drive `run.commit` chunk by chunk until done. */
export async function commitRun(server: LocalServer, period: string, chunkSize: number): Promise<void> {
  const token = await devLoginToken(server, 'demo-finance');
  for (;;) {
    const step = await callAs<{ done: boolean }>(server, token, 'billing/run.commit', {
      estateId: DEMO_ESTATE_ID,
      period,
      chunkSize,
    });
    if (step.done) return;
  }
}
