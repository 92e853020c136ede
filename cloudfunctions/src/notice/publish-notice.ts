import { assertCanMoveNotice, type FanOutProgress } from '@linli/shared';
import type { Collections } from '../_lib/collections';
import type { Store } from '../_lib/store/port';
import { countAudience } from './audience';
import { noticeCollections, type NoticeDoc } from './documents';

export const freshFanOut = (): FanOutProgress => ({
  state: 'pending',
  after: null,
  households: 0,
  messages: 0,
  startedAt: null,
  finishedAt: null,
});

/**
 * Publish a draft or scheduled notice now: count its audience (the read-rate denominators),
 * mark it published and queue its fan-out. Compare-and-set on the status and version, so of
 * two publishers (a staff tap and the scheduler, or two scheduler runs) exactly one wins;
 * the loser gets null. Owners see the notice from this moment; messages follow the fan-out.
 */
export async function publishNotice(
  store: Store,
  db: Collections,
  notice: NoticeDoc,
  now: number,
): Promise<NoticeDoc | null> {
  assertCanMoveNotice(notice.status, 'published');
  const audience = await countAudience(db, notice.estateId, notice.target);
  const changes = {
    status: 'published' as const,
    publishedAt: now,
    audience,
    fanout: freshFanOut(),
    updatedAt: now,
  };
  const won = await noticeCollections(store).notices.update(
    notice._id,
    { set: changes },
    { status: notice.status, updatedAt: notice.updatedAt },
  );
  return won ? { ...notice, ...changes } : null;
}
