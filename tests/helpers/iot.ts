import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt';
import type { Device, DeviceCredentialView, DeviceType } from '@linli/shared';
import { httpCloudClient, startBridge, type Bridge, type BridgeOptions } from '@linli/iot-bridge';
import { iotBridgeRoute } from '@linli/cloudfunctions/src/local/iot-routes';
import { DEMO_ESTATE_ID } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { createMemoryLogger } from '@linli/cloudfunctions/src/_lib/logger';
import { createTestRuntime, type TestRuntime } from './test-runtime';

export const ESTATE = DEMO_ESTATE_ID;
export const ADMIN = 'demo-admin';
export const SERVICE = 'demo-service';
export const FINANCE = 'demo-finance';
export const OWNER = 'demo-owner-1';
export const BRIDGE_TOKEN = 'test-bridge-token-0123456789';

export const FIRE_PUMP = 'dev_fp01';
export const LIFT = 'dev_lift_1_1';
export const TANK = 'dev_wt01';

function device(id: string, type: DeviceType, name: string, label: string, code: string): Device {
  return {
    _id: id,
    estateId: ESTATE,
    type,
    name,
    code,
    model: '',
    manufacturer: '',
    serialNo: '',
    location: { buildingId: null, floor: -1, publicAreaId: null, label },
    purchaseDate: null,
    installDate: null,
    warrantyUntil: null,
    serviceLifeYears: null,
    purchaseCost: null,
    supplier: null,
    contractor: null,
    photos: [],
    documents: [],
    status: 'in_service',
    note: '',
    createdAt: 0,
    updatedAt: 0,
    version: 0,
  };
}

export const testDevices: Device[] = [
  device(FIRE_PUMP, 'fire_pump', '1号消防泵', '地下一层消防泵房', 'FP-01'),
  device(LIFT, 'lift', '1号楼1单元电梯', '1号楼1单元电梯井', 'LIFT-1-1'),
  device(TANK, 'water_tank', '生活水箱', '地下一层水泵房', 'WT-01'),
];

/** The `iot` function's HTTP access on a real socket, which a test can take down and bring back. */
export interface FakeCloud {
  url: string;
  down: boolean;
  requests: number;
  close(): Promise<void>;
}

export async function serveCloud(t: TestRuntime): Promise<FakeCloud> {
  const route = iotBridgeRoute(t.runtime, createMemoryLogger());
  const cloud: FakeCloud = { url: '', down: false, requests: 0, close: () => Promise.resolve() };
  const server: Server = createServer((req, res) => {
    cloud.requests++;
    if (cloud.down) return void res.writeHead(503).end('down');
    void route(req, res, new URL(req.url ?? '/', 'http://x')).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cloud.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/iot`;
  cloud.close = () => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  };
  return cloud;
}

export interface IotHarness {
  t: TestRuntime;
  cloud: FakeCloud;
  dataDir: string;
  secrets: Map<string, DeviceCredentialView>;
  bridge: Bridge;
  /** Start a bridge (on `dataDir` unless given) and make it `bridge`. */
  startBridge(overrides?: Partial<BridgeOptions>): Promise<Bridge>;
  /** Another empty data directory, removed on close (a second bridge instance needs its own). */
  newDataDir(): string;
  /** Connect as a device (its issued secret unless given). */
  connect(deviceId: string, options?: Partial<IClientOptions>): Promise<MqttClient>;
  close(): Promise<void>;
}

/** Demo estate + three devices with credentials + the cloud over HTTP + a bridge on a free port. */
export async function createIotHarness(
  options: { now?: () => number; bridge?: Partial<BridgeOptions> } = {},
): Promise<IotHarness> {
  process.env.LINLI_IOT_BRIDGE_TOKEN = BRIDGE_TOKEN;
  const t = await createTestRuntime({ now: options.now });
  await t.store.collection('devices').insertMany(testDevices);
  const secrets = new Map<string, DeviceCredentialView>();
  for (const d of testDevices)
    secrets.set(
      d._id,
      await t.ok<DeviceCredentialView>(ADMIN, 'iot', 'issueCredential', { deviceId: d._id }),
    );
  const cloud = await serveCloud(t);
  const dataDirs = [mkdtempSync(join(tmpdir(), 'linli-iot-'))];
  const dataDir = dataDirs[0]!;
  const clients: MqttClient[] = [];
  const bridges: Bridge[] = [];
  const harness: IotHarness = {
    t,
    cloud,
    dataDir,
    secrets,
    bridge: undefined as unknown as Bridge,
    async startBridge(overrides = {}) {
      const bridge = await startBridge({
        cloud: httpCloudClient({ baseUrl: cloud.url, token: BRIDGE_TOKEN }),
        dataDir,
        port: 0,
        tickMs: 50,
        syncMs: 3_600_000,
        stateIntervalMs: 0,
        relayBackoffMs: { min: 20, max: 200 },
        ...options.bridge,
        ...overrides,
      });
      bridges.push(bridge);
      harness.bridge = bridge;
      return bridge;
    },
    newDataDir() {
      const dir = mkdtempSync(join(tmpdir(), 'linli-iot-'));
      dataDirs.push(dir);
      return dir;
    },
    async connect(deviceId, clientOptions = {}) {
      const client = await connectAsync(`mqtt://127.0.0.1:${harness.bridge.port}`, {
        clientId: deviceId,
        username: deviceId,
        password: secrets.get(deviceId)?.password,
        reconnectPeriod: 0,
        connectTimeout: 5000,
        ...clientOptions,
      });
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((c) => c.endAsync(true).catch(() => undefined)));
      for (const b of bridges) await b.close().catch(() => undefined);
      await cloud.close();
      await t.close();
      for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
    },
  };
  await harness.startBridge();
  return harness;
}

/** Poll until `check` returns a truthy value (the bridge relays asynchronously). */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  what = 'condition',
): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export const telemetryTopic = (deviceId: string) => `estates/${ESTATE}/devices/${deviceId}/telemetry`;
export const statusTopic = (deviceId: string) => `estates/${ESTATE}/devices/${deviceId}/status`;

/** Publish a reading at QoS 1 (acknowledged by the broker once routed). */
export async function publishReading(
  client: MqttClient,
  deviceId: string,
  reading: Record<string, unknown>,
): Promise<void> {
  await client.publishAsync(telemetryTopic(deviceId), JSON.stringify(reading), { qos: 1 });
}
