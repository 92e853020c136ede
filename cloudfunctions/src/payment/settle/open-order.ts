import {
  AppError,
  describeOrder,
  fen,
  keyId,
  newOutTradeNo,
  priceBills,
  statusOf,
  toLocalDate,
  type Fen,
  type Household,
  type OfflineChannel,
  type OrderLine,
  type PaymentChannel,
  type PaymentPurpose,
} from '@linli/shared';
import type { Doc, Store, Transaction } from '../../_lib/store/port';
import { ORDERS, RECEIPTS, type OrderDoc, type PayableBill, type ReceiptDoc } from '../documents';

export interface OrderDraft {
  household: Household & Doc;
  purpose: PaymentPurpose;
  channel: PaymentChannel;
  accountId: string;
  openid: string | null;
  now: number;
  expiresAt: number | null;
}

function blankOrder(draft: OrderDraft, lines: OrderLine[], amountFen: Fen, description: string): OrderDoc {
  const { household, now } = draft;
  return {
    _id: newOutTradeNo(draft.purpose, draft.channel, now),
    purpose: draft.purpose,
    channel: draft.channel,
    estateId: household.estateId,
    householdId: household._id,
    roomCode: household.roomCode,
    accountId: draft.accountId,
    openid: draft.openid,
    description,
    lines,
    amountFen,
    status: 'open',
    createdAt: now,
    expiresAt: draft.expiresAt,
    prepayId: null,
    transactionId: null,
    paidAt: null,
    paidOn: null,
    closedAt: null,
    closeReason: null,
    refundedFen: fen(0),
    refundingFen: fen(0),
    refundCount: 0,
    receiptNo: null,
    recordedByName: null,
    note: null,
    cancel: null,
    credited: false,
    checkedAt: null,
    updatedAt: now,
  };
}

/** Read the bills by id inside the transaction, each at most once and of this household. */
async function readBills(
  tx: Transaction,
  householdId: string,
  billIds: readonly string[],
): Promise<PayableBill[]> {
  const bills = tx.collection<PayableBill>('bills');
  const found: PayableBill[] = [];
  for (const id of new Set(billIds)) {
    const bill = await bills.get(id);
    // Another household's bill reads like a missing one, so ids cannot be probed.
    if (!bill || bill.householdId !== householdId)
      throw new AppError('NOT_FOUND', '账单不存在或不属于该房屋');
    found.push(bill);
  }
  return found;
}

export type OpenResult = { order: OrderDoc; reused: boolean };

/**
 * Make an online order for bills, in one transaction over documents by id: price the bills as
 * stored, and lock each to the order (`payingOrderId`) so no second order can take it. Asking
 * again for exactly the bills of an open order returns that order (a retried tap, two taps at
 * once); any other overlap is refused until that order is paid or closed.
 */
export function openBillsOrder(
  store: Store,
  draft: OrderDraft,
  billIds: readonly string[],
): Promise<OpenResult> {
  return store.transaction(async (tx) => {
    const bills = await readBills(tx, draft.household._id, billIds);
    const orders = tx.collection<OrderDoc>(ORDERS);
    const lockIds = new Set(bills.map((b) => b.payingOrderId ?? null));
    const lockedBy = [...lockIds].filter((id): id is string => !!id);
    if (lockedBy.length === 1 && lockIds.size === 1) {
      const existing = await orders.get(lockedBy[0]!);
      const sameBills =
        existing?.lines.length === bills.length &&
        existing.lines.every((l) => bills.some((b) => b._id === l.billId));
      if (
        existing?.status === 'open' &&
        sameBills &&
        existing.accountId === draft.accountId &&
        (existing.expiresAt ?? 0) > draft.now
      )
        return { order: existing, reused: true };
    }
    for (const id of lockedBy) {
      const holder = await orders.get(id);
      if (holder?.status === 'open')
        throw new AppError('PRECONDITION_FAILED', '所选账单已在另一笔待支付订单中，请完成该订单或稍后再试');
    }
    const { lines, amountFen } = priceBills(draft.household._id, bills, draft.now);
    const order = blankOrder(draft, lines, amountFen, describeOrder(draft.household.roomCode, lines));
    await orders.insert(order);
    for (const bill of bills)
      await tx.collection<PayableBill>('bills').update(bill._id, { set: { payingOrderId: order._id } });
    return { order, reused: false };
  });
}

/** A top-up order holds no bills: the amount is the owner's choice, credited when paid. */
export async function openTopUpOrder(store: Store, draft: OrderDraft, amountFen: Fen): Promise<OrderDoc> {
  const order = blankOrder(draft, [], amountFen, `${draft.household.roomCode} 物业费预存`);
  await store.collection<OrderDoc>(ORDERS).insert(order);
  return order;
}

/** Paying a line: principal towards the bill, late fee frozen into lateFeePaidFen. */
export async function payBillLines(tx: Transaction, lines: readonly OrderLine[], at: number): Promise<void> {
  const bills = tx.collection<PayableBill>('bills');
  for (const line of lines) {
    const bill = await bills.get(line.billId);
    if (!bill) continue;
    const paidFen = fen(bill.paidFen + line.principalFen);
    const status = statusOf({ ...bill, paidFen });
    await bills.update(bill._id, {
      inc: { paidFen: line.principalFen, lateFeePaidFen: line.lateFeeFen },
      set: {
        status,
        payingOrderId: null,
        ...(status === 'paid' ? { settledAt: at, settledOn: toLocalDate(at) } : {}),
      },
    });
  }
}

/** Take money back off bills (a refund, a cancelled offline payment): they become payable again. */
export async function unpayBills(
  tx: Transaction,
  parts: ReadonlyArray<{ billId: string; principalFen: Fen; lateFeeFen: Fen }>,
): Promise<void> {
  const bills = tx.collection<PayableBill>('bills');
  for (const part of parts) {
    const bill = await bills.get(part.billId);
    if (!bill) continue;
    const paidFen = fen(Math.max(0, bill.paidFen - part.principalFen));
    const status = statusOf({ ...bill, paidFen });
    await bills.update(bill._id, {
      set: {
        paidFen,
        lateFeePaidFen: fen(Math.max(0, bill.lateFeePaidFen - part.lateFeeFen)),
        status,
        ...(status === 'paid' || status === 'waived' ? {} : { settledAt: null, settledOn: null }),
      },
    });
  }
}

/**
 * Record an offline payment (现金/刷卡/转账) in one transaction: the receipt number is taken
 * once per estate, the bills are priced as stored, and paid at once.
 */
export function recordOfflineOrder(
  store: Store,
  draft: OrderDraft & {
    channel: OfflineChannel;
    receiptNo: string;
    recordedByName: string;
    note: string | null;
  },
  billIds: readonly string[],
): Promise<OrderDoc> {
  return store.transaction(async (tx) => {
    const bills = await readBills(tx, draft.household._id, billIds);
    const orders = tx.collection<OrderDoc>(ORDERS);
    for (const bill of bills) {
      const holder = bill.payingOrderId ? await orders.get(bill.payingOrderId) : null;
      if (holder?.status === 'open')
        throw new AppError(
          'PRECONDITION_FAILED',
          `${bill.period} ${bill.itemName} 正在微信支付中，请稍后再登记`,
        );
    }
    const { lines, amountFen } = priceBills(draft.household._id, bills, draft.now);
    const receipt: ReceiptDoc = {
      _id: keyId('receipt', draft.household.estateId, draft.receiptNo),
      outTradeNo: '',
      at: draft.now,
    };
    const order: OrderDoc = {
      ...blankOrder(draft, lines, amountFen, describeOrder(draft.household.roomCode, lines)),
      status: 'paid',
      paidAt: draft.now,
      paidOn: toLocalDate(draft.now),
      receiptNo: draft.receiptNo,
      recordedByName: draft.recordedByName,
      note: draft.note,
    };
    try {
      await tx.collection<ReceiptDoc>(RECEIPTS).insert({ ...receipt, outTradeNo: order._id });
    } catch (error) {
      if (error instanceof AppError && error.code === 'DUPLICATE')
        throw new AppError('DUPLICATE', `收据号 ${draft.receiptNo} 已登记过`);
      throw error;
    }
    await orders.insert(order);
    await payBillLines(tx, lines, draft.now);
    return order;
  });
}
