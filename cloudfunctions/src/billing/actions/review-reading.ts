import { AppError, type billingApi } from '@linli/shared';
import type { Handler } from '../../_lib/define-function';
import { actorOf, servedEstateId } from '../access';
import { toReadingView } from '../views';

/** Approve a reading held for review (it is billed by the next run or rescan), or reject it to be re-entered. */
export const reviewReading: Handler<(typeof billingApi)['readings.approve']> = async (input, ctx) => {
  const reading = await ctx.db.meterReadings.get(input.readingId);
  if (!reading) throw new AppError('NOT_FOUND', '读数不存在');
  servedEstateId(ctx, reading.estateId);
  if (reading.status !== 'pending_review') throw new AppError('PRECONDITION_FAILED', '该读数不在待复核状态');
  const actor = actorOf(ctx);
  const review = {
    status: input.decision === 'approve' ? ('approved' as const) : ('rejected' as const),
    reviewedBy: actor.id,
    reviewedAt: ctx.now(),
    reviewNote: input.note ?? null,
  };
  if (!(await ctx.db.meterReadings.update(reading._id, { set: review }, { status: 'pending_review' })))
    throw new AppError('PRECONDITION_FAILED', '该读数已被他人复核');
  return toReadingView({ ...reading, ...review });
};
