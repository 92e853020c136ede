import { metricInfo, type Sample } from './telemetry';
import type { Rule, Severity } from './rules';

/**
 * The pure rule evaluator. The bridge keeps one DeviceRuleState per device and feeds it every
 * valid sample, every status change and a periodic tick; what comes out are raise/clear events,
 * never one per sample: a rule raises once when its condition starts to hold and clears once
 * when it stops (hysteresis for thresholds).
 */
export interface RuleState {
  active: boolean;
  /** When the condition started to hold while not yet raised (duration rules). */
  pendingSince: number | null;
}

export interface DeviceRuleState {
  lastSeenAt: number | null;
  /** Set by a last will, a disconnect or a status `offline`; cleared by any message. */
  offlineSince: number | null;
  /** Last reading per metric: device time `at`, bridge time `receivedAt`. */
  last: Record<string, { value: number; at: number; receivedAt: number }>;
  rules: Record<string, RuleState>;
  /** Recent readings of metrics with rate rules, oldest first, for windowed rates. */
  history: Record<string, Array<{ value: number; at: number }>>;
}

export interface RuleEvent {
  kind: 'raise' | 'clear';
  ruleId: string;
  label: string;
  severity: Severity;
  at: number;
  value: number | string | null;
  /** One line for people: `消防管网压力过低：压力 0.25 MPa（低于 0.3 MPa 持续 60 秒）`. */
  summary: string;
}

export interface Evaluation {
  state: DeviceRuleState;
  events: RuleEvent[];
}

/** A fresh state; rules already active in the cloud start active so they can clear. */
export function initialRuleState(activeRuleIds: readonly string[] = []): DeviceRuleState {
  return {
    lastSeenAt: null,
    offlineSince: null,
    last: {},
    history: {},
    rules: Object.fromEntries(activeRuleIds.map((id) => [id, { active: true, pendingSince: null }])),
  };
}

function formatValue(metric: string, value: number): string {
  const info = metricInfo[metric];
  const text = String(Number(value.toFixed(3)));
  return info ? `${info.label} ${text} ${info.unit}` : `${metric} ${text}`;
}

function thresholdText(rule: Extract<Rule, { kind: 'threshold' }>): string {
  const unit = metricInfo[rule.metric]?.unit ?? '';
  const limit = `${rule.op === 'lt' ? '低于' : '高于'} ${rule.value} ${unit}`.trim();
  return rule.forSeconds > 0 ? `${limit} 持续 ${rule.forSeconds} 秒` : limit;
}

function event(
  rule: Rule,
  kind: RuleEvent['kind'],
  at: number,
  value: RuleEvent['value'],
  detail: string,
): RuleEvent {
  const summary = kind === 'raise' ? `${rule.label}：${detail}` : `${rule.label}已恢复：${detail}`;
  return { kind, ruleId: rule.id, label: rule.label, severity: rule.severity, at, value, summary };
}

/** Mutable working copy, so each step reads the previous step's result. */
function clone(state: DeviceRuleState): DeviceRuleState {
  return {
    lastSeenAt: state.lastSeenAt,
    offlineSince: state.offlineSince,
    last: { ...state.last },
    history: { ...state.history },
    rules: Object.fromEntries(Object.entries(state.rules).map(([id, r]) => [id, { ...r }])),
  };
}

function ruleState(state: DeviceRuleState, id: string): RuleState {
  return (state.rules[id] ??= { active: false, pendingSince: null });
}

/** A device that speaks is online: clear its offline alarm. */
function seen(rules: readonly Rule[], state: DeviceRuleState, at: number, events: RuleEvent[]): void {
  state.lastSeenAt = Math.max(state.lastSeenAt ?? at, at);
  state.offlineSince = null;
  for (const rule of rules) {
    if (rule.kind !== 'offline') continue;
    const rs = ruleState(state, rule.id);
    rs.pendingSince = null;
    if (rs.active) {
      rs.active = false;
      events.push(event(rule, 'clear', at, null, '设备已重新上线'));
    }
  }
}

function applyThreshold(
  rule: Extract<Rule, { kind: 'threshold' }>,
  rs: RuleState,
  value: number,
  at: number,
  events: RuleEvent[],
): void {
  const breach = rule.op === 'lt' ? value < rule.value : value > rule.value;
  const recovered = rule.op === 'lt' ? value >= rule.clearValue : value <= rule.clearValue;
  if (rs.active) {
    if (recovered) {
      rs.active = false;
      rs.pendingSince = null;
      events.push(event(rule, 'clear', at, value, formatValue(rule.metric, value)));
    }
    return;
  }
  if (!breach) {
    rs.pendingSince = null;
    return;
  }
  rs.pendingSince ??= at;
  if (at - rs.pendingSince >= rule.forSeconds * 1000) {
    rs.active = true;
    rs.pendingSince = null;
    events.push(
      event(rule, 'raise', at, value, `${formatValue(rule.metric, value)}（${thresholdText(rule)}）`),
    );
  }
}

/** A fault clears once no code was reported for `clearSeconds` (pendingSince: the first clean report). */
function clearFaultAfterHold(
  rule: Extract<Rule, { kind: 'fault' }>,
  rs: RuleState,
  at: number,
  events: RuleEvent[],
): void {
  if (rs.pendingSince === null || at - rs.pendingSince < rule.clearSeconds * 1000) return;
  rs.active = false;
  rs.pendingSince = null;
  events.push(event(rule, 'clear', at, null, '故障码已消除'));
}

/** The device's clock now: its newest reading's time plus the silence since it arrived. */
function deviceNow(state: DeviceRuleState, now: number): number | null {
  let newest: { at: number; receivedAt: number } | null = null;
  for (const reading of Object.values(state.last)) if (!newest || reading.at > newest.at) newest = reading;
  return newest && newest.at + Math.max(0, now - newest.receivedAt);
}

/** Feed one valid sample. Samples older than the last one seen for a metric are ignored for it. */
export function evaluateSample(
  rules: readonly Rule[],
  previous: DeviceRuleState,
  sample: Sample,
): Evaluation {
  const state = clone(previous);
  const events: RuleEvent[] = [];
  seen(rules, state, sample.receivedAt, events);
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const rs = ruleState(state, rule.id);
    switch (rule.kind) {
      case 'threshold': {
        const value = sample.metrics[rule.metric];
        const last = state.last[rule.metric];
        if (value === undefined || (last && sample.at < last.at)) break;
        applyThreshold(rule, rs, value, sample.at, events);
        break;
      }
      case 'rate': {
        const value = sample.metrics[rule.metric];
        const reference = value === undefined ? undefined : rateReference(state, rule, sample.at);
        if (value === undefined || !reference) break;
        const change = ((value - reference.value) / (sample.at - reference.at)) * 60_000;
        const perMinute =
          rule.direction === 'down' ? -change : rule.direction === 'up' ? change : Math.abs(change);
        const detail = `${formatValue(rule.metric, value)}，每分钟变化 ${Number(change.toFixed(3))}`;
        if (!rs.active && perMinute > rule.perMinute) {
          rs.active = true;
          events.push(event(rule, 'raise', sample.at, value, detail));
        } else if (rs.active && perMinute <= rule.clearPerMinute) {
          rs.active = false;
          events.push(event(rule, 'clear', sample.at, value, detail));
        }
        break;
      }
      case 'fault': {
        const code = sample.faultCode && !rule.ignore.includes(sample.faultCode) ? sample.faultCode : null;
        if (code) {
          rs.pendingSince = null;
          if (!rs.active) {
            rs.active = true;
            events.push(event(rule, 'raise', sample.at, code, `故障码 ${code}`));
          }
        } else if (rs.active) {
          rs.pendingSince ??= sample.at;
          clearFaultAfterHold(rule, rs, sample.at, events);
        }
        break;
      }
      case 'offline':
        break;
    }
  }
  recordHistory(rules, state, sample);
  for (const [metric, value] of Object.entries(sample.metrics)) {
    const last = state.last[metric];
    if (!last || sample.at >= last.at)
      state.last[metric] = { value, at: sample.at, receivedAt: sample.receivedAt };
  }
  return { state, events };
}

/**
 * The reading a rate is measured from: the newest one at least a window old. Until a window of
 * history exists there is no rate (a device just connected has nothing to compare with).
 */
function rateReference(
  state: DeviceRuleState,
  rule: Extract<Rule, { kind: 'rate' }>,
  at: number,
): { value: number; at: number } | undefined {
  const window = rule.windowSeconds * 1000;
  const history = state.history[rule.metric] ?? [];
  let reference: { value: number; at: number } | undefined;
  for (const entry of history) if (at - entry.at >= window) reference = entry;
  return reference;
}

/** Keep readings of rate-ruled metrics for the longest window (plus one older entry), thinned. */
function recordHistory(rules: readonly Rule[], state: DeviceRuleState, sample: Sample): void {
  for (const rule of rules) {
    if (rule.kind !== 'rate') continue;
    const value = sample.metrics[rule.metric];
    if (value === undefined) continue;
    const longest = Math.max(
      ...rules.map((r) => (r.kind === 'rate' && r.metric === rule.metric ? r.windowSeconds : 0)),
    );
    const previous = state.history[rule.metric] ?? [];
    // One entry per 1/30 of the window is precision enough, and keeps the copy below small.
    if (previous.length && sample.at - previous.at(-1)!.at < (longest * 1000) / 30) continue;
    const history = [...previous];
    history.push({ value, at: sample.at });
    // Drop entries older than the newest one that is already a full window old.
    let keepFrom = 0;
    for (let i = 0; i < history.length; i++) if (sample.at - history[i]!.at >= longest * 1000) keepFrom = i;
    state.history[rule.metric] = history.slice(keepFrom);
  }
}

/** A status message or heartbeat: the device is alive though it sent no readings. */
export function markOnline(rules: readonly Rule[], previous: DeviceRuleState, at: number): Evaluation {
  const state = clone(previous);
  const events: RuleEvent[] = [];
  seen(rules, state, at, events);
  return { state, events };
}

/** A last will, a disconnect or a status `offline`; the alarm follows once the rule's minutes pass. */
export function markOffline(rules: readonly Rule[], previous: DeviceRuleState, at: number): Evaluation {
  const state = clone(previous);
  state.offlineSince ??= at;
  for (const id of Object.keys(state.rules)) state.rules[id]!.pendingSince = null;
  return evaluateTickInPlace(rules, state, at);
}

/** Periodic check: offline for N minutes (stale devices too) and durations that matured silently. */
export function evaluateTick(rules: readonly Rule[], previous: DeviceRuleState, now: number): Evaluation {
  return evaluateTickInPlace(rules, clone(previous), now);
}

function evaluateTickInPlace(rules: readonly Rule[], state: DeviceRuleState, now: number): Evaluation {
  const events: RuleEvent[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const rs = ruleState(state, rule.id);
    if (rule.kind === 'offline') {
      if (rs.active || state.lastSeenAt === null) continue;
      const limit = rule.minutes * 60_000;
      // Zero minutes means "on disconnect": silence alone never counts, or every tick would raise.
      const stale = rule.minutes > 0 && now - state.lastSeenAt >= limit;
      const since = state.offlineSince ?? (stale ? state.lastSeenAt : null);
      if (since !== null && now - since >= limit) {
        rs.active = true;
        const detail = state.offlineSince !== null ? '设备已断开连接' : `超过 ${rule.minutes} 分钟未上报数据`;
        events.push(event(rule, 'raise', now, null, detail));
      }
    } else if (rule.kind === 'threshold' && state.offlineSince === null && rs.pendingSince !== null) {
      const last = state.last[rule.metric];
      // Durations run on the device's clock: the silence since the last reading is added to it.
      if (last) applyThreshold(rule, rs, last.value, last.at + Math.max(0, now - last.receivedAt), events);
    } else if (rule.kind === 'fault' && state.offlineSince === null && rs.active) {
      const at = deviceNow(state, now);
      if (at !== null) clearFaultAfterHold(rule, rs, at, events);
    }
  }
  return { state, events };
}
