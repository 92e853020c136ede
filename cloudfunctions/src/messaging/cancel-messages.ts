import type { MessageKind } from '@linli/shared';
import type { Store } from '../_lib/store/port';
import { messagingCollections } from './documents';

/**
 * Cancel the not-yet-sent messages of an event (its cause went away, e.g. a withdrawn notice).
 * Their quota is not given back: that errs towards sending less, never more than granted.
 */
export async function cancelMessages(
  store: Store,
  event: { kind: MessageKind; eventKey: string },
  now: number,
): Promise<number> {
  return messagingCollections(store).outbox.updateMany(
    { where: { kind: event.kind, eventKey: event.eventKey, status: 'pending' } },
    {
      set: { status: 'cancelled', statusReason: '事由已撤销，消息取消', nextAttemptAt: null, updatedAt: now },
    },
  );
}
