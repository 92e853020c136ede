import {
  AppError,
  chargeabilityOf,
  chargeOf,
  DEFAULT_REPAIR_WARRANTY,
  isAppError,
  markRepairPaid,
  periodOf,
  quoteStatusLabels,
  toLocalDate,
  unpaidRepairFen,
  ZERO,
  type Bill,
  type Chargeability,
  type PriceListView,
  type RepairChargeView,
  type RepairQuote,
  type WorkOrder,
} from '@linli/shared';
import { collections } from '../_lib/collections';
import type { Logger } from '../_lib/logger';
import type { Doc, Store } from '../_lib/store/port';
import { commitChange } from './commit';
import { workorderCollections } from './documents';

const DAY_MS = 24 * 60 * 60_000;
/** A repair fee falls due a week after the owner confirms it (no late fee). */
const REPAIR_BILL_DUE_DAYS = 7;
export const REPAIR_ITEM_CODE = 'repair';

type BillDoc = Bill & Doc;
const billsOf = (store: Store) => store.collection<BillDoc>('bills');

/** The estate's 收费标准; estates nobody configured have no items and the default warranty. */
export async function priceListOf(store: Store, estateId: string): Promise<PriceListView> {
  const saved = await workorderCollections(store).priceLists.get(estateId);
  return saved
    ? { estateId, items: saved.items, warranty: saved.warranty, updatedAt: saved.updatedAt }
    : { estateId, items: [], warranty: DEFAULT_REPAIR_WARRANTY, updatedAt: null };
}

/** Whether the order may be charged now: the rule over the household's handover and the warranty. */
export async function chargeabilityNow(
  ctx: { store: Store; now: () => number },
  order: WorkOrder,
): Promise<Chargeability> {
  const now = ctx.now();
  const [household, list] = await Promise.all([
    order.householdId ? collections(ctx.store).households.get(order.householdId) : null,
    priceListOf(ctx.store, order.estateId),
  ]);
  return chargeabilityOf({
    order,
    handoverDate: household?.handoverDate ?? null,
    today: toLocalDate(now),
    now,
    warranty: list.warranty,
  });
}

export async function chargeView(
  ctx: { store: Store; now: () => number },
  order: WorkOrder,
): Promise<RepairChargeView | null> {
  if (order.householdId === null) return null;
  const { chargeable, reason } = await chargeabilityNow(ctx, order);
  const charge = chargeOf(order);
  return {
    householdId: order.householdId,
    chargeable,
    reason,
    override: charge.override,
    quotes: charge.quotes.map((q) => ({ ...q, statusLabel: quoteStatusLabels[q.status] })),
    unpaidFen: unpaidRepairFen(order),
  };
}

/**
 * The one-off bill of a confirmed quote, for the household, with the quote's lines and formulas:
 * from here the ordinary bill payment flow (WeChat Pay, offline, receipts, reconciliation) takes
 * over. Its id comes from the order and quote, so a retry finds it and makes no second bill.
 */
export async function ensureRepairBill(store: Store, order: WorkOrder, quote: RepairQuote, now: number) {
  if (!quote.billId || order.householdId === null) return;
  const bills = billsOf(store);
  if (await bills.get(quote.billId)) return;
  const household = await collections(store).households.get(order.householdId);
  if (!household) throw new AppError('NOT_FOUND', '房屋不存在');
  const bill: BillDoc = {
    _id: quote.billId,
    estateId: order.estateId,
    buildingId: household.buildingId,
    householdId: order.householdId,
    roomCode: household.roomCode,
    period: periodOf(now),
    itemCode: REPAIR_ITEM_CODE,
    itemName: `有偿维修 ${order.orderNo}`,
    kind: 'one_off',
    standardId: `pricelist:${order.estateId}`,
    lines: quote.lines.map((l) => ({ label: l.name, formula: l.formula, amountFen: l.amountFen })),
    usage: null,
    amountFen: quote.totalFen,
    reliefFen: ZERO,
    discountFen: ZERO,
    waivedFen: ZERO,
    paidFen: ZERO,
    prepaidFen: ZERO,
    lateFeePaidFen: ZERO,
    status: 'unpaid',
    dueDate: toLocalDate(now + REPAIR_BILL_DUE_DAYS * DAY_MS),
    lateFeeRule: null,
    runId: `workorder:${order._id}`,
    issuedAt: now,
    settledAt: null,
    settledOn: null,
    waivers: [],
    void: null,
    source: { kind: 'workorder', orderId: order._id, orderNo: order.orderNo },
  };
  try {
    await bills.insert(bill);
  } catch (error) {
    // Two confirms racing: the other one inserted the same bill.
    if (!(isAppError(error) && error.code === 'DUPLICATE')) throw error;
  }
}

/**
 * Stamp the order's confirmed quotes whose bills are paid (by WeChat Pay, offline or otherwise):
 * the bill is the truth, the stamp shows it on the timeline. Safe to repeat.
 */
export async function syncRepairPayments(
  store: Store,
  orderId: string,
  now: number,
): Promise<WorkOrder | null> {
  let order: WorkOrder | null = await workorderCollections(store).workorders.get(orderId);
  if (!order) return null;
  for (const quote of chargeOf(order).quotes) {
    if (quote.status !== 'confirmed' || quote.paidAt !== null || !quote.billId) continue;
    const bill = await billsOf(store).get(quote.billId);
    if (bill?.status !== 'paid') continue;
    const billId = quote.billId;
    const paidAt = bill.settledAt ?? now;
    try {
      ({ after: order } = await commitChange({ store }, orderId, (fresh) => {
        const paid = markRepairPaid(fresh, billId, paidAt);
        if (!paid) throw new AppError('CONFLICT', 'already stamped');
        return paid;
      }));
    } catch (error) {
      if (!(isAppError(error) && error.code === 'CONFLICT')) throw error;
      order = await workorderCollections(store).workorders.get(orderId);
    }
  }
  return order;
}

/** After-settle hook of the payment flow: a settled repair bill marks its work order paid. */
export async function settleRepairBills(
  store: Store,
  billIds: readonly string[],
  now: number,
  log: Logger,
): Promise<void> {
  for (const billId of billIds) {
    const bill = await billsOf(store).get(billId);
    if (bill?.source?.kind !== 'workorder') continue;
    try {
      await syncRepairPayments(store, bill.source.orderId, now);
    } catch (error) {
      // The payment stands; the order is stamped on its next read (accept, auto-close).
      log.log('error', 'workorder.repair_paid.failed', { billId, error });
    }
  }
}

/**
 * The desk cancelled an order whose fee was confirmed but not paid: its bills are voided so the
 * household owes nothing. A bill already in a payment (or paid) is left for finance to refund.
 */
export async function voidUnpaidRepairBills(
  store: Store,
  order: WorkOrder,
  by: { id: string; name: string },
  now: number,
): Promise<void> {
  for (const quote of chargeOf(order).quotes) {
    if (quote.status !== 'confirmed' || quote.paidAt !== null || !quote.billId) continue;
    const bill = await billsOf(store).get(quote.billId);
    if (!bill || bill.status !== 'unpaid' || (bill as { payingOrderId?: string | null }).payingOrderId)
      continue;
    await billsOf(store).update(bill._id, {
      set: {
        status: 'void',
        void: { reason: `工单 ${order.orderNo} 已取消`, by: by.id, byName: by.name, at: now },
      },
    });
  }
}
