/**
 * MQTT topic layout, one place: devices publish to
 * `estates/{estateId}/devices/{deviceId}/telemetry` and `/status`, and subscribe only to
 * `.../commands`. Ids are restricted so a topic can never smuggle a wildcard or extra level.
 */
export const TOPIC_KINDS = ['telemetry', 'status', 'commands'] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];

export interface DeviceTopic {
  estateId: string;
  deviceId: string;
  kind: TopicKind;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function deviceTopic({ estateId, deviceId, kind }: DeviceTopic): string {
  if (!ID.test(estateId) || !ID.test(deviceId))
    throw new RangeError('estate and device ids must be [A-Za-z0-9_-]{1,64}');
  return `estates/${estateId}/devices/${deviceId}/${kind}`;
}

/** Parse a concrete topic (no wildcards); null when it is not a device topic. */
export function parseDeviceTopic(topic: string): DeviceTopic | null {
  const parts = topic.split('/');
  if (parts.length !== 5 || parts[0] !== 'estates' || parts[2] !== 'devices') return null;
  const [, estateId, , deviceId, kind] = parts as [string, string, string, string, string];
  if (!ID.test(estateId) || !ID.test(deviceId)) return null;
  if (!(TOPIC_KINDS as readonly string[]).includes(kind)) return null;
  return { estateId, deviceId, kind: kind as TopicKind };
}
