import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { httpCloudClient, startBridge, type Bridge } from '@linli/iot-bridge';
import { z } from 'zod';
import type { Logger } from '../_lib/logger';
import type { Runtime } from './runtime';
import type { Route } from './server';

export const IOT_PATH_PREFIX = '/iot/';

async function rawBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The local stand-in for the `iot` function's HTTP access: `POST /iot/ingest` and `/iot/sync`
 * reach its HTTP handler with the raw body and lower-case headers, as CloudBase would pass them.
 */
export function iotBridgeRoute(runtime: Runtime, log: Logger, now?: () => number): Route {
  return async (req, res, url) => {
    if (!url.pathname.startsWith(IOT_PATH_PREFIX)) return false;
    const http = runtime.functions.iot?.http;
    if (!http) return false;
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(req.headers))
      headers[name] = Array.isArray(value) ? value[0] : value;
    const answer = await http(
      { method: req.method ?? 'GET', path: url.pathname, headers, body: await rawBody(req) },
      { store: runtime.store, log, now: now ?? Date.now },
    );
    res.writeHead(answer.statusCode, answer.headers ?? {}).end(answer.body);
    return true;
  };
}

const IotEnv = z.object({
  /** `off` runs no broker (e.g. several local runtimes on one machine). */
  LINLI_IOT: z.enum(['on', 'off']).default('on'),
  LINLI_MQTT_PORT: z.coerce.number().int().min(0).max(65535).default(1883),
  LINLI_MQTT_WS_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  LINLI_IOT_BRIDGE_TOKEN: z.string().min(16).optional(),
});

/** Where `npm run iot:simulate` finds the running broker and runtime. */
export const BRIDGE_INFO_FILE = 'iot-bridge.json';

/**
 * `npm start` runs the MQTT bridge in the same process tree, relaying to this server over HTTP
 * exactly as it relays to CloudBase in production. The token is made up per start unless set.
 */
export async function startLocalIot(options: {
  origin: string;
  host: string;
  dataDir: string;
  log: Logger;
  env?: NodeJS.ProcessEnv;
}): Promise<Bridge | null> {
  const env = options.env ?? process.env;
  const settings = IotEnv.parse(env);
  if (settings.LINLI_IOT === 'off') return null;
  const token = settings.LINLI_IOT_BRIDGE_TOKEN ?? randomBytes(24).toString('base64url');
  env.LINLI_IOT_BRIDGE_TOKEN = token;
  const start = (port: number) =>
    startBridge({
      cloud: httpCloudClient({ baseUrl: `${options.origin}/iot`, token }),
      dataDir: join(options.dataDir, 'iot-bridge'),
      host: options.host,
      port,
      wsPort: settings.LINLI_MQTT_WS_PORT,
      log: { log: (level, msg, fields) => options.log.log(level, `iot.${msg}`, fields) },
    });
  let bridge: Bridge;
  try {
    bridge = await start(settings.LINLI_MQTT_PORT);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    // Another runtime holds the default port: take a free one and say which.
    bridge = await start(0);
  }
  writeFileSync(
    join(options.dataDir, BRIDGE_INFO_FILE),
    JSON.stringify({
      origin: options.origin,
      host: options.host,
      mqttPort: bridge.port,
      wsPort: bridge.wsPort,
    }),
  );
  return bridge;
}
