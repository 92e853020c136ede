import type { Job } from '../scheduler/jobs';
import { runNoticeWork } from './notice-work';

/** Leaves the rest of the scheduler's minute to the sender and other jobs. */
const BUDGET_MS = 20_000;

/** Publishes due notices and fans them out (read tracking + messages), chunk by chunk. */
export const noticeJob: Job = {
  name: 'notices',
  cron: '0 * * * * * *',
  summary: '发布到期的定时通知，分批生成阅读记录和订阅消息，发送提醒',
  // Each run picks up everything outstanding, so missed minutes need no replay.
  maxCatchUp: 1,
  async run(ctx) {
    const report = await runNoticeWork({
      store: ctx.store,
      now: ctx.now,
      log: ctx.log,
      deadline: ctx.now() + BUDGET_MS,
    });
    if (Object.values(report).some(Boolean)) ctx.log.log('info', 'notices.worked', { ...report });
  },
};
