import { periodOf, toLocalDate, type Period } from '@linli/shared';
import { findAll } from '../_lib/collections';
import type { ActionContext } from '../_lib/define-function';
import type { Job } from '../scheduler/jobs';
import { runDunning } from './dunning/run-dunning';
import { advanceRun, type RunActor } from './run/advance-run';

/** Real seconds a job may spend on bill runs per tick, within the scheduler's 60 s limit. */
const RUN_BUDGET_MS = 30_000;
/** A running run untouched this long is resumed by the job (an active caller keeps it fresh). */
const STALE_RUN_MS = 2 * 60_000;
const SCHEDULER: RunActor = { id: 'scheduler', name: '定时任务' };

/** Advance a run chunk by chunk until it is done or the time budget is spent. */
async function runFor(ctx: ActionContext, estateId: string, period: Period, deadline: number): Promise<void> {
  for (;;) {
    const step = await advanceRun(
      { store: ctx.store, db: ctx.db, now: ctx.now },
      { estateId, period, chunkSize: 500, actor: SCHEDULER },
    );
    if (step.done || Date.now() >= deadline) return;
  }
}

/** The month's run for every estate that has fee standards; what the budget leaves is resumed later. */
async function monthlyRuns(ctx: ActionContext, occurrence: Date): Promise<void> {
  const deadline = Date.now() + RUN_BUDGET_MS;
  const period = periodOf(occurrence);
  for (const estate of await findAll(ctx.db.estates, {})) {
    if (Date.now() >= deadline) return;
    if ((await ctx.db.feeStandards.count({ where: { estateId: estate._id } })) === 0) continue;
    await runFor(ctx, estate._id, period, deadline);
  }
}

async function resumeRuns(ctx: ActionContext): Promise<void> {
  const deadline = Date.now() + RUN_BUDGET_MS;
  const running = await findAll(ctx.db.billRuns, { where: { status: 'running' } });
  for (const run of running) {
    if (Date.now() >= deadline) return;
    if (ctx.now() - run.updatedAt < STALE_RUN_MS) continue;
    await runFor(ctx, run.estateId, run.period, deadline);
  }
}

/** Billing's timer jobs (CloudBase 7-field cron, Asia/Shanghai). */
export const billingJobs: Job[] = [
  {
    name: 'billing-monthly-run',
    cron: '0 0 2 1 * * *',
    summary: '每月 1 日 02:00 为各小区生成当月账单（分批，未完成部分由续跑任务完成）',
    maxCatchUp: 1,
    run: monthlyRuns,
  },
  {
    name: 'billing-run-resume',
    cron: '0 */5 * * * * *',
    summary: '每 5 分钟续跑中断或未完成的出账批次',
    maxCatchUp: 1,
    run: (ctx) => resumeRuns(ctx),
  },
  {
    name: 'billing-daily-dunning',
    cron: '0 0 9 * * * *',
    summary: '每天 09:00 按催缴时间表发送缴费提醒，无法触达的住户进入电话催缴清单',
    maxCatchUp: 3,
    run: async (ctx, occurrence) => {
      const summary = await runDunning(ctx, toLocalDate(occurrence));
      ctx.log.log('info', 'billing.dunning.done', { day: toLocalDate(occurrence), ...summary });
    },
  },
];
