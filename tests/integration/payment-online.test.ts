import type { HouseholdBills, PaymentOrderView, PaymentRequestParams } from '@linli/shared';
import { createMain } from '@linli/cloudfunctions/src/_lib/cloudbase-entry';
import { payment } from '@linli/cloudfunctions/src/payment';
import { allDocs } from '../helpers/billing';
import {
  billOf,
  OTHER_HOME,
  OWNER,
  OWNER_HOME,
  paymentRuntime,
  type PaymentRuntime,
} from '../helpers/payment';
import { snapshotStore } from '../helpers/test-runtime';

type Created = { order: PaymentOrderView; payment: PaymentRequestParams };
type Doc = Record<string, unknown>;

jest.setTimeout(30_000);

const MINUTE = 60_000;

async function unpaidBillIds(t: PaymentRuntime, count: number): Promise<string[]> {
  const { households } = await t.ok<{ households: HouseholdBills[] }>(OWNER, 'billing', 'bills.mine');
  const ids = households[0]!.unpaid.slice(0, count).map((b) => b.billId);
  expect(ids).toHaveLength(count);
  return ids;
}

async function billsById(t: PaymentRuntime, ids: string[]): Promise<Doc[]> {
  return Promise.all(ids.map(async (id) => (await t.store.collection('bills').get(id))!));
}

const create = (t: PaymentRuntime, billIds: string[], householdId = OWNER_HOME, openid = OWNER) =>
  t.ok<Created>(openid, 'payment', 'create', { householdId, billIds });

async function orderDoc(t: PaymentRuntime, outTradeNo: string): Promise<Doc> {
  return (await t.store.collection('payment_orders').get(outTradeNo))!;
}

describe('paying bills online through the WeChat Pay simulator', () => {
  let t: PaymentRuntime;
  beforeEach(async () => {
    t = await paymentRuntime();
  });
  afterEach(() => t.close());

  it('pays two bills in one order: amount from the bills, signed pay params, settled by the notification', async () => {
    const ids = await unpaidBillIds(t, 2);
    const before = await billsById(t, ids);
    const { order, payment } = await create(t, ids);
    expect(order).toMatchObject({ status: 'open', householdId: OWNER_HOME, roomCode: '1-1-1201' });
    expect(order.outTradeNo.length).toBeLessThanOrEqual(32);
    const expected = order.lines.reduce((s, l) => s + l.principalFen + l.lateFeeFen, 0);
    expect(order.amountFen).toBe(expected);
    expect(order.expiresAt).toBe(order.createdAt + 15 * MINUTE);
    expect(payment.signType).toBe('RSA');
    expect(payment.package).toMatch(/^prepay_id=wx/);
    expect(t.sim.orders.get(order.outTradeNo)?.total).toBe(expected);

    expect((await t.confirm(payment)).status).toBe(200);
    await t.sim.idle();
    expect(t.sim.deliveries.map((d) => d.status)).toEqual([204]);

    const settled = await t.ok<PaymentOrderView>(OWNER, 'payment', 'status', {
      outTradeNo: order.outTradeNo,
    });
    expect(settled).toMatchObject({ status: 'paid', statusLabel: '已支付' });
    expect(settled.transactionId).toMatch(/^42/);
    const after = await billsById(t, ids);
    after.forEach((bill, i) => {
      const line = order.lines[i]!;
      expect(bill).toMatchObject({
        status: 'paid',
        paidFen: (before[i]!.paidFen as number) + line.principalFen,
        lateFeePaidFen: (before[i]!.lateFeePaidFen as number) + line.lateFeeFen,
        payingOrderId: null,
      });
    });
    const messages = (await allDocs(t, 'outbox')).filter((m) => m.kind === 'payment_received');
    expect(messages.map((m) => m.eventKey)).toContain(order.outTradeNo);
  });

  it('settles once when the same notification arrives 100 times, all acknowledged', async () => {
    const ids = await unpaidBillIds(t, 2);
    const order = await t.pay(ids);
    const once = { bills: await billsById(t, ids), order: await orderDoc(t, order.outTradeNo) };
    const sent = t.sim.lastSent!;
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        fetch(sent.url, { method: 'POST', headers: sent.headers, body: sent.body }).then((r) => r.status),
      ),
    );
    expect(new Set(answers)).toEqual(new Set([204]));
    expect(await billsById(t, ids)).toEqual(once.bills);
    expect(await orderDoc(t, order.outTradeNo)).toEqual(once.order);
  });

  it('answers notifications arriving through CloudBase HTTP access, base64 bodies included', async () => {
    const ids = await unpaidBillIds(t, 1);
    await t.pay(ids);
    const sent = t.sim.lastSent!;
    const main = createMain(payment, { store: () => t.store });
    const lower = Object.fromEntries(Object.entries(sent.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const event = (body: string, isBase64Encoded: boolean) => ({
      httpMethod: 'POST',
      path: '/pay/notify',
      headers: lower,
      body,
      isBase64Encoded,
    });
    expect(await main(event(sent.body, false))).toMatchObject({ statusCode: 204 });
    expect(await main(event(Buffer.from(sent.body).toString('base64'), true))).toMatchObject({
      statusCode: 204,
    });
    // One changed byte breaks the signature.
    expect(await main(event(sent.body.replace('"id":"', '"id":"X'), false))).toMatchObject({
      statusCode: 401,
    });
  });

  it('refuses a notification with a forged signature, on every retry, and changes nothing', async () => {
    const ids = await unpaidBillIds(t, 1);
    const { payment } = await create(t, ids);
    const before = await snapshotStore(t.store);
    t.sim.faults.tamper = 'signature';
    await t.confirm(payment);
    await t.sim.idle();
    expect(t.sim.deliveries).toHaveLength(16);
    expect(new Set(t.sim.deliveries.map((d) => d.status))).toEqual(new Set([401]));
    expect(await snapshotStore(t.store)).toEqual(before);
  });

  it('refuses a notification whose timestamp is stale', async () => {
    const ids = await unpaidBillIds(t, 1);
    const { payment } = await create(t, ids);
    const before = await snapshotStore(t.store);
    t.sim.faults.tamper = 'stale';
    await t.confirm(payment);
    await t.sim.idle();
    expect(t.sim.deliveries[0]!.status).toBe(401);
    expect(await snapshotStore(t.store)).toEqual(before);
  });

  it('never marks bills paid when the notified amount differs: finance is alerted instead', async () => {
    const ids = await unpaidBillIds(t, 2);
    const { order, payment } = await create(t, ids);
    t.sim.faults.tamper = 'amount';
    await t.confirm(payment);
    await t.sim.idle();
    expect(t.sim.deliveries.map((d) => d.status)).toEqual([204]);
    expect(await orderDoc(t, order.outTradeNo)).toMatchObject({ status: 'open' });
    for (const bill of await billsById(t, ids)) expect(bill.status).not.toBe('paid');
    const alerts = await t.ok<{ items: Array<{ outTradeNo: string; kind: string; problems: string[] }> }>(
      'demo-finance',
      'payment',
      'alerts',
    );
    expect(alerts.items).toEqual([
      expect.objectContaining({
        outTradeNo: order.outTradeNo,
        kind: 'amount_mismatch',
        problems: [expect.stringMatching(/金额不符/)],
      }),
    ]);
    const finance = (await t.store.collection('accounts').find({ where: { openid: 'demo-finance' } }))
      .items[0]!;
    const alarm = (await allDocs(t, 'outbox')).filter((m) => m.kind === 'alarm_raised');
    expect(alarm.map((m) => m.toAccountId)).toContain(finance._id);
  });

  it('settles through the sweep when the notification never comes', async () => {
    const ids = await unpaidBillIds(t, 2);
    t.sim.faults.drop = 1;
    const order = await t.pay(ids);
    expect(t.sim.deliveries.map((d) => d.status)).toEqual(['dropped']);
    await t.tick();
    expect((await orderDoc(t, order.outTradeNo)).status).toBe('open'); // too soon: the notification may still come
    t.clock.now += 3 * MINUTE;
    await t.tick();
    expect((await orderDoc(t, order.outTradeNo)).status).toBe('paid');
    for (const bill of await billsById(t, ids)) expect(bill.status).toBe('paid');
  });

  it('settles exactly once when the notification and the sweep race', async () => {
    const ids = await unpaidBillIds(t, 2);
    const before = await billsById(t, ids);
    const { order, payment } = await create(t, ids);
    t.clock.now += 3 * MINUTE;
    t.sim.faults.duplicate = 1;
    t.sim.faults.duplicateCopies = 5;
    await t.confirm(payment);
    await Promise.all([t.tick(), t.tick(), t.sim.idle()]);
    const after = await billsById(t, ids);
    after.forEach((bill, i) =>
      expect(bill.paidFen).toBe((before[i]!.paidFen as number) + order.lines[i]!.principalFen),
    );
    expect((await orderDoc(t, order.outTradeNo)).status).toBe('paid');
  });

  it('closes an expired order at WeChat and here, and the bills can be paid again', async () => {
    const ids = await unpaidBillIds(t, 2);
    const { order, payment } = await create(t, ids);
    expect(
      await t.errorCode(OWNER, 'payment', 'create', { householdId: OWNER_HOME, billIds: [ids[0]] }),
    ).toBe('PRECONDITION_FAILED');
    t.clock.now += 16 * MINUTE;
    await t.tick();
    const closed = await orderDoc(t, order.outTradeNo);
    expect(closed.status).toBe('closed');
    expect(closed.closeReason).toMatch(/超时/);
    expect(t.sim.orders.get(order.outTradeNo)?.state).toBe('CLOSED');
    for (const bill of await billsById(t, ids)) expect(bill.payingOrderId).toBeNull();
    expect((await t.confirm(payment)).status).toBe(400);
    const again = await create(t, ids);
    expect(again.order.outTradeNo).not.toBe(order.outTradeNo);
  });

  it('makes one order when the same bills are asked for twice at once, and reuses it on a retry', async () => {
    const ids = await unpaidBillIds(t, 2);
    const results = await Promise.all([
      t.call(OWNER, 'payment', 'create', { householdId: OWNER_HOME, billIds: ids }),
      t.call(OWNER, 'payment', 'create', { householdId: OWNER_HOME, billIds: ids }),
    ]);
    const orders = await allDocs(t, 'payment_orders');
    expect(orders).toHaveLength(1);
    for (const result of results) {
      if (result.ok) expect((result.data as Created).order.outTradeNo).toBe(orders[0]!._id);
      else expect(result.error.code).toBe('CONFLICT');
    }
    const retry = await create(t, [...ids].reverse());
    expect(retry.order.outTradeNo).toBe(orders[0]!._id);
    expect(await allDocs(t, 'payment_orders')).toHaveLength(1);
  });

  it("refuses another household's bills, households one is not bound to, staff and paid bills", async () => {
    const mine = await unpaidBillIds(t, 1);
    const theirs = billOf(OTHER_HOME, 'property');
    expect(
      await t.errorCode(OWNER, 'payment', 'create', { householdId: OWNER_HOME, billIds: [theirs] }),
    ).toBe('NOT_FOUND');
    expect(
      await t.errorCode(OWNER, 'payment', 'create', { householdId: OTHER_HOME, billIds: [theirs] }),
    ).toBe('FORBIDDEN');
    expect(
      await t.errorCode('demo-finance', 'payment', 'create', { householdId: OWNER_HOME, billIds: mine }),
    ).toBe('FORBIDDEN');
    const order = await t.pay(mine);
    expect(await t.errorCode(OWNER, 'payment', 'create', { householdId: OWNER_HOME, billIds: mine })).toBe(
      'PRECONDITION_FAILED',
    );
    expect(await t.errorCode('demo-owner-2', 'payment', 'status', { outTradeNo: order.outTradeNo })).toBe(
      'NOT_FOUND',
    );
    expect(await allDocs(t, 'payment_orders')).toHaveLength(1);
  });

  it('credits a prepayment top-up once it is paid', async () => {
    const { payment, order } = await t.ok<Created>(OWNER, 'payment', 'topUp', {
      householdId: OWNER_HOME,
      amountFen: 50000,
    });
    expect(order).toMatchObject({ purpose: 'top_up', amountFen: 50000, lines: [] });
    const before = (await t.store.collection('prepay_accounts').get(`prepay_${OWNER_HOME}`)) as Doc | null;
    await t.confirm(payment);
    await t.sim.idle();
    const statement = await t.ok<{ balanceFen: number }>(OWNER, 'billing', 'prepay.statement', {
      householdId: OWNER_HOME,
    });
    expect(statement.balanceFen).toBe(((before?.balanceFen as number | undefined) ?? 0) + 50000);
    expect(await orderDoc(t, order.outTradeNo)).toMatchObject({ status: 'paid', credited: true });
  });
});
