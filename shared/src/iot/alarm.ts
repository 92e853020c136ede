import { z } from 'zod';
import { AppError } from '../errors';
import type { DeviceType } from '../facilities/device';
import type { Severity } from './rules';

/**
 * Alarm lifecycle (告警状态), as mature IoT platforms model it: an alarm is raised
 * unacknowledged, staff acknowledge it (认领), and it clears when the device recovers or staff
 * resolve it. At most one alarm per (device, rule) is active at a time.
 */
export const AlarmState = z.enum(['active_unacked', 'active_acked', 'cleared']);
export type AlarmState = z.infer<typeof AlarmState>;

export const alarmStateLabels: Record<AlarmState, string> = {
  active_unacked: '未确认',
  active_acked: '处理中',
  cleared: '已恢复',
};

export const alarmTransitions: Record<AlarmState, readonly AlarmState[]> = {
  active_unacked: ['active_acked', 'cleared'],
  active_acked: ['cleared'],
  cleared: [],
};

export const isActiveAlarm = (state: AlarmState): boolean => state !== 'cleared';

export function assertCanMoveAlarm(from: AlarmState, to: AlarmState): void {
  if (alarmTransitions[from].includes(to)) return;
  if (to === 'active_acked')
    throw new AppError('CONFLICT', from === 'cleared' ? '告警已恢复，无需确认' : '告警已被确认');
  throw new AppError('CONFLICT', '告警已恢复');
}

/** A document of collection `alarms`. */
export type Alarm = {
  _id: string;
  estateId: string;
  deviceId: string;
  deviceType: DeviceType;
  deviceName: string;
  locationLabel: string;
  /** The rule that raised it; with deviceId the key of "one active alarm". */
  ruleId: string;
  label: string;
  severity: Severity;
  state: AlarmState;
  summary: string;
  value: number | string | null;
  raisedAt: number;
  /** The bridge event that raised it (idempotency of the relay). */
  raiseEventId: string;
  /** Raises of the same rule while it was active, merged into this alarm. */
  repeats: number;
  lastEventAt: number;
  ackedAt: number | null;
  ackedBy: string | null;
  clearedAt: number | null;
  /** '设备恢复' or the staff member who resolved it. */
  clearedBy: string | null;
  clearNote: string | null;
  escalatedAt: number | null;
  workOrderId: string | null;
  /**
   * Set when the rule raised again within FLAP_WINDOW_MS of clearing this earlier alarm: people
   * are not messaged again and a critical one shares the earlier alarm's work order.
   */
  flapOf?: string | null;
};

/** Relay events from the bridge to the cloud (`iot` ingest): alarm changes and device state, never every sample. */
const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const EventBase = {
  eventId: z.string().regex(/^[A-Za-z0-9_.:-]{8,100}$/),
  deviceId: Id,
  estateId: Id,
  at: z.number().int().positive(),
};

export const RelayEvent = z.discriminatedUnion('kind', [
  z
    .object({
      ...EventBase,
      kind: z.enum(['raise', 'clear']),
      ruleId: z.string().max(40),
      label: z.string().max(40),
      severity: z.enum(['critical', 'major', 'minor', 'warning']),
      value: z.union([z.number(), z.string().max(32), z.null()]),
      summary: z.string().max(200),
    })
    .strict(),
  z
    .object({
      ...EventBase,
      kind: z.literal('state'),
      online: z.boolean(),
      metrics: z.record(z.string().max(20), z.number()),
      flags: z.record(z.string().max(20), z.union([z.string().max(32), z.boolean()])),
      faultCode: z.string().max(32).nullable(),
      malformed: z.number().int().min(0),
    })
    .strict(),
]);
export type RelayEvent = z.infer<typeof RelayEvent>;

export const IngestBatch = z.object({ events: z.array(RelayEvent).min(1).max(500) }).strict();
export type IngestBatch = z.infer<typeof IngestBatch>;

/** A raise this soon after the same rule cleared is flapping (告警抖动). */
export const FLAP_WINDOW_MS = 10 * 60_000;

/** How long an unacknowledged alarm waits before it is escalated to the estate's managers. */
export const ALARM_ESCALATE_AFTER_MS: Record<Severity, number | null> = {
  critical: 10 * 60_000,
  major: 30 * 60_000,
  minor: null,
  warning: null,
};
