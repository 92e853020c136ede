import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { Id } from '../schemas/property';
import type { NoticeBody } from './rich-text';

/** 通知公告 categories; each label is a WeChat `phrase` (≤ 5 Chinese characters) for the message. */
export const NoticeCategory = z.enum(['outage', 'activity', 'regulation', 'other']);
export type NoticeCategory = z.infer<typeof NoticeCategory>;
export const noticeCategoryLabels: Record<NoticeCategory, string> = {
  outage: '停水停电',
  activity: '社区活动',
  regulation: '管理规定',
  other: '其他通知',
};

export const NoticeImportance = z.enum(['normal', 'important', 'urgent']);
export type NoticeImportance = z.infer<typeof NoticeImportance>;
export const noticeImportanceLabels: Record<NoticeImportance, string> = {
  normal: '普通',
  important: '重要',
  urgent: '紧急',
};

export const NoticeStatus = z.enum(['draft', 'scheduled', 'published', 'withdrawn']);
export type NoticeStatus = z.infer<typeof NoticeStatus>;
export const noticeStatusLabels: Record<NoticeStatus, string> = {
  draft: '草稿',
  scheduled: '待发布',
  published: '已发布',
  withdrawn: '已撤回',
};

/** Allowed status changes; a published notice is never edited, only withdrawn. */
export const noticeTransitions: Record<NoticeStatus, readonly NoticeStatus[]> = {
  draft: ['scheduled', 'published'],
  scheduled: ['draft', 'published', 'withdrawn'],
  published: ['withdrawn'],
  withdrawn: [],
};

export function assertCanMoveNotice(from: NoticeStatus, to: NoticeStatus): void {
  if (!noticeTransitions[from].includes(to))
    throw new AppError(
      'PRECONDITION_FAILED',
      `通知当前为“${noticeStatusLabels[from]}”，不能改为“${noticeStatusLabels[to]}”`,
    );
}

export function assertCanEditNotice(status: NoticeStatus): void {
  if (status !== 'draft' && status !== 'scheduled')
    throw new AppError('PRECONDITION_FAILED', '通知已发布或已撤回，不能再修改内容');
}

/** Who a notice is for. Lists are of ids inside the notice's estate. */
export const NoticeTarget = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('estate') }).strict(),
  z.object({ scope: z.literal('buildings'), buildingIds: z.array(Id).min(1).max(100) }).strict(),
  z.object({ scope: z.literal('units'), unitIds: z.array(Id).min(1).max(500) }).strict(),
  z.object({ scope: z.literal('households'), householdIds: z.array(Id).min(1).max(2000) }).strict(),
]);
export type NoticeTarget = z.infer<typeof NoticeTarget>;

/** Fan-out to read-tracking records and messages, chunk by chunk (see notice/fan-out). */
export interface FanOutProgress {
  state: 'pending' | 'running' | 'done' | 'cancelled';
  /** The last household id done; the next chunk starts after it. */
  after: string | null;
  households: number;
  /** Messages enqueued (one per account, whatever its outcome). */
  messages: number;
  startedAt: number | null;
  finishedAt: number | null;
}

/** Targeted households counted when the notice was published (read-rate denominators). */
export interface NoticeAudience {
  households: number;
  byBuilding: Array<{ buildingId: string; households: number }>;
}

/** A notice document (collection `notices`). */
export interface Notice {
  _id: string;
  estateId: string;
  title: string;
  body: NoticeBody;
  /** Plain-text start of the body, kept for lists that do not load bodies. */
  excerpt: string;
  coverFileId: string | null;
  category: NoticeCategory;
  importance: NoticeImportance;
  target: NoticeTarget;
  status: NoticeStatus;
  /** When a scheduled notice goes out. */
  publishAt: number | null;
  publishedAt: number | null;
  /** Gone from owners' feeds after this instant; null keeps it. */
  expiresAt: number | null;
  pinned: boolean;
  pinnedAt: number | null;
  audience: NoticeAudience | null;
  fanout: FanOutProgress | null;
  /** Reminder rounds started so far; the active one, if any, is still being sent. */
  reminders: { rounds: number; activeRound: number | null; lastRequestId: string | null };
  withdrawnAt: number | null;
  withdrawReason: string | null;
  createdBy: string;
  createdByName: string;
  createdAt: number;
  updatedAt: number;
}

/** Whether an owner can see the notice in the feed at `now`. */
export function isNoticeLive(
  notice: Pick<Notice, 'status' | 'expiresAt'>,
  now: number,
): notice is Pick<Notice, 'status' | 'expiresAt'> & { status: 'published' } {
  return notice.status === 'published' && (notice.expiresAt === null || notice.expiresAt > now);
}

/** The mini-program page a notice message opens. */
export const noticeDetailPage = (noticeId: string): string =>
  `pages/notice-detail/index?id=${encodeURIComponent(noticeId)}`;
