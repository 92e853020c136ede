import { AppError, type Identity, type ServiceSide } from '@linli/shared';
import { identityOf, type ActionContext } from '../_lib/define-function';
import { serviceCollections, type ConversationDoc } from './documents';

const DESK_ROLES = ['admin', 'service'] as const;

/** Staff who answer the desk of this estate. */
export const servesDesk = (identity: Identity, estateId: string): boolean =>
  identity.roles.some((role) => (DESK_ROLES as readonly string[]).includes(role)) &&
  identity.staffEstateIds.includes(estateId);

export function assertServesDesk(identity: Identity, estateId: string): void {
  if (!servesDesk(identity, estateId)) throw new AppError('FORBIDDEN', '您不负责该小区的客服');
}

/**
 * The conversation and the caller's side of it: its owner while still bound to the household,
 * or an agent of its estate. Anyone else is told it does not exist.
 */
export async function loadConversation(
  ctx: ActionContext,
  id: string,
): Promise<{ conversation: ConversationDoc; side: ServiceSide; identity: Identity }> {
  const identity = identityOf(ctx);
  const conversation = await serviceCollections(ctx.store).conversations.get(id);
  if (conversation) {
    if (
      conversation.ownerAccountId === identity.accountId &&
      identity.householdIds.includes(conversation.householdId)
    )
      return { conversation, side: 'owner', identity };
    if (servesDesk(identity, conversation.estateId)) return { conversation, side: 'staff', identity };
  }
  throw new AppError('NOT_FOUND', '会话不存在');
}
