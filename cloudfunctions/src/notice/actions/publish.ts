import { AppError, assertCanMoveNotice, type noticeApi } from '@linli/shared';
import { type Handler } from '../../_lib/define-function';
import { publishNotice } from '../publish-notice';
import { assertExpiryAfter, saveNotice } from '../save-notice';
import { loadStaffNotice, toStaffView } from '../views';

/** A publishAt within this margin of now counts as "now" (a clock skew, a slow tap). */
const NOW_MARGIN_MS = 60_000;

export const publish: Handler<typeof noticeApi.publish> = async (input, ctx) => {
  const notice = await loadStaffNotice(ctx, input.noticeId);
  const now = ctx.now();
  if (input.publishAt !== undefined && input.publishAt > now + NOW_MARGIN_MS) {
    // Scheduling again only moves the time.
    if (notice.status !== 'scheduled') assertCanMoveNotice(notice.status, 'scheduled');
    assertExpiryAfter(notice.expiresAt, input.publishAt);
    const scheduled = await saveNotice(ctx.store, notice, {
      status: 'scheduled',
      publishAt: input.publishAt,
      updatedAt: now,
    });
    return toStaffView(ctx.db, scheduled);
  }
  assertExpiryAfter(notice.expiresAt, now);
  const published = await publishNotice(ctx.store, ctx.db, notice, now);
  if (!published) throw new AppError('CONFLICT', '通知已被他人处理，请刷新后重试');
  return toStaffView(ctx.db, published);
};

export const cancelSchedule: Handler<typeof noticeApi.cancelSchedule> = async (input, ctx) => {
  const notice = await loadStaffNotice(ctx, input.noticeId);
  if (notice.status !== 'scheduled') throw new AppError('PRECONDITION_FAILED', '该通知没有定时发布');
  const draft = await saveNotice(ctx.store, notice, {
    status: 'draft',
    publishAt: null,
    updatedAt: ctx.now(),
  });
  return toStaffView(ctx.db, draft);
};
