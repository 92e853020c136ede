import {
  AppError,
  fen,
  formatYuan,
  keyId,
  outstandingOf,
  statusOf,
  toLocalDate,
  type Bill,
  type billingApi,
  type Waiver,
} from '@linli/shared';
import type { Handler } from '../../_lib/define-function';
import type { Doc } from '../../_lib/store/port';
import { actorOf, servedEstateId } from '../access';
import { toBillView } from '../views';

/** 减免: reduce what a bill asks for, approved by the finance or admin staff who records it. */
export const waiveBill: Handler<(typeof billingApi)['bills.waive']> = async (input, ctx) => {
  const found = await ctx.db.bills.get(input.billId);
  if (!found) throw new AppError('NOT_FOUND', '账单不存在');
  servedEstateId(ctx, found.estateId);
  const actor = actorOf(ctx);
  const at = ctx.now();
  const waiver: Waiver = {
    waiverId: keyId('wv', input.submissionId),
    amountFen: input.amountFen,
    reason: input.reason,
    approvedBy: actor.id,
    approvedByName: actor.name,
    at,
  };
  const waived = await ctx.store.transaction(async (tx) => {
    const bills = tx.collection<Bill & Doc>('bills');
    const bill = await bills.get(found._id);
    if (!bill) throw new AppError('NOT_FOUND', '账单不存在');
    if (bill.waivers.some((w) => w.waiverId === waiver.waiverId))
      throw new AppError('DUPLICATE', '该减免已提交，请勿重复提交');
    if (bill.void) throw new AppError('PRECONDITION_FAILED', '账单已作废');
    const outstanding = outstandingOf(bill);
    if (input.amountFen > outstanding)
      throw new AppError('VALIDATION', `减免金额不能超过未缴金额 ${formatYuan(outstanding)}`);
    const next: Bill = {
      ...bill,
      waivedFen: fen(bill.waivedFen + input.amountFen),
      waivers: [...bill.waivers, waiver],
    };
    next.status = statusOf(next);
    const settled = outstandingOf(next) === 0 ? { settledAt: at, settledOn: toLocalDate(at) } : {};
    Object.assign(next, settled);
    await bills.update(bill._id, {
      inc: { waivedFen: input.amountFen },
      push: { waivers: waiver },
      set: { status: next.status, ...settled },
    });
    return next;
  });
  ctx.log.log('info', 'billing.bill.waived', {
    billId: waived._id,
    amountFen: input.amountFen,
    by: actor.id,
  });
  return toBillView(waived, toLocalDate(at));
};
