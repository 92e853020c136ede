import {
  AppError,
  isNoticeLive,
  targetsHousehold,
  type Household,
  type NoticeCard,
  type noticeApi,
} from '@linli/shared';
import { findAll } from '../../_lib/collections';
import { identityOf, type Handler } from '../../_lib/define-function';
import { findByIds } from '../../_lib/find-by-ids';
import type { Doc } from '../../_lib/store/port';
import { accountReadId, noticeCollections, type NoticeDoc } from '../documents';
import { CARD_FIELDS, toCard } from '../views';

interface VisibleNotice {
  notice: NoticeDoc;
  rooms: Array<Household & Doc>;
}

/** Live notices of the estates of `homes` that target at least one of them, newest first. */
async function visibleNotices(
  ctx: Parameters<Handler<typeof noticeApi.feed>>[1],
  homes: Array<Household & Doc>,
): Promise<VisibleNotice[]> {
  const now = ctx.now();
  const visible: VisibleNotice[] = [];
  for (const estateId of new Set(homes.map((h) => h.estateId))) {
    const published = await findAll(
      noticeCollections(ctx.store).notices,
      { where: { estateId, status: 'published' } },
      { sort: [['publishedAt', 'desc']], fields: CARD_FIELDS },
    );
    for (const notice of published) {
      if (!isNoticeLive(notice, now)) continue;
      const rooms = homes.filter((h) => h.estateId === estateId && targetsHousehold(notice.target, h));
      if (rooms.length) visible.push({ notice, rooms });
    }
  }
  return visible.sort((a, b) => (b.notice.publishedAt ?? 0) - (a.notice.publishedAt ?? 0));
}

/**
 * The owner's 通知 feed: notices for any of their homes (or the one asked for), pinned ones
 * first, then newest first, with unread marks for this account. Paged by position.
 */
export const feed: Handler<typeof noticeApi.feed> = async (input, ctx) => {
  const identity = identityOf(ctx);
  if (input.householdId && !identity.householdIds.includes(input.householdId))
    throw new AppError('FORBIDDEN', '您无权查看该房屋的信息');
  const ids = input.householdId ? [input.householdId] : identity.householdIds;
  const homes = [...(await findByIds(ctx.db.households, ids)).values()];
  const visible = await visibleNotices(ctx, homes);
  const reads = await findByIds(
    noticeCollections(ctx.store).reads,
    visible.map((v) => accountReadId(v.notice._id, identity.accountId)),
    ['_id'],
  );
  const cards = visible.map(({ notice, rooms }) => ({
    card: toCard(
      notice,
      reads.has(accountReadId(notice._id, identity.accountId)),
      rooms.map((r) => r.roomCode),
    ),
    pinnedAt: notice.pinnedAt ?? 0,
  }));
  const pinned: NoticeCard[] = cards
    .filter((c) => c.card.pinned)
    .sort((a, b) => b.pinnedAt - a.pinnedAt)
    .map((c) => c.card);
  const rest = cards.filter((c) => !c.card.pinned).map((c) => c.card);
  const offset = Number(input.after ?? 0);
  const end = offset + input.limit;
  return {
    pinned: offset === 0 ? pinned : [],
    items: rest.slice(offset, end),
    ...(end < rest.length ? { next: String(end) } : {}),
    unreadCount: cards.filter((c) => !c.card.read).length,
  };
};
