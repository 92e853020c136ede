import { addPeriods, AppError, periodOf, type Period } from '@linli/shared';

/** Bills may be made for any past month, this month and next month, not further ahead. */
export function assertBillablePeriod(period: Period, now: number): void {
  const latest = addPeriods(periodOf(now), 1);
  if (period > latest) throw new AppError('VALIDATION', `最远只能为 ${latest} 出账`);
}
