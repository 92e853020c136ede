import { useCallback, useRef, useState } from 'react';
import { ApiError, messageOf, type ApiErrorCode } from '../services/api';

/** Why an action failed: the message to show, and per-field messages to put next to fields. */
export interface ActionFailure {
  code: ApiErrorCode | null;
  message: string;
  /** Field path (`phoneLast4`, `shifts.0.start`) → message. */
  fields: Record<string, string>;
}

export function failureOf(error: unknown): ActionFailure {
  const fields: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const issue of error.issues ?? []) fields[issue.path] ??= issue.message;
    return { code: error.code, message: error.message, fields };
  }
  return { code: null, message: messageOf(error), fields };
}

/**
 * Run an action from a button: one at a time (a second tap while it runs does nothing), with its
 * failure kept for the page to show. `run` resolves with the result, or undefined when it failed.
 */
export function useAction<A extends unknown[], R>(perform: (...args: A) => Promise<R>) {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const running = useRef(false);
  const latest = useRef(perform);
  latest.current = perform;

  const run = useCallback(async (...args: A): Promise<R | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setPending(true);
    setFailure(null);
    try {
      return await latest.current(...args);
    } catch (error) {
      setFailure(failureOf(error));
      return undefined;
    } finally {
      running.current = false;
      setPending(false);
    }
  }, []);

  return { run, pending, failure, setFailure };
}
