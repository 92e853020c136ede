import { join } from 'node:path';
import { keyId, type Account, type Binding } from '@linli/shared';
import { accountIdFor } from '@linli/cloudfunctions/src/_lib/identity';
import { createSqliteStore } from '@linli/cloudfunctions/src/_lib/store/sqlite';
import { localTemplateId } from '@linli/cloudfunctions/src/messaging/config';
import {
  MESSAGE_QUOTA,
  quotaLedgerId,
  type QuotaLedger,
} from '@linli/cloudfunctions/src/messaging/documents';
import {
  SIM_SUBSCRIPTIONS,
  subscriptionId,
} from '@linli/cloudfunctions/src/messaging/transport/wechat-simulator';
import { DEMO_ESTATE_ID } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { SESSION_HEADER } from '@linli/cloudfunctions/src/local/server';
import type { LocalServer } from './local-server';

/** Building 3 has 2 units × 25 floors × 4 homes: room 01 of every floor first, then 02, 03, 04. */
export function loadOwnerRoom(i: number): string {
  if (i >= 200) throw new Error('building 3 has 200 homes');
  const floor = String((Math.floor(i / 2) % 25) + 1).padStart(2, '0');
  return `3-${(i % 2) + 1}-${floor}0${Math.floor(i / 50) + 1}`;
}

/**
 * `count` (≤ 200) more owner accounts of 邻里花园, each bound to its own home in building 3 and holding
 * one accepted notice-message subscription (our ledger and WeChat's), written straight into a running local runtime's database (SQLite in
 * WAL mode takes a second writer). For load and fault scenarios that need many real owners.
 */
export async function bindLoadOwners(server: LocalServer, count: number): Promise<string[]> {
  const store = createSqliteStore({ file: join(server.dataDir, 'linli.sqlite') });
  const now = Date.now();
  const openids = Array.from({ length: count }, (_, i) => `load-owner-${i}`);
  try {
    await store.collection<Account>('accounts').insertMany(
      openids.map((openid, i) => ({
        _id: accountIdFor(openid),
        openid,
        displayName: `压测业主${i}`,
        personId: null,
        staff: null,
        createdAt: now,
      })),
    );
    await store.collection<Binding>('bindings').insertMany(
      openids.map((openid, i) => {
        const roomCode = loadOwnerRoom(i);
        return {
          _id: keyId('bind', accountIdFor(openid), roomCode),
          accountId: accountIdFor(openid),
          householdId: keyId('hh', DEMO_ESTATE_ID, roomCode),
          estateId: DEMO_ESTATE_ID,
          relation: 'owner',
          status: 'approved',
          method: 'seed',
          personId: null,
          createdAt: now,
          decidedAt: now,
          decidedBy: null,
          reason: null,
        } satisfies Binding;
      }),
    );
    const templateId = localTemplateId('notice_published');
    await store.collection<QuotaLedger>(MESSAGE_QUOTA).insertMany(
      openids.map((openid) => ({
        _id: quotaLedgerId(accountIdFor(openid), templateId),
        accountId: accountIdFor(openid),
        templateId,
        available: 1,
        granted: 1,
        used: 0,
        refusedAt: null,
        updatedAt: now,
      })),
    );
    // …and WeChat's side of the same accept (the local simulator refuses sends it never saw).
    await store.collection(SIM_SUBSCRIPTIONS).insertMany(
      openids.map((openid) => ({
        _id: subscriptionId(openid, templateId),
        openid,
        templateId,
        credits: 1,
        updatedAt: now,
      })),
    );
  } finally {
    await store.close();
  }
  return openids;
}

export async function devLoginToken(server: LocalServer, openid: string): Promise<string> {
  const response = await fetch(`${server.url}/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid }),
  });
  return ((await response.json()) as { token: string }).token;
}

/** Call an action over HTTP as a signed-in account; throws on an error envelope. */
export async function callAs<T = unknown>(
  server: LocalServer,
  token: string,
  path: string,
  input: unknown,
): Promise<T> {
  const response = await fetch(`${server.url}/api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SESSION_HEADER]: token },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as {
    ok: boolean;
    data?: T;
    error?: { code: string; message: string };
  };
  if (!envelope.ok) throw new Error(`${path}: ${envelope.error?.code} ${envelope.error?.message}`);
  return envelope.data as T;
}

/** An estate-wide notice of 邻里花园, published by 张客服; returns its id. */
export async function publishEstateNotice(server: LocalServer, title = '电梯年检通知'): Promise<string> {
  const token = await devLoginToken(server, 'demo-service');
  const draft = await callAs<{ noticeId: string }>(server, token, 'notice/create', {
    estateId: DEMO_ESTATE_ID,
    title,
    body: { blocks: [{ type: 'paragraph', runs: [{ text: '本周六上午 3 号楼电梯年检，请错峰出行。' }] }] },
    category: 'outage',
    target: { scope: 'estate' },
  });
  await callAs(server, token, 'notice/publish', { noticeId: draft.noticeId });
  return draft.noticeId;
}
