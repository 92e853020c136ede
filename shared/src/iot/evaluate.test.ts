import {
  evaluateSample,
  evaluateTick,
  initialRuleState,
  markOffline,
  markOnline,
  type DeviceRuleState,
  type RuleEvent,
} from './evaluate';
import { defaultRules, effectiveRules, Rule, RuleList, type RuleInput } from './rules';
import type { Sample } from './telemetry';

const T0 = 1_780_000_000_000;
const sample = (at: number, metrics: Record<string, number>, faultCode: string | null = null): Sample => ({
  at,
  receivedAt: at,
  metrics,
  faultCode,
  flags: {},
});
const rules = (...inputs: RuleInput[]): Rule[] => RuleList.parse(inputs);

/** Feed readings `[secondsAfterT0, value]` of one metric; collect every event. */
function feed(
  ruleList: Rule[],
  metric: string,
  readings: Array<[number, number]>,
  state: DeviceRuleState = initialRuleState(),
): { state: DeviceRuleState; events: RuleEvent[] } {
  const events: RuleEvent[] = [];
  for (const [s, value] of readings) {
    const out = evaluateSample(ruleList, state, sample(T0 + s * 1000, { [metric]: value }));
    state = out.state;
    events.push(...out.events);
  }
  return { state, events };
}

const lowPressure = rules({
  id: 'pressure_low',
  label: '消防管网压力过低',
  severity: 'critical',
  kind: 'threshold',
  metric: 'pressure',
  op: 'lt',
  value: 0.3,
  clearValue: 0.35,
  forSeconds: 60,
});

describe('threshold rules', () => {
  it('raise once when pressure stays below 0.3 MPa for 60 s, not before', () => {
    const { events } = feed(lowPressure, 'pressure', [
      [0, 0.5],
      [10, 0.28],
      [40, 0.27],
      [69, 0.26],
      [70, 0.25],
      [80, 0.24],
      [90, 0.2],
    ]);
    expect(events.map((e) => [e.kind, e.at])).toEqual([['raise', T0 + 70_000]]);
    expect(events[0]!.summary).toBe('消防管网压力过低：压力 0.25 MPa（低于 0.3 MPa 持续 60 秒）');
    expect(events[0]!.severity).toBe('critical');
  });

  it('restart the duration when the reading recovers in between', () => {
    const { events } = feed(lowPressure, 'pressure', [
      [0, 0.28],
      [50, 0.31],
      [55, 0.28],
      [100, 0.28],
      [115, 0.28],
    ]);
    expect(events.map((e) => e.at)).toEqual([T0 + 115_000]);
  });

  it('raise once and clear once while the value flaps around the limit (hysteresis)', () => {
    const flapping: Array<[number, number]> = [[0, 0.29]];
    for (let s = 60; s <= 600; s += 5) flapping.push([s, s % 10 === 0 ? 0.29 : 0.31]);
    flapping.push([605, 0.36], [610, 0.29], [615, 0.31]);
    const { events } = feed(lowPressure, 'pressure', flapping);
    expect(events.map((e) => [e.kind, e.at])).toEqual([
      ['raise', T0 + 60_000],
      ['clear', T0 + 605_000],
    ]);
  });

  it('raise immediately when the rule has no duration, and clear past the clear value only', () => {
    const overspeed = rules({
      id: 'overspeed',
      label: '电梯超速',
      severity: 'critical',
      kind: 'threshold',
      metric: 'speed',
      op: 'gt',
      value: 2.5,
      clearValue: 2.2,
    });
    const { events } = feed(overspeed, 'speed', [
      [0, 1.5],
      [1, 2.6],
      [2, 2.4],
      [3, 2.7],
      [4, 2.2],
    ]);
    expect(events.map((e) => [e.kind, e.value])).toEqual([
      ['raise', 2.6],
      ['clear', 2.2],
    ]);
  });

  it('let a matured duration raise on the tick when the device sends nothing new', () => {
    const { state } = feed(lowPressure, 'pressure', [[0, 0.2]]);
    expect(evaluateTick(lowPressure, state, T0 + 59_000).events).toEqual([]);
    expect(evaluateTick(lowPressure, state, T0 + 60_000).events.map((e) => e.kind)).toEqual(['raise']);
  });

  it('ignore a sample older than the last one for the metric', () => {
    const { state } = feed(lowPressure, 'pressure', [[100, 0.5]]);
    const out = feed(
      lowPressure,
      'pressure',
      [
        [0, 0.1],
        [61, 0.1],
      ],
      state,
    );
    expect(out.events).toEqual([]);
  });

  it('skip disabled rules', () => {
    const off = rules({ ...(lowPressure[0] as RuleInput), enabled: false });
    expect(
      feed(off, 'pressure', [
        [0, 0.1],
        [100, 0.1],
      ]).events,
    ).toEqual([]);
  });

  it('refuse a clear value on the wrong side of the limit', () => {
    expect(Rule.safeParse({ ...(lowPressure[0] as RuleInput), clearValue: 0.2 }).success).toBe(false);
  });
});

describe('rate of change', () => {
  const drop = rules({
    id: 'pressure_drop',
    label: '消防管网压力骤降',
    severity: 'major',
    kind: 'rate',
    metric: 'pressure',
    direction: 'down',
    perMinute: 0.2,
    clearPerMinute: 0.05,
    windowSeconds: 60,
  });

  it('raise on a fall faster than 0.2 MPa a minute and clear once the value settles', () => {
    const readings: Array<[number, number]> = [];
    for (let s = 0; s <= 60; s += 10) readings.push([s, 0.6]);
    readings.push([70, 0.5], [80, 0.4], [90, 0.35]); // at 90 s: 0.25 MPa down over the last minute
    for (let s = 100; s <= 200; s += 10) readings.push([s, 0.35]);
    const { events } = feed(drop, 'pressure', readings);
    expect(events.map((e) => [e.kind, e.at])).toEqual([
      ['raise', T0 + 90_000],
      ['clear', T0 + 150_000],
    ]);
  });

  it('ignore sensor noise between close samples, and rises for a falling-only rule', () => {
    const noisy: Array<[number, number]> = [];
    for (let s = 0; s <= 300; s += 3) noisy.push([s, 0.55 + (s % 6 === 0 ? 0.03 : -0.03)]);
    expect(feed(drop, 'pressure', noisy).events).toEqual([]);
    const rising = feed(drop, 'pressure', [
      [0, 0.2],
      [60, 0.6],
      [70, 0.6],
    ]);
    expect(rising.events).toEqual([]);
  });

  it('need a full window of history before measuring', () => {
    expect(
      feed(drop, 'pressure', [
        [0, 0.6],
        [30, 0.1],
      ]).events,
    ).toEqual([]);
  });
});

describe('fault codes', () => {
  const fault = rules({
    id: 'fault',
    label: '设备故障码',
    severity: 'critical',
    kind: 'fault',
    ignore: ['I01'],
  });
  const at = (s: number, code: string | null) => sample(T0 + s * 1000, {}, code);

  /** Feed `[secondsAfterT0, code]` reports; collect `kind:value` of every event. */
  function reports(list: ReadonlyArray<readonly [number, string | null]>, state = initialRuleState()) {
    const kinds: string[] = [];
    for (const [s, code] of list) {
      const out = evaluateSample(fault, state, at(s, code));
      state = out.state;
      kinds.push(...out.events.map((e) => `${e.kind}:${String(e.value)}`));
    }
    return { kinds, state };
  }

  it('raise on a code, stay quiet while it repeats, clear once the device has reported none for 60 s', () => {
    const { kinds } = reports([
      [0, null],
      [1, 'E32'],
      [2, 'E32'],
      [3, 'E33'],
      [4, null],
      [63, null],
      [64, null],
    ]);
    expect(kinds).toEqual(['raise:E32', 'clear:null']);
    expect(
      reports([
        [1, 'E32'],
        [4, null],
        [63, null],
      ]).kinds,
    ).toEqual(['raise:E32']);
  });

  it('treat a code that flaps (set, cleared, set again within seconds) as one fault', () => {
    const flapping: Array<readonly [number, string | null]> = [];
    for (let s = 0; s < 300; s += 5) flapping.push([s, s % 10 === 0 ? 'E32' : null]);
    const { kinds, state } = reports(flapping);
    expect(kinds).toEqual(['raise:E32']);
    expect(
      reports(
        [
          [300, null],
          [360, null],
        ],
        state,
      ).kinds,
    ).toEqual(['clear:null']);
  });

  it('clear on the tick when a device that stopped reporting the code goes quiet', () => {
    const lift = rules({ id: 'fault', label: '设备故障码', severity: 'critical', kind: 'fault' });
    let state = evaluateSample(lift, initialRuleState(), sample(T0, { speed: 0 }, 'E32')).state;
    state = evaluateSample(lift, state, sample(T0 + 1000, { speed: 0 }, null)).state;
    expect(evaluateTick(lift, state, T0 + 60_999).events).toEqual([]);
    expect(evaluateTick(lift, state, T0 + 61_000).events.map((e) => e.kind)).toEqual(['clear']);
  });

  it('clear at once when the rule holds for zero seconds', () => {
    const quick = rules({
      id: 'fault',
      label: '设备故障码',
      severity: 'critical',
      kind: 'fault',
      clearSeconds: 0,
    });
    const raised = evaluateSample(quick, initialRuleState(), at(0, 'E32')).state;
    expect(evaluateSample(quick, raised, at(1, null)).events.map((e) => e.kind)).toEqual(['clear']);
  });

  it('ignore informational codes', () => {
    expect(evaluateSample(fault, initialRuleState(), at(0, 'I01')).events).toEqual([]);
  });

  it('start active for alarms the cloud still has open, so they can clear', () => {
    expect(
      reports(
        [
          [0, null],
          [60, null],
        ],
        initialRuleState(['fault']),
      ).kinds,
    ).toEqual(['clear:null']);
  });
});

describe('offline', () => {
  const offline = rules({ id: 'offline', label: '设备离线', severity: 'major', kind: 'offline', minutes: 3 });

  it('raise after a last will once the minutes pass, and clear when the device speaks again', () => {
    let state = markOnline(offline, initialRuleState(), T0).state;
    const will = markOffline(offline, state, T0 + 1000);
    expect(will.events).toEqual([]);
    state = will.state;
    expect(evaluateTick(offline, state, T0 + 1000 + 179_999).events).toEqual([]);
    const tick = evaluateTick(offline, state, T0 + 1000 + 180_000);
    expect(tick.events.map((e) => [e.kind, e.summary])).toEqual([['raise', '设备离线：设备已断开连接']]);
    state = tick.state;
    expect(evaluateTick(offline, state, T0 + 600_000).events).toEqual([]);
    expect(markOnline(offline, state, T0 + 700_000).events.map((e) => e.kind)).toEqual(['clear']);
  });

  it('raise at once when the rule allows zero minutes', () => {
    const zero = rules({ id: 'offline', label: '设备离线', severity: 'major', kind: 'offline', minutes: 0 });
    const state = markOnline(zero, initialRuleState(), T0).state;
    expect(markOffline(zero, state, T0 + 5).events.map((e) => e.kind)).toEqual(['raise']);
  });

  it('with zero minutes, leave a connected device alone between its messages', () => {
    const zero = rules({ id: 'offline', label: '设备离线', severity: 'major', kind: 'offline', minutes: 0 });
    const state = evaluateSample(zero, initialRuleState(), sample(T0, { pressure: 0.5 })).state;
    expect(evaluateTick(zero, state, T0 + 1).events).toEqual([]);
    expect(evaluateTick(zero, state, T0 + 3_600_000).events).toEqual([]);
  });

  it('find a stale device that went silent without a will', () => {
    const state = evaluateSample(offline, initialRuleState(), sample(T0, { pressure: 0.5 })).state;
    expect(evaluateTick(offline, state, T0 + 179_000).events).toEqual([]);
    expect(evaluateTick(offline, state, T0 + 180_000).events[0]!.summary).toContain('超过 3 分钟未上报数据');
  });

  it('never call a device offline that has not been seen yet', () => {
    expect(evaluateTick(offline, initialRuleState(), T0 + 10 * 60_000).events).toEqual([]);
  });

  it('hold a pending duration while the device is offline', () => {
    let state = feed(lowPressure, 'pressure', [[0, 0.1]]).state;
    state = markOffline(lowPressure, state, T0 + 10_000).state;
    expect(evaluateTick(lowPressure, state, T0 + 120_000).events).toEqual([]);
  });
});

describe('rule configuration', () => {
  it('give every device type valid defaults, with the fire-pump 0.3 MPa for 60 s rule', () => {
    expect(defaultRules.fire_pump.find((r) => r.id === 'pressure_low')).toMatchObject({
      op: 'lt',
      value: 0.3,
      forSeconds: 60,
      severity: 'critical',
    });
    expect(defaultRules.fire_pump.find((r) => r.id === 'pressure_low_warning')?.severity).toBe('warning');
    expect(defaultRules.fire_pump.find((r) => r.id === 'pressure_drop')).toMatchObject({ direction: 'down' });
  });

  it('apply per-device overrides and ignore ones that no longer fit', () => {
    const base = defaultRules.fire_pump;
    const mine = effectiveRules(base, {
      pressure_low: { value: 0.25, clearValue: 0.3 },
      offline: { enabled: false },
      pressure_low_warning: { clearValue: 0.1 }, // below the limit of an `lt` rule: invalid
    });
    expect(mine.find((r) => r.id === 'pressure_low')).toMatchObject({ value: 0.25, clearValue: 0.3 });
    expect(mine.find((r) => r.id === 'offline')?.enabled).toBe(false);
    expect(mine.find((r) => r.id === 'pressure_low_warning')).toEqual(
      base.find((r) => r.id === 'pressure_low_warning'),
    );
  });

  it('refuse two rules with one id', () => {
    const one = lowPressure[0] as RuleInput;
    expect(RuleList.safeParse([one, one]).success).toBe(false);
  });
});
