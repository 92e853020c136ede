import type { Fen } from '../money/money';
import type { LateFeeRule } from './fee-standard';
import { lateFeeOf } from './late-fee';

const daily = (overrides: Partial<Extract<LateFeeRule, { kind: 'daily' }>> = {}): LateFeeRule => ({
  kind: 'daily',
  dailyRatePercent: '0.05',
  graceDays: 15,
  capPercentOfPrincipal: 100,
  capFen: null,
  ...overrides,
});
const fee = (asOf: string, rule: LateFeeRule | null = daily(), outstandingFen = 21040) =>
  lateFeeOf({ outstandingFen: outstandingFen as Fen, dueDate: '2026-06-15', asOf, rule });

describe('滞纳金 late fees', () => {
  it('charge nothing on the due date or within the grace days', () => {
    expect(fee('2026-06-15')).toBeNull();
    expect(fee('2026-06-30')).toBeNull(); // 15 days overdue, 15 days of grace
  });

  it('charge the daily rate for each day beyond the grace days, rounded down', () => {
    expect(fee('2026-07-01')).toEqual({
      amountFen: 10, // 10.52 fen
      overdueDays: 16,
      chargedDays: 1,
      capped: false,
      formula: '¥210.40 × 0.05%/天 × 1 天（逾期 16 天，宽限 15 天）= ¥0.10',
    });
    expect(fee('2026-07-20')?.amountFen).toBe(210); // 20 days × 10.52
  });

  it('count from the due date when there is no grace', () => {
    expect(fee('2026-06-16', daily({ graceDays: 0 }))?.formula).toBe('¥210.40 × 0.05%/天 × 1 天 = ¥0.10');
  });

  it('stop at a fixed cap', () => {
    const result = fee('2027-06-15', daily({ capFen: 500 as Fen }));
    expect(result).toMatchObject({ amountFen: 500, capped: true, chargedDays: 350 });
    expect(result?.formula).toBe(
      '¥210.40 × 0.05%/天 × 350 天（逾期 365 天，宽限 15 天）= ¥36.82，封顶 ¥5.00',
    );
  });

  it('stop at a percentage of the outstanding amount, and at the lower of two caps', () => {
    const steep = daily({ dailyRatePercent: '1', graceDays: 0 });
    expect(fee('2027-01-01', steep)).toMatchObject({ amountFen: 21040, capped: true });
    const twoCaps = daily({
      dailyRatePercent: '1',
      graceDays: 0,
      capPercentOfPrincipal: 50,
      capFen: 20000 as Fen,
    });
    expect(fee('2027-01-01', twoCaps)?.amountFen).toBe(10520);
    expect(fee('2026-06-20', steep)).toMatchObject({ amountFen: 1052, capped: false });
  });

  it('charge a fixed late fee once the grace days are over', () => {
    const fixed: LateFeeRule = { kind: 'fixed', amountFen: 2000 as Fen, graceDays: 30 };
    expect(fee('2026-07-15', fixed)).toBeNull();
    expect(fee('2026-07-16', fixed)).toMatchObject({
      amountFen: 2000,
      formula: '逾期 31 天（宽限 30 天），滞纳金 ¥20.00',
    });
  });

  it('charge nothing without a rule or without anything owed', () => {
    expect(fee('2027-01-01', null)).toBeNull();
    expect(fee('2027-01-01', daily(), 0)).toBeNull();
  });
});
