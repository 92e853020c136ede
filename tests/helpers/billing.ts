import type { BillRunView } from '@linli/shared';
import { seedDemoBilling } from '@linli/cloudfunctions/src/local/seed/demo-billing';
import { DEMO_ESTATE_ID } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { createTestRuntime, type TestRuntime } from './test-runtime';

/** 10 July 2026, 10:00 in Shanghai: July is the period to bill, June's bills are overdue. */
export const JULY_10 = Date.parse('2026-07-10T02:00:00Z');
export const PERIOD = '2026-07';
export const ESTATE = DEMO_ESTATE_ID;

export interface CommitStep {
  run: BillRunView;
  chunk: { households: number; billsCreated: number; linesCreated: number; billsExisting: number };
  done: boolean;
}

/** The demo estate with its billing data (standards, readings, May and June committed). */
export async function billingRuntime(now: () => number = () => JULY_10): Promise<TestRuntime> {
  const t = await createTestRuntime({ now });
  await seedDemoBilling(t.store, now());
  return t;
}

/** Call run.commit until the run is done; returns every step. */
export async function commitAll(
  t: TestRuntime,
  input: { estateId?: string; period?: string; chunkSize?: number; rescan?: boolean } = {},
  openid = 'demo-finance',
): Promise<CommitStep[]> {
  const steps: CommitStep[] = [];
  for (let i = 0; i < 1000; i++) {
    const step = await t.ok<CommitStep>(openid, 'billing', 'run.commit', {
      estateId: ESTATE,
      period: PERIOD,
      ...input,
    });
    steps.push(step);
    if (step.done) return steps;
  }
  throw new Error('run did not finish');
}

/** Every document of a collection, sorted by id. */
export async function allDocs(t: TestRuntime, collection: string): Promise<Array<Record<string, unknown>>> {
  const docs: Array<Record<string, unknown>> = [];
  let after: string | undefined;
  do {
    const page = await t.store.collection(collection).find({}, { limit: 1000, after });
    docs.push(...page.items);
    after = page.next;
  } while (after);
  return docs;
}
