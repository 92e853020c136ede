import { randomBytes } from 'node:crypto';
import type { Doc, Store } from '../_lib/store/port';

interface DevSession extends Doc {
  openid: string;
  createdAt: number;
}

/**
 * Local stand-in for WeChat's identity: a dev login picks an OPENID and gets a token. Sessions
 * live in the database so a restart of `npm start` keeps people signed in.
 */
export function devSessions(store: Store) {
  const sessions = store.collection<DevSession>('dev_sessions');
  return {
    async create(openid: string): Promise<string> {
      const token = randomBytes(24).toString('base64url');
      await sessions.insert({ _id: token, openid, createdAt: Date.now() });
      return token;
    },
    async openidFor(token: string | undefined): Promise<string | null> {
      if (!token || !/^[\w-]{16,64}$/.test(token)) return null;
      return (await sessions.get(token))?.openid ?? null;
    },
  };
}
