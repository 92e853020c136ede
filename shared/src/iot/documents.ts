import type { DeviceType } from '../facilities/device';
import type { Rule, RuleOverrides } from './rules';

/** Latest relayed state of a device (collection `device_state`, `_id` = device id). */
export type DeviceState = {
  _id: string;
  estateId: string;
  online: boolean;
  lastSeenAt: number | null;
  metrics: Record<string, number>;
  flags: Record<string, string | boolean>;
  faultCode: string | null;
  malformed: number;
  /** The instant of the state event applied last; older events are ignored. */
  stateAt: number;
  /** The active alarm per rule id: the guard behind "one active alarm per (device, rule)". */
  activeAlarms: Record<string, string>;
  /** The alarm each rule cleared last, and when: a raise soon after is flapping, not news. */
  lastCleared?: Record<string, { alarmId: string; at: number }>;
  updatedAt: number;
};

/** A device's MQTT credential (collection `iot_credentials`, `_id` = device id). */
export type IotCredential = {
  _id: string;
  estateId: string;
  deviceType: DeviceType;
  /** `scrypt$…`, see secret-format; the secret itself is never stored. */
  secretHash: string;
  version: number;
  issuedAt: number;
  issuedBy: string;
};

/** An estate's rules for one device type, or one device's overrides (collection `telemetry_rules`). */
export type TelemetryRulesDoc =
  | {
      _id: string;
      scope: 'type';
      estateId: string;
      deviceType: DeviceType;
      rules: Rule[];
      updatedAt: number;
      updatedBy: string;
    }
  | {
      _id: string;
      scope: 'device';
      estateId: string;
      deviceId: string;
      overrides: RuleOverrides;
      updatedAt: number;
      updatedBy: string;
    };

export const typeRulesId = (estateId: string, deviceType: DeviceType): string =>
  `rules_${estateId}_${deviceType}`;
export const deviceRulesId = (deviceId: string): string => `rules_${deviceId}`;

/** What the bridge loads for each device with a credential (the bridge `sync` answer). */
export interface BridgeDevice {
  deviceId: string;
  estateId: string;
  deviceType: DeviceType;
  name: string;
  secretHash: string;
  rules: Rule[];
  /** Rule ids with an active alarm in the cloud, so the bridge can clear them. */
  activeRuleIds: string[];
}
