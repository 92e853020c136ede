import { cycleOfRun } from './billing-cycle';
import { cycleChangeProblem } from './fee-standard';

const span = (
  period: string,
  handover: string | null,
  cycle: 'handover_month' | 'month' = 'handover_month',
) => {
  const c = cycleOfRun(cycle, period, handover)!;
  return [c.from, c.to, c.months[0]!.days];
};

describe('billing cycles', () => {
  it('runs a handover-day cycle from that day to the day before it next month', () => {
    expect(span('2026-07', '2021-03-15')).toEqual(['2026-07-15', '2026-08-14', 31]);
    expect(span('2026-02', '2021-03-15')).toEqual(['2026-02-15', '2026-03-14', 28]);
    expect(span('2026-07', null)).toEqual(['2026-07-01', '2026-07-31', 31]);
    expect(span('2026-07', '2021-03-01')).toEqual(span('2026-07', null, 'month'));
  });

  it('starts on the last day of a month that lacks the handover day (29th–31st, February, leap years)', () => {
    expect(span('2026-01', '2020-08-31')).toEqual(['2026-01-31', '2026-02-27', 28]);
    expect(span('2026-02', '2020-08-31')).toEqual(['2026-02-28', '2026-03-30', 31]);
    expect(span('2026-03', '2020-08-31')).toEqual(['2026-03-31', '2026-04-29', 30]);
    expect(span('2026-04', '2020-08-31')).toEqual(['2026-04-30', '2026-05-30', 31]);
    expect(span('2028-02', '2020-08-31')).toEqual(['2028-02-29', '2028-03-30', 31]);
    expect(span('2026-02', '2020-01-29')).toEqual(['2026-02-28', '2026-03-28', 29]);
    expect(span('2028-01', '2020-01-29')).toEqual(['2028-01-29', '2028-02-28', 31]);
    expect(span('2028-02', '2020-01-29')).toEqual(['2028-02-29', '2028-03-28', 29]);
    expect(span('2026-12', '2020-01-30')).toEqual(['2026-12-30', '2027-01-29', 31]);
  });

  it('bills a quarter by the runs of its first month, a year by January’s, and nothing in between', () => {
    expect(cycleOfRun('quarter', '2026-07', null)).toMatchObject({ from: '2026-07-01', to: '2026-09-30' });
    expect(cycleOfRun('quarter', '2026-10', null)!.months.map((m) => m.days)).toEqual([31, 30, 31]);
    expect(cycleOfRun('quarter', '2026-08', null)).toBeNull();
    expect(cycleOfRun('quarter', '2026-12', null)).toBeNull();
    const year = cycleOfRun('year', '2028-01', null)!;
    expect([year.from, year.to, year.months.length, year.months[1]!.days]).toEqual([
      '2028-01-01',
      '2028-12-31',
      12,
      29,
    ]);
    expect(cycleOfRun('year', '2028-02', null)).toBeNull();
  });

  it('lets an advance cycle start or end only where its quarter or year begins', () => {
    expect(cycleChangeProblem(null, 'quarter', '2026-07-01')).toBeNull();
    expect(cycleChangeProblem(null, 'quarter', '2026-08-01')).toMatch(/季度首日/);
    expect(cycleChangeProblem('month', 'year', '2026-07-01')).toMatch(/1 月 1 日/);
    expect(cycleChangeProblem('month', 'year', '2027-01-01')).toBeNull();
    expect(cycleChangeProblem('quarter', 'month', '2026-11-01')).toMatch(/季度首日/);
    expect(cycleChangeProblem('year', 'quarter', '2026-04-01')).toMatch(/1 月 1 日/);
    expect(cycleChangeProblem('quarter', 'quarter', '2026-08-15')).toBeNull(); // a price change splits the line
    expect(cycleChangeProblem('month', 'handover_month', '2026-08-15')).toBeNull();
  });
});
