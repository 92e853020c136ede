import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { messageOf } from '../services/api';

/** What a page knows about data it loads from the server. */
export type Remote<T> =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

/**
 * Load once per change of `deps`, and again on `reload()`. Only the latest load may set state, so a
 * slow answer for an old household never overwrites the current one. `refresh()` loads again
 * without the loading state in between, for a page coming back into view.
 */
export function useRemote<T>(
  load: () => Promise<T>,
  deps: DependencyList,
): Remote<T> & { reload: () => void; refresh: () => void } {
  const [remote, setRemote] = useState<Remote<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const quietly = useRef(false);

  useEffect(() => {
    const ticket = ++latest.current;
    if (!quietly.current) setRemote({ status: 'loading' });
    quietly.current = false;
    load().then(
      (data) => ticket === latest.current && setRemote({ status: 'ready', data }),
      (error: unknown) =>
        ticket === latest.current && setRemote({ status: 'error', message: messageOf(error) }),
    );
    // `load` is rebuilt each render; the caller's `deps` say when its result can change.
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const refresh = useCallback(() => {
    quietly.current = true;
    setAttempt((n) => n + 1);
  }, []);
  return { ...remote, reload, refresh };
}
