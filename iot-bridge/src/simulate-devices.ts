/**
 * `npm run iot:simulate` (alias `simulate:devices`): a realistic fleet for the demo estate. It logs
 * in to the local runtime as the demo admin, issues (rotates) a credential for every device, and
 * publishes readings with noise over MQTT. Faults are injected on command — a message
 * `{"inject":"low_pressure"|"fault"|"offline"|"normal"}` on a device's command topic — or from the
 * command line: `--inject low_pressure --type fire_pump [--count 1]`, `--fault-every 300` (seconds).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { connectAsync, type MqttClient } from 'mqtt';
import type { DeviceCredentialView, DeviceType, IotDeviceRow } from '@linli/shared';
import { z } from 'zod';

const Injection = z.enum(['low_pressure', 'fault', 'offline', 'normal']);
type Injection = z.infer<typeof Injection>;

const { values: args } = parseArgs({
  options: {
    estate: { type: 'string', default: 'est_linli_garden' },
    interval: { type: 'string', default: '5' },
    inject: { type: 'string' },
    type: { type: 'string' },
    count: { type: 'string', default: '1' },
    'fault-every': { type: 'string', default: '0' },
    'data-dir': { type: 'string', default: process.env.LINLI_DATA_DIR ?? resolve(__dirname, '../../.data') },
  },
});

const BridgeInfo = z.object({ origin: z.string(), host: z.string(), mqttPort: z.number() });

async function api<T>(
  origin: string,
  session: string,
  fn: string,
  action: string,
  input: unknown,
): Promise<T> {
  const response = await fetch(`${origin}/api/${fn}/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-linli-session': session },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: boolean; data?: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${fn}.${action}: ${envelope.error?.message ?? response.status}`);
  return envelope.data as T;
}

const noise = (spread: number) => (Math.random() - 0.5) * 2 * spread;
const round = (value: number, digits = 3) => Number(value.toFixed(digits));

/** One simulated device: a baseline reading with noise, bent by the current injection. */
class SimulatedDevice {
  injection: Injection = 'normal';
  private level = 60 + Math.random() * 30;
  client: MqttClient | null = null;

  constructor(
    readonly row: IotDeviceRow,
    readonly credential: DeviceCredentialView,
  ) {}

  reading(): Record<string, unknown> | null {
    const fault = this.injection === 'fault';
    const low = this.injection === 'low_pressure';
    const faultCode = fault ? 'E32' : null;
    const type: DeviceType = this.row.type;
    switch (type) {
      case 'lift':
        return {
          speed: round(Math.max(0, 1.5 + noise(0.3)), 2),
          door: Math.random() < 0.3 ? 'open' : 'closed',
          load: Math.round(300 + noise(250)),
          faultCode,
        };
      case 'fire_pump':
      case 'water_pump':
        return { pressure: round(low ? 0.2 + noise(0.02) : 0.55 + noise(0.03)), running: !low, faultCode };
      case 'water_tank':
        this.level = Math.min(92, Math.max(35, this.level + noise(1)));
        return { level: round(low ? 15 + noise(2) : this.level, 1), faultCode };
      case 'transformer':
      case 'generator':
      case 'power_meter':
        return {
          voltage: round(low ? 190 + noise(3) : 220 + noise(4), 1),
          current: round(40 + noise(10), 1),
          faultCode,
        };
      case 'hvac':
        return { temperature: round(24 + noise(1.5), 1), faultCode };
      default:
        return { faultCode };
    }
  }
}

async function main(): Promise<void> {
  const info = BridgeInfo.parse(JSON.parse(readFileSync(join(args['data-dir'], 'iot-bridge.json'), 'utf8')));
  const login = await fetch(`${info.origin}/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid: 'demo-admin' }),
  });
  const { token } = (await login.json()) as { token: string };
  const { items } = await api<{ items: IotDeviceRow[] }>(info.origin, token, 'iot', 'devices', {
    estateId: args.estate,
  });
  if (!items.length) throw new Error(`小区 ${args.estate} 没有设备台账，请先在设备管理中添加设备`);

  const fleet: SimulatedDevice[] = [];
  for (const row of items) {
    const credential = await api<DeviceCredentialView>(info.origin, token, 'iot', 'issueCredential', {
      deviceId: row.deviceId,
      rotate: row.hasCredential,
    });
    fleet.push(new SimulatedDevice(row, credential));
  }
  const inject = args.inject ? Injection.parse(args.inject) : null;
  if (inject)
    fleet
      .filter((d) => !args.type || d.row.type === args.type)
      .slice(0, Number(args.count))
      .forEach((d) => (d.injection = inject));

  for (const device of fleet) {
    const { credential } = device;
    const client = await connectAsync(`mqtt://${info.host}:${info.mqttPort}`, {
      clientId: credential.clientId,
      username: credential.username,
      password: credential.password,
      will: { topic: credential.statusTopic, payload: Buffer.from('offline'), qos: 1, retain: false },
      reconnectPeriod: 2000,
    });
    await client.subscribeAsync(credential.commandTopic, { qos: 1 });
    client.on('message', (_topic, payload) => {
      const command = z.object({ inject: Injection }).safeParse(JSON.parse(payload.toString()));
      if (command.success) device.injection = command.data.inject;
    });
    await client.publishAsync(credential.statusTopic, 'online', { qos: 1 });
    device.client = client;
  }
  process.stdout.write(
    `模拟 ${fleet.length} 台设备 / simulating ${fleet.length} devices on mqtt://${info.host}:${info.mqttPort}\n`,
  );
  if (inject) process.stdout.write(`注入故障 / injected ${inject}\n`);

  const faultEvery = Number(args['fault-every']) * 1000;
  let nextFault = faultEvery > 0 ? Date.now() + faultEvery : Infinity;
  const publish = () => {
    if (Date.now() >= nextFault) {
      const victim = fleet[Math.floor(Math.random() * fleet.length)]!;
      victim.injection = victim.row.type === 'fire_pump' ? 'low_pressure' : 'fault';
      setTimeout(() => (victim.injection = 'normal'), 120_000).unref();
      nextFault = Date.now() + faultEvery;
    }
    for (const device of fleet) {
      if (!device.client?.connected) continue;
      if (device.injection === 'offline') {
        device.client.stream.destroy();
        continue;
      }
      const reading = device.reading();
      if (reading)
        void device.client.publishAsync(device.credential.telemetryTopic, JSON.stringify(reading), {
          qos: 0,
        });
    }
  };
  publish();
  setInterval(publish, Number(args.interval) * 1000);
  process.on('SIGINT', () => {
    void Promise.all(fleet.map((d) => d.client?.endAsync() ?? Promise.resolve())).finally(() =>
      process.exit(0),
    );
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
