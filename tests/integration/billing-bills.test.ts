import { fen, keyId, type BillView, type HouseholdBills, type PrepayStatement } from '@linli/shared';
import type { AuditEntry } from '@linli/cloudfunctions/src/_lib/audit';
import { creditPrepayment } from '@linli/cloudfunctions/src/billing/prepayment/credit-prepayment';
import { billingRuntime, commitAll, ESTATE, PERIOD } from '../helpers/billing';
import type { TestRuntime } from '../helpers/test-runtime';

const OWNER_HOME = keyId('hh', ESTATE, '1-1-1201');
const SECOND_HOME = keyId('hh', ESTATE, '2-1-0802');
const billOf = (household: string, item: string, period = PERIOD) => keyId('bill', household, period, item);

describe('bills: what owners and staff see', () => {
  let t: TestRuntime;
  beforeEach(async () => {
    t = await billingRuntime();
    await commitAll(t);
  });
  afterEach(() => t.close());

  it('shows an owner only their own households, every line explained, with totals and due dates', async () => {
    const { households } = await t.ok<{ households: HouseholdBills[] }>(
      'demo-owner-1',
      'billing',
      'bills.mine',
    );
    expect(households.map((h) => h.householdId)).toEqual([OWNER_HOME]);
    const home = households[0]!;
    expect(home).toMatchObject({ roomCode: '1-1-1201', estateName: '邻里花园' });
    expect(home.unpaid.every((b) => b.householdId === OWNER_HOME)).toBe(true);
    const property = home.unpaid.find((b) => b.billId === billOf(OWNER_HOME, 'property'))!;
    expect(property).toMatchObject({
      itemName: '物业费',
      dueDate: '2026-07-15',
      amountFen: 21040,
      status: 'unpaid',
    });
    expect(property.lines).toEqual([
      { label: '物业费', formula: '89.53 m² × ¥2.35/m²·月 = ¥210.40', amountFen: 21040 },
    ]);
    const water = home.unpaid.find((b) => b.billId === billOf(OWNER_HOME, 'water'))!;
    expect(water.usage).toMatchObject({ usagePeriod: '2026-06', quantity: '25.5', unit: 'm³' });
    expect(water.lines.map((l) => l.formula)).toEqual([
      '20 m³ × ¥3.50/m³ = ¥70.00',
      '5.5 m³ × ¥4.80/m³ = ¥26.40',
    ]);
    // June's property bill is overdue beyond its grace days: a late fee accrues, explained.
    const june = home.unpaid.find((b) => b.billId === billOf(OWNER_HOME, 'property', '2026-06'))!;
    expect(june.lateFee?.formula).toMatch(/× 0\.05%\/天 × 10 天（逾期 25 天，宽限 15 天）= ¥/);
    expect(home.totals.outstandingFen).toBe(home.unpaid.reduce((s, b) => s + b.outstandingFen, 0));
    expect(home.totals.payableFen).toBe(home.totals.outstandingFen + home.totals.lateFeeFen);
    expect(home.paid.length).toBeGreaterThan(0); // May, paid from the demo prepayment
  });

  it('refuses another owner’s bill, a technician and staff of another estate, and lets service read', async () => {
    const bill = billOf(OWNER_HOME, 'property');
    expect(
      (await t.ok<BillView>('demo-owner-1', 'billing', 'bills.get', { billId: bill })).lines,
    ).toHaveLength(1);
    expect(await t.errorCode('demo-owner-2', 'billing', 'bills.get', { billId: bill })).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-owner-3', 'billing', 'bills.get', { billId: bill })).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-tech-lift', 'billing', 'bills.get', { billId: bill })).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-tech-lift', 'billing', 'bills.list', { estateId: ESTATE })).toBe(
      'FORBIDDEN',
    );
    expect(await t.errorCode('demo-admin-maple', 'billing', 'bills.get', { billId: bill })).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-owner-2', 'billing', 'bills.mine', { householdId: OWNER_HOME })).toBe(
      'FORBIDDEN',
    );
    expect(await t.errorCode('demo-new-user', 'billing', 'bills.mine')).toBe('NOT_BOUND');
    expect((await t.ok<BillView>('demo-service', 'billing', 'bills.get', { billId: bill })).billId).toBe(
      bill,
    );
  });

  it('lists bills for staff by period, status and building, page by page', async () => {
    const building = keyId('bld', ESTATE, 2);
    const first = await t.ok<{ items: BillView[]; next?: string }>('demo-service', 'billing', 'bills.list', {
      estateId: ESTATE,
      period: PERIOD,
      status: 'unpaid',
      buildingId: building,
    });
    expect(first.items).toHaveLength(50);
    expect(
      first.items.every((b) => b.roomCode.startsWith('2-') && b.status === 'unpaid' && b.period === PERIOD),
    ).toBe(true);
    const second = await t.ok<{ items: BillView[] }>('demo-service', 'billing', 'bills.list', {
      estateId: ESTATE,
      period: PERIOD,
      status: 'unpaid',
      buildingId: building,
      after: first.next,
    });
    expect(second.items[0]!.billId).not.toBe(first.items[0]!.billId);
  });

  it('voids a bill with a reason, audited and never deleted, and returns what prepayment paid', async () => {
    const may = billOf(OWNER_HOME, 'property', '2026-05');
    const paidFromPrepay = (await t.ok<BillView>('demo-finance', 'billing', 'bills.get', { billId: may }))
      .prepaidFen;
    expect(paidFromPrepay).toBe(21040);
    expect(await t.errorCode('demo-finance', 'billing', 'bills.void', { billId: may })).toBe('VALIDATION');
    expect(
      await t.errorCode('demo-service', 'billing', 'bills.void', { billId: may, reason: '面积录入错误' }),
    ).toBe('FORBIDDEN');

    const voided = await t.ok<BillView>('demo-finance', 'billing', 'bills.void', {
      billId: may,
      reason: '面积录入错误',
    });
    expect(voided).toMatchObject({
      status: 'void',
      statusLabel: '已作废',
      outstandingFen: 0,
      void: { reason: '面积录入错误', byName: '李会计' },
    });
    expect(await t.store.collection('bills').get(may)).toMatchObject({ status: 'void', amountFen: 21040 });
    const audit = await t.store
      .collection<AuditEntry>('audit_log')
      .find({ where: { collection: 'bills', docId: may } });
    expect(audit.items).toEqual([
      expect.objectContaining({
        action: 'billing.bills.void',
        actorName: '李会计',
        op: 'update',
        before: expect.objectContaining({ status: 'paid' }) as unknown,
        after: expect.objectContaining({ status: 'void' }) as unknown,
      }),
    ]);
    const statement = await t.ok<PrepayStatement>('demo-owner-1', 'billing', 'prepay.statement', {
      householdId: OWNER_HOME,
    });
    expect(statement.movements[0]).toMatchObject({ kind: 'refund', kindLabel: '作废退回', amountFen: 21040 });
    expect(statement.balanceFen).toBe(21040);
    expect(
      await t.errorCode('demo-finance', 'billing', 'bills.void', { billId: may, reason: '再次作废' }),
    ).toBe('DUPLICATE');
  });

  it('waives part of a bill with the approver recorded, refusing repeats and more than is owed', async () => {
    const bill = billOf(SECOND_HOME, 'property');
    const input = {
      billId: bill,
      amountFen: 5000,
      reason: '业主家中漏水，经理批准减免',
      submissionId: 'waive-0001',
    };
    const waived = await t.ok<BillView>('demo-finance', 'billing', 'bills.waive', input);
    expect(waived).toMatchObject({
      status: 'partial',
      waivedFen: 5000,
      waivers: [{ amountFen: 5000, approvedByName: '李会计' }],
    });
    expect(waived.outstandingFen).toBe(waived.amountFen - 5000);
    expect(await t.errorCode('demo-finance', 'billing', 'bills.waive', input)).toBe('DUPLICATE');
    expect(
      await t.errorCode('demo-admin', 'billing', 'bills.waive', {
        ...input,
        amountFen: 999_999,
        submissionId: 'waive-0002',
      }),
    ).toBe('VALIDATION');
    const rest = await t.ok<BillView>('demo-admin', 'billing', 'bills.waive', {
      ...input,
      amountFen: waived.outstandingFen,
      submissionId: 'waive-0003',
    });
    expect(rest).toMatchObject({ status: 'waived', outstandingFen: 0 });
  });
});

describe('prepayment: top-ups and automatic draws', () => {
  let t: TestRuntime;
  beforeEach(async () => {
    t = await billingRuntime();
  });
  afterEach(() => t.close());

  it('credits once per reference, and new bills draw from the balance when they are made', async () => {
    const first = await creditPrepayment(t.store, SECOND_HOME, fen(50000), 'pay_0001', { at: 1 });
    const again = await creditPrepayment(t.store, SECOND_HOME, fen(50000), 'pay_0001', { at: 2 });
    expect(first).toMatchObject({ balanceFen: 50000, duplicate: false });
    expect(again).toMatchObject({ balanceFen: 50000, duplicate: true });

    await commitAll(t);
    const { households } = await t.ok<{ households: HouseholdBills[] }>(
      'demo-owner-2',
      'billing',
      'bills.mine',
    );
    const home = households[0]!;
    const july = [...home.unpaid, ...home.paid].filter((b) => b.period === PERIOD);
    const drawn = july.reduce((sum, b) => sum + b.prepaidFen, 0);
    expect(drawn).toBe(
      Math.min(
        50000,
        july.reduce((sum, b) => sum + b.amountFen, 0),
      ),
    );
    expect(home.prepayBalanceFen).toBe(50000 - drawn);

    const statement = await t.ok<PrepayStatement>('demo-owner-2', 'billing', 'prepay.statement', {
      householdId: SECOND_HOME,
    });
    expect(statement.movements.map((m) => m.kind).sort()).toEqual(
      [...july.filter((b) => b.prepaidFen > 0).map(() => 'draw'), 'credit'].sort(),
    );
    expect(statement.movements.every((m) => m.balanceAfterFen >= 0)).toBe(true);
    // Newest first, and each movement moves the balance from the one listed below it.
    statement.movements.slice(0, -1).forEach((m, i) => {
      expect(statement.movements[i + 1]!.balanceAfterFen + m.amountFen).toBe(m.balanceAfterFen);
    });
    expect(statement.movements[0]!.balanceAfterFen).toBe(statement.balanceFen);
    expect(
      await t.errorCode('demo-owner-1', 'billing', 'prepay.statement', { householdId: SECOND_HOME }),
    ).toBe('FORBIDDEN');
    expect(
      await t.errorCode('demo-tech-lift', 'billing', 'prepay.statement', { householdId: SECOND_HOME }),
    ).toBe('FORBIDDEN');
    expect(
      (
        await t.ok<PrepayStatement>('demo-finance', 'billing', 'prepay.statement', {
          householdId: SECOND_HOME,
        })
      ).balanceFen,
    ).toBe(home.prepayBalanceFen);
  });
});
