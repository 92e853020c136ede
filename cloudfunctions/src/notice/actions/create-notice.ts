import { bodyExcerpt, coverImage, newId, type noticeApi } from '@linli/shared';
import { assertServesEstate } from '../../_lib/authorize';
import { identityOf, type Handler } from '../../_lib/define-function';
import { assertTargetInEstate } from '../audience';
import { noticeCollections, type NoticeDoc } from '../documents';
import { assertExpiryAfter } from '../save-notice';
import { toStaffView } from '../views';

export const createNotice: Handler<typeof noticeApi.create> = async (input, ctx) => {
  const identity = identityOf(ctx);
  assertServesEstate(identity, input.estateId);
  await assertTargetInEstate(ctx.db, input.estateId, input.target);
  const now = ctx.now();
  assertExpiryAfter(input.expiresAt, now);
  const notice: NoticeDoc = {
    _id: newId('ntc', now),
    estateId: input.estateId,
    title: input.title,
    body: input.body,
    excerpt: bodyExcerpt(input.body),
    coverFileId: coverImage(input.body),
    category: input.category,
    importance: input.importance,
    target: input.target,
    status: 'draft',
    publishAt: null,
    publishedAt: null,
    expiresAt: input.expiresAt,
    pinned: input.pinned,
    pinnedAt: input.pinned ? now : null,
    audience: null,
    fanout: null,
    reminders: { rounds: 0, activeRound: null, lastRequestId: null },
    withdrawnAt: null,
    withdrawReason: null,
    createdBy: identity.accountId,
    createdByName: identity.displayName,
    createdAt: now,
    updatedAt: now,
  };
  await noticeCollections(ctx.store).notices.insert(notice);
  return toStaffView(ctx.db, notice);
};
