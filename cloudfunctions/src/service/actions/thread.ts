import type { serviceApi } from '@linli/shared';
import type { Handler } from '../../_lib/define-function';
import type { Filter } from '../../_lib/store/port';
import { serviceCollections } from '../documents';
import { loadConversation } from '../participant';
import { toConversationView, toMessageView } from '../views';

/**
 * Messages of a conversation, oldest first: the latest page, the page before `beforeSeq`, or
 * everything after `afterSeq` (what the open chat polls for). Reading does not mark read.
 */
export const thread: Handler<typeof serviceApi.thread> = async (input, ctx) => {
  const { conversation, side } = await loadConversation(ctx, input.conversationId);
  const { messages } = serviceCollections(ctx.store);
  const where: Filter = { conversationId: conversation._id };
  if (input.afterSeq !== undefined) {
    where.seq = { gt: input.afterSeq };
    const page = await messages.find({ where }, { sort: [['seq', 'asc']], limit: input.limit });
    return {
      conversation: toConversationView(conversation, side),
      messages: page.items.map((m) => toMessageView(m, side)),
      hasOlder: false,
    };
  }
  if (input.beforeSeq !== undefined) where.seq = { lt: input.beforeSeq };
  const page = await messages.find({ where }, { sort: [['seq', 'desc']], limit: input.limit });
  return {
    conversation: toConversationView(conversation, side),
    messages: page.items.reverse().map((m) => toMessageView(m, side)),
    hasOlder: page.next !== undefined,
  };
};
