import {
  maskPhone,
  relationLabels,
  type MessageStatus,
  type noticeApi,
  type Reach,
  type UnreadHouseholdView,
} from '@linli/shared';
import { findAll } from '../../_lib/collections';
import { type Handler } from '../../_lib/define-function';
import { findByIds } from '../../_lib/find-by-ids';
import type { Condition } from '../../_lib/store/port';
import { messageId } from '../../messaging';
import { boundAccounts } from '../../messaging/bound-accounts';
import { messagingCollections } from '../../messaging/documents';
import { noticeCollections, publishEventKey, remindEventKey, type TargetHousehold } from '../documents';
import { loadStaffNotice } from '../views';

const reachLabels: Record<Reach, string> = {
  sent: '消息已送达',
  pending: '消息发送中',
  no_account: '未绑定微信',
  no_quota: '无订阅额度',
  opted_out: '已关闭通知',
  refused: '拒收消息',
  failed: '消息发送失败',
  not_yet: '尚未发送',
};

/** The best way any message of this notice reaches the household, best first. */
const REACH_ORDER: Reach[] = ['sent', 'pending', 'not_yet', 'no_quota', 'opted_out', 'refused', 'failed'];

function reachOf(statuses: MessageStatus[], accounts: number): Reach {
  if (!accounts) return 'no_account';
  if (!statuses.length) return 'not_yet';
  const asReach = statuses.map((s): Reach => {
    switch (s) {
      case 'sent':
        return 'sent';
      case 'pending':
      case 'sending':
        return 'pending';
      case 'no_quota':
      case 'opted_out':
      case 'refused':
      case 'failed':
        return s;
      case 'invalid':
      case 'cancelled':
        return 'failed';
    }
  });
  return REACH_ORDER.find((r) => asReach.includes(r)) ?? 'failed';
}

const PAGE = 50;
/** Target records looked at per call when only the call list is wanted. */
const MAX_SCAN = 1000;

/**
 * Households where nobody has read the notice, by room, each with how messages reach it.
 * Households no message can reach (no bound account, no quota, opted out, refused, failed)
 * are the call list: they come with their people's phones, masked.
 */
export const unreadHouseholds: Handler<typeof noticeApi.unread> = async (input, ctx) => {
  const notice = await loadStaffNotice(ctx, input.noticeId);
  const { targets } = noticeCollections(ctx.store);
  const where: Record<string, Condition> = { noticeId: notice._id, read: false };
  if (input.buildingId) where.buildingId = input.buildingId;
  const eventKeys = [publishEventKey(notice._id)];
  for (let round = 1; round <= notice.reminders.rounds; round++)
    eventKeys.push(remindEventKey(notice._id, round));

  const items: UnreadHouseholdView[] = [];
  let after = input.after;
  let scanned = 0;
  do {
    const page = await targets.find({ where: where }, { sort: [['roomCode', 'asc']], limit: PAGE, after });
    after = page.next;
    scanned += page.items.length;
    items.push(
      ...(await describe(ctx, page.items, eventKeys)).filter((i) => !input.needsCall || i.needsCall),
    );
  } while (input.needsCall && after && items.length < PAGE && scanned < MAX_SCAN);

  return {
    items,
    ...(after ? { next: after } : {}),
    unreadHouseholds: await targets.count({ where: where }),
  };
};

async function describe(
  ctx: Parameters<Handler<typeof noticeApi.unread>>[1],
  page: TargetHousehold[],
  eventKeys: string[],
): Promise<UnreadHouseholdView[]> {
  const householdIds = page.map((t) => t.householdId);
  const accounts = await boundAccounts(ctx.store, householdIds);
  const ids = householdIds.flatMap((h) =>
    (accounts.get(h) ?? []).flatMap((a) => eventKeys.map((k) => messageId('notice_published', k, a))),
  );
  const [messages, buildings, members] = await Promise.all([
    findByIds(messagingCollections(ctx.store).outbox, ids, ['status']),
    findByIds(
      ctx.db.buildings,
      page.map((t) => t.buildingId),
      ['name'],
    ),
    findAll(ctx.db.memberships, { where: { householdId: { in: householdIds }, movedOutOn: null } }),
  ]);
  const persons = await findByIds(
    ctx.db.persons,
    members.map((m) => m.personId),
    ['name', 'phone'],
  );
  return page.map((target) => {
    const accountIds = accounts.get(target.householdId) ?? [];
    const statuses = accountIds.flatMap((a) =>
      eventKeys.flatMap((k) => {
        const message = messages.get(messageId('notice_published', k, a));
        return message ? [message.status] : [];
      }),
    );
    const reach = reachOf(statuses, accountIds.length);
    const needsCall = reach !== 'sent' && reach !== 'pending' && reach !== 'not_yet';
    return {
      householdId: target.householdId,
      roomCode: target.roomCode,
      buildingName: buildings.get(target.buildingId)?.name ?? '',
      boundAccounts: accountIds.length,
      reach,
      reachLabel: reachLabels[reach],
      needsCall,
      contacts: needsCall
        ? members.flatMap((m) => {
            const person = persons.get(m.personId);
            const phone = maskPhone(person?.phone ?? null);
            return m.householdId === target.householdId && person && phone
              ? [
                  {
                    personId: person._id,
                    name: person.name,
                    relationLabel: relationLabels[m.relation],
                    phone,
                  },
                ]
              : [];
          })
        : [],
    };
  });
}
