import type { serviceApi } from '@linli/shared';
import type { Handler } from '../../_lib/define-function';
import { serviceCollections } from '../documents';
import { loadConversation } from '../participant';
import { toConversationView } from '../views';

/** The caller's side has seen everything so far. Staff share one read mark: the desk's. */
export const markRead: Handler<typeof serviceApi.markRead> = async (input, ctx) => {
  const { conversation, side } = await loadConversation(ctx, input.conversationId);
  const field = side === 'owner' ? 'unreadByOwner' : 'unreadByStaff';
  if (conversation[field] === 0) return toConversationView(conversation, side);
  // Only if nothing arrived since it was loaded: a newer message stays unread until the next look.
  const cleared = await serviceCollections(ctx.store).conversations.update(
    conversation._id,
    { set: { [field]: 0 } },
    { lastSeq: conversation.lastSeq },
  );
  return toConversationView(cleared ? { ...conversation, [field]: 0 } : conversation, side);
};
