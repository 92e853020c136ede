import type { MessageFields } from '@linli/shared';
import type { ActionContext } from '../_lib/define-function';
import { enqueue } from '../messaging';

/**
 * Tell an owner the desk answered (客服回复通知). The answer stands even when the message
 * cannot be queued (no quota, opted out): the owner still sees it in the app.
 */
export async function notifyOwner(
  ctx: ActionContext,
  request: {
    eventKey: string;
    toAccountId: string;
    estateId: string;
    householdId: string;
    fields: MessageFields<'service_reply'>;
    page: string;
  },
): Promise<void> {
  try {
    await enqueue(ctx.store, { kind: 'service_reply', ...request }, { now: ctx.now() });
  } catch (error) {
    ctx.log.log('error', 'service.notify.failed', { eventKey: request.eventKey, error });
  }
}

export const conversationPage = (id: string): string =>
  `pages/conversation/index?id=${encodeURIComponent(id)}`;
export const SERVICE_PAGE = 'pages/service/index';
