import { schedulerApi, type TickResult } from '@linli/shared';
import { defineFunction } from '@linli/cloudfunctions/src/_lib/define-function';
import { createMemoryLogger } from '@linli/cloudfunctions/src/_lib/logger';
import { makeTick } from '@linli/cloudfunctions/src/scheduler/actions/tick';
import type { Job } from '@linli/cloudfunctions/src/scheduler/jobs';
import { createRuntime } from '@linli/cloudfunctions/src/local/runtime';
import { createTestRuntime, type TestRuntime } from '../helpers/test-runtime';

describe('scheduler: timer-triggered jobs run once per occurrence and catch up after downtime', () => {
  let t: TestRuntime;
  let clock: number;
  let runs: string[];
  let failNext: boolean;
  let tick: () => Promise<TickResult>;

  beforeEach(async () => {
    t = await createTestRuntime({ seed: false });
    clock = Date.parse('2026-11-25T17:59:00Z'); // 01:59 Shanghai
    runs = [];
    failNext = false;
    const daily: Job = {
      name: 'daily-report',
      cron: '0 0 2 * * * *',
      summary: 'test job',
      maxCatchUp: 31,
      run(_ctx, occurrence) {
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error('downstream unavailable'));
        }
        runs.push(occurrence.toISOString());
        return Promise.resolve();
      },
    };
    const fn = defineFunction('scheduler', schedulerApi, { tick: makeTick([daily]) });
    const runtime = createRuntime({
      store: t.store,
      log: createMemoryLogger(),
      now: () => clock,
      functions: { scheduler: fn },
    });
    tick = async () => {
      const result = await runtime.call('scheduler', 'tick', {}, { trigger: true });
      if (!result.ok) throw new Error(result.error.message);
      return result.data as TickResult;
    };
  });
  afterEach(() => t.close());

  it('starts a new job from now, then runs each occurrence exactly once', async () => {
    await tick(); // first sight: remembers now, runs nothing
    expect(runs).toEqual([]);
    clock = Date.parse('2026-11-25T18:00:30Z');
    await tick();
    await tick();
    expect(runs).toEqual(['2026-11-25T18:00:00.000Z']);
  });

  it('after three days down, runs each missed occurrence once, in order, and re-running adds nothing', async () => {
    await tick();
    clock = Date.parse('2026-11-28T18:05:00Z');
    const result = await tick();
    expect(runs).toEqual([
      '2026-11-25T18:00:00.000Z',
      '2026-11-26T18:00:00.000Z',
      '2026-11-27T18:00:00.000Z',
      '2026-11-28T18:00:00.000Z',
    ]);
    expect(result.ran.every((r) => r.status === 'done')).toBe(true);
    await tick();
    expect(runs).toHaveLength(4);
  });

  it('retries a failed occurrence on the next tick without skipping or repeating others', async () => {
    await tick();
    clock = Date.parse('2026-11-26T18:05:00Z');
    failNext = true;
    const first = await tick();
    expect(first.ran).toEqual([
      { job: 'daily-report', occurrence: '2026-11-25T18:00:00.000Z', status: 'failed' },
    ]);
    const second = await tick();
    expect(second.ran.map((r) => r.status)).toEqual(['done', 'done']);
    expect(runs).toEqual(['2026-11-25T18:00:00.000Z', '2026-11-26T18:00:00.000Z']);
  });

  it('cannot be called by a user', async () => {
    const runtime = t.runtime;
    const result = await runtime.call('scheduler', 'tick', {}, { openid: 'someone' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
