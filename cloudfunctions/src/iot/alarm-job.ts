import { ALARM_ESCALATE_AFTER_MS, type Alarm } from '@linli/shared';
import { collections, findAll } from '../_lib/collections';
import type { ActionContext } from '../_lib/define-function';
import type { Job } from '../scheduler/jobs';
import { estateAdmins, notifyAlarm, openAlarmWorkOrder } from './alarm-effects';

type Ctx = Pick<ActionContext, 'store' | 'now' | 'log'>;

/** Critical alarms older than this without an order are left to people (the order guard's window is a day). */
const ORDER_RETRY_WINDOW_MS = 12 * 60 * 60_000;

/**
 * 告警升级: an alarm nobody acknowledged in time goes to the estate's admins, once (the
 * `escalatedAt` compare-and-set makes a retried minute harmless). Also opens the work order of
 * any critical alarm whose ingest crashed before it could.
 */
export async function runAlarmWork(ctx: Ctx): Promise<{ escalated: number; ordersOpened: number }> {
  const now = ctx.now();
  const alarms = collections(ctx.store).alarms;
  const unacked = await findAll(alarms, { where: { state: 'active_unacked', escalatedAt: null } });
  let escalated = 0;
  for (const alarm of unacked) {
    const after = ALARM_ESCALATE_AFTER_MS[alarm.severity];
    if (after === null || now - alarm.raisedAt < after) continue;
    if (!(await alarms.update(alarm._id, { set: { escalatedAt: now } }, { escalatedAt: null }))) continue;
    await notifyAlarm(
      ctx,
      { ...alarm, escalatedAt: now },
      'escalated',
      await estateAdmins(ctx, alarm.estateId),
    );
    escalated++;
  }
  const orphans: Alarm[] = (
    await findAll(alarms, {
      where: { severity: 'critical', workOrderId: null, raisedAt: { gte: now - ORDER_RETRY_WINDOW_MS } },
    })
  ).filter((alarm) => !alarm.flapOf);
  let ordersOpened = 0;
  for (const alarm of orphans) {
    try {
      if (await openAlarmWorkOrder(ctx, alarm)) ordersOpened++;
    } catch (error) {
      ctx.log.log('error', 'iot.workorder_retry_failed', { alarmId: alarm._id, error });
    }
  }
  return { escalated, ordersOpened };
}

export const alarmJob: Job = {
  name: 'iot-alarms',
  cron: '0 * * * * * *',
  summary: '告警超时未确认时升级通知管理员；补开紧急告警的维修工单',
  // Each run looks at everything outstanding, so missed minutes need no replay.
  maxCatchUp: 1,
  async run(ctx) {
    const report = await runAlarmWork(ctx);
    if (report.escalated || report.ordersOpened) ctx.log.log('info', 'iot.alarms.worked', report);
  },
};
