import {
  evaluateSample,
  evaluateTick,
  initialRuleState,
  markOffline,
  markOnline,
  newId,
  parseTelemetry,
  type BridgeDevice,
  type DeviceRuleState,
  type Evaluation,
  type RelayEvent,
  type Rule,
  type Sample,
} from '@linli/shared';

/** One device as the bridge tracks it between messages. */
interface Tracked {
  device: BridgeDevice;
  rules: Rule[];
  state: DeviceRuleState;
  online: boolean;
  received: number;
  malformed: number;
  latest: Sample | null;
  /** State to relay: set by changes, sent by the periodic flush (not per sample). */
  dirty: boolean;
  lastStateSentAt: number;
  lastMalformedLogAt: number;
}

export interface DeviceStats {
  received: number;
  malformed: number;
  online: boolean;
}

/**
 * The rules engine of the bridge: one evaluator state per device, fed by telemetry, status
 * messages, disconnects and a periodic tick. It turns raise/clear events into relay events at
 * once, and device state into at most one relay event per device per `stateIntervalMs`.
 */
export class DeviceRuntime {
  private readonly tracked = new Map<string, Tracked>();

  constructor(
    private readonly emit: (events: RelayEvent[]) => void,
    private readonly options: { stateIntervalMs?: number; now?: () => number } = {},
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** A device (re)loaded from the cloud: new rules apply from the next message; state is kept. */
  load(device: BridgeDevice): void {
    const existing = this.tracked.get(device.deviceId);
    if (existing) {
      existing.device = device;
      existing.rules = device.rules;
      // An alarm the cloud holds open (raised before a restart) must be able to clear.
      for (const id of device.activeRuleIds) {
        const rule = (existing.state.rules[id] ??= { active: false, pendingSince: null });
        rule.active = true;
        rule.pendingSince = null;
      }
      return;
    }
    this.tracked.set(device.deviceId, {
      device,
      rules: device.rules,
      state: initialRuleState(device.activeRuleIds),
      online: false,
      received: 0,
      malformed: 0,
      latest: null,
      dirty: false,
      lastStateSentAt: 0,
      lastMalformedLogAt: 0,
    });
  }

  stats(deviceId: string): DeviceStats | undefined {
    const t = this.tracked.get(deviceId);
    return t && { received: t.received, malformed: t.malformed, online: t.online };
  }

  /** A telemetry payload; returns false when it was malformed (dropped and counted). */
  telemetry(deviceId: string, payload: Buffer): boolean {
    const t = this.tracked.get(deviceId);
    if (!t) return false;
    t.received++;
    const parsed = parseTelemetry(t.device.deviceType, payload, this.now());
    if (!parsed.ok) {
      t.malformed++;
      t.dirty = true;
      return false;
    }
    const previousFault = t.latest?.faultCode ?? null;
    t.latest = parsed.sample;
    t.dirty = true;
    this.apply(t, evaluateSample(t.rules, t.state, parsed.sample));
    // A new fault code is news: relay it without waiting for the interval.
    if (parsed.sample.faultCode !== previousFault) this.flushState(t, this.now());
    this.setOnline(t, true);
    return true;
  }

  /** `online` / `offline` on the status topic (the last will is `offline`). */
  status(deviceId: string, online: boolean): void {
    const t = this.tracked.get(deviceId);
    if (!t) return;
    const at = this.now();
    this.apply(t, online ? markOnline(t.rules, t.state, at) : markOffline(t.rules, t.state, at));
    this.setOnline(t, online);
  }

  /**
   * Another bridge instance now serves the device: forget its liveness, readings and pending
   * durations so this instance raises nothing for it (no "offline" for a device that moved).
   * Which of its rules are active is kept: should it come back, a recovery still clears them.
   */
  release(deviceId: string): void {
    const t = this.tracked.get(deviceId);
    if (!t) return;
    const active = Object.entries(t.state.rules).filter(([, rule]) => rule.active);
    t.state = initialRuleState(active.map(([id]) => id));
    t.online = false;
    t.dirty = false;
  }

  /** Stale devices and durations that matured without a message; flush state changes. */
  tick(): void {
    const now = this.now();
    for (const t of this.tracked.values()) {
      this.apply(t, evaluateTick(t.rules, t.state, now));
      if (t.dirty && now - t.lastStateSentAt >= (this.options.stateIntervalMs ?? 30_000))
        this.flushState(t, now);
    }
  }

  /** Relay the state of every changed device now (shutdown, tests). */
  flushAll(): void {
    const now = this.now();
    for (const t of this.tracked.values()) if (t.dirty) this.flushState(t, now);
  }

  private setOnline(t: Tracked, online: boolean): void {
    if (t.online === online) return;
    t.online = online;
    t.dirty = true;
    // Coming online or going offline is news: relay it without waiting for the interval.
    this.flushState(t, this.now());
  }

  private apply(t: Tracked, evaluation: Evaluation): void {
    t.state = evaluation.state;
    if (!evaluation.events.length) return;
    this.emit(
      evaluation.events.map((e) => ({
        eventId: newId('ev', e.at),
        kind: e.kind,
        deviceId: t.device.deviceId,
        estateId: t.device.estateId,
        at: e.at,
        ruleId: e.ruleId,
        label: e.label,
        severity: e.severity,
        value: e.value,
        summary: e.summary,
      })),
    );
  }

  private flushState(t: Tracked, now: number): void {
    // The cloud keeps the newest state by instant: never send two with the same one.
    const at = Math.max(now, t.lastStateSentAt + 1);
    t.dirty = false;
    t.lastStateSentAt = at;
    this.emit([
      {
        eventId: newId('ev', at),
        kind: 'state',
        deviceId: t.device.deviceId,
        estateId: t.device.estateId,
        at,
        online: t.online,
        metrics: t.latest?.metrics ?? {},
        flags: t.latest?.flags ?? {},
        faultCode: t.latest?.faultCode ?? null,
        malformed: t.malformed,
      },
    ]);
  }
}
