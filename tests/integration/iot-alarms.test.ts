import { newId, type Alarm, type AlarmListView, type AlarmView, type RelayEvent } from '@linli/shared';
import { createMemoryLogger } from '@linli/cloudfunctions/src/_lib/logger';
import { runAlarmWork } from '@linli/cloudfunctions/src/iot/alarm-job';
import { ingestEvents } from '@linli/cloudfunctions/src/iot/ingest';
import { createTestRuntime, type TestRuntime } from '../helpers/test-runtime';
import {
  ADMIN,
  BRIDGE_TOKEN,
  ESTATE,
  FINANCE,
  FIRE_PUMP,
  OWNER,
  SERVICE,
  serveCloud,
  TANK,
  testDevices,
} from '../helpers/iot';

jest.setTimeout(30_000);

const T0 = Date.parse('2026-12-01T02:00:00Z'); // Tuesday 10:00 in Shanghai
let clock = T0;
let t: TestRuntime;

beforeEach(async () => {
  clock = T0;
  process.env.LINLI_IOT_BRIDGE_TOKEN = BRIDGE_TOKEN;
  t = await createTestRuntime({ now: () => clock });
  await t.store.collection('devices').insertMany(testDevices);
});
afterEach(async () => {
  await t.close();
});

const ctx = () => ({ store: t.store, now: () => clock, log: createMemoryLogger() });

type AlarmEvent = Extract<RelayEvent, { kind: 'raise' | 'clear' }>;

function raise(overrides: Partial<AlarmEvent> = {}): AlarmEvent {
  return {
    eventId: newId('ev', clock),
    kind: 'raise',
    deviceId: FIRE_PUMP,
    estateId: ESTATE,
    at: clock,
    ruleId: 'pressure_low',
    label: '消防管网压力过低',
    severity: 'critical',
    value: 0.25,
    summary: '消防管网压力过低：压力 0.25 MPa（低于 0.3 MPa 持续 60 秒）',
    ...overrides,
  };
}
const clear = (at: number, ruleId = 'pressure_low'): AlarmEvent => ({
  ...raise({ ruleId }),
  eventId: newId('ev', at),
  kind: 'clear',
  at,
  summary: '已恢复',
});

const alarms = async () =>
  (await t.store.collection<Alarm>('alarms').find({}, { sort: [['raisedAt', 'asc']] })).items;
const workorders = async () =>
  (
    await t.store
      .collection<{ _id: string; deviceId: string; source: string; category: string; priority: string }>(
        'workorders',
      )
      .find({ where: { source: 'alarm' } })
  ).items;
const alarmMessages = async () =>
  (
    await t.store
      .collection<{ _id: string; kind: string; toAccountId: string; eventKey: string }>('outbox')
      .find({ where: { kind: 'alarm_raised' } })
  ).items;

describe('ingest', () => {
  it('records a critical alarm once, messages the on-duty staff and opens one work order for the device', async () => {
    const event = raise();
    const report = await ingestEvents(ctx(), [event]);
    expect(report.outcomes.raised).toBe(1);
    const [alarm] = await alarms();
    expect(alarm).toMatchObject({
      deviceId: FIRE_PUMP,
      deviceName: '1号消防泵',
      state: 'active_unacked',
      severity: 'critical',
    });
    const orders = await workorders();
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ deviceId: FIRE_PUMP, category: 'plumbing', priority: 'urgent' });
    expect(alarm!.workOrderId).toBe(orders[0]!._id);
    const messages = await alarmMessages();
    expect(messages.length).toBeGreaterThan(0);
    expect(new Set(messages.map((m) => m.eventKey))).toEqual(new Set([`${alarm!._id}.raised`]));

    // The bridge retries the batch (its answer was lost): nothing new anywhere.
    const replay = await ingestEvents(ctx(), [event]);
    expect(replay.outcomes.duplicate).toBe(1);
    expect(await alarms()).toHaveLength(1);
    expect(await workorders()).toHaveLength(1);
    expect(await alarmMessages()).toHaveLength(messages.length);
  });

  it('keeps one active alarm per device and rule when two raises arrive in the same millisecond', async () => {
    const reports = await Promise.all([ingestEvents(ctx(), [raise()]), ingestEvents(ctx(), [raise()])]);
    expect(reports.map((r) => r.outcomes.raised).sort()).toEqual([0, 1]);
    const all = await alarms();
    expect(all).toHaveLength(1);
    expect(all[0]!.repeats).toBe(1);
    expect(await workorders()).toHaveLength(1);
  });

  it('ignores a replayed clear that belongs to an earlier alarm', async () => {
    const first = raise();
    const firstClear = clear(T0 + 1000);
    await ingestEvents(ctx(), [first, firstClear]);
    clock = T0 + 60_000;
    await ingestEvents(ctx(), [raise()]);
    const replay = await ingestEvents(ctx(), [first, firstClear]);
    expect(replay.outcomes).toMatchObject({ duplicate: 1, stale: 1 });
    expect((await alarms()).map((a) => a.state)).toEqual(['cleared', 'active_unacked']);
  });

  it('treats a raise soon after the same rule cleared as flapping: recorded, but no new messages or order', async () => {
    await ingestEvents(ctx(), [raise(), clear(T0 + 30_000)]);
    const messages = (await alarmMessages()).length;
    clock = T0 + 5 * 60_000;
    await ingestEvents(ctx(), [raise(), clear(T0 + 5 * 60_000 + 10_000)]);
    clock = T0 + 6 * 60_000;
    await ingestEvents(ctx(), [raise()]);
    const all = await alarms();
    expect(all).toHaveLength(3);
    expect(all[1]!.flapOf).toBe(all[0]!._id);
    expect(all[2]!.flapOf).toBe(all[1]!._id);
    expect(new Set(all.map((a) => a.workOrderId)).size).toBe(1);
    expect(await workorders()).toHaveLength(1);
    expect(await alarmMessages()).toHaveLength(messages);
    expect((await runAlarmWork(ctx())).ordersOpened).toBe(0);

    // Quiet for longer than the window: the next raise is news again.
    await ingestEvents(ctx(), [clear(T0 + 7 * 60_000)]);
    clock = T0 + 60 * 60_000;
    await ingestEvents(ctx(), [raise()]);
    expect((await alarms()).at(-1)!.flapOf).toBeNull();
    expect(await workorders()).toHaveLength(2);
  });

  it('opens no work order for an alarm below critical', async () => {
    await ingestEvents(ctx(), [raise({ deviceId: TANK, ruleId: 'level_high', severity: 'major' })]);
    expect(await alarms()).toHaveLength(1);
    expect(await workorders()).toEqual([]);
  });

  it('refuses the HTTP ingest without the bridge token, and accepts it with', async () => {
    const cloud = await serveCloud(t);
    try {
      const body = JSON.stringify({ events: [raise()] });
      const post = (authorization?: string) =>
        fetch(`${cloud.url}/ingest`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
          body,
        });
      expect((await post()).status).toBe(401);
      expect((await post('Bearer wrong-token-wrong-token')).status).toBe(401);
      expect(await alarms()).toEqual([]);
      const accepted = await post(`Bearer ${BRIDGE_TOKEN}`);
      expect(accepted.status).toBe(200);
      expect(await alarms()).toHaveLength(1);
      const malformed = await fetch(`${cloud.url}/ingest`, {
        method: 'POST',
        headers: { authorization: `Bearer ${BRIDGE_TOKEN}` },
        body: JSON.stringify({ events: [{ kind: 'raise' }] }),
      });
      expect(malformed.status).toBe(400);
    } finally {
      await cloud.close();
    }
  });
});

describe('staff work alarms', () => {
  beforeEach(async () => {
    await ingestEvents(ctx(), [raise()]);
  });
  const alarmId = async () => (await alarms())[0]!._id;

  it('lists active alarms with the work order and counts', async () => {
    const list = await t.ok<AlarmListView>(SERVICE, 'iot', 'alarms', { estateId: ESTATE });
    expect(list.counts).toEqual({ active_unacked: 1, active_acked: 0 });
    expect(list.items[0]).toMatchObject({
      severityLabel: '紧急',
      stateLabel: '未确认',
      deviceTypeLabel: '消防水泵',
    });
    expect(list.items[0]!.workOrderNo).toMatch(/^BX\d{8}\d{4}$/);
  });

  it('lets the first to acknowledge win and tells the second who did', async () => {
    const id = await alarmId();
    const acked = await t.ok<AlarmView>(SERVICE, 'iot', 'ack', { alarmId: id });
    expect(acked).toMatchObject({ state: 'active_acked', ackedBy: '张客服' });
    const second = await t.call(ADMIN, 'iot', 'ack', { alarmId: id });
    expect(second.ok || second.error).toMatchObject({ code: 'CONFLICT' });
  });

  it('resolves with a note, after which the device may raise afresh', async () => {
    const id = await alarmId();
    expect(await t.errorCode(SERVICE, 'iot', 'resolve', { alarmId: id, note: '' })).toBe('VALIDATION');
    const resolved = await t.ok<AlarmView>(SERVICE, 'iot', 'resolve', { alarmId: id, note: '已复位稳压泵' });
    expect(resolved).toMatchObject({ state: 'cleared', clearedBy: '张客服', clearNote: '已复位稳压泵' });
    clock += 60_000;
    expect((await ingestEvents(ctx(), [raise()])).outcomes.raised).toBe(1);
  });

  it('keeps owners, finance and other estates’ staff out', async () => {
    const id = await alarmId();
    expect(await t.errorCode(OWNER, 'iot', 'alarms', { estateId: ESTATE })).toBe('FORBIDDEN');
    expect(await t.errorCode(FINANCE, 'iot', 'ack', { alarmId: id })).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-admin-maple', 'iot', 'ack', { alarmId: id })).toBe('FORBIDDEN');
    expect(await t.errorCode(SERVICE, 'iot', 'issueCredential', { deviceId: FIRE_PUMP })).toBe('FORBIDDEN');
    expect(
      await t.errorCode(SERVICE, 'iot', 'saveRules', {
        estateId: ESTATE,
        deviceType: 'fire_pump',
        rules: [],
      }),
    ).toBe('FORBIDDEN');
  });

  it('escalates an alarm nobody acknowledged in 10 minutes to the admins, once', async () => {
    clock = T0 + 9 * 60_000;
    expect((await runAlarmWork(ctx())).escalated).toBe(0);
    clock = T0 + 10 * 60_000;
    expect((await runAlarmWork(ctx())).escalated).toBe(1);
    expect((await runAlarmWork(ctx())).escalated).toBe(0);
    const escalations = (await alarmMessages()).filter((m) => m.eventKey.endsWith('.escalated'));
    expect(escalations.map((m) => m.toAccountId)).toHaveLength(1);
    expect((await alarms())[0]!.escalatedAt).toBe(T0 + 10 * 60_000);
  });
});

describe('rules', () => {
  it('saves a type’s rules for the estate, refuses bad ones and resets to defaults', async () => {
    const view = await t.ok<{ rules: Array<Record<string, unknown>>; isDefault: boolean }>(
      ADMIN,
      'iot',
      'rules',
      {
        estateId: ESTATE,
        deviceType: 'water_tank',
      },
    );
    expect(view.isDefault).toBe(true);
    const rules = view.rules.map((r) => (r.id === 'level_low' ? { ...r, value: 25, clearValue: 35 } : r));
    const saved = await t.ok<{
      rules: Array<{ id: string; value?: number }>;
      isDefault: boolean;
      updatedBy: string;
    }>(ADMIN, 'iot', 'saveRules', {
      estateId: ESTATE,
      deviceType: 'water_tank',
      rules,
    });
    expect(saved).toMatchObject({ isDefault: false, updatedBy: '王经理' });
    expect(saved.rules.find((r) => r.id === 'level_low')?.value).toBe(25);
    const bad = rules.map((r) => (r.id === 'level_low' ? { ...r, clearValue: 10 } : r));
    expect(
      await t.errorCode(ADMIN, 'iot', 'saveRules', {
        estateId: ESTATE,
        deviceType: 'water_tank',
        rules: bad,
      }),
    ).toBe('VALIDATION');
    const reset = await t.ok<{ isDefault: boolean }>(ADMIN, 'iot', 'saveRules', {
      estateId: ESTATE,
      deviceType: 'water_tank',
      rules: [],
      reset: true,
    });
    expect(reset.isDefault).toBe(true);
  });

  it('refuses an override for a rule the type does not have', async () => {
    expect(
      await t.errorCode(ADMIN, 'iot', 'saveDeviceRules', {
        deviceId: TANK,
        overrides: { overspeed: { enabled: false } },
      }),
    ).toBe('VALIDATION');
  });
});
