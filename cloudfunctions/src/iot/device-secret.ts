import { randomBytes, scrypt } from 'node:crypto';
import { formatStoredSecret, SCRYPT_PARAMS } from '@linli/shared';

/** A new device secret: 24 random bytes, base64url (32 characters), shown to the admin once. */
export const newDeviceSecret = (): string => randomBytes(24).toString('base64url');

/** The stored form of a secret (salted scrypt); see shared/iot/secret-format. */
export async function hashDeviceSecret(secret: string): Promise<string> {
  const { N, r, p, keyLength } = SCRYPT_PARAMS;
  const salt = randomBytes(16);
  const hash = await new Promise<Buffer>((resolve, reject) =>
    scrypt(secret, salt, keyLength, { N, r, p }, (error, key) => (error ? reject(error) : resolve(key))),
  );
  return formatStoredSecret({ N, r, p, salt: salt.toString('base64url'), hash: hash.toString('base64url') });
}
