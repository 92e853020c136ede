import type { ActionContext } from '../_lib/define-function';
import { billingJobs } from '../billing/jobs';
import { maintenanceJob } from '../facilities/jobs';
import { alarmJob } from '../iot/alarm-job';
import { deliverOutboxJob } from '../messaging/deliver-outbox-job';
import { noticeJob } from '../notice/notice-job';
import { paymentJobs } from '../payment/sweep-job';
import { surveyJob } from '../survey/survey-job';
import { workorderJobs } from '../workorder/jobs';

/** A scheduled job. `run` must be idempotent: an occurrence may be retried after a crash. */
export interface Job {
  name: string;
  /** CloudBase 7-field cron, Asia/Shanghai. */
  cron: string;
  summary: string;
  /** How many missed occurrences to catch up after downtime (oldest first). */
  maxCatchUp: number;
  run(ctx: ActionContext, occurrence: Date): Promise<void>;
}

/** The jobs the scheduler runs; feature contexts add theirs here. */
// The sender goes last, so messages enqueued by the jobs before it go out in the same tick.
export const jobs: Job[] = [
  ...billingJobs,
  noticeJob,
  surveyJob,
  ...workorderJobs,
  ...paymentJobs,
  alarmJob,
  maintenanceJob,
  deliverOutboxJob,
];
