import {
  complaintKindLabels,
  complaintStatusLabels,
  complaintTransitions,
  latestReply,
  unreadFor,
  type ComplaintView,
  type ConversationView,
  type ServiceMessageView,
  type ServiceSide,
} from '@linli/shared';
import type { ComplaintDoc, ConversationDoc, ServiceMessageDoc } from './documents';

export function toConversationView(conversation: ConversationDoc, side: ServiceSide): ConversationView {
  return {
    conversationId: conversation._id,
    estateId: conversation.estateId,
    householdId: conversation.householdId,
    roomCode: conversation.roomCode,
    ownerName: conversation.ownerName,
    lastMessageAt: conversation.lastMessageAt,
    lastPreview: conversation.lastPreview,
    lastSide: conversation.lastSide,
    unread: unreadFor(conversation, side),
    assigneeId: conversation.assigneeId,
    assigneeName: conversation.assigneeName,
    createdAt: conversation.createdAt,
  };
}

export function toMessageView(message: ServiceMessageDoc, side: ServiceSide): ServiceMessageView {
  return {
    messageId: message._id,
    seq: message.seq,
    side: message.side,
    senderName: message.senderName,
    body: message.body,
    at: message.at,
    mine: message.side === side,
  };
}

export function toComplaintView(complaint: ComplaintDoc): ComplaintView {
  return {
    complaintId: complaint._id,
    estateId: complaint.estateId,
    householdId: complaint.householdId,
    roomCode: complaint.roomCode,
    ownerName: complaint.ownerName,
    kind: complaint.kind,
    kindLabel: complaintKindLabels[complaint.kind],
    content: complaint.content,
    images: complaint.images,
    status: complaint.status,
    statusLabel: complaintStatusLabels[complaint.status],
    events: complaint.events,
    latestReply: latestReply(complaint),
    handlerName: complaint.handlerName,
    allowedMoves: [...complaintTransitions[complaint.status]],
    createdAt: complaint.createdAt,
    updatedAt: complaint.updatedAt,
  };
}
