import { FLAP_WINDOW_MS, keyId, type Alarm, type DeviceState, type RelayEvent } from '@linli/shared';
import type { ActionContext } from '../_lib/define-function';
import type { Doc } from '../_lib/store/port';
import { notifyAlarm, openAlarmWorkOrder } from './alarm-effects';
import { deviceLedger } from './devices';

type Ctx = Pick<ActionContext, 'store' | 'now' | 'log'>;

/**
 * - raised: a new alarm; merged: the rule already had an active alarm (counted as a repeat);
 * - cleared: its active alarm cleared; applied: device state updated;
 * - duplicate: this event was applied before (a retried batch); stale: older than what is known.
 */
export type IngestOutcome =
  'raised' | 'merged' | 'cleared' | 'applied' | 'duplicate' | 'stale' | 'unknown_device';

const ALARMS = 'alarms';
const DEVICE_STATE = 'device_state';

export const alarmIdOf = (eventId: string): string => keyId('alm', eventId);

function emptyState(event: RelayEvent): DeviceState {
  return {
    _id: event.deviceId,
    estateId: event.estateId,
    online: true,
    lastSeenAt: null,
    metrics: {},
    flags: {},
    faultCode: null,
    malformed: 0,
    stateAt: 0,
    activeAlarms: {},
    updatedAt: event.at,
  };
}

/**
 * Apply one relayed event. Each is one transaction over documents addressed by id — the
 * device's state (which holds the active alarm per rule) and the alarm — so two raises of one
 * rule arriving together make one alarm, and replaying any event changes nothing.
 */
async function applyEvent(
  ctx: Ctx,
  event: RelayEvent,
  device: { name: string; locationLabel: string; type: Alarm['deviceType'] },
): Promise<{ outcome: IngestOutcome; alarm?: Alarm }> {
  const now = ctx.now();
  return ctx.store.transaction(async (tx) => {
    const states = tx.collection<DeviceState & Doc>(DEVICE_STATE);
    const alarms = tx.collection<Alarm & Doc>(ALARMS);
    const state = (await states.get(event.deviceId)) ?? emptyState(event);

    if (event.kind === 'state') {
      if (event.at <= state.stateAt) return { outcome: 'stale' };
      await states.set({
        ...state,
        online: event.online,
        lastSeenAt: event.online ? event.at : state.lastSeenAt,
        metrics: { ...state.metrics, ...event.metrics },
        flags: { ...state.flags, ...event.flags },
        faultCode: event.faultCode,
        malformed: Math.max(state.malformed, event.malformed),
        stateAt: event.at,
        updatedAt: now,
      });
      return { outcome: 'applied' };
    }

    const activeId = state.activeAlarms[event.ruleId];
    const active = activeId ? await alarms.get(activeId) : null;

    if (event.kind === 'clear') {
      // A clear older than the active alarm belongs to an earlier alarm (a replayed batch).
      if (!active || event.at < active.raisedAt || active.state === 'cleared') return { outcome: 'stale' };
      const cleared: Alarm = {
        ...active,
        state: 'cleared',
        clearedAt: event.at,
        clearedBy: '设备恢复',
        lastEventAt: event.at,
      };
      await alarms.set(cleared);
      const { [event.ruleId]: _gone, ...rest } = state.activeAlarms;
      await states.set({
        ...state,
        activeAlarms: rest,
        lastCleared: { ...state.lastCleared, [event.ruleId]: { alarmId: active._id, at: event.at } },
        updatedAt: now,
      });
      return { outcome: 'cleared', alarm: cleared };
    }

    const alarmId = alarmIdOf(event.eventId);
    if (alarmId === activeId || (await alarms.get(alarmId))) return { outcome: 'duplicate' };
    if (active && active.state !== 'cleared') {
      await alarms.update(active._id, {
        inc: { repeats: 1 },
        set: { lastEventAt: Math.max(active.lastEventAt, event.at) },
      });
      return { outcome: 'merged' };
    }
    const alarm: Alarm = {
      _id: alarmId,
      estateId: event.estateId,
      deviceId: event.deviceId,
      deviceType: device.type,
      deviceName: device.name,
      locationLabel: device.locationLabel,
      ruleId: event.ruleId,
      label: event.label,
      severity: event.severity,
      state: 'active_unacked',
      summary: event.summary,
      value: event.value,
      raisedAt: event.at,
      raiseEventId: event.eventId,
      repeats: 0,
      lastEventAt: event.at,
      ackedAt: null,
      ackedBy: null,
      clearedAt: null,
      clearedBy: null,
      clearNote: null,
      escalatedAt: null,
      workOrderId: null,
      flapOf: null,
    };
    const cleared = state.lastCleared?.[event.ruleId];
    if (cleared && event.at >= cleared.at && event.at - cleared.at < FLAP_WINDOW_MS) {
      const earlier = await alarms.get(cleared.alarmId);
      alarm.flapOf = cleared.alarmId;
      alarm.workOrderId = earlier?.workOrderId ?? null;
    }
    await alarms.insert(alarm);
    await states.set({
      ...state,
      activeAlarms: { ...state.activeAlarms, [event.ruleId]: alarmId },
      updatedAt: now,
    });
    return { outcome: 'raised', alarm };
  });
}

export interface IngestReport {
  outcomes: Record<IngestOutcome, number>;
}

/**
 * Apply a batch from the bridge in order. People hear of every new alarm; a critical one also
 * opens a work order. Those effects run after the alarm is committed and are idempotent, so a
 * batch retried after a crash completes them without repeating them.
 */
export async function ingestEvents(ctx: Ctx, events: readonly RelayEvent[]): Promise<IngestReport> {
  const outcomes: Record<IngestOutcome, number> = {
    raised: 0,
    merged: 0,
    cleared: 0,
    applied: 0,
    duplicate: 0,
    stale: 0,
    unknown_device: 0,
  };
  const ledger = deviceLedger(ctx.store);
  const devices = new Map<
    string,
    { name: string; locationLabel: string; type: Alarm['deviceType'] } | null
  >();
  for (const event of events) {
    if (!devices.has(event.deviceId)) {
      const device = await ledger.get(event.deviceId);
      devices.set(
        event.deviceId,
        device && device.estateId === event.estateId
          ? { name: device.name, locationLabel: device.location.label, type: device.type }
          : null,
      );
    }
    const device = devices.get(event.deviceId);
    if (!device) {
      outcomes.unknown_device++;
      ctx.log.log('warn', 'iot.unknown_device', { deviceId: event.deviceId, eventId: event.eventId });
      continue;
    }
    const { outcome, alarm } = await applyEvent(ctx, event, device);
    outcomes[outcome]++;
    // A flapping raise is recorded (and shown) but messages nobody and opens no second order.
    if (outcome === 'raised' && alarm && !alarm.flapOf) {
      await notifyAlarm(ctx, alarm, 'raised');
      if (alarm.severity === 'critical') {
        try {
          await openAlarmWorkOrder(ctx, alarm);
        } catch (error) {
          // The alarm job retries orders for critical alarms that still lack one.
          ctx.log.log('error', 'iot.workorder_failed', { alarmId: alarm._id, error });
        }
      }
    }
  }
  return { outcomes };
}
