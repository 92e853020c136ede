import { assertCanEditNotice, bodyExcerpt, coverImage, type noticeApi } from '@linli/shared';
import { identityOf, type Handler } from '../../_lib/define-function';
import { assertTargetInEstate } from '../audience';
import type { NoticeDoc } from '../documents';
import { assertExpiryAfter, saveNotice } from '../save-notice';
import { loadStaffNotice, toStaffView } from '../views';

export const updateNotice: Handler<typeof noticeApi.update> = async (input, ctx) => {
  identityOf(ctx);
  const notice = await loadStaffNotice(ctx, input.noticeId);
  assertCanEditNotice(notice.status);
  if (input.target) await assertTargetInEstate(ctx.db, notice.estateId, input.target);
  const now = ctx.now();
  const { noticeId: _noticeId, ...fields } = input;
  const changes: Partial<NoticeDoc> & { updatedAt: number } = { ...fields, updatedAt: now };
  if (input.body) {
    changes.excerpt = bodyExcerpt(input.body);
    changes.coverFileId = coverImage(input.body);
  }
  if (input.pinned !== undefined && input.pinned !== notice.pinned)
    changes.pinnedAt = input.pinned ? now : null;
  assertExpiryAfter(changes.expiresAt ?? notice.expiresAt, notice.publishAt ?? now);
  return toStaffView(ctx.db, await saveNotice(ctx.store, notice, changes));
};
