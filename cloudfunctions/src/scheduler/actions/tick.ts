import { keyId, type schedulerApi, type TickResult } from '@linli/shared';
import type { ActionContext, Handler } from '../../_lib/define-function';
import type { Doc } from '../../_lib/store/port';
import { dueOccurrences } from '../cron';
import type { Job } from '../jobs';

interface JobState extends Doc {
  lastOccurrence: number;
}

interface JobRun extends Doc {
  job: string;
  occurrence: number;
  status: 'running' | 'done' | 'failed';
  at: number;
  error?: string;
}

/** A run left `running` this long is assumed crashed and may be retried. */
const STALE_RUN_MS = 10 * 60_000;

async function runOccurrence(
  ctx: ActionContext,
  job: Job,
  occurrence: Date,
): Promise<'done' | 'failed' | 'skipped'> {
  const runs = ctx.store.collection<JobRun>('job_runs');
  const runId = keyId('jobrun', job.name, occurrence.toISOString());
  const run: JobRun = {
    _id: runId,
    job: job.name,
    occurrence: occurrence.getTime(),
    status: 'running',
    at: ctx.now(),
  };
  try {
    await runs.insert(run);
  } catch (error) {
    if ((error as { code?: string }).code !== 'DUPLICATE') throw error;
    const existing = await runs.get(runId);
    const retryable =
      existing &&
      (existing.status === 'failed' ||
        (existing.status === 'running' && ctx.now() - existing.at > STALE_RUN_MS));
    if (!retryable) return 'skipped';
    // Claim the retry with compare-and-set so two overlapping ticks do not both run it.
    const claimed = await runs.update(
      runId,
      { set: { status: 'running', at: ctx.now() } },
      { status: existing.status, at: existing.at },
    );
    if (!claimed) return 'skipped';
  }
  try {
    await job.run(ctx, occurrence);
    await runs.update(runId, { set: { status: 'done', at: ctx.now() } });
    return 'done';
  } catch (error) {
    ctx.log.log('error', 'job.failed', { job: job.name, occurrence: occurrence.toISOString(), error });
    await runs.update(runId, { set: { status: 'failed', at: ctx.now(), error: String(error) } });
    return 'failed';
  }
}

/** Runs every job occurrence that fell due since the job last ran, oldest first. */
export function makeTick(jobs: readonly Job[]): Handler<typeof schedulerApi.tick> {
  return async (_input, ctx) => {
    const states = ctx.store.collection<JobState>('job_state');
    const now = new Date(ctx.now());
    const result: TickResult = { ran: [] };
    for (const job of jobs) {
      const state = await states.get(job.name);
      // A job seen for the first time starts now rather than replaying history.
      if (!state) {
        await states.set({ _id: job.name, lastOccurrence: now.getTime() });
        continue;
      }
      for (const occurrence of dueOccurrences(
        job.cron,
        new Date(state.lastOccurrence),
        now,
        job.maxCatchUp,
      )) {
        const status = await runOccurrence(ctx, job, occurrence);
        result.ran.push({ job: job.name, occurrence: occurrence.toISOString(), status });
        if (status === 'failed') break; // retry from here on the next tick, keeping order
        await states.set({ _id: job.name, lastOccurrence: occurrence.getTime() });
      }
    }
    return result;
  };
}
