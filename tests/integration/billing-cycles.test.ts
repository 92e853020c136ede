import { keyId, type BillView, type FeeStandardView } from '@linli/shared';
import { billingRuntime, commitAll, ESTATE, PERIOD } from '../helpers/billing';
import type { TestRuntime } from '../helpers/test-runtime';

const HOME = keyId('hh', ESTATE, '3-1-0501');
const securityBill = (period: string) => keyId('bill', HOME, period, 'security');

const security = {
  kind: 'fixed',
  itemCode: 'security',
  name: '安保服务费',
  effectiveFrom: '2026-07-01',
  basis: 'household',
  amountFen: 3000,
} as const;

describe('fee standards billed by quarter in advance', () => {
  let t: TestRuntime;
  beforeEach(async () => {
    t = await billingRuntime();
  });
  afterEach(() => t.close());

  it('bills the coming quarter once, in its first month, with the advance discount explained', async () => {
    const saved = await t.ok<FeeStandardView>('demo-finance', 'billing', 'standards.save', {
      estateId: ESTATE,
      rule: {
        ...security,
        cycle: 'quarter',
        dueDay: 10,
        advanceDiscounts: [{ months: 3, percentOff: 5 }],
      },
    });
    expect(saved.description).toContain('按季度预收（1、4、7、10 月出账，一张账单覆盖整季）');
    expect(saved.description).toContain('首月 10 日前缴清');

    const july = await commitAll(t, { period: PERIOD });
    expect(july[july.length - 1]!.done).toBe(true);
    const bill = await t.ok<BillView>('demo-finance', 'billing', 'bills.get', {
      billId: securityBill(PERIOD),
    });
    expect(bill).toMatchObject({
      period: PERIOD,
      dueDate: '2026-07-10',
      amountFen: 9000,
      discountFen: 450,
      discountFormula: '预缴 3 个月优惠 5%：¥90.00 × 95% = ¥85.50',
      lines: [expect.objectContaining({ formula: '¥30.00/户·月 × 3 个月（7月1日–9月30日）= ¥90.00' })],
    });
    expect(bill.outstandingFen + bill.paidFen).toBe(8550);

    const again = await commitAll(t, { period: PERIOD, rescan: true });
    expect(again.reduce((n, s) => n + s.chunk.billsCreated, 0)).toBe(0);
    await commitAll(t, { period: '2026-08' });
    expect(await t.store.collection('bills').get(securityBill('2026-08'))).toBeNull();
    expect(await t.store.collection('bills').get(keyId('bill', HOME, '2026-08', 'property'))).not.toBeNull();
  });

  it('changes to or from an advance cycle only where a quarter or year begins, writing nothing otherwise', async () => {
    await t.ok('demo-finance', 'billing', 'standards.save', { estateId: ESTATE, rule: security });
    const save = (effectiveFrom: string, cycle: 'month' | 'quarter' | 'year') =>
      t.call('demo-finance', 'billing', 'standards.save', {
        estateId: ESTATE,
        rule: { ...security, effectiveFrom, cycle },
      });
    const before = await t.store.collection('fee_standards').count({ where: { itemCode: 'security' } });

    // Monthly → quarterly from mid-quarter would leave September unbilled.
    expect(await save('2026-09-01', 'quarter')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('季度首日') as unknown },
    });
    expect(await save('2026-10-01', 'year')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.store.collection('fee_standards').count({ where: { itemCode: 'security' } })).toBe(before);

    expect(await save('2026-10-01', 'quarter')).toMatchObject({ ok: true });
    // Back to monthly inside the quarter billed in advance would bill November twice.
    expect(await save('2026-11-01', 'month')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // Inserted before the quarterly version, a monthly one must not hand over to it mid-quarter.
    expect(await save('2026-08-15', 'month')).toMatchObject({ ok: true });
    expect(await save('2027-01-01', 'month')).toMatchObject({ ok: true });
    expect(await t.store.collection('fee_standards').count({ where: { itemCode: 'security' } })).toBe(
      before + 3,
    );
  });

  it('refuses a cycle the schema does not know', async () => {
    expect(
      await t.errorCode('demo-finance', 'billing', 'standards.save', {
        estateId: ESTATE,
        rule: { ...security, cycle: 'fortnight' },
      }),
    ).toBe('VALIDATION');
  });
});
