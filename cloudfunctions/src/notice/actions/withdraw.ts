import { assertCanMoveNotice, type noticeApi } from '@linli/shared';
import { type Handler } from '../../_lib/define-function';
import { cancelMessages } from '../../messaging';
import { noticeCollections, publishEventKey, remindEventKey, remindRoundId } from '../documents';
import { saveNotice } from '../save-notice';
import { loadStaffNotice, toStaffView } from '../views';

/** Owners stop seeing it at once; its fan-out and reminders stop, and unsent messages are cancelled. */
export const withdraw: Handler<typeof noticeApi.withdraw> = async (input, ctx) => {
  const notice = await loadStaffNotice(ctx, input.noticeId);
  assertCanMoveNotice(notice.status, 'withdrawn');
  const now = ctx.now();
  const active = notice.reminders.activeRound;
  const withdrawn = await saveNotice(ctx.store, notice, {
    status: 'withdrawn',
    withdrawnAt: now,
    withdrawReason: input.reason ?? null,
    reminders: { ...notice.reminders, activeRound: null },
    ...(notice.fanout && notice.fanout.state !== 'done'
      ? { fanout: { ...notice.fanout, state: 'cancelled' as const, finishedAt: now } }
      : {}),
    updatedAt: now,
  });
  if (active !== null)
    await noticeCollections(ctx.store).reminds.update(remindRoundId(notice._id, active), {
      set: { state: 'cancelled', finishedAt: now },
    });
  const eventKeys = [publishEventKey(notice._id)];
  for (let round = 1; round <= notice.reminders.rounds; round++)
    eventKeys.push(remindEventKey(notice._id, round));
  for (const eventKey of eventKeys)
    await cancelMessages(ctx.store, { kind: 'notice_published', eventKey }, now);
  return toStaffView(ctx.db, withdrawn);
};
