import {
  AppError,
  fen,
  prepayAccountId,
  prepayRefundId,
  toLocalDate,
  type Bill,
  type billingApi,
  type BillVoid,
  type PrepayAccount,
  type PrepayMovement,
} from '@linli/shared';
import type { Handler } from '../../_lib/define-function';
import type { Doc } from '../../_lib/store/port';
import { actorOf, servedEstateId } from '../access';
import { toBillView } from '../views';

/**
 * 作废: a wrong bill is voided with a reason, never deleted (the store audits the change with
 * before and after). What prepayment paid of it goes back to the prepayment account in the
 * same transaction. A bill paid online must be refunded first (Payments).
 */
export const voidBill: Handler<(typeof billingApi)['bills.void']> = async (input, ctx) => {
  const found = await ctx.db.bills.get(input.billId);
  if (!found) throw new AppError('NOT_FOUND', '账单不存在');
  servedEstateId(ctx, found.estateId);
  const actor = actorOf(ctx);
  const at = ctx.now();
  const voided = await ctx.store.transaction(async (tx) => {
    const bills = tx.collection<Bill & Doc>('bills');
    const bill = await bills.get(found._id);
    if (!bill) throw new AppError('NOT_FOUND', '账单不存在');
    if (bill.void) throw new AppError('DUPLICATE', '该账单已作废');
    if (bill.paidFen > bill.prepaidFen)
      throw new AppError('PRECONDITION_FAILED', '该账单已有线上缴费，请先退款再作废');
    const record: BillVoid = { reason: input.reason, by: actor.id, byName: actor.name, at };
    if (bill.prepaidFen > 0) {
      const accounts = tx.collection<PrepayAccount & Doc>('prepay_accounts');
      const account = await accounts.get(prepayAccountId(bill.householdId));
      if (!account) throw new AppError('INTERNAL', '预存账户不存在');
      const balanceFen = fen(account.balanceFen + bill.prepaidFen);
      await accounts.update(account._id, { set: { balanceFen, updatedAt: at } });
      await tx.collection<PrepayMovement & Doc>('prepay_movements').insert({
        _id: prepayRefundId(bill._id),
        estateId: bill.estateId,
        householdId: bill.householdId,
        kind: 'refund',
        amountFen: bill.prepaidFen,
        balanceAfterFen: balanceFen,
        billId: bill._id,
        reference: bill._id,
        note: `${bill.period} ${bill.itemName} 作废退回`,
        at,
      });
    }
    await bills.update(bill._id, { set: { void: record, status: 'void' } });
    return { ...bill, void: record, status: 'void' as const };
  });
  ctx.log.log('info', 'billing.bill.voided', { billId: voided._id, by: actor.id });
  return toBillView(voided, toLocalDate(at));
};
