import { PlatformError } from './platform-error';
import { SESSION_HEADER, sessionToken } from './session';

/** A reply of the local runtime (H5). Error replies still carry a JSON body worth reading. */
export interface LocalReply {
  status: number;
  body: unknown;
}

/** Same-origin request to the local runtime, with the dev session when there is one. */
export async function requestLocal(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<LocalReply> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = sessionToken();
  if (token) headers[SESSION_HEADER] = token;
  if (body !== undefined) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new PlatformError('无法连接本地服务，请确认 npm start 正在运行', { cause });
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    // Not JSON (a proxy error page, say): the status alone tells the caller what happened.
  }
  return { status: response.status, body: parsed };
}

/** The `error.message` of an envelope-shaped error reply, if there is one. */
export function errorMessageIn(body: unknown): string | undefined {
  const error = (body as { error?: { message?: unknown } } | null)?.error;
  return typeof error?.message === 'string' ? error.message : undefined;
}
