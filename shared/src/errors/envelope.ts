import type { ErrorShape } from './app-error';

/** The one response envelope of every action, over every transport. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorShape };

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data });
export const fail = (error: ErrorShape): Envelope<never> => ({ ok: false, error });
