import { MessageStatus, readRate, type noticeApi, type RemindRoundView } from '@linli/shared';
import { findAll } from '../../_lib/collections';
import { type Handler } from '../../_lib/define-function';
import { findByIds } from '../../_lib/find-by-ids';
import { messageId } from '../../messaging';
import { messagingCollections } from '../../messaging/documents';
import { noticeCollections, publishEventKey, type RemindRound } from '../documents';
import { loadStaffNotice } from '../views';

export const toRoundView = (round: RemindRound): RemindRoundView => ({
  round: round.round,
  state: round.state,
  households: round.households,
  messages: round.messages,
  requestedAt: round.requestedAt,
  requestedByName: round.requestedByName,
  finishedAt: round.finishedAt,
});

/**
 * Read rates of a notice. Households are the unit that matters to the property company: a
 * household counts as read when any of its accounts opened the notice. Accounts are counted
 * too, against the accounts the publish message went to.
 */
export const noticeStats: Handler<typeof noticeApi.stats> = async (input, ctx) => {
  const notice = await loadStaffNotice(ctx, input.noticeId);
  const { targets, reads, reminds } = noticeCollections(ctx.store);
  const { outbox } = messagingCollections(ctx.store);
  const eventKey = publishEventKey(notice._id);
  const audience = notice.audience ?? { households: 0, byBuilding: [] };

  const [readHouseholds, byBuilding, buildings, statusCounts, readers, rounds] = await Promise.all([
    targets.count({ where: { noticeId: notice._id, read: true } }),
    Promise.all(
      audience.byBuilding.map((b) =>
        targets.count({ where: { noticeId: notice._id, buildingId: b.buildingId, read: true } }),
      ),
    ),
    findByIds(
      ctx.db.buildings,
      audience.byBuilding.map((b) => b.buildingId),
      ['name'],
    ),
    Promise.all(
      MessageStatus.options.map((status) =>
        outbox.count({ where: { kind: 'notice_published', eventKey, status } }),
      ),
    ),
    findAll(reads, { where: { noticeId: notice._id } }, { fields: ['accountId'] }),
    findAll(reminds, { where: { noticeId: notice._id } }, { sort: [['round', 'asc']] }),
  ]);
  const messaged = statusCounts.reduce((n, c) => n + c, 0);
  // Readers the publish message was addressed to (accounts bound later are not in the base).
  const addressed = await findByIds(
    outbox,
    readers.map((r) => messageId('notice_published', eventKey, r.accountId)),
    ['_id'],
  );
  return {
    noticeId: notice._id,
    title: notice.title,
    publishedAt: notice.publishedAt,
    households: readRate(readHouseholds, audience.households),
    accounts: readRate(addressed.size, messaged),
    byBuilding: audience.byBuilding.map((b, i) => ({
      buildingId: b.buildingId,
      buildingName: buildings.get(b.buildingId)?.name ?? '',
      ...readRate(byBuilding[i] ?? 0, b.households),
    })),
    messages: Object.fromEntries(MessageStatus.options.map((s, i) => [s, statusCounts[i] ?? 0])) as Record<
      MessageStatus,
      number
    >,
    fanout: notice.fanout,
    reminders: rounds.map(toRoundView),
  };
};
