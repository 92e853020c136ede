import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be misread on a printed label (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newInvitationCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export const FAMILY_INVITATION_TTL_MS = 7 * 24 * 3600_000;
export const OWNER_INVITATION_TTL_MS = 30 * 24 * 3600_000;
