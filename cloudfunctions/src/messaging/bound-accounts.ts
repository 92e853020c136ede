import type { Binding } from '@linli/shared';
import { findAll } from '../_lib/collections';
import type { Store } from '../_lib/store/port';

const CHUNK = 500;

/** The accounts with an approved binding to each household (households without any are absent). */
export async function boundAccounts(
  store: Store,
  householdIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byHousehold = new Map<string, string[]>();
  const bindings = store.collection<Binding>('bindings');
  for (let i = 0; i < householdIds.length; i += CHUNK) {
    const chunk = householdIds.slice(i, i + CHUNK);
    const approved = await findAll(
      bindings,
      { where: { householdId: { in: chunk }, status: 'approved' } },
      { fields: ['householdId', 'accountId'] },
    );
    for (const binding of approved) {
      const accounts = byHousehold.get(binding.householdId) ?? [];
      if (!accounts.includes(binding.accountId)) accounts.push(binding.accountId);
      byHousehold.set(binding.householdId, accounts);
    }
  }
  return byHousehold;
}
