import {
  DEFAULT_DUNNING_SCHEDULE,
  dueDateForStep,
  dunningAttemptId,
  dunningStepKey,
  dunningStepLabel,
  DunningSchedule,
} from './dunning-schedule';

describe('催缴 dunning schedule', () => {
  it('defaults to 3 days before, on the day, 7 and 30 days overdue', () => {
    expect(DEFAULT_DUNNING_SCHEDULE.map(dunningStepLabel)).toEqual([
      '到期前 3 天',
      '到期当天',
      '逾期 7 天',
      '逾期 30 天',
    ]);
  });

  it('names each step stably, so before and after never collide in an id', () => {
    expect([-3, 0, 3].map(dunningStepKey)).toEqual(['before3', 'due', 'after3']);
    expect(dunningAttemptId('bill_x', -7)).not.toBe(dunningAttemptId('bill_x', 7));
  });

  it('finds the due date a step reminds of on a given day', () => {
    expect(dueDateForStep('2026-06-12', -3)).toBe('2026-06-15');
    expect(dueDateForStep('2026-06-22', 7)).toBe('2026-06-15');
    expect(dueDateForStep('2026-07-15', 30)).toBe('2026-06-15');
  });

  it('accepts a schedule in any order and refuses repeats', () => {
    expect(DunningSchedule.parse([30, -3, 0])).toEqual([-3, 0, 30]);
    expect(DunningSchedule.safeParse([7, 7]).success).toBe(false);
    expect(DunningSchedule.safeParse([]).success).toBe(false);
    expect(DunningSchedule.safeParse([-31]).success).toBe(false);
  });
});
