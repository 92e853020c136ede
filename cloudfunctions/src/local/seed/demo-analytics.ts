import {
  addDays,
  addPeriods,
  billId,
  dueDateOf,
  dunningAttemptId,
  dunningStepKey,
  fen,
  firstDayOf,
  keyId,
  outstandingOf,
  periodOf,
  startOfLocalDate,
  toLocalDate,
  type Bill,
  type DunningAttempt,
  type LocalDate,
  type Period,
} from '@linli/shared';
import { collections, findAll } from '../../_lib/collections';
import type { Store } from '../../_lib/store/port';
import { insertMissing } from '../../billing/idempotent-writes';
import { facilityCollections } from '../../facilities/documents';
import { DEMO_ESTATE_ID } from './demo-estate';
import { insertRepairHistory } from './demo-facilities';
import { seededRandom, type Random } from './random';

/** Demo owners' homes keep exactly the bills the billing seed gave them (other suites read them). */
const KEPT_HOMES = new Set([
  keyId('hh', DEMO_ESTATE_ID, '1-1-1201'),
  keyId('hh', DEMO_ESTATE_ID, '2-1-0802'),
]);

type Habit = 'early' | 'on_time' | 'slightly_late' | 'chronic';

/** Six months of history before the billing seed's first run; reminders began with the fourth. */
const HISTORY_MONTHS = 6;
const REMINDED_FROM = 3;
const REMINDER_OFFSETS = [-3, 0, 7, 30];

function habitOf(random: Random): Habit {
  const roll = random.next();
  return roll < 0.3 ? 'early' : roll < 0.65 ? 'on_time' : roll < 0.9 ? 'slightly_late' : 'chronic';
}

/** The day a household of the habit pays a bill due `dueDate`; slightly late payers respond to reminders. */
function payDay(habit: Habit, dueDate: LocalDate, reminded: boolean, random: Random): LocalDate {
  switch (habit) {
    case 'early':
      return addDays(dueDate, -random.int(3, 12));
    case 'on_time':
      return addDays(dueDate, -random.int(0, 2));
    case 'slightly_late':
      return addDays(dueDate, reminded ? random.int(1, 6) : random.int(8, 25));
    case 'chronic':
      return addDays(dueDate, random.int(35, 70));
  }
}

function settle(bill: Bill, on: LocalDate): Bill {
  const rest = outstandingOf(bill);
  return {
    ...bill,
    paidFen: fen(bill.paidFen + rest),
    status: 'paid',
    settledOn: on,
    settledAt: startOfLocalDate(on).add(10, 'hour').valueOf(),
  };
}

/** Reminders the dunning job would have recorded for a bill still open on each step's day. */
function remindersOf(bill: Bill, paidOn: LocalDate | null, today: LocalDate): DunningAttempt[] {
  return REMINDER_OFFSETS.flatMap((offsetDays) => {
    const scheduledOn = addDays(bill.dueDate, offsetDays);
    if (scheduledOn >= today || (paidOn !== null && paidOn < scheduledOn)) return [];
    return [
      {
        _id: dunningAttemptId(bill._id, offsetDays),
        estateId: bill.estateId,
        billId: bill._id,
        householdId: bill.householdId,
        roomCode: bill.roomCode,
        offsetDays,
        step: dunningStepKey(offsetDays),
        dueDate: bill.dueDate,
        scheduledOn,
        outstandingFen: outstandingOf(bill),
        channel: 'message' as const,
        messageIds: [],
        callId: null,
        at: startOfLocalDate(scheduledOn).add(9, 'hour').valueOf(),
      },
    ];
  });
}

/** 北门道闸 breaks again and again: five repairs in 90 days, over the renewal rule. */
const GATE_FAILURES = [
  { daysAgo: 80, text: '北门道闸遥控失灵', costYuan: 600 },
  { daysAgo: 62, text: '北门道闸抬杆后不落，地感线圈故障', costYuan: 1_200 },
  { daysAgo: 30, text: '北门道闸电机过热停机', costYuan: 2_100 },
  { daysAgo: 12, text: '北门道闸抬杆不落，车辆排队', costYuan: 900 },
];

/**
 * History for the analyses of 邻里花园, relative to `now` (this month = P): property-fee bills of
 * P−8 … P−3 paid by habit (early, on time, slightly late, chronic), the reminders recorded for
 * the last three of those months, the P−2 and P−1 bills paid the same way (chronic payers
 * leave them open), and four more repairs of the north gate. The demo owners' homes are left as
 * the billing seed made them. Call after seedDemoBilling and seedDemoFacilities. Idempotent;
 * returns false when already seeded.
 */
export async function seedDemoAnalytics(store: Store, now: number = Date.now()): Promise<boolean> {
  const db = collections(store);
  const { devices, repairs } = facilityCollections(store);
  const marker = keyId('drep', 'demo', `gate-${GATE_FAILURES.length}`);
  if (await repairs.get(marker)) return false;
  const gate = (await findAll(devices, { where: { estateId: DEMO_ESTATE_ID, code: 'GATE-02' } }))[0];
  if (!gate) throw new Error('seed the demo facilities first (seedDemoFacilities)');

  const today = toLocalDate(now);
  const current = periodOf(now);
  const lastSeeded = addPeriods(current, -2);
  const recent = await findAll(db.bills, {
    where: { estateId: DEMO_ESTATE_ID, period: { in: [lastSeeded, addPeriods(current, -1)] } },
  });
  const random = seededRandom(11);
  const byHousehold = new Map<string, Bill[]>();
  for (const bill of recent)
    byHousehold.set(bill.householdId, [...(byHousehold.get(bill.householdId) ?? []), bill]);

  const history: Bill[] = [];
  const attempts: DunningAttempt[] = [];
  const paidNow: Bill[] = [];
  const households = [...byHousehold.keys()].sort();
  for (const householdId of households) {
    if (KEPT_HOMES.has(householdId)) continue;
    const habit = habitOf(random);
    const own = byHousehold.get(householdId)!;
    const template = own.find((b) => b.period === lastSeeded && b.itemCode === 'property');
    if (template)
      for (let i = 0; i < HISTORY_MONTHS; i++) {
        const period: Period = addPeriods(lastSeeded, i - HISTORY_MONTHS);
        const dueDate = dueDateOf(period, 15);
        const bill: Bill = {
          ...template,
          _id: billId(householdId, period, 'property'),
          period,
          dueDate,
          runId: keyId('run', DEMO_ESTATE_ID, period),
          issuedAt: startOfLocalDate(firstDayOf(period)).add(2, 'hour').valueOf(),
          paidFen: fen(0),
          prepaidFen: fen(0),
          lateFeePaidFen: fen(0),
          settledAt: null,
          settledOn: null,
        };
        const reminded = i >= REMINDED_FROM && habit !== 'early';
        const paidOn = payDay(habit, dueDate, reminded, random);
        if (reminded) attempts.push(...remindersOf(bill, paidOn, today));
        history.push(settle(bill, paidOn < today ? paidOn : addDays(today, -1)));
      }
    if (habit === 'chronic') continue;
    for (const bill of own) {
      if (bill.void || outstandingOf(bill) === 0) continue;
      // Slightly late payers stay inside the late-fee grace period here, so nothing accrues.
      const paidOn = payDay(habit === 'slightly_late' ? 'slightly_late' : habit, bill.dueDate, true, random);
      if (paidOn < today) paidNow.push(settle(bill, paidOn));
    }
  }
  await insertMissing(db.bills, history);
  await insertMissing(db.dunningAttempts, attempts);
  for (const bill of paidNow) await db.bills.set(bill);

  await insertRepairHistory(
    store,
    GATE_FAILURES.map((f, i) => ({ ...f, device: gate, key: `gate-${i + 1}`, seq: 8100 + i })),
    now,
  );
  return true;
}
