import { z } from 'zod';
import type { DeviceType } from '../facilities/device';

/** Alarm severities, most urgent first (告警级别). */
export const Severity = z.enum(['critical', 'major', 'minor', 'warning']);
export type Severity = z.infer<typeof Severity>;
export const severityLabels: Record<Severity, string> = {
  critical: '紧急',
  major: '重要',
  minor: '次要',
  warning: '预警',
};
export const severityRank: Record<Severity, number> = { critical: 0, major: 1, minor: 2, warning: 3 };

const RuleId = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, '规则编号只能包含小写字母、数字和下划线');
const Metric = z.string().regex(/^[a-zA-Z]{1,20}$/);
const Seconds = z.number().int().min(0).max(86_400);

const common = {
  id: RuleId,
  label: z.string().trim().min(1, '请填写规则名称').max(30),
  severity: Severity,
  enabled: z.boolean().default(true),
};

/**
 * `metric op value` held for `forSeconds` raises; it clears only once the metric is back past
 * `clearValue` (hysteresis), so a reading that hovers around the limit raises once, not a storm.
 */
export const ThresholdRule = z
  .object({
    ...common,
    kind: z.literal('threshold'),
    metric: Metric,
    op: z.enum(['lt', 'gt']),
    value: z.number(),
    clearValue: z.number(),
    forSeconds: Seconds.default(0),
  })
  .refine((r) => (r.op === 'lt' ? r.clearValue >= r.value : r.clearValue <= r.value), {
    message: '恢复值须在告警值的安全一侧（低于告警取更高值，高于告警取更低值）',
    path: ['clearValue'],
  });

/**
 * The metric moves faster than `perMinute` in `direction`, measured across `windowSeconds` so
 * sensor noise between two close samples does not count; clears at `clearPerMinute` or less.
 */
export const RateRule = z
  .object({
    ...common,
    kind: z.literal('rate'),
    metric: Metric,
    direction: z.enum(['down', 'up', 'both']).default('both'),
    perMinute: z.number().positive(),
    clearPerMinute: z.number().min(0),
    windowSeconds: z.number().int().min(5).max(3600).default(60),
  })
  .refine((r) => r.clearPerMinute <= r.perMinute, {
    message: '恢复变化率不能高于告警变化率',
    path: ['clearPerMinute'],
  });

/**
 * The device reports a fault code (not in `ignore`); clears once it has reported none for
 * `clearSeconds`, so a code that comes and goes (set, cleared, set again) is one fault, not a storm.
 */
export const FaultRule = z.object({
  ...common,
  kind: z.literal('fault'),
  ignore: z.array(z.string().max(32)).max(50).default([]),
  clearSeconds: Seconds.default(60),
});

/** No message (or a last will) for `minutes`. */
export const OfflineRule = z.object({
  ...common,
  kind: z.literal('offline'),
  minutes: z.number().int().min(0).max(1440),
});

export const Rule = z.discriminatedUnion('kind', [ThresholdRule, RateRule, FaultRule, OfflineRule]);
export type Rule = z.infer<typeof Rule>;
export type RuleInput = z.input<typeof Rule>;

export const RuleList = z
  .array(Rule)
  .max(20)
  .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, '规则编号不能重复');

/**
 * A per-device adjustment (单台设备覆盖): switch a rule off or move its numbers. Only the fields a
 * kind has are applied; the result is checked again as a whole rule.
 */
export const RuleOverride = z
  .object({
    enabled: z.boolean().optional(),
    severity: Severity.optional(),
    value: z.number().optional(),
    clearValue: z.number().optional(),
    forSeconds: Seconds.optional(),
    clearSeconds: Seconds.optional(),
    perMinute: z.number().positive().optional(),
    clearPerMinute: z.number().min(0).optional(),
    minutes: z.number().int().min(0).max(1440).optional(),
  })
  .strict();
export type RuleOverride = z.infer<typeof RuleOverride>;
export const RuleOverrides = z.record(RuleId, RuleOverride);
export type RuleOverrides = z.infer<typeof RuleOverrides>;

const offline = (minutes: number): RuleInput => ({
  id: 'offline',
  label: '设备离线',
  severity: 'major',
  kind: 'offline',
  minutes,
});
const fault = (severity: z.infer<typeof Severity>): RuleInput => ({
  id: 'fault',
  label: '设备故障码',
  severity,
  kind: 'fault',
});

/** Defaults per type; staff replace a type's list per estate and adjust single devices. */
const defaultRuleInputs: Record<DeviceType, RuleInput[]> = {
  lift: [
    fault('critical'),
    {
      id: 'overspeed',
      label: '电梯超速',
      severity: 'critical',
      kind: 'threshold',
      metric: 'speed',
      op: 'gt',
      value: 2.5,
      clearValue: 2.2,
    },
    {
      id: 'overload',
      label: '电梯超载',
      severity: 'major',
      kind: 'threshold',
      metric: 'load',
      op: 'gt',
      value: 1050,
      clearValue: 1000,
      forSeconds: 10,
    },
    offline(5),
  ],
  fire_pump: [
    {
      id: 'pressure_low_warning',
      label: '消防管网压力偏低',
      severity: 'warning',
      kind: 'threshold',
      metric: 'pressure',
      op: 'lt',
      value: 0.35,
      clearValue: 0.4,
      forSeconds: 30,
    },
    {
      id: 'pressure_low',
      label: '消防管网压力过低',
      severity: 'critical',
      kind: 'threshold',
      metric: 'pressure',
      op: 'lt',
      value: 0.3,
      clearValue: 0.35,
      forSeconds: 60,
    },
    {
      id: 'pressure_drop',
      label: '消防管网压力骤降',
      severity: 'major',
      kind: 'rate',
      metric: 'pressure',
      direction: 'down',
      perMinute: 0.2,
      clearPerMinute: 0.05,
    },
    fault('critical'),
    offline(3),
  ],
  water_pump: [
    {
      id: 'pressure_low',
      label: '供水压力过低',
      severity: 'major',
      kind: 'threshold',
      metric: 'pressure',
      op: 'lt',
      value: 0.15,
      clearValue: 0.2,
      forSeconds: 60,
    },
    fault('major'),
    offline(5),
  ],
  water_tank: [
    {
      id: 'level_low',
      label: '水箱液位过低',
      severity: 'critical',
      kind: 'threshold',
      metric: 'level',
      op: 'lt',
      value: 20,
      clearValue: 30,
      forSeconds: 60,
    },
    {
      id: 'level_high',
      label: '水箱液位过高（溢流）',
      severity: 'major',
      kind: 'threshold',
      metric: 'level',
      op: 'gt',
      value: 95,
      clearValue: 90,
      forSeconds: 30,
    },
    offline(10),
  ],
  transformer: [
    {
      id: 'voltage_low',
      label: '电压过低',
      severity: 'major',
      kind: 'threshold',
      metric: 'voltage',
      op: 'lt',
      value: 198,
      clearValue: 205,
      forSeconds: 30,
    },
    {
      id: 'voltage_high',
      label: '电压过高',
      severity: 'major',
      kind: 'threshold',
      metric: 'voltage',
      op: 'gt',
      value: 242,
      clearValue: 235,
      forSeconds: 30,
    },
    {
      id: 'overheat',
      label: '变压器过热',
      severity: 'critical',
      kind: 'threshold',
      metric: 'temperature',
      op: 'gt',
      value: 95,
      clearValue: 85,
      forSeconds: 60,
    },
    fault('critical'),
    offline(5),
  ],
  generator: [fault('critical'), offline(10)],
  power_meter: [
    {
      id: 'voltage_low',
      label: '电压过低',
      severity: 'minor',
      kind: 'threshold',
      metric: 'voltage',
      op: 'lt',
      value: 198,
      clearValue: 205,
      forSeconds: 60,
    },
    {
      id: 'voltage_high',
      label: '电压过高',
      severity: 'minor',
      kind: 'threshold',
      metric: 'voltage',
      op: 'gt',
      value: 242,
      clearValue: 235,
      forSeconds: 60,
    },
    {
      id: 'overcurrent',
      label: '电流过载',
      severity: 'major',
      kind: 'threshold',
      metric: 'current',
      op: 'gt',
      value: 100,
      clearValue: 90,
      forSeconds: 30,
    },
    offline(30),
  ],
  hvac: [
    {
      id: 'overheat',
      label: '温度过高',
      severity: 'minor',
      kind: 'threshold',
      metric: 'temperature',
      op: 'gt',
      value: 35,
      clearValue: 32,
      forSeconds: 300,
    },
    fault('minor'),
    offline(30),
  ],
  access_gate: [fault('minor'), offline(10)],
  camera: [fault('minor'), offline(10)],
  extinguisher: [fault('minor'), offline(60)],
};

export const defaultRules: Record<DeviceType, Rule[]> = Object.fromEntries(
  Object.entries(defaultRuleInputs).map(([type, rules]) => [type, RuleList.parse(rules)]),
) as Record<DeviceType, Rule[]>;

/** The rules that apply to one device: its type's list with the device's overrides applied. */
export function effectiveRules(typeRules: readonly Rule[], overrides: RuleOverrides = {}): Rule[] {
  return typeRules.map((rule) => {
    const patch = overrides[rule.id];
    if (!patch) return rule;
    const merged: Record<string, unknown> = { ...rule };
    for (const [key, value] of Object.entries(patch))
      if (value !== undefined && key in rule) merged[key] = value;
    const parsed = Rule.safeParse(merged);
    // An override that no longer fits the (edited) type rule is ignored rather than breaking the device.
    return parsed.success ? parsed.data : rule;
  });
}
