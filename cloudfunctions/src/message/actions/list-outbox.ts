import {
  AppError,
  MessageStatus,
  messageKindInfo,
  messageStatusLabels,
  type Account,
  type Household,
  type messageApi,
  type OutboxItemView,
} from '@linli/shared';
import { assertServesEstate } from '../../_lib/authorize';
import { identityOf, type Handler } from '../../_lib/define-function';
import { findByIds } from '../../_lib/find-by-ids';
import type { Condition, Doc, Filter } from '../../_lib/store/port';
import { messagingCollections, type OutboxMessage } from '../../messaging/documents';

function toView(
  message: OutboxMessage,
  names: Map<string, Account & Doc>,
  rooms: Map<string, Household & Doc>,
): OutboxItemView {
  return {
    messageId: message._id,
    kind: message.kind,
    kindLabel: messageKindInfo[message.kind].label,
    templateTitle: message.templateTitle,
    status: message.status,
    statusLabel: messageStatusLabels[message.status],
    statusReason: message.statusReason,
    recipientAccountId: message.toAccountId,
    recipientName: names.get(message.toAccountId)?.displayName ?? '',
    householdId: message.householdId,
    roomCode: message.householdId ? (rooms.get(message.householdId)?.roomCode ?? null) : null,
    rows: Object.entries(message.fields).map(([label, value]) => ({ label, value })),
    page: message.page,
    createdAt: message.createdAt,
    sentAt: message.sentAt,
    nextAttemptAt: message.nextAttemptAt,
    attempts: message.attempts.map(({ no, at, errcode, errmsg, outcome }) => ({
      no,
      at,
      errcode,
      errmsg,
      outcome,
    })),
  };
}

export const listOutbox: Handler<typeof messageApi.outbox> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const estateId = input.estateId ?? identity.staffEstateIds[0];
  if (!estateId) throw new AppError('FORBIDDEN', '您还没有负责的小区');
  assertServesEstate(identity, estateId);
  const { outbox } = messagingCollections(ctx.store);
  const base: Record<string, Condition> = {
    estateId,
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.eventKey ? { eventKey: input.eventKey } : {}),
  };
  const where = (input.status ? { ...base, status: { in: input.status } } : base) as Filter;
  const [page, counts] = await Promise.all([
    outbox.find({ where }, { sort: [['createdAt', 'desc']], limit: input.limit, after: input.after }),
    Promise.all(MessageStatus.options.map((status) => outbox.count({ where: { ...base, status } }))),
  ]);
  const [names, rooms] = await Promise.all([
    findByIds(
      ctx.db.accounts,
      page.items.map((m) => m.toAccountId),
      ['displayName'],
    ),
    findByIds(
      ctx.db.households,
      page.items.flatMap((m) => (m.householdId ? [m.householdId] : [])),
      ['roomCode'],
    ),
  ]);
  return {
    items: page.items.map((m) => toView(m, names, rooms)),
    ...(page.next ? { next: page.next } : {}),
    counts: Object.fromEntries(MessageStatus.options.map((s, i) => [s, counts[i] ?? 0])) as Record<
      MessageStatus,
      number
    >,
  };
};
