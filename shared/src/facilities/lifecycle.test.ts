import { fen } from '../money/money';
import { labelPayload, parseLabel } from './device';
import { compareReplacement, deviceLifecycle, endOfLife, mtbfDays, warrantyStatus } from './lifecycle';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-29T04:00:00Z');
const TODAY = '2026-11-29';
const base = {
  installDate: '2016-06-01',
  purchaseDate: '2016-05-01',
  serviceLifeYears: 15,
  warrantyUntil: '2018-05-31',
  purchaseCost: fen(30_000_000),
  createdAt: NOW - 1000 * DAY,
};

describe('lifecycle', () => {
  it('computes MTBF as observed time over failures', () => {
    expect(mtbfDays([], NOW - 100 * DAY, NOW)).toBeNull();
    expect(mtbfDays([NOW - 50 * DAY, NOW - 10 * DAY], NOW - 100 * DAY, NOW)).toBe(50);
    // A failure recorded before the observation start extends the window back to it.
    expect(mtbfDays([NOW - 300 * DAY], NOW - 100 * DAY, NOW)).toBe(300);
  });

  it('dates the end of service life and the warranty', () => {
    expect(endOfLife(base)).toBe('2031-05-31');
    expect(endOfLife({ ...base, installDate: null })).toBe('2031-04-30');
    expect(endOfLife({ ...base, serviceLifeYears: null })).toBeNull();
    expect(warrantyStatus(base, TODAY)).toEqual({ state: 'expired', daysLeft: 0 });
    expect(warrantyStatus({ warrantyUntil: '2026-11-29' }, TODAY)).toEqual({
      state: 'expiring',
      daysLeft: 1,
    });
    expect(warrantyStatus({ warrantyUntil: '2027-11-29' }, TODAY).state).toBe('active');
    expect(warrantyStatus({ warrantyUntil: null }, TODAY).state).toBe('none');
  });

  it('puts a healthy device on no replacement plan', () => {
    const life = deviceLifecycle({
      device: base,
      failureAts: [NOW - 30 * DAY],
      repairs: [],
      today: TODAY,
      now: NOW,
    });
    expect(life.replacementReasons).toEqual([]);
    expect(life.replaceInYear).toBeNull();
    expect(life.lifeUsedPercent).toBe(69);
  });

  it('plans renewal for frequent failures and costly repairs next year', () => {
    const life = deviceLifecycle({
      device: base,
      failureAts: [NOW - 200 * DAY, NOW - 100 * DAY, NOW - 5 * DAY],
      repairs: [{ at: NOW - 5 * DAY, amount: fen(16_000_000) }],
      today: TODAY,
      now: NOW,
    });
    expect(life.replacementReasons).toEqual(['frequent_failures', 'repair_cost']);
    expect(life.replaceInYear).toBe(2027);
    expect(life.repairCost).toBe(16_000_000);
  });

  it('plans renewal this year past the end of life, and in the end year when near it', () => {
    const old = deviceLifecycle({
      device: { ...base, installDate: '2010-01-01' },
      failureAts: [],
      repairs: [],
      today: TODAY,
      now: NOW,
    });
    expect(old.replacementReasons).toEqual(['end_of_life']);
    expect(old.replaceInYear).toBe(2026);
    const near = deviceLifecycle({
      device: { ...base, installDate: '2012-03-01' },
      failureAts: [],
      repairs: [],
      today: TODAY,
      now: NOW,
    });
    expect(near.replacementReasons).toEqual(['near_end_of_life']);
    expect(near.replaceInYear).toBe(2027);
    expect(compareReplacement(old, near)).toBeLessThan(0);
  });

  it('reads label payloads and hand-typed codes', () => {
    expect(parseLabel(labelPayload('est_1', 'LIFT-2-1'))).toEqual({ estateId: 'est_1', code: 'LIFT-2-1' });
    expect(parseLabel(' lift-2-1 ')).toEqual({ estateId: null, code: 'LIFT-2-1' });
    expect(parseLabel('https://example.com/x')).toBeNull();
    expect(parseLabel('linli:dev::X')).toBeNull();
  });
});
