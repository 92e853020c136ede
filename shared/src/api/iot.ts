import { z } from 'zod';
import { DeviceType } from '../facilities/device';
import type { Alarm } from '../iot/alarm';
import { RuleList, RuleOverrides, Severity, type Rule } from '../iot/rules';
import { Id } from '../schemas/property';
import { contract } from './contract';

// ---------------------------------------------------------------------------------------------
// Views. Instants are epoch milliseconds; format them in Shanghai time at the edge.

export interface AlarmView extends Pick<
  Alarm,
  | 'deviceId'
  | 'deviceType'
  | 'deviceName'
  | 'locationLabel'
  | 'ruleId'
  | 'label'
  | 'severity'
  | 'state'
  | 'summary'
  | 'raisedAt'
  | 'repeats'
  | 'ackedAt'
  | 'ackedBy'
  | 'clearedAt'
  | 'clearedBy'
  | 'clearNote'
  | 'escalatedAt'
  | 'workOrderId'
> {
  alarmId: string;
  deviceTypeLabel: string;
  severityLabel: string;
  stateLabel: string;
  workOrderNo: string | null;
  /** Raised again soon after the same rule cleared: shown, but nobody was messaged again. */
  flapping: boolean;
}

export interface AlarmListView {
  items: AlarmView[];
  next?: string;
  /** Active alarms of the estate by state, for the tabs and the 工作台 badge. */
  counts: { active_unacked: number; active_acked: number };
}

/** Latest known state of one device, as the bridge last relayed it. */
export interface DeviceLiveView {
  deviceId: string;
  online: boolean;
  lastSeenAt: number | null;
  metrics: Record<string, number>;
  flags: Record<string, string | boolean>;
  faultCode: string | null;
  /** Malformed payloads the bridge dropped for this device. */
  malformed: number;
  activeAlarms: AlarmView[];
  credential: { version: number; issuedAt: number } | null;
}

export interface RuleSetView {
  deviceType: DeviceType;
  deviceTypeLabel: string;
  rules: Rule[];
  /** True while the estate uses the built-in defaults for this type. */
  isDefault: boolean;
  updatedAt: number | null;
  updatedBy: string | null;
}

export interface DeviceRulesView {
  deviceId: string;
  deviceName: string;
  deviceType: DeviceType;
  typeRules: Rule[];
  overrides: RuleOverrides;
  effective: Rule[];
}

/** What a device needs to connect; the secret is shown this once and never stored in clear. */
export interface DeviceCredentialView {
  deviceId: string;
  estateId: string;
  clientId: string;
  username: string;
  password: string;
  version: number;
  telemetryTopic: string;
  statusTopic: string;
  commandTopic: string;
}

export interface IotDeviceRow {
  deviceId: string;
  name: string;
  type: DeviceType;
  locationLabel: string;
  online: boolean | null;
  lastSeenAt: number | null;
  activeAlarms: number;
  hasCredential: boolean;
}

// ---------------------------------------------------------------------------------------------

const staffViewers = { roles: ['admin', 'service', 'technician'] } as const;
const Note = z.string().trim().max(200, '说明最多 200 字');

/** `iot`: 设备物联 — alarms for staff, telemetry rules, device credentials; the bridge relays over HTTP. */
export const iotApi = {
  alarms: contract<AlarmListView>()({
    input: z
      .object({
        estateId: Id,
        scope: z.enum(['active', 'cleared', 'all']).default('active'),
        deviceId: Id.optional(),
        severity: Severity.optional(),
        after: z.string().max(500).optional(),
      })
      .strict(),
    access: staffViewers,
    summary: '告警列表（当前告警 / 已恢复），按级别与时间排序',
  }),
  ack: contract<AlarmView>()({
    input: z.object({ alarmId: Id }).strict(),
    access: staffViewers,
    summary: '确认（认领）一条告警',
  }),
  resolve: contract<AlarmView>()({
    input: z.object({ alarmId: Id, note: Note.min(1, '请说明处理结果') }).strict(),
    access: staffViewers,
    summary: '人工关闭告警并写明处理结果',
  }),
  devices: contract<{ items: IotDeviceRow[] }>()({
    input: z.object({ estateId: Id, deviceType: DeviceType.optional() }).strict(),
    access: staffViewers,
    summary: '小区物联设备及在线状态',
  }),
  deviceState: contract<DeviceLiveView>()({
    input: z.object({ deviceId: Id }).strict(),
    access: staffViewers,
    summary: '设备实时状态与当前告警',
  }),
  rules: contract<RuleSetView>()({
    input: z.object({ estateId: Id, deviceType: DeviceType }).strict(),
    access: staffViewers,
    summary: '某类设备的告警规则',
  }),
  saveRules: contract<RuleSetView>()({
    input: z
      .object({ estateId: Id, deviceType: DeviceType, rules: RuleList, reset: z.boolean().default(false) })
      .strict(),
    access: { roles: ['admin'] },
    summary: '修改某类设备的告警规则（reset 恢复默认）',
  }),
  deviceRules: contract<DeviceRulesView>()({
    input: z.object({ deviceId: Id }).strict(),
    access: staffViewers,
    summary: '单台设备的规则覆盖',
  }),
  saveDeviceRules: contract<DeviceRulesView>()({
    input: z.object({ deviceId: Id, overrides: RuleOverrides }).strict(),
    access: { roles: ['admin'] },
    summary: '修改单台设备的规则覆盖',
  }),
  issueCredential: contract<DeviceCredentialView>()({
    input: z.object({ deviceId: Id, rotate: z.boolean().default(false) }).strict(),
    access: { roles: ['admin'] },
    summary: '签发或轮换设备接入密钥（只显示一次）',
  }),
} as const;
