import {
  AppError,
  assertCanAssign,
  roleLabels,
  type AgentView,
  type Identity,
  type serviceApi,
} from '@linli/shared';
import { findAll } from '../../_lib/collections';
import { identityOf, type ActionContext, type Handler } from '../../_lib/define-function';
import { inboxFilter } from '../desk-filters';
import { serviceCollections } from '../documents';
import { assertServesDesk, loadConversation } from '../participant';
import { toConversationView } from '../views';

const PAGE = 30;

/** The desk's conversations, most recent activity first, with who answers each. */
export const inbox: Handler<typeof serviceApi.inbox> = async (input, ctx) => {
  const identity = identityOf(ctx);
  assertServesDesk(identity, input.estateId);
  const { conversations } = serviceCollections(ctx.store);
  const where = inboxFilter(input.estateId, input.filter, identity.accountId);
  const page = await conversations.find(
    { where },
    { sort: [['lastMessageAt', 'desc']], limit: PAGE, after: input.after },
  );
  const unreadConversations = await conversations.count({
    where: inboxFilter(input.estateId, 'unread', identity.accountId),
  });
  return {
    items: page.items.map((c) => toConversationView(c, 'staff')),
    next: page.next,
    unreadConversations,
  };
};

/** Active staff of the estate who answer the desk (admins and service agents) with accounts. */
async function deskAgents(ctx: ActionContext, estateId: string): Promise<AgentView[]> {
  const staff = await findAll(ctx.db.staff, { where: { active: true } });
  return staff
    .filter(
      (s) =>
        s.accountId !== null &&
        s.estateIds.includes(estateId) &&
        s.roles.some((r) => r === 'admin' || r === 'service'),
    )
    .map((s) => ({
      accountId: s.accountId!,
      name: s.name,
      roleLabel: s.roles.includes('service') ? roleLabels.service : roleLabels.admin,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export const agents: Handler<typeof serviceApi.agents> = async (input, ctx) => {
  assertServesDesk(identityOf(ctx), input.estateId);
  return { items: await deskAgents(ctx, input.estateId) };
};

const isAdminOf = (identity: Identity) => identity.roles.includes('admin');

/** Take a conversation (no assignee given), or hand it to a colleague of the same estate. */
export const assign: Handler<typeof serviceApi.assign> = async (input, ctx) => {
  const { conversation, side, identity } = await loadConversation(ctx, input.conversationId);
  if (side !== 'staff') throw new AppError('FORBIDDEN');
  const assigneeId = input.assigneeId ?? identity.accountId;
  const agent = (await deskAgents(ctx, conversation.estateId)).find((a) => a.accountId === assigneeId);
  if (!agent) throw new AppError('VALIDATION', '只能指派给负责本小区的客服或管理员');
  assertCanAssign(conversation, identity.accountId, assigneeId, isAdminOf(identity));
  const set = { assigneeId, assigneeName: agent.name, updatedAt: ctx.now() };
  // Compare-and-set on the assignee seen: two agents taking it at once cannot both win.
  const taken = await serviceCollections(ctx.store).conversations.update(
    conversation._id,
    { set },
    {
      assigneeId: conversation.assigneeId,
    },
  );
  if (!taken) throw new AppError('CONFLICT', '该会话刚被其他客服认领，请刷新后查看');
  return toConversationView({ ...conversation, ...set }, 'staff');
};
