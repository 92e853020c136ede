import { z } from 'zod';
import type { MessageAudience } from '../messaging/kinds';
import { MessageKind } from '../messaging/kinds';
import type { SubscribeAnswer } from '../messaging/quota';
import { MessageStatus } from '../messaging/status';
import type { AttemptOutcome } from '../messaging/delivery';
import type { SubscribeMoment } from '../messaging/subscribe-moments';
import { Id } from '../schemas/property';
import { contract } from './contract';

export interface MessageTemplateView {
  kind: MessageKind;
  kindLabel: string;
  description: string;
  audience: MessageAudience;
  /** Pass to `requestSubscribeMessage` (tmplIds). */
  templateId: string;
  title: string;
  /** Whether the caller wants this kind (message.setPreferences). */
  enabled: boolean;
  /** Sends left in the quota ledger for this template (shared by kinds on one template). */
  quota: number;
}

export interface MessageTemplatesView {
  templates: MessageTemplateView[];
  /** For each natural moment, the template ids to ask for (≤ maxPerRequest, only kinds the caller has on). */
  moments: Record<SubscribeMoment, string[]>;
  maxPerRequest: number;
}

export interface QuotaView {
  templateId: string;
  /** Kinds sent with this template. */
  kinds: MessageKind[];
  available: number;
}

export interface GrantResult {
  /** false when this request id was already applied (a retried call changes nothing). */
  applied: boolean;
  answers: Record<string, SubscribeAnswer>;
  quota: QuotaView[];
}

export interface MessagePreferencesView {
  kinds: Array<{
    kind: MessageKind;
    label: string;
    description: string;
    audience: MessageAudience;
    enabled: boolean;
  }>;
}

export interface AttemptView {
  no: number;
  at: number;
  /** WeChat's errcode; null when no answer came back (network error, timeout). */
  errcode: number | null;
  errmsg: string;
  outcome: AttemptOutcome;
}

export interface OutboxItemView {
  messageId: string;
  kind: MessageKind;
  kindLabel: string;
  templateTitle: string;
  status: MessageStatus;
  statusLabel: string;
  /** Why it was not sent (no_quota, opted_out, invalid, failed), in Chinese. */
  statusReason: string | null;
  recipientAccountId: string;
  recipientName: string;
  householdId: string | null;
  roomCode: string | null;
  /** The card's lines as WeChat shows them. */
  rows: Array<{ label: string; value: string }>;
  page: string | null;
  createdAt: number;
  sentAt: number | null;
  nextAttemptAt: number | null;
  attempts: AttemptView[];
}

export interface OutboxListView {
  items: OutboxItemView[];
  next?: string;
  /** Messages of the estate per status (with the same kind/event filter, ignoring `status`). */
  counts: Record<MessageStatus, number>;
}

/** A client-made id for one prompt, so a retried grant is applied once. */
const RequestId = z.string().regex(/^[\w-]{8,64}$/, '请求编号为 8–64 位字母、数字、- 或 _');

/** `message`: subscription-message quota, preferences, and the staff view of the outbox. */
export const messageApi = {
  templates: contract<MessageTemplatesView>()({
    input: z.object({}).strict(),
    access: 'signed-in',
    summary: '订阅消息模板、各时机应请求的模板与剩余额度',
  }),
  grantQuota: contract<GrantResult>()({
    input: z
      .object({
        requestId: RequestId,
        /** The success result of requestSubscribeMessage, as is: { errMsg, [templateId]: 'accept' | ... }. */
        result: z
          .record(z.string().max(128), z.string().max(64))
          .refine((r) => Object.keys(r).length <= 12, '模板数量过多'),
      })
      .strict(),
    access: 'signed-in',
    summary: '上报订阅结果：每个“允许”的模板增加一次发送额度',
  }),
  preferences: contract<MessagePreferencesView>()({
    input: z.object({}).strict(),
    access: 'signed-in',
    summary: '我接收哪些类型的通知',
  }),
  setPreferences: contract<MessagePreferencesView>()({
    input: z
      .object({ kinds: z.partialRecord(MessageKind, z.boolean()) })
      .strict()
      .refine((input) => Object.keys(input.kinds).length > 0, '请至少设置一种通知'),
    access: 'signed-in',
    summary: '打开或关闭某类通知',
  }),
  outbox: contract<OutboxListView>()({
    input: z
      .object({
        estateId: Id.optional(),
        status: z.array(MessageStatus).min(1).max(9).optional(),
        kind: MessageKind.optional(),
        /** The cause's key, e.g. a notice id: every message of one event. */
        eventKey: z.string().min(1).max(100).optional(),
        limit: z.number().int().min(1).max(100).default(30),
        after: z.string().max(500).optional(),
      })
      .strict(),
    access: { roles: ['admin', 'service', 'finance'] },
    summary: '员工查看订阅消息发件箱（按状态筛选，含每次发送记录）',
  }),
};
