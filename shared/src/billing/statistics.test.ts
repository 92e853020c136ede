import type { Fen } from '../money/money';
import { agingBucketOf, agingReport } from './aging';
import { collectionStats, rateOf, type StatBill } from './collection-stats';
import { paymentHabitOf } from './payment-habits';

let counter = 0;
function bill(
  overrides: Partial<Omit<StatBill, 'amountFen' | 'discountFen' | 'waivedFen' | 'paidFen'>> & {
    amountFen?: number;
    discountFen?: number;
    waivedFen?: number;
    paidFen?: number;
  },
): StatBill {
  counter++;
  return {
    householdId: `hh_${counter}`,
    buildingId: 'bld_1',
    period: '2026-06',
    itemCode: 'property',
    itemName: '物业费',
    reliefFen: 0 as Fen,
    lateFeePaidFen: 0 as Fen,
    status: 'unpaid',
    dueDate: '2026-06-15',
    lateFeeRule: null,
    settledOn: null,
    void: null,
    ...overrides,
    amountFen: (overrides.amountFen ?? 0) as Fen,
    discountFen: (overrides.discountFen ?? 0) as Fen,
    waivedFen: (overrides.waivedFen ?? 0) as Fen,
    paidFen: (overrides.paidFen ?? 0) as Fen,
  };
}

describe('收缴率: collection rates by amount and by household, kept apart', () => {
  const lateFeeRule = {
    kind: 'daily',
    dailyRatePercent: '0.05',
    graceDays: 0,
    capPercentOfPrincipal: 100,
    capFen: null,
  } as const;
  const bills = [
    bill({ householdId: 'hh_a', amountFen: 10000, paidFen: 10000, status: 'paid' }),
    bill({ householdId: 'hh_a', itemCode: 'garbage', amountFen: 5000, lateFeeRule }),
    bill({ householdId: 'hh_b', amountFen: 8000, waivedFen: 8000, status: 'waived' }),
    bill({ householdId: 'hh_c', amountFen: 6000, waivedFen: 1000, paidFen: 5000, status: 'paid' }),
    bill({
      householdId: 'hh_d',
      amountFen: 4000,
      void: { reason: '面积录错', by: 'a', byName: '李会计', at: 0 },
      status: 'void',
    }),
    bill({
      householdId: 'hh_e',
      amountFen: 3000,
      discountFen: 300,
      paidFen: 2700,
      reliefFen: 3000 as Fen,
      status: 'paid',
    }),
  ];

  it('count discounts, waivers and late fees explicitly and leave voided bills out', () => {
    const { total } = collectionStats(bills, '2026-06-25', () => 'all');
    expect(total).toMatchObject({
      bills: 5,
      voidedBills: 1,
      billedFen: 32000,
      reliefFen: 3000,
      discountFen: 300,
      waivedFen: 9000,
      receivableFen: 22700,
      paidFen: 17700,
      outstandingFen: 5000,
      lateFeeAccruedFen: 25, // ¥50 × 0.05% × 10 days
      lateFeePaidFen: 0,
    });
  });

  it('by amount: (应收 − 未收) / 应收', () => {
    const { total } = collectionStats(bills, '2026-06-25', () => 'all');
    expect(total.collectionRateByAmount).toEqual({ numerator: 17700, denominator: 22700, percent: '77.97%' });
  });

  it('by household: households with nothing left to pay / households owing anything', () => {
    const { total } = collectionStats(bills, '2026-06-25', () => 'all');
    // hh_b owed nothing after its waiver; hh_a still owes its garbage fee.
    expect(total).toMatchObject({ householdsBilled: 3, householdsFullyPaid: 2 });
    expect(total.collectionRateByHousehold.percent).toBe('66.67%');
  });

  it('group by any key, such as fee item', () => {
    const { groups } = collectionStats(bills, '2026-06-25', (b) => b.itemCode);
    expect(groups.get('garbage')).toMatchObject({
      receivableFen: 5000,
      paidFen: 0,
      householdsBilled: 1,
      householdsFullyPaid: 0,
    });
    expect(groups.get('garbage')!.collectionRateByAmount.percent).toBe('0.00%');
    expect(groups.get('property')!.collectionRateByAmount.percent).toBe('100.00%');
  });

  it('give no percentage when nothing was receivable', () => {
    expect(rateOf(0, 0)).toEqual({ numerator: 0, denominator: 0, percent: null });
    expect(rateOf(2, 3).percent).toBe('66.67%');
  });
});

describe('账龄: arrears aging', () => {
  it('puts a bill due today among the current ones and the first overdue day in 0–30', () => {
    expect(agingBucketOf('2026-07-31', '2026-07-31')).toBe('current');
    expect(agingBucketOf('2026-07-30', '2026-07-31')).toBe('d0_30');
    expect(agingBucketOf('2026-07-01', '2026-07-31')).toBe('d0_30'); // 30 days
    expect(agingBucketOf('2026-06-30', '2026-07-31')).toBe('d31_90'); // 31 days
    expect(agingBucketOf('2026-05-02', '2026-07-31')).toBe('d31_90'); // 90 days
    expect(agingBucketOf('2026-05-01', '2026-07-31')).toBe('d90_plus'); // 91 days
  });

  it('sums what is unpaid per bucket and per household, largest debtor first', () => {
    const report = agingReport(
      [
        bill({ householdId: 'hh_a', amountFen: 21040, dueDate: '2026-07-15' }),
        bill({ householdId: 'hh_a', amountFen: 21040, dueDate: '2026-04-15' }),
        bill({ householdId: 'hh_b', amountFen: 5000, paidFen: 1000, dueDate: '2026-06-15' }),
        bill({ householdId: 'hh_c', amountFen: 1000, dueDate: '2026-08-15' }),
        bill({ householdId: 'hh_d', amountFen: 1000, paidFen: 1000, dueDate: '2026-04-15' }),
      ],
      '2026-07-31',
    );
    expect(report.buckets).toEqual({
      current: { bills: 1, households: 1, outstandingFen: 1000 },
      d0_30: { bills: 1, households: 1, outstandingFen: 21040 },
      d31_90: { bills: 1, households: 1, outstandingFen: 4000 },
      d90_plus: { bills: 1, households: 1, outstandingFen: 21040 },
    });
    expect(
      report.households.map((h) => [h.householdId, h.outstandingFen, h.bucket, h.maxOverdueDays]),
    ).toEqual([
      ['hh_a', 42080, 'd90_plus', 107],
      ['hh_b', 4000, 'd31_90', 46],
      ['hh_c', 1000, 'current', 0],
    ]);
  });
});

describe('缴费习惯: payment habits', () => {
  const paid = (dueDate: string, settledOn: string) =>
    bill({ dueDate, settledOn, status: 'paid', amountFen: 100, paidFen: 100 });

  it('calls a household early when it usually pays days before the due date', () => {
    expect(
      paymentHabitOf(
        [
          paid('2026-04-15', '2026-04-05'),
          paid('2026-05-15', '2026-05-10'),
          paid('2026-06-15', '2026-06-16'),
        ],
        '2026-07-01',
      ),
    ).toMatchObject({
      habit: 'early',
      medianDaysLate: -5,
      lateBills: 1,
    });
  });

  it('calls paying on or just before the due date on time', () => {
    expect(
      paymentHabitOf([paid('2026-04-15', '2026-04-15'), paid('2026-05-15', '2026-05-14')], '2026-07-01')
        .habit,
    ).toBe('on_time');
  });

  it('says how late a late payer is, counting unpaid overdue bills as late until today', () => {
    const summary = paymentHabitOf(
      [
        paid('2026-04-15', '2026-05-25'),
        paid('2026-05-15', '2026-06-20'),
        bill({ dueDate: '2026-06-15', amountFen: 100 }),
        bill({ dueDate: '2026-07-15', amountFen: 100 }),
      ],
      '2026-07-01',
    );
    expect(summary).toEqual({
      habit: 'late',
      billsCounted: 3,
      lateBills: 3,
      medianDaysLate: 36,
      maxDaysLate: 40,
      howLate: '31–90 天',
    });
  });

  it('has no history without paid or overdue bills, ignoring waived and voided ones', () => {
    expect(
      paymentHabitOf(
        [
          bill({ dueDate: '2026-07-15', amountFen: 100 }),
          bill({
            status: 'waived',
            amountFen: 100,
            waivedFen: 100,
            dueDate: '2026-01-15',
            settledOn: '2026-01-20',
          }),
        ],
        '2026-07-01',
      ).habit,
    ).toBe('no_history');
  });
});
