import type {
  HouseholdBills,
  PaymentDetail,
  PaymentOrderView,
  ReconcileReport,
  RefundView,
} from '@linli/shared';
import { allDocs } from '../helpers/billing';
import { OWNER, OWNER_HOME, paymentRuntime, type PaymentRuntime } from '../helpers/payment';

jest.setTimeout(30_000);

type Doc = Record<string, unknown>;
const FINANCE = 'demo-finance';

async function unpaidBillIds(t: PaymentRuntime, count: number): Promise<string[]> {
  const { households } = await t.ok<{ households: HouseholdBills[] }>(OWNER, 'billing', 'bills.mine');
  return households[0]!.unpaid.slice(0, count).map((b) => b.billId);
}

const billsById = (t: PaymentRuntime, ids: string[]): Promise<Doc[]> =>
  Promise.all(ids.map(async (id) => (await t.store.collection('bills').get(id))!));

describe('refunds through WeChat Pay', () => {
  let t: PaymentRuntime;
  beforeEach(async () => {
    t = await paymentRuntime();
  });
  afterEach(() => t.close());

  it('refunds part, then the rest: the order and the bills follow each refund notification', async () => {
    const ids = await unpaidBillIds(t, 2);
    const before = await billsById(t, ids);
    const order = await t.pay(ids);
    const last = order.lines[1]!;

    const partial = await t.ok<RefundView>(FINANCE, 'payment', 'refund', {
      outTradeNo: order.outTradeNo,
      amountFen: 100,
      reason: '多收水费',
    });
    expect(partial).toMatchObject({ outRefundNo: `${order.outTradeNo}R01`, amountFen: 100 });
    await t.sim.idle();
    let detail = await t.ok<PaymentDetail>(FINANCE, 'payment', 'get', { outTradeNo: order.outTradeNo });
    expect(detail.order).toMatchObject({ status: 'partially_refunded', refundedFen: 100, refundingFen: 0 });
    expect(detail.refunds.map((r) => r.state)).toEqual(['succeeded']);
    const [, lastBill] = await billsById(t, ids);
    expect(lastBill).toMatchObject({
      status: 'partial',
      paidFen: (before[1]!.paidFen as number) + last.principalFen - (100 - last.lateFeeFen),
    });

    expect(
      await t.errorCode(FINANCE, 'payment', 'refund', {
        outTradeNo: order.outTradeNo,
        amountFen: order.amountFen,
        reason: '全额',
      }),
    ).toBe('VALIDATION');
    await t.ok(FINANCE, 'payment', 'refund', {
      outTradeNo: order.outTradeNo,
      amountFen: order.amountFen - 100,
      reason: '业主搬离，全额退回',
    });
    await t.sim.idle();
    detail = await t.ok<PaymentDetail>(FINANCE, 'payment', 'get', { outTradeNo: order.outTradeNo });
    expect(detail.order).toMatchObject({ status: 'refunded', refundedFen: order.amountFen });
    const after = await billsById(t, ids);
    after.forEach((bill, i) =>
      expect(bill).toMatchObject({ paidFen: before[i]!.paidFen, status: before[i]!.status }),
    );
    expect(t.sim.orders.get(order.outTradeNo)?.refundedTotal).toBe(order.amountFen);
    // The bills can be paid again.
    await t.ok(OWNER, 'payment', 'create', { householdId: OWNER_HOME, billIds: ids });
  });

  it('lets only finance staff refund, and never an open order', async () => {
    const ids = await unpaidBillIds(t, 1);
    const created = await t.ok<{ order: PaymentOrderView }>(OWNER, 'payment', 'create', {
      householdId: OWNER_HOME,
      billIds: ids,
    });
    const input = { outTradeNo: created.order.outTradeNo, amountFen: 1, reason: '测试退款' };
    expect(await t.errorCode(OWNER, 'payment', 'refund', input)).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-service', 'payment', 'refund', input)).toBe('FORBIDDEN');
    expect(await t.errorCode(FINANCE, 'payment', 'refund', input)).toBe('PRECONDITION_FAILED');
    expect(await allDocs(t, 'payment_refunds')).toEqual([]);
  });
});

describe('offline payments', () => {
  let t: PaymentRuntime;
  beforeEach(async () => {
    t = await paymentRuntime();
  });
  afterEach(() => t.close());

  it('records cash against bills with a receipt number once, and cancels it with a reason, audited', async () => {
    const ids = await unpaidBillIds(t, 2);
    const before = await billsById(t, ids);
    const order = await t.ok<PaymentOrderView>(FINANCE, 'payment', 'recordOffline', {
      householdId: OWNER_HOME,
      billIds: ids,
      channel: 'cash',
      receiptNo: 'SJ-20260710-001',
    });
    expect(order).toMatchObject({
      status: 'paid',
      channelLabel: '现金',
      receiptNo: 'SJ-20260710-001',
      recordedByName: '李会计',
    });
    for (const bill of await billsById(t, ids)) expect(bill.status).toBe('paid');
    expect(
      await t.errorCode(FINANCE, 'payment', 'recordOffline', {
        householdId: OWNER_HOME,
        billIds: ids,
        channel: 'card',
        receiptNo: 'SJ-20260710-001',
      }),
    ).toBe('PRECONDITION_FAILED'); // already paid
    expect(
      await t.errorCode(FINANCE, 'payment', 'cancelOffline', { outTradeNo: order.outTradeNo, reason: '' }),
    ).toBe('VALIDATION');

    const cancelled = await t.ok<PaymentOrderView>(FINANCE, 'payment', 'cancelOffline', {
      outTradeNo: order.outTradeNo,
      reason: '收据填错房号',
    });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancel: { reason: '收据填错房号', byName: '李会计' },
    });
    const after = await billsById(t, ids);
    after.forEach((bill, i) =>
      expect(bill).toMatchObject({ paidFen: before[i]!.paidFen, status: before[i]!.status }),
    );
    expect(
      await t.errorCode(FINANCE, 'payment', 'cancelOffline', {
        outTradeNo: order.outTradeNo,
        reason: '再撤一次',
      }),
    ).toBe('PRECONDITION_FAILED');
    // The same receipt number cannot be used again, even after a cancel.
    expect(
      await t.errorCode(FINANCE, 'payment', 'recordOffline', {
        householdId: OWNER_HOME,
        billIds: ids,
        channel: 'cash',
        receiptNo: 'SJ-20260710-001',
      }),
    ).toBe('DUPLICATE');

    const audit = (await allDocs(t, 'audit_log')).filter((e) => e.collection === 'payment_orders');
    expect(audit.map((e) => e.action)).toEqual(['payment.recordOffline', 'payment.cancelOffline']);
  });

  it('refuses bills that are being paid online, and other staff', async () => {
    const ids = await unpaidBillIds(t, 1);
    await t.ok(OWNER, 'payment', 'create', { householdId: OWNER_HOME, billIds: ids });
    const input = { householdId: OWNER_HOME, billIds: ids, channel: 'transfer', receiptNo: 'ZZ-0001' };
    expect(await t.errorCode(FINANCE, 'payment', 'recordOffline', input)).toBe('PRECONDITION_FAILED');
    expect(await t.errorCode('demo-service', 'payment', 'recordOffline', input)).toBe('FORBIDDEN');
    expect(await t.errorCode(OWNER, 'payment', 'recordOffline', input)).toBe('FORBIDDEN');
  });
});

describe('reconciliation with the trade bill', () => {
  let t: PaymentRuntime;
  beforeEach(async () => {
    t = await paymentRuntime();
  });
  afterEach(() => t.close());

  it('is clean when every payment of the day is on both sides, and lists what is missing here', async () => {
    const ids = await unpaidBillIds(t, 3);
    const first = await t.pay(ids.slice(0, 2));
    let report = await t.ok<ReconcileReport>(FINANCE, 'payment', 'reconcile', { billDate: '2026-07-10' });
    expect(report).toMatchObject({
      clean: true,
      matched: 1,
      matchedFen: first.amountFen,
      noStatement: false,
    });

    t.sim.faults.drop = 1;
    const second = await t.pay(ids.slice(2));
    report = await t.ok<ReconcileReport>(FINANCE, 'payment', 'reconcile', { billDate: '2026-07-10' });
    expect(report.clean).toBe(false);
    expect(report.missingOurs).toEqual([
      expect.objectContaining({ outTradeNo: second.outTradeNo, theirFen: second.amountFen, ourFen: null }),
    ]);
  });

  it('reports a day without trades as clean, with no statement', async () => {
    const report = await t.ok<ReconcileReport>(FINANCE, 'payment', 'reconcile', { billDate: '2026-07-09' });
    expect(report).toMatchObject({ clean: true, noStatement: true, matched: 0 });
    expect(await t.errorCode(OWNER, 'payment', 'reconcile', { billDate: '2026-07-09' })).toBe('FORBIDDEN');
  });
});
