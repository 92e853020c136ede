import type { ActionContext } from '../_lib/define-function';

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
export const jobs: Job[] = [];
