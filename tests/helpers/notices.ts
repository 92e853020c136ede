import { keyId, type Account, type Binding, type NoticeBody, type NoticeStaffView } from '@linli/shared';
import type { Doc } from '@linli/cloudfunctions/src/_lib/store/port';
import { DEMO_ESTATE_ID } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import type { TestRuntime } from './test-runtime';

export const householdIdOf = (roomCode: string, estateId = DEMO_ESTATE_ID): string =>
  keyId('hh', estateId, roomCode);
export const buildingIdOf = (building: number, estateId = DEMO_ESTATE_ID): string =>
  keyId('bld', estateId, building);

/** Give a WeChat account an approved binding to a demo room, as an approved claim would. */
export async function bindAccount(
  t: TestRuntime,
  openid: string,
  roomCode: string,
  estateId = DEMO_ESTATE_ID,
): Promise<string> {
  const accountId = keyId('acct', openid);
  if (!(await t.store.collection('accounts').get(accountId)))
    await t.store.collection<Account & Doc>('accounts').insert({
      _id: accountId,
      openid,
      displayName: openid,
      personId: null,
      staff: null,
      createdAt: 0,
    });
  const householdId = householdIdOf(roomCode, estateId);
  await t.store.collection<Binding & Doc>('bindings').insert({
    _id: keyId('bind', accountId, householdId),
    accountId,
    householdId,
    estateId,
    relation: 'spouse',
    status: 'approved',
    method: 'seed',
    personId: null,
    createdAt: 0,
    decidedAt: 0,
    decidedBy: null,
    reason: null,
  });
  return accountId;
}

export const simpleBody = (text = '明日 9:00–17:00 二号楼停水检修，请提前储水。'): NoticeBody => ({
  blocks: [{ type: 'paragraph', runs: [{ text }] }],
});

export function noticeInput(overrides: Record<string, unknown> = {}) {
  return {
    estateId: DEMO_ESTATE_ID,
    title: '二号楼停水通知',
    body: simpleBody(),
    category: 'outage',
    importance: 'important',
    target: { scope: 'buildings', buildingIds: [buildingIdOf(2)] },
    ...overrides,
  };
}

/** Staff create and publish a notice now; returns its view. */
export async function publishNow(
  t: TestRuntime,
  staff: string,
  overrides: Record<string, unknown> = {},
): Promise<NoticeStaffView> {
  const draft = await t.ok<NoticeStaffView>(staff, 'notice', 'create', noticeInput(overrides));
  return t.ok<NoticeStaffView>(staff, 'notice', 'publish', { noticeId: draft.noticeId });
}
