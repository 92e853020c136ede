import { toHalfWidth } from './room-code';

/**
 * The check a property company controls when an owner claims a household: the registered
 * owner's name and the last four digits of the registered phone. Both must match a person
 * registered in the household; whitespace and full-width characters are forgiven.
 */
export function matchesRegisteredPerson(
  claim: { name: string; phoneLast4: string },
  registered: Array<{ name: string; phone: string | null }>,
): boolean {
  const name = toHalfWidth(claim.name).replace(/\s+/g, '');
  const last4 = toHalfWidth(claim.phoneLast4).trim();
  if (!/^\d{4}$/.test(last4) || !name) return false;
  return registered.some(
    (p) => p.phone !== null && p.name.replace(/\s+/g, '') === name && p.phone.endsWith(last4),
  );
}

/** Failed binding checks allowed per account in a rolling window before it is locked out. */
export const BINDING_ATTEMPT_LIMIT = { attempts: 5, windowMs: 60 * 60_000 } as const;

/** True when another attempt is allowed given the times of recent failures. */
export function canAttemptBinding(
  failureTimes: number[],
  now: number,
  limit = BINDING_ATTEMPT_LIMIT,
): boolean {
  return failureTimes.filter((t) => now - t < limit.windowMs).length < limit.attempts;
}
