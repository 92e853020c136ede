import tcb from '@cloudbase/node-sdk';
import { AppError, fail, type Envelope } from '@linli/shared';
import { z } from 'zod';
import type { RuntimeFunction } from './define-function';
import { dispatch, type CallerRef } from './dispatch';
import { createLogger } from './logger';
import { createCloudbaseStore } from './store/cloudbase';
import type { Store } from './store/port';

/** What the mini-program sends: `wx.cloud.callFunction({ name, data: { action, input } })`. */
const FunctionEvent = z
  .object({ action: z.string().min(1).max(64), input: z.unknown().optional() })
  .passthrough();

/**
 * Who is calling, from the platform: the OPENID arrives in process-wide `WX_*` variables
 * (getWXContext reads the same). A timer trigger has SOURCE `wx_trigger` and no OPENID;
 * the event's own `Type: 'Timer'` is not trusted alone because a client could send it.
 */
export function callerFromPlatform(env: NodeJS.ProcessEnv, event: unknown): CallerRef {
  const openid = env.WX_OPENID;
  if (openid) return { openid };
  const firstSource = (env.TCB_SOURCE ?? '').split(',')[0];
  const timerEvent =
    typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';
  if (
    firstSource === 'wx_trigger' ||
    (timerEvent && firstSource !== 'wx_client' && firstSource !== 'wx_http')
  ) {
    return { trigger: true };
  }
  return { anonymous: true };
}

/** HTTP access (集成请求): `{ httpMethod, path, headers, body, isBase64Encoded }`. */
const HttpEvent = z.object({
  httpMethod: z.string(),
  path: z.string().default('/'),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.string().nullish(),
  isBase64Encoded: z.boolean().default(false),
});

/** The CloudBase `main(event, context)` of one function. */
export function createMain(fn: RuntimeFunction, options: { store?: () => Store } = {}) {
  const log = createLogger({ base: { fn: fn.name } });
  let store: Store | undefined;
  const getStore =
    options.store ?? (() => createCloudbaseStore({ app: tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }) }));

  return async function main(
    event: unknown,
    context?: { request_id?: string },
  ): Promise<
    | Envelope<unknown>
    | { isBase64Encoded: false; statusCode: number; headers: Record<string, string>; body: string }
  > {
    const http = fn.http ? HttpEvent.safeParse(event) : null;
    if (fn.http && http?.success) {
      store ??= getStore();
      const raw = http.data.body ?? '';
      // The notification signature covers the exact bytes: decode, never re-serialize.
      const body = http.data.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
      const headers = Object.fromEntries(
        Object.entries(http.data.headers).map(([k, v]) => [k.toLowerCase(), v]),
      );
      const answer = await fn.http(
        { method: http.data.httpMethod.toUpperCase(), path: http.data.path, headers, body },
        { store, log, now: Date.now },
      );
      return {
        isBase64Encoded: false,
        statusCode: answer.statusCode,
        headers: answer.headers ?? {},
        body: answer.body,
      };
    }
    const caller = callerFromPlatform(process.env, event);
    if ('trigger' in caller) return run('tick', {}, caller, context?.request_id);
    const parsed = FunctionEvent.safeParse(event);
    if (!parsed.success) {
      return fail(
        new AppError('VALIDATION', '请求格式不正确：需要 { action, input }', {
          issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        }).toShape(context?.request_id),
      );
    }
    return run(parsed.data.action, parsed.data.input, caller, context?.request_id);
  };

  function run(action: string, input: unknown, caller: CallerRef, requestId?: string) {
    // Created on first use and kept for the warm container's later invocations.
    store ??= getStore();
    const current = store;
    return dispatch(fn, { action, input, caller, requestId }, { store: current, log });
  }
}
