import type { Store } from '../_lib/store/port';
import { noticeCollections, type NoticeDoc } from './documents';

/**
 * Households of a notice where someone has read it, of the households it is for (its audience,
 * fixed at publication); null for a notice not yet published. One indexed count, no documents read.
 */
export async function householdReads(
  store: Store,
  notice: NoticeDoc,
): Promise<{ read: number; total: number } | null> {
  if (!notice.audience) return null;
  const read = await noticeCollections(store).targets.count({ where: { noticeId: notice._id, read: true } });
  return { read, total: notice.audience.households };
}
