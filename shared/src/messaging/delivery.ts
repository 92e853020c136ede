/**
 * What the sender does after each attempt at subscribeMessage.send, as pure rules.
 * Error codes: WeChat's sendMessage doc (see reference/PLATFORM.md §2.2).
 */

export const WECHAT_OK = 0;
/** 用户拒绝接受消息 — also what WeChat answers when the person has no one-time quota left. */
export const WECHAT_REFUSED = 43101;
/** Errors that no retry can fix: bad openid, bad template id, bad data, bad page. */
export const PERMANENT_ERRORS: ReadonlySet<number> = new Set([40003, 40037, 47003, 41030]);

export const DEFAULT_MAX_ATTEMPTS = 5;
/**
 * Wait before attempt n+1 after a transient failure of attempt n. The sender runs once a minute,
 * so shorter waits would not be honoured anyway.
 */
export const RETRY_DELAYS_MS: readonly number[] = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000];

/** A `sending` claim older than this is from a sender that died mid-send. */
export const STALE_SENDING_MS = 5 * 60_000;

/** `errcode` null means no answer at all (network error, timeout). */
export type SendErrorClass = 'sent' | 'refused' | 'permanent' | 'transient';

export function classifySendResult(errcode: number | null): SendErrorClass {
  if (errcode === WECHAT_OK) return 'sent';
  if (errcode === WECHAT_REFUSED) return 'refused';
  if (errcode !== null && PERMANENT_ERRORS.has(errcode)) return 'permanent';
  // -1 (系统繁忙), token errors (40001/42001), daily limit (45009), network errors, and codes
  // we do not know: worth another try, bounded by the attempt limit.
  return 'transient';
}

export type AttemptOutcome = 'sent' | 'retry' | 'refused' | 'failed';

export interface AfterAttempt {
  outcome: AttemptOutcome;
  status: 'sent' | 'pending' | 'refused' | 'failed';
  /** When to try again; null unless the outcome is `retry`. */
  nextAttemptAt: number | null;
}

/** Decide the message's next state from the result of its `attemptNo`-th attempt (1-based). */
export function afterAttempt(input: {
  attemptNo: number;
  errcode: number | null;
  at: number;
  maxAttempts?: number;
}): AfterAttempt {
  const maxAttempts = input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  switch (classifySendResult(input.errcode)) {
    case 'sent':
      return { outcome: 'sent', status: 'sent', nextAttemptAt: null };
    case 'refused':
      return { outcome: 'refused', status: 'refused', nextAttemptAt: null };
    case 'permanent':
      return { outcome: 'failed', status: 'failed', nextAttemptAt: null };
    case 'transient': {
      if (input.attemptNo >= maxAttempts) return { outcome: 'failed', status: 'failed', nextAttemptAt: null };
      const delay = RETRY_DELAYS_MS[Math.min(input.attemptNo, RETRY_DELAYS_MS.length) - 1] ?? 60_000;
      return { outcome: 'retry', status: 'pending', nextAttemptAt: input.at + delay };
    }
  }
}
