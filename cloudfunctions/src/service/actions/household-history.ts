import { AppError, type serviceApi } from '@linli/shared';
import { findAll } from '../../_lib/collections';
import { identityOf, type Handler } from '../../_lib/define-function';
import { serviceCollections } from '../documents';
import { assertServesDesk } from '../participant';
import { toComplaintView, toConversationView } from '../views';

/** Everything the desk has had with one household: every account's conversation, every complaint. */
export const householdHistory: Handler<typeof serviceApi.householdHistory> = async (input, ctx) => {
  const household = await ctx.db.households.get(input.householdId);
  if (!household) throw new AppError('NOT_FOUND', '房屋不存在');
  assertServesDesk(identityOf(ctx), household.estateId);
  const { conversations, complaints } = serviceCollections(ctx.store);
  const [threads, filed] = await Promise.all([
    findAll(conversations, { where: { householdId: household._id } }),
    findAll(complaints, { where: { householdId: household._id } }, { sort: [['createdAt', 'desc']] }),
  ]);
  return {
    conversations: threads
      .sort((a, b) => (b.lastMessageAt ?? b.createdAt) - (a.lastMessageAt ?? a.createdAt))
      .map((c) => toConversationView(c, 'staff')),
    complaints: filed.map(toComplaintView),
  };
};
