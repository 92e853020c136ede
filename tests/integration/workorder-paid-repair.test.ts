import type { BillView, PriceListView, WorkOrderDetail } from '@linli/shared';
import { demoPriceList } from '@linli/cloudfunctions/src/local/seed/demo-workorders';
import { allDocs } from '../helpers/billing';
import { runJob } from '../helpers/messaging';
import { OWNER_HOME, paymentRuntime, type PaymentRuntime } from '../helpers/payment';
import { snapshotStore } from '../helpers/test-runtime';
import {
  ADMIN,
  ESTATE,
  FINANCE,
  LIFT_TECH,
  OTHER_OWNER,
  OWNER,
  PLUMBER,
  SERVICE,
  reportRepair,
  setDispatchMode,
  staffIdOf,
} from '../helpers/workorders';

const DAY = 24 * 60 * 60_000;
const VALVE_AND_VISIT = [
  { code: 'angle-valve', quantity: '1' },
  { code: 'visit', quantity: '1' },
];

describe('workorder: paid repairs (有偿维修) from quote to payment and close', () => {
  let t: PaymentRuntime;

  beforeEach(async () => {
    t = await paymentRuntime();
    await setDispatchMode(t.store, 'manual', 3);
    await t.ok(ADMIN, 'workorder', 'savePriceList', { estateId: ESTATE, ...demoPriceList });
  });
  afterEach(() => t.close());

  const act = (openid: string, action: string, input: Record<string, unknown>) =>
    t.ok<WorkOrderDetail>(openid, 'workorder', action, input);

  /** An in-home order 赵师傅 holds and has started on. */
  async function startedOrder(input: Record<string, unknown> = {}): Promise<string> {
    const reported = await reportRepair(t, input);
    const orderId = reported.orderId;
    await act(SERVICE, 'reassign', { orderId, staffId: staffIdOf(PLUMBER), reason: '水暖问题' });
    await act(PLUMBER, 'accept', { orderId });
    await act(PLUMBER, 'start', { orderId });
    return orderId;
  }

  const complete = (orderId: string) =>
    act(PLUMBER, 'complete', { orderId, cause: '角阀老化', actionsTaken: '更换角阀并试水' });

  it('quote → owner confirms (one bill however often) → completed → close refused until paid → paid once on replayed notifications → closed', async () => {
    const orderId = await startedOrder();
    const working = await act(PLUMBER, 'detail', { orderId });
    expect(working.charge).toMatchObject({ chargeable: true, reason: '入户维修，按收费标准收费' });
    expect(working.actions).toContain('quote');

    const quoted = await act(PLUMBER, 'quote', { orderId, lines: VALVE_AND_VISIT });
    expect(quoted.state).toBe('quoted');
    expect(quoted.charge?.quotes[0]).toMatchObject({ seq: 1, status: 'pending', totalFen: 6500 });
    expect(quoted.charge?.quotes[0]?.lines.map((l) => l.formula)).toEqual([
      '更换角阀 1 个 × ¥35.00/个 = ¥35.00',
      '上门检修 1 次 × ¥30.00/次 = ¥30.00',
    ]);

    const seen = await act(OWNER, 'detail', { orderId });
    expect(seen.stateLabel).toBe('待确认报价');
    expect(seen.actions).toEqual(['approve_quote', 'decline_quote']);
    expect(seen.timeline.at(-1)?.label).toBe('赵师傅报价 ¥65.00，待业主确认');

    // Two taps at once: one wins the transition, the other finds it confirmed; one bill either way.
    const answers = await Promise.all([
      t.call(OWNER, 'workorder', 'approveQuote', { orderId }),
      t.call(OWNER, 'workorder', 'approveQuote', { orderId }),
    ]);
    expect(answers.map((a) => a.ok)).toEqual([true, true]);
    await act(OWNER, 'approveQuote', { orderId }); // a retry after a lost answer
    const repairBills = (await allDocs(t, 'bills')).filter((b) => b.itemCode === 'repair');
    expect(repairBills).toHaveLength(1);
    const bill = repairBills[0]!;
    expect(bill).toMatchObject({
      householdId: OWNER_HOME,
      amountFen: 6500,
      status: 'unpaid',
      kind: 'one_off',
      source: { kind: 'workorder', orderId },
    });
    expect((bill.lines as Array<{ formula: string }>).map((l) => l.formula)).toContain(
      '更换角阀 1 个 × ¥35.00/个 = ¥35.00',
    );
    const mine = await t.ok<{ households: Array<{ unpaid: BillView[] }> }>(OWNER, 'billing', 'bills.mine', {
      householdId: OWNER_HOME,
    });
    expect(mine.households[0]?.unpaid.map((b) => b.billId)).toContain(bill._id);

    // Work may finish before the fee is paid; acceptance may not.
    const completed = await complete(orderId);
    expect(completed.state).toBe('completed');
    const refused = await t.call(OWNER, 'workorder', 'confirm', { orderId, rating: 5 });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'PRECONDITION_FAILED',
        message: '这是有偿维修，维修费 ¥65.00 尚未支付，请先支付后再验收',
      },
    });
    expect((await act(OWNER, 'detail', { orderId })).state).toBe('completed');

    // WeChat Pay sends the notification five times: the order is stamped paid exactly once.
    t.sim.faults.duplicate = 1;
    t.sim.faults.duplicateCopies = 5;
    await t.pay([bill._id as string]);
    const paid = await act(OWNER, 'detail', { orderId });
    expect(paid.charge?.quotes[0]?.paidAt).not.toBeNull();
    expect(paid.charge?.unpaidFen).toBe(0);
    expect(paid.timeline.filter((e) => e.label === '业主已支付维修费 ¥65.00')).toHaveLength(1);

    const closed = await act(OWNER, 'confirm', { orderId, rating: 5, comment: '价格透明' });
    expect(closed.state).toBe('closed');
    expect(closed.timeline.map((e) => e.stateLabel)).toEqual(
      expect.arrayContaining(['待确认报价', '维修中', '待验收', '已完成']),
    );
  });

  it('refuses a quote on a free order (public area, desk override) and changes nothing', async () => {
    const lobby = await reportRepair(t, {
      category: 'plumbing',
      location: { kind: 'public', area: 'lobby', buildingId: undefined },
    });
    await act(SERVICE, 'reassign', { orderId: lobby.orderId, staffId: staffIdOf(PLUMBER) });
    await act(PLUMBER, 'accept', { orderId: lobby.orderId });
    const started = await act(PLUMBER, 'start', { orderId: lobby.orderId });
    expect(started.charge).toMatchObject({ chargeable: false, reason: '公共区域维修，免费' });
    expect(started.actions).not.toContain('quote');
    const before = await snapshotStore(t.store);
    expect(
      await t.errorCode(PLUMBER, 'workorder', 'quote', { orderId: lobby.orderId, lines: VALVE_AND_VISIT }),
    ).toBe('PRECONDITION_FAILED');
    expect(await snapshotStore(t.store)).toEqual(before);

    const home = await startedOrder();
    const free = await act(SERVICE, 'setChargeable', {
      orderId: home,
      chargeable: false,
      reason: '管道老化属物业责任',
    });
    expect(free.charge).toMatchObject({ chargeable: false, reason: '张客服设为免费：管道老化属物业责任' });
    expect(free.timeline.at(-1)).toMatchObject({
      label: '张客服将工单设为免费维修',
      note: '管道老化属物业责任',
    });
    const audited = (await allDocs(t, 'audit_log')).filter(
      (e) => e.collection === 'workorders' && e.docId === home,
    );
    expect(audited.length).toBeGreaterThan(0);
    expect(await t.errorCode(PLUMBER, 'workorder', 'quote', { orderId: home, lines: VALVE_AND_VISIT })).toBe(
      'PRECONDITION_FAILED',
    );
    // Free orders close without any payment.
    await complete(home);
    expect((await act(OWNER, 'confirm', { orderId: home, rating: 4 })).state).toBe('closed');
  });

  it('keeps each party to their part: roles, other households, other technicians, price-list editors', async () => {
    const orderId = await startedOrder();
    const lines = VALVE_AND_VISIT;
    expect(await t.errorCode(OWNER, 'workorder', 'quote', { orderId, lines })).toBe('FORBIDDEN');
    expect(await t.errorCode(SERVICE, 'workorder', 'quote', { orderId, lines })).toBe('FORBIDDEN');
    expect(await t.errorCode(LIFT_TECH, 'workorder', 'quote', { orderId, lines })).toBe('FORBIDDEN');
    expect(
      await t.errorCode(PLUMBER, 'workorder', 'quote', {
        orderId,
        lines: [{ code: 'gold-tap', quantity: '1' }],
      }),
    ).toBe('VALIDATION');
    await act(PLUMBER, 'quote', { orderId, lines });
    expect(await t.errorCode(OTHER_OWNER, 'workorder', 'approveQuote', { orderId })).toBe('FORBIDDEN');
    expect(await t.errorCode(PLUMBER, 'workorder', 'approveQuote', { orderId })).toBe('FORBIDDEN');
    expect(await t.errorCode(SERVICE, 'workorder', 'approveQuote', { orderId })).toBe('FORBIDDEN');
    expect(await t.errorCode(OTHER_OWNER, 'workorder', 'declineQuote', { orderId, reason: '不需要' })).toBe(
      'FORBIDDEN',
    );
    // A quote waiting for the owner cannot be made free under it.
    expect(
      await t.errorCode(SERVICE, 'workorder', 'setChargeable', {
        orderId,
        chargeable: false,
        reason: '改为免费',
      }),
    ).toBe('PRECONDITION_FAILED');
    for (const who of [SERVICE, FINANCE, PLUMBER, OWNER])
      expect(
        await t.errorCode(who, 'workorder', 'savePriceList', { estateId: ESTATE, ...demoPriceList }),
      ).toBe('FORBIDDEN');
    const list = await t.ok<PriceListView>(PLUMBER, 'workorder', 'priceList', {});
    expect(list.items.map((i) => i.code)).toContain('angle-valve');
    expect(await t.errorCode(OWNER, 'workorder', 'priceList', {})).toBe('FORBIDDEN');
  });

  it('a declined quote can be revised; the first one never becomes a bill', async () => {
    const orderId = await startedOrder();
    await act(PLUMBER, 'quote', { orderId, lines: VALVE_AND_VISIT });
    const declined = await act(OWNER, 'declineQuote', { orderId, reason: '上门费太贵了' });
    expect(declined.state).toBe('in_progress');
    expect(declined.charge?.quotes[0]).toMatchObject({ status: 'declined', declineReason: '上门费太贵了' });
    expect(declined.timeline.at(-1)).toMatchObject({ label: '业主拒绝报价', note: '上门费太贵了' });
    const revised = await act(PLUMBER, 'quote', { orderId, lines: [{ code: 'angle-valve', quantity: '1' }] });
    expect(revised.charge?.quotes.map((q) => [q.seq, q.status, q.totalFen])).toEqual([
      [1, 'declined', 6500],
      [2, 'pending', 3500],
    ]);
    await act(OWNER, 'approveQuote', { orderId });
    const bills = (await allDocs(t, 'bills')).filter((b) => b.itemCode === 'repair');
    expect(bills.map((b) => b.amountFen)).toEqual([3500]);
  });

  it('auto-close waits for the fee; a payment recorded at the counter lets it close', async () => {
    const orderId = await startedOrder();
    await act(PLUMBER, 'quote', { orderId, lines: VALVE_AND_VISIT });
    const confirmed = await act(OWNER, 'approveQuote', { orderId });
    const billId = confirmed.charge!.quotes[0]!.billId!;
    await complete(orderId);
    t.clock.now += 4 * DAY;
    await runJob(t, 'workorder-auto-close', () => t.clock.now);
    expect((await act(OWNER, 'detail', { orderId })).state).toBe('completed');

    await t.ok(FINANCE, 'payment', 'recordOffline', {
      householdId: OWNER_HOME,
      billIds: [billId],
      channel: 'cash',
      receiptNo: 'R-20260714',
    });
    expect((await act(OWNER, 'detail', { orderId })).charge?.unpaidFen).toBe(0);
    await runJob(t, 'workorder-auto-close', () => t.clock.now);
    const closed = await act(OWNER, 'detail', { orderId });
    expect(closed.state).toBe('closed');
    expect(closed.acceptance).toMatchObject({ auto: true });
  });

  it('cancelling an order with an unpaid confirmed fee voids its bill', async () => {
    const orderId = await startedOrder();
    await act(PLUMBER, 'quote', { orderId, lines: VALVE_AND_VISIT });
    const confirmed = await act(OWNER, 'approveQuote', { orderId });
    await act(SERVICE, 'cancel', { orderId, reason: '业主改为自行维修' });
    const bill = (await allDocs(t, 'bills')).find((b) => b._id === confirmed.charge!.quotes[0]!.billId);
    expect(bill?.status).toBe('void');
    expect((bill?.void as { reason: string } | undefined)?.reason).toMatch(/已取消$/);
  });
});
