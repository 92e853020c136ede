import { z } from 'zod';
import {
  ComplaintContent,
  ComplaintImages,
  ComplaintKind,
  ComplaintReply,
  ComplaintStatus,
  type ComplaintEvent,
} from '../service-desk/complaint';
import { ServiceMessageBody, type ServiceSide } from '../service-desk/message';
import { QuickReplies } from '../service-desk/quick-replies';
import { Id } from '../schemas/property';
import { contract } from './contract';

// ---------------------------------------------------------------------------------------------
// Views. Instants are epoch milliseconds.

export interface ConversationView {
  conversationId: string;
  estateId: string;
  householdId: string;
  roomCode: string;
  ownerName: string;
  lastMessageAt: number | null;
  lastPreview: string;
  lastSide: ServiceSide | null;
  /** Unread for the caller's side (owner: replies from the desk; staff: the owner's messages). */
  unread: number;
  assigneeId: string | null;
  assigneeName: string | null;
  createdAt: number;
}

export interface ServiceMessageView {
  messageId: string;
  seq: number;
  side: ServiceSide;
  senderName: string;
  body: ServiceMessageBody;
  at: number;
  /** Written by the caller (drawn on the right). */
  mine: boolean;
}

export interface ConversationThreadView {
  conversation: ConversationView;
  /** Oldest first. */
  messages: ServiceMessageView[];
  /** More, older messages exist before the first one (pass its seq as `beforeSeq`). */
  hasOlder: boolean;
}

export interface ComplaintView {
  complaintId: string;
  estateId: string;
  householdId: string;
  roomCode: string;
  ownerName: string;
  kind: ComplaintKind;
  kindLabel: string;
  content: string;
  images: string[];
  status: ComplaintStatus;
  statusLabel: string;
  events: ComplaintEvent[];
  latestReply: string | null;
  handlerName: string | null;
  /** Statuses staff may move it to now. */
  allowedMoves: ComplaintStatus[];
  createdAt: number;
  updatedAt: number;
}

export interface InboxView {
  items: ConversationView[];
  next?: string;
  /** Conversations of the estate with unread owner messages (for the tile badge). */
  unreadConversations: number;
}

export interface AgentView {
  accountId: string;
  name: string;
  roleLabel: string;
}

// ---------------------------------------------------------------------------------------------
// Inputs

/** One id per tap: a retried send or submit is applied once. */
const RequestId = z.string().regex(/^[\w-]{8,64}$/, '请求编号为 8–64 位字母、数字、- 或 _');
const Seq = z.number().int().min(0);
const desk = ['admin', 'service'] as const;

/** `service`: 客服 — owner ↔ service-desk conversations, and 投诉建议 with tracked handling. */
export const serviceApi = {
  start: contract<ConversationView>()({
    input: z.object({ householdId: Id }).strict(),
    access: { roles: ['owner'] },
    summary: '业主开始（或回到）与物业客服的会话',
  }),
  mine: contract<{ items: ConversationView[]; unread: number }>()({
    input: z.object({}).strict(),
    access: { roles: ['owner'] },
    summary: '业主的客服会话及未读数',
  }),
  unread: contract<{ messages: number; conversations: number }>()({
    input: z.object({}).strict(),
    access: { roles: ['owner'] },
    summary: '业主未读的客服回复数（角标）',
  }),
  thread: contract<ConversationThreadView>()({
    input: z
      .object({
        conversationId: Id,
        /** Only messages after this one (polling while the chat is open). */
        afterSeq: Seq.optional(),
        /** Only messages before this one (scrolling back). */
        beforeSeq: Seq.optional(),
        limit: z.number().int().min(1).max(100).default(30),
      })
      .strict(),
    access: { roles: ['owner', ...desk] },
    summary: '会话消息（业主本人或负责该小区的客服）',
  }),
  send: contract<ServiceMessageView>()({
    input: z.object({ conversationId: Id, requestId: RequestId, body: ServiceMessageBody }).strict(),
    access: { roles: ['owner', ...desk] },
    summary: '发送文字或图片消息',
  }),
  markRead: contract<ConversationView>()({
    input: z.object({ conversationId: Id }).strict(),
    access: { roles: ['owner', ...desk] },
    summary: '标记会话已读（本方）',
  }),
  submitComplaint: contract<ComplaintView>()({
    input: z
      .object({
        householdId: Id,
        requestId: RequestId,
        kind: ComplaintKind,
        content: ComplaintContent,
        images: ComplaintImages.default([]),
      })
      .strict(),
    access: { roles: ['owner'] },
    summary: '业主提交投诉或建议',
  }),
  myComplaints: contract<{ items: ComplaintView[]; next?: string }>()({
    input: z.object({ after: z.string().max(500).optional() }).strict(),
    access: { roles: ['owner'] },
    summary: '业主查看自己的投诉建议及处理结果',
  }),
  inbox: contract<InboxView>()({
    input: z
      .object({
        estateId: Id,
        filter: z.enum(['all', 'mine', 'unassigned', 'unread']).default('all'),
        after: z.string().max(500).optional(),
      })
      .strict(),
    access: { roles: desk },
    summary: '客服收件箱：最近会话在前，含未读数与负责人',
  }),
  agents: contract<{ items: AgentView[] }>()({
    input: z.object({ estateId: Id }).strict(),
    access: { roles: desk },
    summary: '可负责会话的客服与管理员',
  }),
  assign: contract<ConversationView>()({
    input: z
      .object({ conversationId: Id, /** Omitted: the caller takes it. */ assigneeId: Id.optional() })
      .strict(),
    access: { roles: desk },
    summary: '指派或认领会话',
  }),
  quickReplies: contract<{ items: string[] }>()({
    input: z.object({ estateId: Id }).strict(),
    access: { roles: desk },
    summary: '快捷回复列表',
  }),
  setQuickReplies: contract<{ items: string[] }>()({
    input: z.object({ estateId: Id, items: QuickReplies }).strict(),
    access: { roles: ['admin'] },
    summary: '管理员设置本小区的快捷回复',
  }),
  householdHistory: contract<{ conversations: ConversationView[]; complaints: ComplaintView[] }>()({
    input: z.object({ householdId: Id }).strict(),
    access: { roles: desk },
    summary: '一户的客服会话与投诉建议记录',
  }),
  complaints: contract<{ items: ComplaintView[]; next?: string; counts: Record<ComplaintStatus, number> }>()({
    input: z
      .object({
        estateId: Id,
        status: ComplaintStatus.optional(),
        kind: ComplaintKind.optional(),
        after: z.string().max(500).optional(),
      })
      .strict(),
    access: { roles: desk },
    summary: '投诉建议列表（按状态筛选）',
  }),
  handleComplaint: contract<ComplaintView>()({
    input: z
      .object({
        complaintId: Id,
        to: ComplaintStatus.optional(),
        reply: ComplaintReply.optional(),
      })
      .strict()
      .refine((input) => input.to !== undefined || input.reply !== undefined, '请选择处理结果或填写回复'),
    access: { roles: desk },
    summary: '受理、办结或关闭投诉建议，并回复业主',
  }),
};
