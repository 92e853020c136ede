import { dueOccurrences, initialGeneratedThrough, occurrenceId } from './plan';
import {
  addMonthsClamped,
  describeRecurrence,
  nextOccurrence,
  occurrencesBetween,
  Recurrence,
  type Recurrence as Rule,
} from './recurrence';

const monthly31: Rule = { kind: 'monthly', start: '2026-01-31' };

describe('recurrence', () => {
  it('keeps a monthly plan on the 31st, clamping short months without drifting', () => {
    expect(occurrencesBetween(monthly31, null, '2026-08-31')).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
      '2026-07-31',
      '2026-08-31',
    ]);
  });

  it('lands on 29 February in a leap year and 28 February otherwise', () => {
    expect(occurrencesBetween({ kind: 'monthly', start: '2027-12-31' }, null, '2028-03-31')).toEqual([
      '2027-12-31',
      '2028-01-31',
      '2028-02-29',
      '2028-03-31',
    ]);
    const leapDay: Rule = { kind: 'yearly', start: '2028-02-29' };
    expect(occurrencesBetween(leapDay, null, '2032-12-31')).toEqual([
      '2028-02-29',
      '2029-02-28',
      '2030-02-28',
      '2031-02-28',
      '2032-02-29',
    ]);
  });

  it('repeats quarterly and semi-annually from the anchor', () => {
    expect(occurrencesBetween({ kind: 'quarterly', start: '2026-01-15' }, null, '2027-01-15')).toEqual([
      '2026-01-15',
      '2026-04-15',
      '2026-07-15',
      '2026-10-15',
      '2027-01-15',
    ]);
    expect(occurrencesBetween({ kind: 'semi_annual', start: '2026-08-31' }, null, '2028-03-01')).toEqual([
      '2026-08-31',
      '2027-02-28',
      '2027-08-31',
      '2028-02-29',
    ]);
  });

  it('repeats every N days across month and year ends', () => {
    expect(
      occurrencesBetween({ kind: 'every_n_days', start: '2026-12-20', days: 7 }, null, '2027-01-10'),
    ).toEqual(['2026-12-20', '2026-12-27', '2027-01-03', '2027-01-10']);
  });

  it('starts strictly after what was already generated', () => {
    expect(occurrencesBetween(monthly31, '2026-02-28', '2026-04-30')).toEqual(['2026-03-31', '2026-04-30']);
    expect(occurrencesBetween(monthly31, '2026-03-01', '2026-03-30')).toEqual([]);
    expect(
      occurrencesBetween({ kind: 'every_n_days', start: '2026-01-01', days: 10 }, '2026-01-11', '2026-01-31'),
    ).toEqual(['2026-01-21', '2026-01-31']);
  });

  it('is exact far from the anchor without walking every step', () => {
    const rule: Rule = { kind: 'monthly', start: '2000-01-31' };
    expect(occurrencesBetween(rule, '2099-12-30', '2100-03-31')).toEqual([
      '2099-12-31',
      '2100-01-31',
      '2100-02-28',
      '2100-03-31',
    ]);
    expect(nextOccurrence(rule, '2026-02-01')).toBe('2026-02-28');
  });

  it('adds months with clamping', () => {
    expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonthsClamped('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('rejects rules that are not exact', () => {
    expect(Recurrence.safeParse({ kind: 'every_n_days', start: '2026-01-01', days: 0 }).success).toBe(false);
    expect(Recurrence.safeParse({ kind: 'monthly', start: '2026-02-30' }).success).toBe(false);
    expect(Recurrence.safeParse({ kind: 'weekly', start: '2026-02-01' }).success).toBe(false);
  });

  it('describes rules in Chinese', () => {
    expect(describeRecurrence(monthly31)).toBe('每月 31 日（自 2026-01-31）');
    expect(describeRecurrence({ kind: 'every_n_days', start: '2026-03-01', days: 45 })).toBe(
      '每隔 45 天（自 2026-03-01）',
    );
  });
});

describe('due occurrences of a plan', () => {
  const plan = {
    recurrence: { kind: 'every_n_days', start: '2026-11-01', days: 1 } as Rule,
    leadDays: 0,
    active: true,
  };

  it('catches up after 3 missed days, each missed occurrence once', () => {
    const due = dueOccurrences({ ...plan, generatedThrough: '2026-11-10' }, '2026-11-14');
    expect(due).toEqual(['2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14']);
    expect(new Set(due).size).toBe(due.length);
  });

  it('yields nothing when re-run after the cursor moved', () => {
    expect(dueOccurrences({ ...plan, generatedThrough: '2026-11-14' }, '2026-11-14')).toEqual([]);
  });

  it('opens orders lead days ahead', () => {
    const monthly = { recurrence: monthly31, leadDays: 3, active: true, generatedThrough: '2026-02-28' };
    expect(dueOccurrences(monthly, '2026-03-27')).toEqual([]);
    expect(dueOccurrences(monthly, '2026-03-28')).toEqual(['2026-03-31']);
  });

  it('owes nothing while paused', () => {
    expect(dueOccurrences({ ...plan, active: false, generatedThrough: null }, '2026-11-14')).toEqual([]);
  });

  it('treats occurrences before a new plan as history', () => {
    expect(initialGeneratedThrough({ kind: 'monthly', start: '2025-01-31' }, '2026-11-29')).toBe(
      '2026-11-28',
    );
    expect(initialGeneratedThrough({ kind: 'monthly', start: '2026-11-29' }, '2026-11-29')).toBeNull();
  });
});

describe('occurrence ids', () => {
  it('are stable, distinct per plan, device and date, and fit an id', () => {
    const a = occurrenceId('mplan_01m8kcet95k56066wnk17q', 'dev_01m8kcet95k56066wnk17q', '2026-11-29');
    expect(a).toBe(occurrenceId('mplan_01m8kcet95k56066wnk17q', 'dev_01m8kcet95k56066wnk17q', '2026-11-29'));
    expect(a).toMatch(/^mocc_20261129_[0-9a-z]{22}$/);
    expect(`insp_${a}`.length).toBeLessThanOrEqual(64);
    const others = [
      occurrenceId('mplan_01m8kcet95k56066wnk17r', 'dev_01m8kcet95k56066wnk17q', '2026-11-29'),
      occurrenceId('mplan_01m8kcet95k56066wnk17q', 'dev_01m8kcet95k56066wnk17r', '2026-11-29'),
      occurrenceId('mplan_01m8kcet95k56066wnk17q', 'dev_01m8kcet95k56066wnk17q', '2026-11-30'),
    ];
    expect(new Set([a, ...others]).size).toBe(4);
  });
});
