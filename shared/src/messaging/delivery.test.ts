import { afterAttempt, classifySendResult, RETRY_DELAYS_MS } from './delivery';

describe('what the sender does after an attempt', () => {
  const at = 1_000_000;

  it('classifies WeChat answers', () => {
    expect(classifySendResult(0)).toBe('sent');
    expect(classifySendResult(43101)).toBe('refused');
    expect(classifySendResult(47003)).toBe('permanent');
    expect(classifySendResult(40037)).toBe('permanent');
    expect(classifySendResult(-1)).toBe('transient');
    expect(classifySendResult(null)).toBe('transient');
    expect(classifySendResult(45009)).toBe('transient');
  });

  it('never retries a refusal (43101)', () => {
    expect(afterAttempt({ attemptNo: 1, errcode: 43101, at })).toEqual({
      outcome: 'refused',
      status: 'refused',
      nextAttemptAt: null,
    });
  });

  it('retries a transient failure with growing waits, then gives up at the limit', () => {
    expect(afterAttempt({ attemptNo: 1, errcode: -1, at })).toEqual({
      outcome: 'retry',
      status: 'pending',
      nextAttemptAt: at + RETRY_DELAYS_MS[0]!,
    });
    expect(afterAttempt({ attemptNo: 2, errcode: null, at }).nextAttemptAt).toBe(at + RETRY_DELAYS_MS[1]!);
    expect(afterAttempt({ attemptNo: 5, errcode: -1, at, maxAttempts: 5 })).toEqual({
      outcome: 'failed',
      status: 'failed',
      nextAttemptAt: null,
    });
  });

  it('fails at once on an error no retry can fix', () => {
    expect(afterAttempt({ attemptNo: 1, errcode: 47003, at }).status).toBe('failed');
  });

  it('marks success as sent', () => {
    expect(afterAttempt({ attemptNo: 3, errcode: 0, at }).status).toBe('sent');
  });
});
