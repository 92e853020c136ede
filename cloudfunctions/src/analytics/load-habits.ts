import {
  addPeriods,
  periodOf,
  toLocalDate,
  type HabitBill,
  type LocalDate,
  type Period,
  type ReminderRecord,
} from '@linli/shared';
import { findAll, type Collections } from '../_lib/collections';

export interface HabitData {
  asOf: LocalDate;
  periodFrom: Period;
  periodTo: Period;
  households: Array<{ _id: string; roomCode: string }>;
  bills: HabitBill[];
  reminders: ReminderRecord[];
}

/**
 * An estate's households, their bills of the period range (a year to this month by default)
 * and the reminders the dunning job recorded for them.
 */
export async function loadHabitData(
  db: Collections,
  estateId: string,
  range: { periodFrom?: Period; periodTo?: Period },
  now: number,
): Promise<HabitData> {
  const periodTo = range.periodTo ?? periodOf(now);
  const periodFrom = range.periodFrom ?? addPeriods(periodTo, -11);
  const [households, bills] = await Promise.all([
    findAll(db.households, { where: { estateId } }, { fields: ['roomCode'] }),
    findAll(
      db.bills,
      { where: { estateId, period: { gte: periodFrom, lte: periodTo } } },
      { fields: ['householdId', 'status', 'void', 'dueDate', 'issuedAt', 'settledOn', 'paidFen'] },
    ),
  ]);
  const dueDates = bills.map((b) => b.dueDate).sort();
  const reminders = dueDates.length
    ? await findAll(
        db.dunningAttempts,
        { where: { estateId, dueDate: { gte: dueDates[0]!, lte: dueDates[dueDates.length - 1]! } } },
        { fields: ['billId', 'scheduledOn'] },
      )
    : [];
  return {
    asOf: toLocalDate(now),
    periodFrom,
    periodTo,
    households: households.map((h) => ({ _id: h._id, roomCode: h.roomCode })),
    bills: bills.map((b) => ({
      billId: b._id,
      householdId: b.householdId,
      status: b.status,
      void: b.void,
      dueDate: b.dueDate,
      issuedOn: toLocalDate(b.issuedAt),
      settledOn: b.settledOn,
      paidFen: b.paidFen,
    })),
    reminders: reminders.map((r) => ({ billId: r.billId, scheduledOn: r.scheduledOn })),
  };
}
