import type { Job } from '../scheduler/jobs';
import { autoCloseOrders } from './auto-close';
import { escalateDueOrders } from './escalate';

/** Real time a run may spend, leaving the scheduler's minute to the jobs after it. */
const BUDGET_MS = 15_000;

/** Work orders' timer jobs (CloudBase 7-field cron, Asia/Shanghai). */
export const workorderJobs: Job[] = [
  {
    name: 'workorder-sla-escalation',
    cron: '0 * * * * * *',
    summary: '每分钟检查即将超时或已超时的报修工单，通知小区管理员与客服（每单每个时限只提醒一次）',
    // Each run escalates everything due by now, so missed minutes need no replay.
    maxCatchUp: 1,
    async run(ctx) {
      const report = await escalateDueOrders(ctx, Date.now() + BUDGET_MS);
      if (report.escalations) ctx.log.log('info', 'workorder.sla.done', { ...report });
    },
  },
  {
    name: 'workorder-auto-close',
    cron: '0 10 * * * * *',
    summary: '每小时自动验收超过设定天数未验收的已完工工单',
    maxCatchUp: 1,
    async run(ctx) {
      const report = await autoCloseOrders(ctx, Date.now() + BUDGET_MS);
      if (report.closed) ctx.log.log('info', 'workorder.auto_close.done', { ...report });
    },
  },
];
