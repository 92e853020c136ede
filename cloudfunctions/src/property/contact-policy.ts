import { maskIdNumber, maskPhone, type Identity } from '@linli/shared';

/** Roles that may reveal a resident's full phone or ID number (each reveal is audited). PIPL. */
const REVEAL_ROLES = new Set(['admin', 'service', 'finance']);

export const canRevealContacts = (identity: Identity): boolean =>
  identity.roles.some((r) => REVEAL_ROLES.has(r));

/** Contact details are always masked in lists and details; only `revealContact` shows them whole. */
export const maskedContact = (person: { phone: string | null; idNumber: string | null }) => ({
  phone: maskPhone(person.phone),
  idNumber: maskIdNumber(person.idNumber),
});
