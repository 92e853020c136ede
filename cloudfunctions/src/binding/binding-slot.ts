import { keyId } from '@linli/shared';
import type { Doc } from '../_lib/store/port';

/**
 * At most one live (pending or approved) binding per account and household. The slot is a
 * document addressed by id, so claiming it inside a transaction is exact even under concurrent
 * submissions — CloudBase transactions can only touch documents by id.
 */
export const BINDING_SLOTS = 'binding_slots';
export const bindingSlotId = (accountId: string, householdId: string): string =>
  keyId('slot', accountId, householdId);

export interface BindingSlot extends Doc {
  bindingId: string;
}
