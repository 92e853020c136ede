import { randomBytes, scryptSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Aedes } from 'aedes';
import { connectAsync, type MqttClient } from 'mqtt';
import { defaultRules, formatStoredSecret, type Alarm, type BridgeDevice } from '@linli/shared';
import { startBridge, type CloudClient } from '@linli/iot-bridge';
import { ADMIN, createIotHarness, LIFT, publishReading } from '../../helpers/iot';
import { startRedis } from '../../helpers/redis';
import { perSecond, type Benchmark } from '../harness';

const DEVICES = 200;
const MESSAGES_PER_DEVICE = 50;
const ESTATE = 'est_bench';

/** Cheap scrypt parameters for the bench fleet: connecting 200 devices is not what is measured. */
function benchHash(secret: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(secret, salt, 32, { N: 1024, r: 8, p: 1 });
  return formatStoredSecret({
    N: 1024,
    r: 8,
    p: 1,
    salt: salt.toString('base64url'),
    hash: hash.toString('base64url'),
  });
}

const fleet: BridgeDevice[] = Array.from({ length: DEVICES }, (_, i) => ({
  deviceId: `dev_bench_${i}`,
  estateId: ESTATE,
  deviceType: 'fire_pump',
  name: `消防泵 ${i}`,
  secretHash: benchHash('bench-secret'),
  rules: defaultRules.fire_pump,
  activeRuleIds: [],
}));

/** The cloud as a sink: the bench measures the broker and the rules, not HTTP or SQLite. */
const sinkCloud: CloudClient = { ingest: () => Promise.resolve(), sync: () => Promise.resolve(fleet) };

const topic = (deviceId: string) => `estates/${ESTATE}/devices/${deviceId}/telemetry`;
const reading = (i: number) => JSON.stringify({ pressure: 0.55 + ((i % 7) - 3) / 100, running: true });

/** Connect the fleet, device i to port i mod ports.length (a load balancer in front of the bridges). */
async function connectFleet(ports: readonly number[]): Promise<MqttClient[]> {
  const clients: MqttClient[] = [];
  for (const [i, device] of fleet.entries())
    clients.push(
      await connectAsync(`mqtt://127.0.0.1:${ports[i % ports.length]}`, {
        clientId: device.deviceId,
        username: device.deviceId,
        password: 'bench-secret',
        reconnectPeriod: 0,
      }),
    );
  return clients;
}

/** Every device publishes its readings (QoS 0) round by round; resolves when `done()` holds. */
async function blast(clients: MqttClient[], done: () => boolean): Promise<number> {
  const started = process.hrtime.bigint();
  for (let m = 0; m < MESSAGES_PER_DEVICE; m++) {
    clients.forEach((client, d) => client.publish(topic(fleet[d]!.deviceId), reading(m), { qos: 0 }));
    await new Promise((resolve) => setImmediate(resolve));
  }
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 1));
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Bare aedes, no hooks: one subscriber receives every telemetry message (fan-out of the same traffic). */
async function bareBrokerRate(): Promise<number> {
  const broker = await Aedes.createBroker();
  const server = createServer(broker.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const subscriber = await connectAsync(`mqtt://127.0.0.1:${port}`, {
    clientId: 'bench-sub',
    reconnectPeriod: 0,
  });
  await subscriber.subscribeAsync(`estates/${ESTATE}/#`, { qos: 0 });
  let received = 0;
  subscriber.on('message', () => received++);
  const clients = await connectFleet([port]);
  const ms = await blast(clients, () => received >= DEVICES * MESSAGES_PER_DEVICE);
  await Promise.all([...clients, subscriber].map((c) => c.endAsync(true)));
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    broker.close();
  });
  return perSecond(DEVICES * MESSAGES_PER_DEVICE, ms);
}

/**
 * The bridge: authentication, topic ACL, zod validation and rule evaluation of every message.
 * With `redisUrl`, `instances` bridges share it (mqemitter-redis + aedes-persistence-redis) and
 * the fleet is spread over them.
 */
async function bridgeRate(instances = 1, redisUrl?: string): Promise<{ rate: number; events: number }> {
  const dataDirs = Array.from({ length: instances }, () => mkdtempSync(join(tmpdir(), 'linli-bench-iot-')));
  const bridges = await Promise.all(
    dataDirs.map((dataDir) =>
      startBridge({ cloud: sinkCloud, dataDir, port: 0, tickMs: 1000, stateIntervalMs: 30_000, redisUrl }),
    ),
  );
  const clients = await connectFleet(bridges.map((b) => b.port));
  const processed = () =>
    fleet.reduce(
      (sum, d) => sum + bridges.reduce((n, b) => n + (b.runtime.stats(d.deviceId)?.received ?? 0), 0),
      0,
    );
  const ms = await blast(clients, () => processed() >= DEVICES * MESSAGES_PER_DEVICE);
  const events = bridges.reduce((n, b) => n + b.relay.sent, 0);
  await Promise.all(clients.map((c) => c.endAsync(true)));
  for (const bridge of bridges) await bridge.close();
  for (const dataDir of dataDirs) rmSync(dataDir, { recursive: true, force: true });
  return { rate: perSecond(DEVICES * MESSAGES_PER_DEVICE, ms), events };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/** Publish a lift fault → the alarm document in SQLite (through the relay's HTTP ingest); bare publish→subscriber as baseline. */
async function alarmLatency(): Promise<{ p50: number; p99: number; baseP50: number; baseP99: number }> {
  const h = await createIotHarness({ bridge: { tickMs: 1000 } });
  try {
    // Each round clears its fault at once, so the next code raises a new alarm.
    await h.t.ok(ADMIN, 'iot', 'saveDeviceRules', {
      deviceId: LIFT,
      overrides: { fault: { clearSeconds: 0 } },
    });
    await h.bridge.registry.refresh();
    const lift = await h.connect(LIFT);
    const alarms = h.t.store.collection<Alarm>('alarms');
    const latencies: number[] = [];
    for (let i = 0; i < 60; i++) {
      const before = await alarms.count({});
      const started = process.hrtime.bigint();
      await publishReading(lift, LIFT, { speed: 0, door: 'closed', load: 0, faultCode: `E${i}` });
      while ((await alarms.count({})) === before) await new Promise((resolve) => setImmediate(resolve));
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      await publishReading(lift, LIFT, { speed: 0, door: 'closed', load: 0, faultCode: null });
      while ((await alarms.count({ where: { state: 'cleared' } })) <= i)
        await new Promise((resolve) => setImmediate(resolve));
    }
    latencies.sort((a, b) => a - b);
    const base = await bareRoundTrips();
    return {
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
      baseP50: base.p50,
      baseP99: base.p99,
    };
  } finally {
    await h.close();
  }
}

async function bareRoundTrips(): Promise<{ p50: number; p99: number }> {
  const broker = await Aedes.createBroker();
  const server = createServer(broker.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const sub = await connectAsync(`mqtt://127.0.0.1:${port}`, { clientId: 'rt-sub', reconnectPeriod: 0 });
  const pub = await connectAsync(`mqtt://127.0.0.1:${port}`, { clientId: 'rt-pub', reconnectPeriod: 0 });
  await sub.subscribeAsync('rt', { qos: 1 });
  const samples: number[] = [];
  for (let i = 0; i < 60; i++) {
    const started = process.hrtime.bigint();
    const got = new Promise((resolve) => sub.once('message', resolve));
    await pub.publishAsync('rt', String(i), { qos: 1 });
    await got;
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  await Promise.all([sub.endAsync(true), pub.endAsync(true)]);
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    broker.close();
  });
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99) };
}

export const iotBenchmarks: Benchmark[] = [
  {
    name: `iot telemetry through broker+validation+rules (${DEVICES} devices)`,
    unit: 'msg/s',
    higherIsBetter: true,
    async run() {
      const baseline = await bareBrokerRate();
      const bridged = await bridgeRate();
      return {
        value: bridged.rate,
        baseline,
        notes: `baseline: bare aedes fan-out of the same ${DEVICES * MESSAGES_PER_DEVICE} messages to one subscriber; ${bridged.events} relay events`,
      };
    },
  },
  {
    name: `iot telemetry through two bridges over Redis (${DEVICES} devices)`,
    unit: 'msg/s',
    higherIsBetter: true,
    async run() {
      const redis = await startRedis();
      try {
        const single = await bridgeRate();
        const pair = await bridgeRate(2, redis.url);
        return {
          value: pair.rate,
          baseline: single.rate,
          notes: `baseline: one bridge, in-memory emitter and persistence; both instances on this ${cpus().length}-core machine with redis-server`,
        };
      } finally {
        await redis.stop();
      }
    },
  },
  {
    name: 'iot publish-to-alarm-record latency p50',
    unit: 'ms',
    higherIsBetter: false,
    async run() {
      const m = await alarmLatency();
      return {
        value: m.p50,
        baseline: m.baseP50,
        notes: `p99 ${m.p99.toFixed(1)} ms (bare broker publish→subscriber p50 ${m.baseP50.toFixed(2)} / p99 ${m.baseP99.toFixed(2)} ms); includes validation, rules, disk queue, HTTP ingest and SQLite`,
      };
    },
  },
];
