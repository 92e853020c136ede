import type { StaffRole } from '@linli/shared';
import { accountIdFor } from '@linli/cloudfunctions/src/_lib/identity';
import type { Doc, Store } from '@linli/cloudfunctions/src/_lib/store/port';

/** Insert in CloudBase-sized batches. */
export async function insertAll(store: Store, name: string, docs: Doc[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 1000)
    await store.collection(name).insertMany(docs.slice(i, i + 1000));
}

/** The benchmark estate 基准花园 and one staff account serving it. */
export async function insertBenchEstate(
  store: Store,
  estateId: string,
  staff: { openid: string; displayName: string; roles: StaffRole[] },
): Promise<void> {
  await store
    .collection('estates')
    .insert({ _id: estateId, name: '基准花园', code: 'JZHY', address: '上海' });
  await store.collection('accounts').insert({
    _id: accountIdFor(staff.openid),
    openid: staff.openid,
    displayName: staff.displayName,
    personId: null,
    staff: { roles: staff.roles, estateIds: [estateId], skills: [] },
    createdAt: 0,
  });
}
