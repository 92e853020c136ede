import {
  fen,
  outstandingOf,
  planDraws,
  prepayAccountId,
  prepayDrawId,
  statusOf,
  toLocalDate,
  type Bill,
  type Fen,
  type PrepayAccount,
  type PrepayMovement,
} from '@linli/shared';
import type { Doc, Store } from '../../_lib/store/port';

/**
 * Pay a household's new bills from its prepayment balance, in the given order, in one
 * transaction over documents by id (the account, the bills, one movement per bill). A bill
 * is drawn from at most once: its movement id derives from the bill, so a retried or resumed
 * run finds the draw already made and changes nothing. Returns what the bills hold from
 * prepayment afterwards (drawn now or before).
 */
export async function drawPrepayment(
  store: Store,
  householdId: string,
  billIds: readonly string[],
  at: number,
  reference: string,
): Promise<Fen> {
  return store.transaction(async (tx) => {
    const accounts = tx.collection<PrepayAccount & Doc>('prepay_accounts');
    const bills = tx.collection<Bill & Doc>('bills');
    const movements = tx.collection<PrepayMovement & Doc>('prepay_movements');
    const account = await accounts.get(prepayAccountId(householdId));
    const current: Bill[] = [];
    const undrawn: Array<{ billId: string; outstandingFen: Fen }> = [];
    for (const id of billIds) {
      const bill = await bills.get(id);
      if (!bill) continue;
      current.push(bill);
      if (account && !(await movements.get(prepayDrawId(id))))
        undrawn.push({ billId: id, outstandingFen: outstandingOf(bill) });
    }
    let prepaid = fen(current.reduce((sum, bill) => sum + bill.prepaidFen, 0));
    if (!account) return prepaid;

    let balance = account.balanceFen;
    for (const draw of planDraws(balance, undrawn)) {
      const bill = current.find((b) => b._id === draw.billId)!;
      balance = fen(balance - draw.amountFen);
      await movements.insert({
        _id: prepayDrawId(bill._id),
        estateId: bill.estateId,
        householdId,
        kind: 'draw',
        amountFen: fen(0 - draw.amountFen),
        balanceAfterFen: balance,
        billId: bill._id,
        reference,
        note: `${bill.period} ${bill.itemName}`,
        at,
      });
      const paid = { ...bill, paidFen: fen(bill.paidFen + draw.amountFen) };
      const status = statusOf(paid);
      await bills.update(bill._id, {
        inc: { paidFen: draw.amountFen, prepaidFen: draw.amountFen },
        set: { status, ...(status === 'paid' ? { settledAt: at, settledOn: toLocalDate(at) } : {}) },
      });
      prepaid = fen(prepaid + draw.amountFen);
    }
    if (balance !== account.balanceFen)
      await accounts.update(account._id, { set: { balanceFen: balance, updatedAt: at } });
    return prepaid;
  });
}
