import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { Logger } from '../_lib/logger';
import type { Runtime } from './runtime';
import type { Route } from './server';
import { loadOrCreateSimKeys, simulatorEnv, type SimKeys } from './wxpay-sim/keys';
import { sqliteSimState } from './wxpay-sim/sim-state';
import { WxpaySimulator } from './wxpay-sim/simulator';

export const NOTIFY_PATH = '/pay/notify';

async function rawBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The local stand-in for CloudBase HTTP access: a POST to /pay/notify reaches the payment
 * function's HTTP handler with the raw body and lower-case headers, as the integration
 * request would carry them.
 */
export function notifyRoute(runtime: Runtime, log: Logger, now?: () => number): Route {
  return async (req, res, url) => {
    if (url.pathname !== NOTIFY_PATH) return false;
    const http = runtime.functions.payment?.http;
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

/**
 * `npm start` pays against the simulator unless a real merchant is configured
 * (LINLI_WXPAY_BASE_URL set): keys and the simulator's own state (orders, refunds, notifications
 * not yet acknowledged) live in the data directory, and the payment settings point at this server
 * once its address is known — then what WeChat still owes us is delivered.
 */
export function localPayments(options: {
  runtime: Runtime;
  log: Logger;
  dataDir: string;
  env?: NodeJS.ProcessEnv;
}): { routes: Route[]; simulator: WxpaySimulator | null; configure(origin: string): void } {
  const env = options.env ?? process.env;
  const notify = notifyRoute(options.runtime, options.log);
  if (env.LINLI_WXPAY_BASE_URL) return { routes: [notify], simulator: null, configure: () => undefined };
  const keys: SimKeys = loadOrCreateSimKeys(options.dataDir);
  const simulator = new WxpaySimulator({
    keys,
    log: options.log,
    state: sqliteSimState(join(options.dataDir, 'wxpay-sim', 'state.sqlite')),
  });
  return {
    routes: [simulator.route, notify],
    simulator,
    configure(origin) {
      Object.assign(env, simulatorEnv(keys, origin));
      simulator.resume();
    },
  };
}
