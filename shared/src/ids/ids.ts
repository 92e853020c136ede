const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

function encode(value: number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = ALPHABET[value % 32] + out;
    value = Math.floor(value / 32);
  }
  return out;
}

/**
 * A new document id: `prefix_` + 10 chars of millisecond time + 12 random chars. Ids sort by
 * creation time, which keeps cursor pages stable and makes logs readable.
 */
export function newId(prefix: string, now: number = Date.now()): string {
  const random = new Uint8Array(12);
  globalThis.crypto.getRandomValues(random);
  let tail = '';
  for (const byte of random) tail += ALPHABET[byte % 32];
  return `${prefix}_${encode(now, 10)}${tail}`;
}

/**
 * A deterministic id from parts, for documents that must exist at most once (a bill per
 * household, period and fee item). Inserting it twice is a DUPLICATE, which is what makes
 * retried jobs idempotent.
 */
export function keyId(prefix: string, ...parts: Array<string | number>): string {
  return `${prefix}_${parts.map((p) => String(p).replace(/[^\w.-]/g, '-')).join('_')}`;
}
