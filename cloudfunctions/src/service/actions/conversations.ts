import { AppError, isAppError, type serviceApi } from '@linli/shared';
import { identityOf, type ActionContext, type Handler } from '../../_lib/define-function';
import { findAll } from '../../_lib/collections';
import { conversationId, serviceCollections, type ConversationDoc } from '../documents';
import { toConversationView } from '../views';

/** Start a conversation with the desk about one of the caller's homes, or return the existing one. */
export const startConversation: Handler<typeof serviceApi.start> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const household = identity.householdIds.includes(input.householdId)
    ? await ctx.db.households.get(input.householdId)
    : null;
  if (!household) throw new AppError('FORBIDDEN', '只能为您已绑定的房屋联系客服');
  const { conversations } = serviceCollections(ctx.store);
  const id = conversationId(identity.accountId, household._id);
  const existing = await conversations.get(id);
  if (existing) return toConversationView(existing, 'owner');
  const now = ctx.now();
  const conversation: ConversationDoc = {
    _id: id,
    estateId: household.estateId,
    householdId: household._id,
    roomCode: household.roomCode,
    ownerAccountId: identity.accountId,
    ownerName: identity.displayName,
    lastSeq: 0,
    lastMessageAt: null,
    lastPreview: '',
    lastSide: null,
    unreadByOwner: 0,
    unreadByStaff: 0,
    assigneeId: null,
    assigneeName: null,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await conversations.insert(conversation);
  } catch (error) {
    // A second tap started it a moment ago.
    const raced = isAppError(error) && error.code === 'DUPLICATE' ? await conversations.get(id) : null;
    if (!raced) throw error;
    return toConversationView(raced, 'owner');
  }
  return toConversationView(conversation, 'owner');
};

/** The caller's conversations with homes still bound, latest first. */
async function ownConversations(ctx: ActionContext) {
  const identity = identityOf(ctx);
  const all = await findAll(serviceCollections(ctx.store).conversations, {
    where: { ownerAccountId: identity.accountId },
  });
  return all
    .filter((c) => identity.householdIds.includes(c.householdId))
    .sort((a, b) => (b.lastMessageAt ?? b.createdAt) - (a.lastMessageAt ?? a.createdAt));
}

export const myConversations: Handler<typeof serviceApi.mine> = async (_input, ctx) => {
  const items = (await ownConversations(ctx)).map((c) => toConversationView(c, 'owner'));
  return { items, unread: items.reduce((n, c) => n + c.unread, 0) };
};

export const ownerUnread: Handler<typeof serviceApi.unread> = async (_input, ctx) => {
  const unread = (await ownConversations(ctx)).filter((c) => c.unreadByOwner > 0);
  return {
    messages: unread.reduce((n, c) => n + c.unreadByOwner, 0),
    conversations: unread.length,
  };
};
