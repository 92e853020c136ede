import { z } from 'zod';
import { contract } from './contract';

export interface TickResult {
  ran: Array<{ job: string; occurrence: string; status: 'done' | 'failed' | 'skipped' }>;
}

/** `scheduler`: the one timer-triggered function; it runs every due job, catching up missed ones. */
export const schedulerApi = {
  tick: contract<TickResult>()({
    input: z.object({}).passthrough(),
    access: 'trigger',
    summary: '定时触发：执行到期的定时任务（含补跑）',
  }),
};
