import { AppError } from '@linli/shared';
import type { Store } from '../_lib/store/port';
import { noticeCollections, type NoticeDoc } from './documents';

/**
 * Write staff changes to a notice only if nobody changed it since it was read (compare-and-set
 * on status and version), so two editors, or an editor and the scheduler, never overwrite
 * each other silently.
 */
export async function saveNotice(
  store: Store,
  notice: NoticeDoc,
  changes: Partial<NoticeDoc> & { updatedAt: number },
): Promise<NoticeDoc> {
  const saved = await noticeCollections(store).notices.update(
    notice._id,
    { set: changes },
    { status: notice.status, updatedAt: notice.updatedAt },
  );
  if (!saved) throw new AppError('CONFLICT');
  return { ...notice, ...changes };
}

/** An expiry must come after the notice goes out (or after now, for one not yet out). */
export function assertExpiryAfter(expiresAt: number | null, start: number): void {
  if (expiresAt !== null && expiresAt <= start)
    throw new AppError('VALIDATION', '过期时间须晚于发布时间', {
      issues: [{ path: 'expiresAt', message: '过期时间须晚于发布时间' }],
    });
}
