import type { MessageTransport, WechatSendRequest, WechatSendResult } from './transport';

/**
 * Production transport: WeChat's HTTPS API.
 *   POST https://api.weixin.qq.com/cgi-bin/message/subscribe/send?access_token=TOKEN
 * with the access token from the stable-token endpoint (client_credential, appid + secret).
 * Why not the SDKs: wx-server-sdk's `cloud.openapi` only works inside WeChat cloud envs and is
 * not a dependency here, and @cloudbase/node-sdk's `callWxOpenApi` has no documented apiName
 * for this call (reference/PLATFORM.md §2.2, §7.3); plain HTTPS works from any CloudBase env.
 */

const API = 'https://api.weixin.qq.com';
const TIMEOUT_MS = 10_000;
/** Renew a little before WeChat's expiry (expires_in is 7200 s). */
const EARLY_RENEW_MS = 5 * 60_000;
/** Token errors: the token is stale (rotated elsewhere or expired), so fetch a new one. */
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);

export interface WechatHttpOptions {
  appId: string;
  appSecret: string;
  fetch?: typeof fetch;
  now?: () => number;
}

async function postJson(fetcher: typeof fetch, url: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetcher(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`WeChat API answered HTTP ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

export function createWechatHttpTransport(options: WechatHttpOptions): MessageTransport {
  const fetcher = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  let token: { value: string; renewAt: number } | null = null;

  async function accessToken(): Promise<string> {
    if (token && now() < token.renewAt) return token.value;
    // stable_token hands every caller the same token until it expires, so parallel
    // containers do not invalidate each other's tokens as /cgi-bin/token would.
    const answer = await postJson(fetcher, `${API}/cgi-bin/stable_token`, {
      grant_type: 'client_credential',
      appid: options.appId,
      secret: options.appSecret,
      force_refresh: false,
    });
    if (typeof answer.access_token !== 'string')
      throw new Error(`stable_token failed: ${String(answer.errcode)} ${String(answer.errmsg)}`);
    const lifetimeMs = (typeof answer.expires_in === 'number' ? answer.expires_in : 7200) * 1000;
    token = { value: answer.access_token, renewAt: now() + lifetimeMs - EARLY_RENEW_MS };
    return token.value;
  }

  return {
    name: 'wechat',
    async send(request: WechatSendRequest): Promise<WechatSendResult> {
      const url = `${API}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(await accessToken())}`;
      const answer = await postJson(fetcher, url, request);
      const errcode = typeof answer.errcode === 'number' ? answer.errcode : 0;
      if (TOKEN_ERRORS.has(errcode)) token = null;
      return {
        errcode,
        errmsg: typeof answer.errmsg === 'string' ? answer.errmsg : '',
        ...(typeof answer.msgid === 'string' || typeof answer.msgid === 'number'
          ? { msgid: answer.msgid }
          : {}),
      };
    },
  };
}
