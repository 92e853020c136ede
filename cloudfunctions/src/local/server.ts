import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { AppError, fail, type Envelope } from '@linli/shared';
import { z } from 'zod';
import type { Logger } from '../_lib/logger';
import { httpStatusFor } from './http-status';
import { renderOutboxPage } from './outbox-page';
import { answerSubscribePrompt, SUBSCRIBE_SIMULATOR_PATH } from './subscribe-simulator';
import type { Runtime } from './runtime';
import type { DemoAccount } from './seed/demo-estate';
import { devSessions } from './sessions';
import { serveStatic } from './static-files';

const MAX_BODY_BYTES = 1 << 20;
export const SESSION_HEADER = 'x-linli-session';

/** Extra routes later parts plug in (pay simulator, uploads); return true when handled. */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export interface ServerOptions {
  runtime: Runtime;
  log: Logger;
  h5Dir: string;
  demoAccounts: DemoAccount[];
  routes?: Route[];
  /** Extra facts for /healthz (scheduler state, simulators). */
  health?: () => Record<string, unknown>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new AppError('VALIDATION', '请求内容过大');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    .end(text);
}

function sendEnvelope(res: ServerResponse, envelope: Envelope<unknown>): void {
  sendJson(res, envelope.ok ? 200 : httpStatusFor[envelope.error.code], envelope);
}

async function parseJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('VALIDATION', '请求内容不是有效的 JSON');
  }
}

const DevLoginBody = z.object({ openid: z.string().regex(/^[\w-]{1,64}$/) }).strict();

/** The local runtime's HTTP face: actions, dev login, outbox, health, and the H5 app. */
export function createLocalServer(options: ServerOptions): Server {
  const { runtime, log } = options;
  const sessions = devSessions(runtime.store);

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;

    const action = /^\/api\/([\w-]+)\/([\w.-]+)$/.exec(path);
    if (action) {
      if (req.method !== 'POST')
        return sendEnvelope(res, fail(new AppError('VALIDATION', '请使用 POST').toShape()));
      const input = await parseJson(req);
      const header = req.headers[SESSION_HEADER];
      const openid = await sessions.openidFor(Array.isArray(header) ? header[0] : header);
      const caller = openid ? { openid } : { anonymous: true as const };
      return sendEnvelope(res, await runtime.call(action[1]!, action[2]!, input, caller));
    }
    if (path === '/healthz') return sendJson(res, 200, { ok: true, ...options.health?.() });
    if (path === '/dev/accounts' && req.method === 'GET')
      return sendJson(res, 200, { accounts: await demoAccountsWithRoles() });
    if (path === '/dev/login' && req.method === 'POST') {
      const body = DevLoginBody.safeParse(await parseJson(req));
      if (!body.success)
        return sendEnvelope(res, fail(new AppError('VALIDATION', '请选择一个演示账号').toShape()));
      return sendJson(res, 200, { token: await sessions.create(body.data.openid) });
    }
    // Fire the scheduler's timer trigger now, as CloudBase's timer would (local only: for demos
    // and the fault scenarios, which cannot wait for the next minute).
    if (path === '/dev/tick' && req.method === 'POST')
      return sendEnvelope(res, await runtime.call('scheduler', 'tick', {}, { trigger: true }));
    if (path === '/outbox') {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(await renderOutboxPage(runtime.store, { status: url.searchParams.get('status') }));
      return;
    }
    if (path === SUBSCRIBE_SIMULATOR_PATH && req.method === 'POST') {
      const header = req.headers[SESSION_HEADER];
      const openid = await sessions.openidFor(Array.isArray(header) ? header[0] : header);
      return sendJson(res, ...(await answerSubscribePrompt(runtime.store, openid, await parseJson(req))));
    }
    for (const extra of options.routes ?? []) if (await extra(req, res, url)) return;
    if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(options.h5Dir, path, res);
    res.writeHead(404).end();
  }

  async function demoAccountsWithRoles() {
    const result = [];
    for (const demo of options.demoAccounts) {
      const me = await runtime.call('account', 'me', {}, { openid: demo.openid });
      result.push({ ...demo, roles: me.ok ? (me.data as { roles: string[] }).roles : [] });
    }
    return result;
  }

  return createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (error instanceof AppError) return sendEnvelope(res, fail(error.toShape()));
      log.log('error', 'http.failed', { url: req.url, error });
      if (!res.headersSent) sendEnvelope(res, fail(new AppError('INTERNAL').toShape()));
    });
  });
}
