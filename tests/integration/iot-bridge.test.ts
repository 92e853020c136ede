import { connectAsync } from 'mqtt';
import type { Alarm, DeviceState } from '@linli/shared';
import {
  createIotHarness,
  ESTATE,
  eventually,
  FIRE_PUMP,
  LIFT,
  publishReading,
  statusTopic,
  TANK,
  telemetryTopic,
  type IotHarness,
} from '../helpers/iot';

jest.setTimeout(30_000);

let h: IotHarness;
beforeEach(async () => {
  h = await createIotHarness();
});
afterEach(async () => {
  await h.close();
});

const alarmsOf = async (deviceId: string) =>
  (await h.t.store.collection<Alarm>('alarms').find({ where: { deviceId } }, { sort: [['raisedAt', 'asc']] }))
    .items;

describe('device identity on a real socket', () => {
  it('admits a device with its id and secret', async () => {
    const client = await h.connect(FIRE_PUMP);
    expect(client.connected).toBe(true);
  });

  it('admits devices over WebSocket too, with the same checks', async () => {
    await h.bridge.close();
    await h.startBridge({ wsPort: 0 });
    const url = `ws://127.0.0.1:${h.bridge.wsPort}`;
    const secret = h.secrets.get(FIRE_PUMP)!.password;
    const ws = await connectAsync(url, {
      clientId: FIRE_PUMP,
      username: FIRE_PUMP,
      password: secret,
      reconnectPeriod: 0,
    });
    await publishReading(ws, FIRE_PUMP, { pressure: 0.5 });
    await eventually(() => h.bridge.runtime.stats(FIRE_PUMP)?.received === 1, 'a reading over WebSocket');
    await ws.endAsync();
    await expect(
      connectAsync(url, { clientId: FIRE_PUMP, username: FIRE_PUMP, password: 'wrong', reconnectPeriod: 0 }),
    ).rejects.toMatchObject({ code: 4 });
  });

  it('refuses a connection without credentials (CONNACK 5)', async () => {
    await expect(
      connectAsync(`mqtt://127.0.0.1:${h.bridge.port}`, { clientId: FIRE_PUMP, reconnectPeriod: 0 }),
    ).rejects.toMatchObject({ code: 5 });
  });

  it('refuses a wrong secret (CONNACK 4)', async () => {
    await expect(h.connect(FIRE_PUMP, { password: 'not-the-secret' })).rejects.toMatchObject({ code: 4 });
  });

  it('refuses one device borrowing another device’s secret', async () => {
    await expect(h.connect(FIRE_PUMP, { password: h.secrets.get(LIFT)!.password })).rejects.toMatchObject({
      code: 4,
    });
  });

  it('refuses a client id that is not the username (CONNACK 2)', async () => {
    await expect(h.connect(FIRE_PUMP, { clientId: 'someone-else' })).rejects.toMatchObject({ code: 2 });
  });

  it('stops admitting the old secret once a rotated one is synced', async () => {
    const rotated = await h.t.ok<{ password: string; version: number }>(
      'demo-admin',
      'iot',
      'issueCredential',
      {
        deviceId: TANK,
        rotate: true,
      },
    );
    expect(rotated.version).toBe(2);
    const admitted = await h.connect(TANK);
    const dropped = new Promise<void>((resolve) => admitted.once('close', () => resolve()));
    await h.bridge.registry.refresh();
    await dropped; // the session opened with the old secret ends
    await expect(h.connect(TANK)).rejects.toMatchObject({ code: 4 });
    const client = await h.connect(TANK, { password: rotated.password });
    expect(client.connected).toBe(true);
  });

  it('admits a device issued a credential after the bridge started, on its first attempt', async () => {
    await h.t.store.collection('devices').insert({
      ...(await h.t.store.collection('devices').get(TANK))!,
      _id: 'dev_wt02',
      code: 'WT-02',
    });
    const issued = await h.t.ok<{ password: string }>('demo-admin', 'iot', 'issueCredential', {
      deviceId: 'dev_wt02',
    });
    const client = await connectAsync(`mqtt://127.0.0.1:${h.bridge.port}`, {
      clientId: 'dev_wt02',
      username: 'dev_wt02',
      password: issued.password,
      reconnectPeriod: 0,
    });
    expect(client.connected).toBe(true);
    await client.endAsync();
  });
});

describe('topic ACL', () => {
  it('drops the connection of a device publishing to another device’s topic, and nothing reaches the rules', async () => {
    const pump = await h.connect(FIRE_PUMP);
    const closed = new Promise<void>((resolve) => pump.once('close', () => resolve()));
    pump.publish(telemetryTopic(LIFT), JSON.stringify({ speed: 9, door: 'open', load: 0 }), { qos: 1 });
    await closed;
    expect(h.bridge.runtime.stats(LIFT)?.received).toBe(0);
  });

  it('drops a publish to its own command topic or outside the device tree', async () => {
    const pump = await h.connect(FIRE_PUMP);
    const closed = new Promise<void>((resolve) => pump.once('close', () => resolve()));
    pump.publish(`estates/${ESTATE}/devices/${FIRE_PUMP}/commands`, '{}', { qos: 1 });
    await closed;
  });

  it('lets a device subscribe to its own command topic only (SUBACK 0x80 otherwise)', async () => {
    const pump = await h.connect(FIRE_PUMP);
    const own = await pump.subscribeAsync(`estates/${ESTATE}/devices/${FIRE_PUMP}/commands`, { qos: 1 });
    expect(own[0]!.qos).toBe(1);
    for (const topic of [`estates/${ESTATE}/devices/${LIFT}/commands`, `estates/${ESTATE}/#`, '#'])
      await expect(pump.subscribeAsync(topic, { qos: 1 })).rejects.toMatchObject({
        packet: { granted: [128] },
      });
    expect(pump.connected).toBe(true);
    const received = new Promise<string>((resolve) =>
      pump.once('message', (_t, payload) => resolve(payload.toString())),
    );
    await h.bridge.command(FIRE_PUMP, { inject: 'low_pressure' });
    expect(JSON.parse(await received)).toEqual({ inject: 'low_pressure' });
  });
});

describe('telemetry', () => {
  it('drops malformed payloads, counts them per device and relays the count', async () => {
    const pump = await h.connect(FIRE_PUMP);
    await pump.publishAsync(telemetryTopic(FIRE_PUMP), 'not json', { qos: 1 });
    await publishReading(pump, FIRE_PUMP, { pressure: 'high' });
    await publishReading(pump, FIRE_PUMP, { pressure: 0.5, level: 3 });
    await publishReading(pump, FIRE_PUMP, { pressure: 0.52 });
    await eventually(() => h.bridge.runtime.stats(FIRE_PUMP)?.received === 4, 'four messages');
    expect(h.bridge.runtime.stats(FIRE_PUMP)).toMatchObject({ received: 4, malformed: 3 });
    const state = await eventually(async () => {
      const s = await h.t.store.collection<DeviceState>('device_state').get(FIRE_PUMP);
      return s?.malformed === 3 && s.metrics.pressure === 0.52 ? s : null;
    }, 'relayed state');
    expect(state.online).toBe(true);
    expect(await alarmsOf(FIRE_PUMP)).toEqual([]);
  });

  it('raises “pressure < 0.3 MPa for 60 s” once through a flapping minute, and clears once', async () => {
    // Noise this fast would also trip the sudden-drop rule; switch it off for this pump (a per-device override).
    await h.t.ok('demo-admin', 'iot', 'saveDeviceRules', {
      deviceId: FIRE_PUMP,
      overrides: { pressure_drop: { enabled: false } },
    });
    await h.bridge.registry.refresh();
    const pump = await h.connect(FIRE_PUMP);
    const t0 = Date.now() - 5 * 60_000;
    await publishReading(pump, FIRE_PUMP, { pressure: 0.5, ts: t0 });
    // Below 0.3 MPa from t0+10 s; raised at t0+70 s. Then noise takes it above the limit (0.31, 0.33)
    // but below the 0.35 clear value, again and again: no clear, no second alarm.
    for (let s = 10; s <= 70; s += 10)
      await publishReading(pump, FIRE_PUMP, { pressure: 0.28, ts: t0 + s * 1000 });
    for (let s = 75; s <= 150; s += 5)
      await publishReading(pump, FIRE_PUMP, { pressure: [0.29, 0.31, 0.33][s % 3]!, ts: t0 + s * 1000 });
    await publishReading(pump, FIRE_PUMP, { pressure: 0.36, ts: t0 + 155_000 });
    await publishReading(pump, FIRE_PUMP, { pressure: 0.3, ts: t0 + 160_000 });
    await publishReading(pump, FIRE_PUMP, { pressure: 0.4, ts: t0 + 165_000 });
    const alarms = await eventually(async () => {
      const all = (await alarmsOf(FIRE_PUMP)).filter((a) => a.ruleId === 'pressure_low');
      return all.length === 1 && all[0]!.state === 'cleared' ? all : null;
    }, 'one cleared alarm');
    expect(alarms[0]).toMatchObject({
      severity: 'critical',
      raisedAt: t0 + 70_000,
      clearedAt: t0 + 155_000,
      clearedBy: '设备恢复',
    });
    // The 0.35 MPa warning (30 s, clears at 0.4) raised once and cleared once too.
    const warnings = await eventually(async () => {
      const all = (await alarmsOf(FIRE_PUMP)).filter((a) => a.ruleId === 'pressure_low_warning');
      return all[0]?.state === 'cleared' ? all : null;
    }, 'warning cleared');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      severity: 'warning',
      raisedAt: t0 + 40_000,
      clearedAt: t0 + 165_000,
    });
    expect((await alarmsOf(FIRE_PUMP)).map((a) => [a.ruleId, a.state]).sort()).toEqual([
      ['pressure_low', 'cleared'],
      ['pressure_low_warning', 'cleared'],
    ]);
  });

  const liftReport = (faultCode: string | null, ts: number) => ({
    speed: 0,
    door: 'open',
    load: 0,
    faultCode,
    ts,
  });

  it('raises a lift fault code once while it repeats, and clears after a minute without it', async () => {
    const lift = await h.connect(LIFT);
    const t0 = Date.now() - 5 * 60_000;
    for (let s = 0; s < 5; s++) await publishReading(lift, LIFT, liftReport('E32', t0 + s * 1000));
    await publishReading(lift, LIFT, liftReport(null, t0 + 10_000));
    await publishReading(lift, LIFT, liftReport(null, t0 + 70_000));
    const alarms = await eventually(async () => {
      const all = await alarmsOf(LIFT);
      return all.length === 1 && all[0]!.state === 'cleared' ? all : null;
    }, 'fault raised and cleared');
    expect(alarms[0]).toMatchObject({ summary: '设备故障码：故障码 E32', clearedAt: t0 + 70_000 });
  });

  it('treats a fault code that flaps (set, cleared, set within seconds) as one alarm and one message', async () => {
    const lift = await h.connect(LIFT);
    const t0 = Date.now() - 5 * 60_000;
    for (let s = 0; s < 60; s += 3)
      await publishReading(lift, LIFT, liftReport(s % 2 === 0 ? 'E32' : null, t0 + s * 1000));
    await eventually(() => h.bridge.runtime.stats(LIFT)?.received === 20, 'twenty reports');
    h.bridge.runtime.flushAll();
    await eventually(() => h.bridge.relay.pending === 0, 'relayed');
    const alarms = await alarmsOf(LIFT);
    expect(alarms.map((a) => [a.ruleId, a.state])).toEqual([['fault', 'active_unacked']]);
    const messages = await h.t.store
      .collection<{ _id: string; eventKey: string }>('outbox')
      .find({ where: { kind: 'alarm_raised' } });
    expect(new Set(messages.items.map((m) => m.eventKey))).toEqual(new Set([`${alarms[0]!._id}.raised`]));
    const orders = await h.t.store.collection('workorders').find({ where: { source: 'alarm' } });
    expect(orders.items).toHaveLength(alarms[0]!.severity === 'critical' ? 1 : 0);
  });
});

describe('offline detection', () => {
  it('turns a last will into an offline alarm, cleared when the device returns', async () => {
    // The tank's offline rule allows 10 minutes; make it immediate for this device.
    await h.t.ok('demo-admin', 'iot', 'saveDeviceRules', {
      deviceId: TANK,
      overrides: { offline: { minutes: 0 } },
    });
    await h.bridge.registry.refresh();
    const tank = await h.connect(TANK, {
      will: { topic: statusTopic(TANK), payload: Buffer.from('offline'), qos: 1, retain: false },
    });
    await publishReading(tank, TANK, { level: 70 });
    tank.stream.destroy(); // dies without DISCONNECT: the broker publishes the will
    const alarm = await eventually(
      async () => (await alarmsOf(TANK)).find((a) => a.ruleId === 'offline'),
      'offline alarm',
    );
    expect(alarm).toMatchObject({ state: 'active_unacked', severity: 'major', label: '设备离线' });
    await eventually(
      async () => (await h.t.store.collection<DeviceState>('device_state').get(TANK))?.online === false,
      'offline state',
    );
    const back = await h.connect(TANK);
    await publishReading(back, TANK, { level: 71 });
    await eventually(
      async () => (await alarmsOf(TANK)).find((a) => a.ruleId === 'offline')?.state === 'cleared',
      'cleared',
    );
  });
});
