import {
  AppError,
  noticeCategoryLabels,
  noticeImportanceLabels,
  noticeStatusLabels,
  noticeTransitions,
  type NoticeCard,
  type NoticeStaffView,
} from '@linli/shared';
import { assertServesEstate } from '../_lib/authorize';
import type { Collections } from '../_lib/collections';
import { identityOf, type ActionContext } from '../_lib/define-function';
import { targetLabel } from './audience';
import { noticeCollections, type NoticeDoc } from './documents';

/** A notice the calling staff member serves, or NOT_FOUND / FORBIDDEN. */
export async function loadStaffNotice(ctx: ActionContext, noticeId: string): Promise<NoticeDoc> {
  const notice = await noticeCollections(ctx.store).notices.get(noticeId);
  if (!notice) throw new AppError('NOT_FOUND', '通知不存在');
  assertServesEstate(identityOf(ctx), notice.estateId);
  return notice;
}

export async function toStaffView(db: Collections, notice: NoticeDoc): Promise<NoticeStaffView> {
  const [estate, label] = await Promise.all([
    db.estates.get(notice.estateId),
    targetLabel(db, notice.target),
  ]);
  return {
    noticeId: notice._id,
    estateId: notice.estateId,
    estateName: estate?.name ?? '',
    title: notice.title,
    body: notice.body,
    excerpt: notice.excerpt,
    category: notice.category,
    categoryLabel: noticeCategoryLabels[notice.category],
    importance: notice.importance,
    importanceLabel: noticeImportanceLabels[notice.importance],
    target: notice.target,
    targetLabel: label,
    status: notice.status,
    statusLabel: noticeStatusLabels[notice.status],
    publishAt: notice.publishAt,
    publishedAt: notice.publishedAt,
    expiresAt: notice.expiresAt,
    pinned: notice.pinned,
    audienceHouseholds: notice.audience?.households ?? null,
    fanout: notice.fanout,
    reminderRounds: notice.reminders.rounds,
    withdrawnAt: notice.withdrawnAt,
    withdrawReason: notice.withdrawReason,
    createdByName: notice.createdByName,
    createdAt: notice.createdAt,
    updatedAt: notice.updatedAt,
    canEdit: notice.status === 'draft' || notice.status === 'scheduled',
    allowedMoves: [...noticeTransitions[notice.status]],
  };
}

/** Fields a feed needs; bodies stay in the database until a notice is opened. */
export const CARD_FIELDS = [
  'estateId',
  'title',
  'excerpt',
  'coverFileId',
  'category',
  'importance',
  'target',
  'status',
  'pinned',
  'pinnedAt',
  'publishedAt',
  'expiresAt',
  'createdAt',
];

export function toCard(
  notice: Pick<
    NoticeDoc,
    | '_id'
    | 'title'
    | 'excerpt'
    | 'coverFileId'
    | 'category'
    | 'importance'
    | 'pinned'
    | 'publishedAt'
    | 'expiresAt'
    | 'createdAt'
  >,
  read: boolean,
  roomCodes: string[],
): NoticeCard {
  return {
    noticeId: notice._id,
    title: notice.title,
    excerpt: notice.excerpt,
    coverFileId: notice.coverFileId,
    category: notice.category,
    categoryLabel: noticeCategoryLabels[notice.category],
    importance: notice.importance,
    importanceLabel: noticeImportanceLabels[notice.importance],
    pinned: notice.pinned,
    publishedAt: notice.publishedAt ?? notice.createdAt,
    expiresAt: notice.expiresAt,
    read,
    roomCodes,
  };
}
