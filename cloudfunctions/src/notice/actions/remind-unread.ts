import { AppError, type noticeApi } from '@linli/shared';
import { identityOf, type Handler } from '../../_lib/define-function';
import {
  NOTICE_REMINDS,
  NOTICES,
  noticeCollections,
  remindRoundId,
  type NoticeDoc,
  type RemindRound,
} from '../documents';
import { loadStaffNotice } from '../views';
import { toRoundView } from './notice-stats';

/**
 * 一键提醒: start a reminder round to the households nobody in which has read the notice. The
 * round is sent in the background (see remind-round); households no message reaches show up
 * in `unread` with phones. The tap's request id makes a retried tap return the same round,
 * and a new round waits until the previous one is sent.
 */
export const remindUnread: Handler<typeof noticeApi.remind> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const notice = await loadStaffNotice(ctx, input.noticeId);
  if (notice.status !== 'published') throw new AppError('PRECONDITION_FAILED', '只有已发布的通知可以提醒');
  if (notice.fanout?.state !== 'done')
    throw new AppError('PRECONDITION_FAILED', '通知还在发送中，请稍后再提醒');
  const now = ctx.now();
  const round = await ctx.store.transaction(async (tx) => {
    const current = await tx.collection<NoticeDoc>(NOTICES).get(notice._id);
    if (!current) throw new AppError('NOT_FOUND', '通知不存在');
    const { reminders } = current;
    if (reminders.lastRequestId === input.requestId && reminders.rounds > 0)
      return tx.collection<RemindRound>(NOTICE_REMINDS).get(remindRoundId(notice._id, reminders.rounds));
    if (reminders.activeRound !== null)
      throw new AppError('PRECONDITION_FAILED', '上一轮提醒还在发送中，请稍后再试');
    const next = reminders.rounds + 1;
    await tx.collection<NoticeDoc>(NOTICES).update(notice._id, {
      set: { reminders: { rounds: next, activeRound: next, lastRequestId: input.requestId }, updatedAt: now },
    });
    const fresh: RemindRound = {
      _id: remindRoundId(notice._id, next),
      noticeId: notice._id,
      estateId: notice.estateId,
      round: next,
      state: 'pending',
      after: null,
      households: 0,
      messages: 0,
      requestedAt: now,
      requestedBy: identity.accountId,
      requestedByName: identity.displayName,
      finishedAt: null,
    };
    await tx.collection<RemindRound>(NOTICE_REMINDS).insert(fresh);
    return fresh;
  });
  if (!round) throw new AppError('NOT_FOUND', '提醒记录不存在');
  return toRoundView((await noticeCollections(ctx.store).reminds.get(round._id)) ?? round);
};
