import type { Job } from '../scheduler/jobs';
import { messagingConfig } from './config';
import { deliverOutbox } from './deliver-outbox';
import { transportFor } from './transport/resolve';

/** Leaves the rest of the scheduler's minute to other jobs; what is left waits a minute. */
const BUDGET_MS = 20_000;

/** The sender, every minute: pending messages go out, failures are retried with backoff. */
export const deliverOutboxJob: Job = {
  name: 'deliverOutbox',
  cron: '0 * * * * * *',
  summary: '发送到期的订阅消息，临时失败按退避重试',
  // The run sends everything due, so missed minutes need no replay.
  maxCatchUp: 1,
  async run(ctx) {
    const config = messagingConfig();
    const report = await deliverOutbox({
      store: ctx.store,
      transport: transportFor(ctx.store, config, ctx.now),
      now: ctx.now,
      log: ctx.log,
      config,
      budgetMs: BUDGET_MS,
    });
    if (Object.values(report).some(Boolean)) ctx.log.log('info', 'outbox.delivered', report);
  },
};
