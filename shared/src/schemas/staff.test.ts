import { isOnShift, type Shift } from './staff';

const at = (iso: string) => Date.parse(iso);

describe('shifts in Shanghai time', () => {
  const dayShift: Shift[] = [{ weekday: 1, start: '08:00', end: '17:30' }]; // Monday
  const nightShift: Shift[] = [{ weekday: 5, start: '22:00', end: '06:00' }]; // Friday night

  it('covers a day shift from its start up to (not including) its end', () => {
    expect(isOnShift(dayShift, at('2026-11-30T00:00:00Z'))).toBe(true); // Mon 08:00 Shanghai
    expect(isOnShift(dayShift, at('2026-11-30T09:29:00Z'))).toBe(true); // Mon 17:29
    expect(isOnShift(dayShift, at('2026-11-30T09:30:00Z'))).toBe(false); // Mon 17:30
    expect(isOnShift(dayShift, at('2026-11-29T23:59:00Z'))).toBe(false); // Mon 07:59
    expect(isOnShift(dayShift, at('2026-12-01T01:00:00Z'))).toBe(false); // Tuesday
  });

  it('covers an overnight shift on both sides of midnight', () => {
    expect(isOnShift(nightShift, at('2026-12-04T15:00:00Z'))).toBe(true); // Fri 23:00
    expect(isOnShift(nightShift, at('2026-12-04T20:00:00Z'))).toBe(true); // Sat 04:00
    expect(isOnShift(nightShift, at('2026-12-04T22:00:00Z'))).toBe(false); // Sat 06:00
    expect(isOnShift(nightShift, at('2026-12-03T20:00:00Z'))).toBe(false); // Fri 04:00 (Thursday's night)
  });

  it('has nobody on shift without shifts', () => {
    expect(isOnShift([], Date.now())).toBe(false);
  });
});
