import { findAll, type Collections } from '../_lib/collections';
import type { Alarm, DeviceState } from '@linli/shared';

/**
 * Read helpers for other contexts (the Facilities device page): the latest relayed state of a
 * device and its active alarms, most severe first.
 */
export async function latestStateOf(
  db: Pick<Collections, 'deviceStates'>,
  deviceId: string,
): Promise<DeviceState | null> {
  return db.deviceStates.get(deviceId);
}

export async function openAlarmsOf(db: Pick<Collections, 'alarms'>, deviceId: string): Promise<Alarm[]> {
  const alarms = await findAll(db.alarms, {
    where: { deviceId, state: { in: ['active_unacked', 'active_acked'] } },
  });
  return alarms.sort(bySeverityThenTime);
}

const rank = { critical: 0, major: 1, minor: 2, warning: 3 } as const;

export function bySeverityThenTime(a: Alarm, b: Alarm): number {
  return rank[a.severity] - rank[b.severity] || b.raisedAt - a.raisedAt;
}
