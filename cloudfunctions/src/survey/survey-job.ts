import type { Job } from '../scheduler/jobs';
import { runSurveyWork } from './survey-work';

/** Leaves the rest of the scheduler's minute to the sender and other jobs. */
const BUDGET_MS = 15_000;

export const surveyJob: Job = {
  name: 'surveys',
  cron: '0 * * * * * *',
  summary: '问卷开始后分批发送邀请消息，结束后清除未提交的草稿',
  // Each run picks up everything outstanding, so missed minutes need no replay.
  maxCatchUp: 1,
  async run(ctx) {
    const report = await runSurveyWork({
      store: ctx.store,
      now: ctx.now,
      log: ctx.log,
      deadline: ctx.now() + BUDGET_MS,
    });
    if (report.invitedHouseholds || report.draftsCleared)
      ctx.log.log('info', 'surveys.worked', { ...report });
  },
};
