/**
 * Device secrets are stored as `scrypt$N$r$p$<salt b64url>$<hash b64url>`: self-describing, so
 * parameters can be raised later without breaking stored credentials. The cloud hashes (on
 * issue/rotate) and the bridge verifies (on connect); both use Node's crypto.scrypt with these.
 */
export const SCRYPT_PARAMS = { N: 16384, r: 8, p: 1, keyLength: 32 } as const;

export interface StoredSecret {
  N: number;
  r: number;
  p: number;
  /** base64url */
  salt: string;
  /** base64url */
  hash: string;
}

export function formatStoredSecret(s: StoredSecret): string {
  return ['scrypt', s.N, s.r, s.p, s.salt, s.hash].join('$');
}

export function parseStoredSecret(text: string): StoredSecret | null {
  const parts = text.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0)) return null;
  return { N, r, p, salt: parts[4]!, hash: parts[5]! };
}
