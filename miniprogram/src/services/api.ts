import {
  errorMessages,
  isErrorCode,
  type Api,
  type ErrorCode,
  type FieldIssue,
  type FunctionName,
  type InputOf,
  type OutputOf,
} from '@linli/shared';
import { callFunction } from './call-function';
import { PlatformError } from './platform-error';
import { clearSession, goToDevLogin, sessionToken } from './session';

/** Server codes, plus NETWORK for a call that never got an answer (offline, function missing). */
export type ApiErrorCode = ErrorCode | 'NETWORK';

/** An action failed; `message` is written for the person and safe to show as is. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly requestId?: string;
  readonly issues?: FieldIssue[];

  constructor(
    code: ApiErrorCode,
    message: string,
    extra: { requestId?: string; issues?: FieldIssue[]; cause?: unknown } = {},
  ) {
    super(message, { cause: extra.cause });
    this.name = 'ApiError';
    this.code = code;
    this.requestId = extra.requestId;
    this.issues = extra.issues;
  }
}

const NETWORK_MESSAGE = '网络异常或服务暂不可用，请稍后重试';

/**
 * Call one action with the input its contract declares and resolve with its output type.
 * Throws ApiError for an `{ ok: false }` envelope or a failed transport.
 */
export async function call<F extends FunctionName, A extends keyof Api[F] & string>(
  fn: F,
  action: A,
  input: InputOf<Api[F][A]>,
): Promise<OutputOf<Api[F][A]>> {
  // Locally the dev login is the only identity; without it every action would answer UNAUTHENTICATED.
  if (process.env.TARO_ENV === 'h5' && !sessionToken()) {
    goToDevLogin();
    throw new ApiError('UNAUTHENTICATED', errorMessages.UNAUTHENTICATED);
  }

  let body: unknown;
  try {
    body = await callFunction(fn, action, input);
  } catch (cause) {
    throw new ApiError('NETWORK', cause instanceof PlatformError ? cause.message : NETWORK_MESSAGE, {
      cause,
    });
  }

  const result = readEnvelope(body);
  if (result.ok) return result.data as OutputOf<Api[F][A]>;
  if (result.error.code === 'UNAUTHENTICATED' && process.env.TARO_ENV === 'h5') {
    clearSession();
    goToDevLogin();
  }
  throw result.error;
}

/**
 * Check the wire shape once, here. Data is trusted as the contract's output: the server built it
 * from the same contract. Anything that is not an envelope becomes an INTERNAL error.
 */
function readEnvelope(body: unknown): { ok: true; data: unknown } | { ok: false; error: ApiError } {
  const envelope = body as { ok?: unknown; data?: unknown; error?: Record<string, unknown> } | null;
  if (envelope?.ok === true) return { ok: true, data: envelope.data };
  const error = envelope?.ok === false ? envelope.error : undefined;
  if (!error || !isErrorCode(error.code)) {
    return { ok: false, error: new ApiError('INTERNAL', errorMessages.INTERNAL) };
  }
  const message =
    typeof error.message === 'string' && error.message ? error.message : errorMessages[error.code];
  return {
    ok: false,
    error: new ApiError(error.code, message, {
      requestId: typeof error.requestId === 'string' ? error.requestId : undefined,
      issues: Array.isArray(error.issues) ? (error.issues as FieldIssue[]) : undefined,
    }),
  };
}

/** The message to show for anything a page's load or action threw; our own errors speak Chinese. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError || error instanceof PlatformError) return error.message;
  return errorMessages.INTERNAL;
}
