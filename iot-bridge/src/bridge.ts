import { createServer, type AddressInfo, type Server } from 'node:net';
import { join } from 'node:path';
import { Aedes, type Client } from 'aedes';
import { createWebSocketStream, WebSocketServer } from 'ws';
import { DeviceRegistry } from './device-registry';
import { authenticate, type ClientDevices } from './hooks/authenticate';
import { authorizePublish } from './hooks/authorize-publish';
import { authorizeSubscribe } from './hooks/authorize-subscribe';
import { silentLogger, type Logger } from './logger';
import type { CloudClient } from './relay/cloud-client';
import { DiskQueue } from './relay/disk-queue';
import { Relay } from './relay/relay';
import { DeviceRuntime } from './rules/device-runtime';
import { lockDataDir, redisBrokerState, type SharedBrokerState } from './scale-out';
import { deviceTopic, parseDeviceTopic } from './topics';

export interface BridgeOptions {
  cloud: CloudClient;
  /** Holds the relay queue and the last registry snapshot; must survive restarts. */
  dataDir: string;
  host?: string;
  /** MQTT over TCP; 0 picks a free port. */
  port?: number;
  /** MQTT over WebSocket for gateways that need it; null for none, 0 picks a free port. */
  wsPort?: number | null;
  log?: Logger;
  /** Stale-device and duration check interval. */
  tickMs?: number;
  /** Credential and rule refresh interval. */
  syncMs?: number;
  /** At most one state relay per device per interval. */
  stateIntervalMs?: number;
  relayBackoffMs?: { min: number; max: number };
  now?: () => number;
  /**
   * Scale-out: instances given the same Redis share subscriptions, retained messages, wills and
   * QoS 1 state, so a device may connect to any of them. Each still needs its own `dataDir`.
   */
  redisUrl?: string;
}

export interface Bridge {
  broker: Aedes;
  port: number;
  wsPort: number | null;
  registry: DeviceRegistry;
  runtime: DeviceRuntime;
  relay: Relay;
  /** Send a command to a device's command topic. */
  command(deviceId: string, payload: unknown): Promise<void>;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * The MQTT bridge: an aedes broker whose hooks admit only known devices to their own topics,
 * a rules runtime fed by every telemetry and status message, and a relay that carries alarm and
 * state changes to the cloud through a durable queue.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const log = options.log ?? silentLogger;
  const host = options.host ?? '127.0.0.1';
  const unlock = lockDataDir(options.dataDir);
  const queue = new DiskQueue(join(options.dataDir, 'relay-queue'));
  const relay = new Relay({
    queue,
    cloud: options.cloud,
    log,
    minBackoffMs: options.relayBackoffMs?.min,
    maxBackoffMs: options.relayBackoffMs?.max,
  });
  const runtime = new DeviceRuntime(
    (events) => {
      try {
        relay.push(events);
      } catch (error) {
        // The disk queue failed (disk full?): say so loudly; the broker keeps serving devices.
        log.log('error', 'relay.enqueue_failed', { events: events.length, error: (error as Error).message });
      }
    },
    {
      stateIntervalMs: options.stateIntervalMs,
      now: options.now,
    },
  );
  const registry = new DeviceRegistry({
    cloud: options.cloud,
    log,
    snapshotFile: join(options.dataDir, 'devices.json'),
  });
  registry.onDevice((device) => runtime.load(device));
  for (const device of registry.all()) runtime.load(device);
  await registry.refresh();

  const devices: ClientDevices = new WeakMap();
  /** The live connection per device; a takeover's old connection closing is not "offline". */
  const current = new Map<string, Client>();
  const shared: SharedBrokerState | null = options.redisUrl ? redisBrokerState(options.redisUrl) : null;
  const broker = new Aedes({
    authenticate: authenticate(registry, devices, log),
    authorizePublish: authorizePublish(devices),
    authorizeSubscribe: authorizeSubscribe(devices),
    ...(shared && { mq: shared.mq, persistence: shared.persistence }),
  });
  // Another instance admitted one of our devices, and aedes closes our connection to it: from now
  // on that instance runs the device's rules, so this one must not read the close as "offline".
  // Subscribed before listen() so this runs ahead of aedes' own handler, which does the closing.
  broker.subscribe(
    '$SYS/+/new/clients',
    (packet, done) => {
      const deviceId = packet.payload.toString();
      if (packet.topic.split('/')[1] !== broker.id && current.has(deviceId)) {
        current.delete(deviceId);
        runtime.release(deviceId);
        log.log('info', 'device.moved', { deviceId });
      }
      done();
    },
    () => undefined,
  );
  await broker.listen();
  // A rotated or withdrawn credential ends the session that was admitted with it.
  registry.onRevoked((deviceId) => current.get(deviceId)?.close());

  broker.on('client', (client) => {
    const device = devices.get(client);
    if (!device) return;
    current.set(device.deviceId, client);
    runtime.status(device.deviceId, true);
  });
  broker.on('clientDisconnect', (client) => {
    const device = devices.get(client);
    if (!device || current.get(device.deviceId) !== client) return;
    current.delete(device.deviceId);
    runtime.status(device.deviceId, false);
  });
  broker.on('publish', (packet, client) => {
    const topic = parseDeviceTopic(packet.topic);
    if (!topic) return;
    // Only the connection that owns the device here speaks for it: not one that was taken over,
    // and not a will aedes replays for a dead instance (`brokerId` is that instance), which it
    // does even when the device has long reconnected. Disconnects are read from the broker.
    const replayedWill = (packet as { brokerId?: string }).brokerId;
    if (!client || current.get(topic.deviceId) !== client) return;
    if (replayedWill !== undefined && replayedWill !== broker.id) return;
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    if (topic.kind === 'telemetry') {
      if (!runtime.telemetry(topic.deviceId, payload))
        log.log('debug', 'telemetry.malformed', { deviceId: topic.deviceId });
    } else if (topic.kind === 'status') {
      const text = payload.toString('utf8').trim().replace(/^"|"$/g, '');
      const state = /"state"\s*:\s*"(\w+)"/.exec(text)?.[1] ?? text;
      if (state === 'online' || state === 'offline') runtime.status(topic.deviceId, state === 'online');
    }
  });

  const tcp = createServer(broker.handle);
  const port = await listen(tcp, options.port ?? 1883, host);
  let ws: WebSocketServer | null = null;
  let wsPort: number | null = null;
  if (options.wsPort !== undefined && options.wsPort !== null) {
    const wsServer = new WebSocketServer({ host, port: options.wsPort });
    ws = wsServer;
    await new Promise<void>((resolve, reject) => {
      wsServer.once('listening', resolve);
      wsServer.once('error', reject);
    });
    wsPort = (wsServer.address() as AddressInfo).port;
    wsServer.on('connection', (socket, req) => broker.handle(createWebSocketStream(socket), req));
  }

  const tick = setInterval(() => runtime.tick(), options.tickMs ?? 5000);
  const sync = setInterval(() => void registry.refresh(), options.syncMs ?? 30_000);
  tick.unref();
  sync.unref();
  relay.kick();
  log.log('info', 'bridge.ready', {
    port,
    wsPort,
    brokerId: broker.id,
    shared: Boolean(shared),
    devices: registry.size,
    queued: queue.length,
  });

  return {
    broker,
    port,
    wsPort,
    registry,
    runtime,
    relay,
    command(deviceId, payload) {
      const device = registry.get(deviceId);
      if (!device) return Promise.reject(new Error(`unknown device ${deviceId}`));
      const topic = deviceTopic({ estateId: device.estateId, deviceId, kind: 'commands' });
      return new Promise((resolve, reject) =>
        broker.publish(
          {
            cmd: 'publish',
            topic,
            payload: Buffer.from(JSON.stringify(payload)),
            qos: 1,
            retain: false,
            dup: false,
          },
          (error) => (error ? reject(error) : resolve()),
        ),
      );
    },
    async close() {
      clearInterval(tick);
      clearInterval(sync);
      // Connections closing with the broker are not devices going offline.
      for (const event of ['client', 'clientDisconnect', 'publish'] as const)
        broker.removeAllListeners(event);
      runtime.flushAll();
      relay.stop();
      ws?.clients.forEach((socket) => socket.terminate());
      ws?.close();
      // Closing the broker closes its connections (their wills go out to the other instances).
      await Promise.all([
        new Promise<void>((resolve) => tcp.close(() => resolve())),
        new Promise<void>((resolve) => broker.close(() => resolve())),
      ]);
      await shared
        ?.close()
        .catch((error: unknown) =>
          log.log('warn', 'bridge.redis_close_failed', { error: (error as Error).message }),
        );
      unlock();
    },
  };
}
