import { keyId, type Account, type Identity, type Role } from '@linli/shared';
import { collections, findAll } from './collections';
import type { Store } from './store/port';

export const accountIdFor = (openid: string): string => keyId('acct', openid);

/**
 * Resolve the caller's identity from their OPENID. The first call of a new WeChat user creates
 * their account (idempotently: the account id derives from the OPENID), with no roles until a
 * binding is approved or staff roles are granted.
 */
export async function resolveIdentity(store: Store, openid: string, now: number): Promise<Identity> {
  const { accounts, bindings } = collections(store);
  const accountId = accountIdFor(openid);
  let account = await accounts.get(accountId);
  if (!account) {
    const fresh: Account = {
      _id: accountId,
      openid,
      displayName: '微信用户',
      personId: null,
      staff: null,
      createdAt: now,
    };
    await accounts.insert(fresh).catch((error: unknown) => {
      if ((error as { code?: string }).code !== 'DUPLICATE') throw error;
    });
    account = (await accounts.get(accountId)) ?? fresh;
  }
  const approved = await findAll(bindings, { where: { accountId, status: 'approved' } });
  const roles: Role[] = [...(approved.length ? (['owner'] as const) : []), ...(account.staff?.roles ?? [])];
  return {
    openid,
    accountId,
    displayName: account.displayName,
    roles,
    staffEstateIds: account.staff?.estateIds ?? [],
    householdIds: approved.map((binding) => binding.householdId),
  };
}
