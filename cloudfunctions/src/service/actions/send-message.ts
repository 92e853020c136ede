import { afterMessage, messagePreview, type serviceApi } from '@linli/shared';
import type { Handler } from '../../_lib/define-function';
import {
  CONVERSATIONS,
  SERVICE_MESSAGES,
  serviceMessageId,
  type ConversationDoc,
  type ServiceMessageDoc,
} from '../documents';
import { conversationPage, notifyOwner } from '../notify-owner';
import { loadConversation } from '../participant';
import { toMessageView } from '../views';

/**
 * Send a message. The message and its conversation's counters change in one transaction (both by
 * id), so unread counts never drift; a retried request id returns the message already sent.
 */
export const sendMessage: Handler<typeof serviceApi.send> = async (input, ctx) => {
  const { conversation, side, identity } = await loadConversation(ctx, input.conversationId);
  const id = serviceMessageId(conversation._id, identity.accountId, input.requestId);
  const now = ctx.now();
  const sent = await ctx.store.transaction(async (tx) => {
    const messages = tx.collection<ServiceMessageDoc>(SERVICE_MESSAGES);
    const conversations = tx.collection<ConversationDoc>(CONVERSATIONS);
    const already = await messages.get(id);
    if (already) return { message: already, firstUnread: false };
    const current = await conversations.get(conversation._id);
    if (!current) throw new Error(`conversation ${conversation._id} vanished`);
    const changes = afterMessage(current, side, input.body, now);
    const message: ServiceMessageDoc = {
      _id: id,
      conversationId: current._id,
      estateId: current.estateId,
      seq: changes.lastSeq,
      side,
      senderAccountId: identity.accountId,
      senderName: side === 'staff' ? `客服${identity.displayName}` : identity.displayName,
      body: input.body,
      at: now,
    };
    await messages.insert(message);
    await conversations.update(current._id, { set: changes });
    return { message, firstUnread: side === 'staff' && current.unreadByOwner === 0 };
  });
  // One message card per burst of replies: later replies wait until the owner has looked.
  if (sent.firstUnread)
    await notifyOwner(ctx, {
      eventKey: sent.message._id,
      toAccountId: conversation.ownerAccountId,
      estateId: conversation.estateId,
      householdId: conversation.householdId,
      fields: {
        topic: `${conversation.roomCode} 在线咨询`,
        reply: messagePreview(input.body, 60),
        replier: `${identity.displayName}（物业客服）`,
        at: now,
      },
      page: conversationPage(conversation._id),
    });
  return toMessageView(sent.message, side);
};
