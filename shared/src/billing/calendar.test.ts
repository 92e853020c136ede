import { addDays, addMonths, dateRangeText, dueDateOf, firstDayOf, lastDayOf, shortDate } from './calendar';

describe('billing calendar', () => {
  it('knows the first and last day of a period, leap years included', () => {
    expect(firstDayOf('2026-06')).toBe('2026-06-01');
    expect(lastDayOf('2026-06')).toBe('2026-06-30');
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(lastDayOf('2026-02')).toBe('2026-02-28');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-06-30', 1)).toBe('2026-07-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('adds months and clamps to the end of shorter months', () => {
    expect(addMonths('2026-04-15', 2)).toBe('2026-06-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('puts the due day into the month, or its last day when the month is shorter', () => {
    expect(dueDateOf('2026-06', 15)).toBe('2026-06-15');
    expect(dueDateOf('2026-06', 31)).toBe('2026-06-30');
    expect(dueDateOf('2026-02', 30)).toBe('2026-02-28');
  });

  it('writes dates the way a bill reads them', () => {
    expect(shortDate('2026-06-05')).toBe('6月5日');
    expect(dateRangeText('2026-06-01', '2026-06-14')).toBe('6月1日–6月14日');
    expect(dateRangeText('2026-06-30', '2026-06-30')).toBe('6月30日');
  });
});
