import type { iotApi } from '@linli/shared';
import { AppError, assertCanMoveAlarm, type Alarm, type DeviceState } from '@linli/shared';
import { assertServesEstate } from '../../_lib/authorize';
import { identityOf, type Handler } from '../../_lib/define-function';
import type { Doc } from '../../_lib/store/port';
import { alarmFilter } from '../alarm-filter';
import { toAlarmViews } from '../views';

type Api = typeof iotApi;

export const listAlarms: Handler<Api['alarms']> = async (input, ctx) => {
  assertServesEstate(identityOf(ctx), input.estateId);
  const where = alarmFilter(input.estateId, input);
  const [page, unacked, acked] = await Promise.all([
    ctx.db.alarms.find({ where }, { sort: [['raisedAt', 'desc']], limit: 30, after: input.after }),
    ctx.db.alarms.count({ where: alarmFilter(input.estateId, { state: 'active_unacked' }) }),
    ctx.db.alarms.count({ where: alarmFilter(input.estateId, { state: 'active_acked' }) }),
  ]);
  return {
    items: await toAlarmViews(ctx.store, page.items),
    ...(page.next ? { next: page.next } : {}),
    counts: { active_unacked: unacked, active_acked: acked },
  };
};

async function loadAlarm(ctx: Parameters<Handler<Api['ack']>>[1], alarmId: string): Promise<Alarm> {
  const alarm = await ctx.db.alarms.get(alarmId);
  if (!alarm) throw new AppError('NOT_FOUND', '告警不存在');
  assertServesEstate(identityOf(ctx), alarm.estateId);
  return alarm;
}

/** 认领: the first to acknowledge wins; a second gets CONFLICT naming who already did. */
export const ackAlarm: Handler<Api['ack']> = async (input, ctx) => {
  const alarm = await loadAlarm(ctx, input.alarmId);
  assertCanMoveAlarm(alarm.state, 'active_acked');
  const by = identityOf(ctx).displayName;
  const at = ctx.now();
  const moved = await ctx.db.alarms.update(
    alarm._id,
    { set: { state: 'active_acked', ackedAt: at, ackedBy: by } },
    { state: 'active_unacked' },
  );
  const latest = (await ctx.db.alarms.get(alarm._id))!;
  if (!moved)
    throw new AppError('CONFLICT', latest.ackedBy ? `告警已由${latest.ackedBy}确认` : '告警已恢复，无需确认');
  return (await toAlarmViews(ctx.store, [latest]))[0]!;
};

/**
 * 人工关闭: staff close an alarm the device cannot clear itself. The rule's guard is released so
 * the device can raise afresh once the bridge sees the condition clear and return.
 */
export const resolveAlarm: Handler<Api['resolve']> = async (input, ctx) => {
  const alarm = await loadAlarm(ctx, input.alarmId);
  assertCanMoveAlarm(alarm.state, 'cleared');
  const by = identityOf(ctx).displayName;
  const at = ctx.now();
  const resolved = await ctx.store.transaction(async (tx) => {
    const alarms = tx.collection<Alarm & Doc>('alarms');
    const states = tx.collection<DeviceState & Doc>('device_state');
    const current = await alarms.get(alarm._id);
    if (!current) throw new AppError('NOT_FOUND', '告警不存在');
    assertCanMoveAlarm(current.state, 'cleared');
    const next: Alarm = {
      ...current,
      state: 'cleared',
      clearedAt: at,
      clearedBy: by,
      clearNote: input.note,
      ackedAt: current.ackedAt ?? at,
      ackedBy: current.ackedBy ?? by,
    };
    await alarms.set(next);
    const state = await states.get(current.deviceId);
    if (state?.activeAlarms[current.ruleId] === current._id) {
      const { [current.ruleId]: _released, ...rest } = state.activeAlarms;
      await states.set({ ...state, activeAlarms: rest, updatedAt: at });
    }
    return next;
  });
  return (await toAlarmViews(ctx.store, [resolved]))[0]!;
};
