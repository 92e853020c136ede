import { addPeriods, daysInPeriod, periodEnd, periodOf, periodRange, periodStart, Period } from './period';
import { daysBetween, LocalDate, shanghai, toLocalDate } from './shanghai';

describe('time in Asia/Shanghai', () => {
  it('puts an instant just after midnight Shanghai into the new day and period, whatever the host zone', () => {
    const instant = Date.parse('2026-10-31T16:30:00Z'); // 00:30 on 1 Nov in Shanghai
    expect(toLocalDate(instant)).toBe('2026-11-01');
    expect(periodOf(instant)).toBe('2026-11');
    expect(shanghai(instant).hour()).toBe(0);
  });

  it('bounds a period by Shanghai midnights', () => {
    expect(periodStart('2026-11').toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(periodEnd('2026-12').toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('steps periods across year ends and counts their days', () => {
    expect(addPeriods('2026-12', 1)).toBe('2027-01');
    expect(addPeriods('2026-01', -1)).toBe('2025-12');
    expect(addPeriods('2026-03', 12)).toBe('2027-03');
    expect(daysInPeriod('2028-02')).toBe(29);
    expect(daysInPeriod('2026-02')).toBe(28);
    expect(periodRange('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('counts days between calendar dates', () => {
    expect(daysBetween('2026-11-01', '2026-11-15')).toBe(14);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
  });

  it('rejects malformed periods and impossible dates', () => {
    expect(Period.safeParse('2026-13').success).toBe(false);
    expect(Period.safeParse('2026-1').success).toBe(false);
    expect(LocalDate.safeParse('2026-02-30').success).toBe(false);
    expect(LocalDate.safeParse('2026-02-28').success).toBe(true);
  });
});
