import type { Job } from '../scheduler/jobs';
import { generateMaintenance } from './generate-maintenance';

/**
 * Opens the maintenance orders plans owe. Each run opens everything due up to today (plus lead
 * days) from each plan's cursor, so one run after downtime catches up on every missed day.
 */
export const maintenanceJob: Job = {
  name: 'maintenance-orders',
  cron: '0 5 * * * * *',
  summary: '按维护计划生成到期的保养工单（每个周期只生成一次，停机后自动补生成）',
  maxCatchUp: 1,
  async run(ctx) {
    await generateMaintenance(ctx);
  },
};
