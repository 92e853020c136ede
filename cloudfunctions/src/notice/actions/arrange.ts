import { AppError, type noticeApi } from '@linli/shared';
import { type Handler } from '../../_lib/define-function';
import type { NoticeDoc } from '../documents';
import { assertExpiryAfter, saveNotice } from '../save-notice';
import { loadStaffNotice, toStaffView } from '../views';

function assertNotWithdrawn(notice: NoticeDoc): void {
  if (notice.status === 'withdrawn') throw new AppError('PRECONDITION_FAILED', '通知已撤回');
}

export const pin: Handler<typeof noticeApi.pin> = async (input, ctx) => {
  const notice = await loadStaffNotice(ctx, input.noticeId);
  assertNotWithdrawn(notice);
  if (notice.pinned === input.pinned) return toStaffView(ctx.db, notice);
  const now = ctx.now();
  const pinned = await saveNotice(ctx.store, notice, {
    pinned: input.pinned,
    pinnedAt: input.pinned ? now : null,
    updatedAt: now,
  });
  return toStaffView(ctx.db, pinned);
};

/** Set or clear the expiry; an instant in the past takes it off owners' feeds now. */
export const setExpiry: Handler<typeof noticeApi.setExpiry> = async (input, ctx) => {
  const notice = await loadStaffNotice(ctx, input.noticeId);
  assertNotWithdrawn(notice);
  const start = notice.publishedAt ?? notice.publishAt;
  if (start !== null) assertExpiryAfter(input.expiresAt, start);
  const changed = await saveNotice(ctx.store, notice, { expiresAt: input.expiresAt, updatedAt: ctx.now() });
  return toStaffView(ctx.db, changed);
};
