import { newId, type Alarm, type DeviceState, type RelayEvent } from '@linli/shared';
import type { Bridge } from '@linli/iot-bridge';
import { connect, connectAsync, type MqttClient } from 'mqtt';
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
import { startRedis, type TestRedis } from '../helpers/redis';

// Two bridge instances share one real Redis (mqemitter-redis + aedes-persistence-redis), each
// with its own data directory and relay queue, in front of one cloud.
jest.setTimeout(60_000);

let redis: TestRedis;
let h: IotHarness;
let b1: Bridge;
let b2: Bridge;

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});
beforeEach(async () => {
  await redis.flush();
  h = await createIotHarness({ bridge: { redisUrl: redis.url } });
  b1 = h.bridge;
  b2 = await h.startBridge({ dataDir: h.newDataDir() });
});
afterEach(async () => {
  await h.close();
});

const commandsTopic = (deviceId: string) => `estates/${ESTATE}/devices/${deviceId}/commands`;
const alarmsOf = async (deviceId: string, ruleId: string) =>
  (await h.t.store.collection<Alarm>('alarms').find({ where: { deviceId, ruleId } })).items;
const raisedMessages = async () =>
  (
    await h.t.store
      .collection<{ _id: string; eventKey: string }>('outbox')
      .find({ where: { kind: 'alarm_raised' } })
  ).items;
/** Each rule of the device has at most one alarm, and people were messaged about each alarm once. */
async function expectOneAlarmPerRule(deviceId: string): Promise<Alarm[]> {
  const all = (await h.t.store.collection<Alarm>('alarms').find({ where: { deviceId } })).items;
  expect(new Set(all.map((a) => a.ruleId)).size).toBe(all.length);
  const keys = (await raisedMessages()).map((m) => m.eventKey);
  expect(new Set(keys)).toEqual(new Set(all.map((a) => `${a._id}.raised`)));
  return all;
}

const connectTo = (bridge: Bridge, deviceId: string, options: Parameters<IotHarness['connect']>[1] = {}) =>
  h.connect(deviceId, { port: bridge.port, ...options });

/** A server-side subscriber on one instance (as the staff console or a command service would be). */
function listen(bridge: Bridge, topic: string): { messages: string[]; ready: Promise<void> } {
  const messages: string[] = [];
  const ready = new Promise<void>((resolve) =>
    bridge.broker.subscribe(
      topic,
      (packet, done) => {
        messages.push(packet.payload.toString());
        done();
      },
      () => resolve(),
    ),
  );
  return { messages, ready };
}

/** The pump resuming its session, listening before CONNACK so nothing queued slips past. */
async function persistentSession(bridge: Bridge): Promise<{ client: MqttClient; received: string[] }> {
  const received: string[] = [];
  const client = connect(`mqtt://127.0.0.1:${bridge.port}`, {
    clientId: FIRE_PUMP,
    username: FIRE_PUMP,
    password: h.secrets.get(FIRE_PUMP)!.password,
    clean: false,
    reconnectPeriod: 0,
  });
  client.on('message', (_topic, payload) => received.push(payload.toString()));
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', reject);
  });
  return { client, received };
}

function nextMessage(client: MqttClient): Promise<string> {
  return new Promise((resolve) => client.once('message', (_topic, payload) => resolve(payload.toString())));
}

/** Readings under 0.3 MPa for 60 s of device time: the pump's critical rule raises. */
async function lowPressureMinute(pump: MqttClient, t0: number): Promise<void> {
  for (let s = 0; s <= 60; s += 10)
    await publishReading(pump, FIRE_PUMP, { pressure: 0.2, ts: t0 + s * 1000 });
}

describe('two bridge instances over Redis', () => {
  it('carries a device’s status to a subscriber on the other instance, and commands back to it', async () => {
    const statuses = listen(b2, statusTopic(TANK));
    await statuses.ready;
    const tank = await connectTo(b1, TANK);
    await tank.subscribeAsync(commandsTopic(TANK), { qos: 1 });
    await tank.publishAsync(statusTopic(TANK), JSON.stringify({ state: 'online' }), { qos: 1 });
    await eventually(() => statuses.messages.length === 1, 'status on bridge 2');
    expect(JSON.parse(statuses.messages[0]!)).toEqual({ state: 'online' });

    const command = nextMessage(tank);
    await b2.command(TANK, { refill: true });
    expect(JSON.parse(await command)).toEqual({ refill: true });
  });

  it('keeps a retained command in the shared store for a device that connects to the other instance', async () => {
    await new Promise<void>((resolve, reject) =>
      b1.broker.publish(
        {
          cmd: 'publish',
          topic: commandsTopic(LIFT),
          payload: Buffer.from('{"mode":"inspection"}'),
          qos: 1,
          retain: true,
          dup: false,
        },
        (error) => (error ? reject(error) : resolve()),
      ),
    );
    const lift = await connectTo(b2, LIFT);
    const retained = nextMessage(lift);
    await lift.subscribeAsync(commandsTopic(LIFT), { qos: 1 });
    expect(JSON.parse(await retained)).toEqual({ mode: 'inspection' });
  });

  it('delivers a QoS 1 command queued while the device was away once, on whichever instance it returns to', async () => {
    const pump = await connectTo(b1, FIRE_PUMP, { clean: false });
    await pump.subscribeAsync(commandsTopic(FIRE_PUMP), { qos: 1 });
    await pump.endAsync();
    await b1.command(FIRE_PUMP, { test: 'run' });

    const onB2 = await persistentSession(b2);
    await eventually(() => onB2.received.length === 1, 'queued command on bridge 2');
    await onB2.client.endAsync();
    // Acknowledged there, so a later session on the first instance gets nothing again.
    const onB1 = await persistentSession(b1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await onB1.client.endAsync();
    expect(onB2.received).toEqual(['{"test":"run"}']);
    expect(onB1.received).toEqual([]);
  });

  it('runs a device’s rules on the instance it is connected to only: one alarm, one set of messages', async () => {
    const pump = await connectTo(b2, FIRE_PUMP);
    await lowPressureMinute(pump, Date.now() - 2 * 60_000);
    const [alarm] = await eventually(async () => {
      const all = await alarmsOf(FIRE_PUMP, 'pressure_low');
      return all.length ? all : null;
    }, 'alarm');
    expect(b2.runtime.stats(FIRE_PUMP)?.received).toBe(7);
    expect(b1.runtime.stats(FIRE_PUMP)?.received).toBe(0);
    b1.runtime.flushAll();
    b2.runtime.flushAll();
    await eventually(() => b1.relay.pending + b2.relay.pending === 0, 'relayed');
    const all = await expectOneAlarmPerRule(FIRE_PUMP);
    expect(all.find((a) => a.ruleId === 'pressure_low')?._id).toBe(alarm!._id);
  });

  it('sends the last will of a device killed on one instance to subscribers on the other', async () => {
    await h.t.ok('demo-admin', 'iot', 'saveDeviceRules', {
      deviceId: TANK,
      overrides: { offline: { minutes: 0 } },
    });
    await Promise.all([b1.registry.refresh(), b2.registry.refresh()]);
    const statuses = listen(b2, statusTopic(TANK));
    await statuses.ready;
    const tank = await connectTo(b1, TANK, {
      will: { topic: statusTopic(TANK), payload: Buffer.from('offline'), qos: 1, retain: false },
    });
    await publishReading(tank, TANK, { level: 70 });
    tank.stream.destroy(); // dies without DISCONNECT
    await eventually(() => statuses.messages.includes('offline'), 'will on bridge 2');
    const alarms = await eventually(async () => {
      const all = await alarmsOf(TANK, 'offline');
      return all.length ? all : null;
    }, 'offline alarm');
    expect(alarms).toHaveLength(1);
    expect(alarms[0]!.state).toBe('active_unacked');
  });

  it('does not report a device offline when it takes its session over on the other instance', async () => {
    await h.t.ok('demo-admin', 'iot', 'saveDeviceRules', {
      deviceId: TANK,
      overrides: { offline: { minutes: 0 } },
    });
    await Promise.all([b1.registry.refresh(), b2.registry.refresh()]);
    const first = await connectTo(b1, TANK);
    await publishReading(first, TANK, { level: 70 });
    await eventually(() => b1.runtime.stats(TANK)?.online, 'online on bridge 1');
    const closed = new Promise<void>((resolve) => first.once('close', () => resolve()));
    const second = await connectTo(b2, TANK);
    await closed; // [MQTT-3.1.4-2] the older connection is closed, across instances
    await publishReading(second, TANK, { level: 71 });
    await eventually(() => b2.runtime.stats(TANK)?.received === 1, 'reading on bridge 2');
    for (const bridge of [b1, b2]) bridge.runtime.tick();
    b1.runtime.flushAll();
    b2.runtime.flushAll();
    await eventually(() => b1.relay.pending + b2.relay.pending === 0, 'relayed');
    const state = await eventually(
      async () => (await h.t.store.collection<DeviceState>('device_state').get(TANK)) ?? null,
      'state',
    );
    expect(state.online).toBe(true);
    expect(await alarmsOf(TANK, 'offline')).toEqual([]);
    expect(b1.runtime.stats(TANK)?.online).toBe(false);
  });

  it('moves a device to the other instance when its bridge stops; the alarms both buffered arrive once', async () => {
    h.cloud.down = true;
    const [first, second] = [b1, b2];
    const pump = await connectAsync(`mqtt://127.0.0.1:${first.port}`, {
      clientId: FIRE_PUMP,
      username: FIRE_PUMP,
      password: h.secrets.get(FIRE_PUMP)!.password,
      reconnectPeriod: 100,
      // The device's own failover list: the next bridge when one goes away.
      servers: [
        { host: '127.0.0.1', port: first.port },
        { host: '127.0.0.1', port: second.port },
      ],
    });
    try {
      const t0 = Date.now() - 5 * 60_000;
      await lowPressureMinute(pump, t0);
      await eventually(() => first.runtime.stats(FIRE_PUMP)?.received === 7, 'readings on 1');
      expect(first.relay.pending).toBeGreaterThan(0);
      const firstDir = h.dataDir;
      await first.close();

      // The device is now served by bridge 2, which has not seen the alarm and raises it again.
      await eventually(() => pump.connected && second.runtime.stats(FIRE_PUMP)?.online, 'moved to 2');
      await lowPressureMinute(pump, t0 + 120_000);
      await eventually(() => second.runtime.stats(FIRE_PUMP)?.received === 7, 'readings on 2');

      // The cloud returns; bridge 1 comes back on its own queue; both relay at once.
      h.cloud.down = false;
      const restarted = await h.startBridge({ dataDir: firstDir });
      restarted.relay.kick();
      second.relay.kick();
      const alarms = await eventually(async () => {
        const all = await alarmsOf(FIRE_PUMP, 'pressure_low');
        return all.length === 1 && all[0]!.repeats === 1 ? all : null;
      }, 'both raises applied');
      expect(alarms[0]!.state).toBe('active_unacked');
      const orders = await h.t.store.collection('workorders').find({ where: { source: 'alarm' } });
      expect(orders.items).toHaveLength(1);
      await eventually(() => restarted.relay.pending + second.relay.pending === 0, 'queues drained');
      await expectOneAlarmPerRule(FIRE_PUMP);
    } finally {
      await pump.endAsync(true);
    }
  });

  it('keeps one alarm when both instances relay a raise of the same rule at the same moment', async () => {
    const at = Date.now();
    const raise = (): RelayEvent => ({
      eventId: newId('ev', at),
      kind: 'raise',
      deviceId: FIRE_PUMP,
      estateId: ESTATE,
      at,
      ruleId: 'pressure_low',
      label: '消防管网压力过低',
      severity: 'critical',
      value: 0.2,
      summary: '消防管网压力过低：压力 0.2 MPa',
    });
    for (let round = 0; round < 5; round++) {
      b1.relay.push([raise()]);
      b2.relay.push([raise()]);
    }
    await eventually(() => b1.relay.pending + b2.relay.pending === 0, 'both relayed');
    const [alarm, ...others] = await alarmsOf(FIRE_PUMP, 'pressure_low');
    expect(others).toEqual([]);
    expect(alarm!.repeats).toBe(9);
    expect(await expectOneAlarmPerRule(FIRE_PUMP)).toHaveLength(1);
    expect(await h.t.store.collection('workorders').find({ where: { source: 'alarm' } })).toMatchObject({
      items: [expect.objectContaining({ deviceId: FIRE_PUMP })],
    });
  });

  it('refuses strangers and foreign topics on either instance', async () => {
    for (const bridge of [b1, b2]) {
      await expect(
        connectAsync(`mqtt://127.0.0.1:${bridge.port}`, { clientId: FIRE_PUMP, reconnectPeriod: 0 }),
      ).rejects.toMatchObject({ code: 5 });
      await expect(connectTo(bridge, FIRE_PUMP, { password: 'not-the-secret' })).rejects.toMatchObject({
        code: 4,
      });
      const pump = await connectTo(bridge, FIRE_PUMP);
      await expect(pump.subscribeAsync(commandsTopic(LIFT), { qos: 1 })).rejects.toMatchObject({
        packet: { granted: [128] },
      });
      const closed = new Promise<void>((resolve) => pump.once('close', () => resolve()));
      pump.publish(telemetryTopic(LIFT), JSON.stringify({ speed: 9, door: 'open', load: 0 }), { qos: 1 });
      await closed;
    }
    for (const bridge of [b1, b2]) expect(bridge.runtime.stats(LIFT)?.received).toBe(0);
  });
});
