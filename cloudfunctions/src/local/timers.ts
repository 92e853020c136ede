import { Cron } from 'croner';
import type { Logger } from '../_lib/logger';
import { parseCloudbaseCron } from '../scheduler/cron';
import { SCHEDULER_TRIGGER_CRON } from '../scheduler';
import type { Runtime } from './runtime';

/** Fire the scheduler's timer trigger locally on the same cron CloudBase uses. */
export function startTimers(runtime: Runtime, log: Logger): { stop(): void; lastTickAt(): number | null } {
  let last: number | null = null;
  let running = false;
  const pattern = parseCloudbaseCron(SCHEDULER_TRIGGER_CRON).getPattern();
  const cron = new Cron(pattern ?? '0 * * * * *', { utcOffset: 480 }, async () => {
    if (running) return; // a slow tick is not overlapped; the next one catches up
    running = true;
    try {
      const result = await runtime.call('scheduler', 'tick', {}, { trigger: true });
      last = Date.now();
      if (!result.ok) log.log('error', 'timer.tick.failed', { error: result.error });
    } finally {
      running = false;
    }
  });
  return { stop: () => cron.stop(), lastTickAt: () => last };
}
