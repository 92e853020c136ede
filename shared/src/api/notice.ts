import { z } from 'zod';
import type { MessageStatus } from '../messaging/status';
import {
  NoticeCategory,
  NoticeImportance,
  NoticeStatus,
  NoticeTarget,
  type FanOutProgress,
} from '../notice/notice';
import type { ReadRate } from '../notice/read-rate';
import { NoticeBody } from '../notice/rich-text';
import { Id } from '../schemas/property';
import { contract } from './contract';

// ---------------------------------------------------------------------------------------------
// Views. Instants are epoch milliseconds; format them in Shanghai time at the edge.

/** A notice in an owner's feed. */
export interface NoticeCard {
  noticeId: string;
  title: string;
  excerpt: string;
  coverFileId: string | null;
  category: NoticeCategory;
  categoryLabel: string;
  importance: NoticeImportance;
  importanceLabel: string;
  pinned: boolean;
  publishedAt: number;
  expiresAt: number | null;
  /** Whether this account has opened it (the unread badge is per account). */
  read: boolean;
  /** Which of the caller's homes it is for. */
  roomCodes: string[];
}

export interface NoticeFeedView {
  /** Pinned notices, all of them, newest pin first (only on the first page). */
  pinned: NoticeCard[];
  /** The rest, newest first. */
  items: NoticeCard[];
  next?: string;
  /** Unread notices in the whole feed (pinned included), for the tab badge. */
  unreadCount: number;
}

/** An opened notice, for its detail page. */
export interface NoticeReadView extends NoticeCard {
  body: NoticeBody;
  estateName: string;
  publisher: string;
  /** The notice passed its expiry (opened from an old message); show it, marked as expired. */
  expired: boolean;
}

export interface RemindRoundView {
  round: number;
  state: 'pending' | 'running' | 'done' | 'cancelled';
  /** Unread households reached so far, and messages enqueued to their accounts. */
  households: number;
  messages: number;
  requestedAt: number;
  requestedByName: string;
  finishedAt: number | null;
}

/** A notice as staff see and edit it. */
export interface NoticeStaffView {
  noticeId: string;
  estateId: string;
  estateName: string;
  title: string;
  body: NoticeBody;
  excerpt: string;
  category: NoticeCategory;
  categoryLabel: string;
  importance: NoticeImportance;
  importanceLabel: string;
  target: NoticeTarget;
  /** 全体住户 / 2号楼 / 1号楼1单元 / 指定 35 户 */
  targetLabel: string;
  status: NoticeStatus;
  statusLabel: string;
  publishAt: number | null;
  publishedAt: number | null;
  expiresAt: number | null;
  pinned: boolean;
  /** Households targeted when published (null before). */
  audienceHouseholds: number | null;
  fanout: FanOutProgress | null;
  reminderRounds: number;
  withdrawnAt: number | null;
  withdrawReason: string | null;
  createdByName: string;
  createdAt: number;
  updatedAt: number;
  /** Content and target can be changed (draft or scheduled). */
  canEdit: boolean;
  /** Statuses `publish`/`cancelSchedule`/`withdraw` can move it to now. */
  allowedMoves: NoticeStatus[];
}

export interface NoticeListItem extends Omit<NoticeStaffView, 'body'> {
  /** Households read / targeted; null until published. */
  readRate: ReadRate | null;
}

export interface NoticeStatsView {
  noticeId: string;
  title: string;
  publishedAt: number | null;
  /** A household counts as read when any of its accounts opened the notice. */
  households: ReadRate;
  /** Accounts that opened it, of the accounts a message was addressed to. */
  accounts: ReadRate;
  byBuilding: Array<ReadRate & { buildingId: string; buildingName: string }>;
  /** The publish messages by status (reminders not included). */
  messages: Record<MessageStatus, number>;
  fanout: FanOutProgress | null;
  reminders: RemindRoundView[];
}

/** How a household's accounts can be reached for this notice. */
export type Reach =
  'sent' | 'pending' | 'no_account' | 'no_quota' | 'opted_out' | 'refused' | 'failed' | 'not_yet';

export interface UnreadHouseholdView {
  householdId: string;
  roomCode: string;
  buildingName: string;
  boundAccounts: number;
  /** The best reach over its accounts and every message of this notice (reminders included). */
  reach: Reach;
  reachLabel: string;
  /** No message can reach it: staff should phone. */
  needsCall: boolean;
  /** Masked phones of the household's people, only when `needsCall` (reveal: property.revealContact). */
  contacts: Array<{ personId: string; name: string; relationLabel: string; phone: string }>;
}

export interface UnreadListView {
  items: UnreadHouseholdView[];
  next?: string;
  /** Households where nobody has read it (the whole notice, or the building asked for). */
  unreadHouseholds: number;
}

// ---------------------------------------------------------------------------------------------
// Inputs

const Title = z.string().trim().min(1, '请填写标题').max(60, '标题最多 60 字');
const Instant = z.number().int().positive();

const NoticeContent = {
  title: Title,
  body: NoticeBody,
  category: NoticeCategory,
  importance: NoticeImportance,
  target: NoticeTarget,
  pinned: z.boolean(),
  expiresAt: Instant.nullable(),
};

const writers = ['admin', 'service'] as const;

/** `notice`: 通知公告 — staff write, target, schedule and follow up; owners read. */
export const noticeApi = {
  create: contract<NoticeStaffView>()({
    input: z
      .object({
        estateId: Id,
        ...NoticeContent,
        importance: NoticeImportance.default('normal'),
        pinned: z.boolean().default(false),
        expiresAt: Instant.nullable().default(null),
      })
      .strict(),
    access: { roles: writers },
    summary: '员工新建通知（草稿）',
  }),
  update: contract<NoticeStaffView>()({
    input: z
      .object({ noticeId: Id, ...NoticeContent })
      .partial()
      .required({ noticeId: true })
      .strict(),
    access: { roles: writers },
    summary: '员工修改草稿或待发布的通知',
  }),
  publish: contract<NoticeStaffView>()({
    input: z
      .object({
        noticeId: Id,
        /** A later instant schedules it; omitted or past publishes now. */
        publishAt: Instant.optional(),
      })
      .strict(),
    access: { roles: writers },
    summary: '立即发布或定时发布通知',
  }),
  cancelSchedule: contract<NoticeStaffView>()({
    input: z.object({ noticeId: Id }).strict(),
    access: { roles: writers },
    summary: '取消定时发布，退回草稿',
  }),
  withdraw: contract<NoticeStaffView>()({
    input: z.object({ noticeId: Id, reason: z.string().trim().max(100).optional() }).strict(),
    access: { roles: writers },
    summary: '撤回通知（业主不再看到，未发出的消息取消）',
  }),
  pin: contract<NoticeStaffView>()({
    input: z.object({ noticeId: Id, pinned: z.boolean() }).strict(),
    access: { roles: writers },
    summary: '置顶或取消置顶',
  }),
  setExpiry: contract<NoticeStaffView>()({
    input: z.object({ noticeId: Id, expiresAt: Instant.nullable() }).strict(),
    access: { roles: writers },
    summary: '设置或取消通知的过期时间',
  }),
  list: contract<{ items: NoticeListItem[]; next?: string }>()({
    input: z
      .object({
        estateId: Id.optional(),
        status: NoticeStatus.optional(),
        after: z.string().max(500).optional(),
      })
      .strict(),
    access: { roles: writers },
    summary: '员工查看通知列表（含阅读率）',
  }),
  detail: contract<NoticeStaffView>()({
    input: z.object({ noticeId: Id }).strict(),
    access: { roles: writers },
    summary: '员工查看一条通知',
  }),
  feed: contract<NoticeFeedView>()({
    input: z
      .object({
        householdId: Id.optional(),
        limit: z.number().int().min(1).max(50).default(20),
        after: z
          .string()
          .regex(/^\d{1,6}$/)
          .optional(),
      })
      .strict(),
    access: { roles: ['owner'] },
    summary: '业主的通知列表：置顶在前，带未读标记',
  }),
  open: contract<NoticeReadView>()({
    input: z.object({ noticeId: Id }).strict(),
    access: { roles: ['owner'] },
    summary: '业主打开通知（记为本人和本户已读）',
  }),
  stats: contract<NoticeStatsView>()({
    input: z.object({ noticeId: Id }).strict(),
    access: { roles: writers },
    summary: '通知阅读率：按户、按楼栋、按账号',
  }),
  unread: contract<UnreadListView>()({
    input: z
      .object({
        noticeId: Id,
        buildingId: Id.optional(),
        /** Only households no message can reach (the call list). */
        needsCall: z.boolean().optional(),
        after: z.string().max(500).optional(),
      })
      .strict(),
    access: { roles: writers },
    summary: '未读住户名单，无法发消息的附电话（脱敏）',
  }),
  remind: contract<RemindRoundView>()({
    input: z
      .object({
        noticeId: Id,
        /** One id per tap: a retried tap starts no second round. */
        requestId: z.string().regex(/^[\w-]{8,64}$/),
      })
      .strict(),
    access: { roles: writers },
    summary: '一键提醒未读住户（订阅消息；无额度的进电话名单）',
  }),
};
