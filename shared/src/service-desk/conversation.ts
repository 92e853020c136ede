import { AppError } from '../errors/app-error';
import type { ServiceMessageBody, ServiceSide } from './message';
import { messagePreview } from './message';

/**
 * A conversation between one owner account and the service desk about one household (one per
 * account and household, kept for good, like a chat thread). Counters live on the document so
 * the inbox and badges never count messages.
 */
export interface Conversation {
  _id: string;
  estateId: string;
  householdId: string;
  roomCode: string;
  ownerAccountId: string;
  ownerName: string;
  /** Sequence number of the last message; messages are numbered from 1. */
  lastSeq: number;
  lastMessageAt: number | null;
  lastPreview: string;
  lastSide: ServiceSide | null;
  /** Messages the owner has not seen (from staff), and the desk has not seen (from the owner). */
  unreadByOwner: number;
  unreadByStaff: number;
  /** The agent who answers it; null until assigned (any agent of the estate may still reply). */
  assigneeId: string | null;
  assigneeName: string | null;
  createdAt: number;
  updatedAt: number;
}

/** One message (collection `service_messages`). */
export interface ServiceMessage {
  _id: string;
  conversationId: string;
  estateId: string;
  seq: number;
  side: ServiceSide;
  senderAccountId: string;
  senderName: string;
  body: ServiceMessageBody;
  at: number;
}

/** The changes one sent message makes to its conversation: the other side gets one more unread. */
export function afterMessage(
  conversation: Pick<Conversation, 'lastSeq' | 'unreadByOwner' | 'unreadByStaff'>,
  side: ServiceSide,
  body: ServiceMessageBody,
  now: number,
): Pick<
  Conversation,
  'lastSeq' | 'lastMessageAt' | 'lastPreview' | 'lastSide' | 'unreadByOwner' | 'unreadByStaff' | 'updatedAt'
> {
  return {
    lastSeq: conversation.lastSeq + 1,
    lastMessageAt: now,
    lastPreview: messagePreview(body),
    lastSide: side,
    // Writing to a conversation means having read it.
    unreadByOwner: side === 'staff' ? conversation.unreadByOwner + 1 : 0,
    unreadByStaff: side === 'owner' ? conversation.unreadByStaff + 1 : 0,
    updatedAt: now,
  };
}

/** Unread messages for one side of the conversation. */
export const unreadFor = (
  conversation: Pick<Conversation, 'unreadByOwner' | 'unreadByStaff'>,
  side: ServiceSide,
): number => (side === 'owner' ? conversation.unreadByOwner : conversation.unreadByStaff);

/** Only an agent already answering or a new one may take it; taking it from a colleague is for admins. */
export function assertCanAssign(
  conversation: Pick<Conversation, 'assigneeId' | 'assigneeName'>,
  callerId: string,
  assigneeId: string,
  callerIsAdmin: boolean,
): void {
  if (callerIsAdmin || conversation.assigneeId === null || conversation.assigneeId === callerId) return;
  if (conversation.assigneeId === assigneeId) return;
  throw new AppError(
    'PRECONDITION_FAILED',
    `该会话已由${conversation.assigneeName ?? '其他客服'}负责，只有管理员可以转派`,
  );
}
