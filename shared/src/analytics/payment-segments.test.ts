import { suggestStrategy } from './dunning-strategy';
import {
  daysLateOf,
  reminderEffectOf,
  segmentHouseholds,
  segmentOf,
  type HabitBill,
} from './payment-segments';

const ASOF = '2026-11-29';
let seq = 0;
function bill(over: Partial<HabitBill> & Pick<HabitBill, 'dueDate'>): HabitBill {
  seq++;
  return {
    billId: `b${seq}`,
    householdId: 'h1',
    status: 'paid',
    void: null,
    issuedOn: '2026-01-01',
    settledOn: null,
    paidFen: 100,
    ...over,
  };
}
const paid = (dueDate: string, settledOn: string, over: Partial<HabitBill> = {}) =>
  bill({ dueDate, settledOn, ...over });

describe('daysLateOf', () => {
  it('counts a paid bill from its due date to the day it was settled', () => {
    expect(daysLateOf(paid('2026-05-15', '2026-05-20'), ASOF)).toBe(5);
    expect(daysLateOf(paid('2026-05-15', '2026-05-10'), ASOF)).toBe(-5);
  });

  it('counts a bill paid before it was issued as paid on its issue day', () => {
    expect(daysLateOf(paid('2026-05-15', '2026-02-01', { issuedOn: '2026-05-01' }), ASOF)).toBe(-14);
  });

  it('leaves out voided and waived bills', () => {
    expect(daysLateOf(paid('2026-05-15', '2026-05-20', { void: { at: 1 } }), ASOF)).toBeNull();
    expect(daysLateOf(bill({ dueDate: '2026-05-15', status: 'waived', paidFen: 0 }), ASOF)).toBeNull();
  });

  it('counts a partly paid overdue bill as still late, and ignores open bills not yet due', () => {
    expect(daysLateOf(bill({ dueDate: '2026-11-19', status: 'partial' }), ASOF)).toBe(10);
    expect(daysLateOf(bill({ dueDate: '2026-12-15', status: 'unpaid', paidFen: 0 }), ASOF)).toBeNull();
  });
});

describe('segmentOf', () => {
  it('calls a household without countable bills new, whether it has no bills or only waived ones', () => {
    expect(segmentOf('h1', [], ASOF).segment).toBe('new');
    const waived = bill({ dueDate: '2026-05-15', status: 'waived', paidFen: 0 });
    expect(segmentOf('h1', [waived], ASOF)).toMatchObject({ segment: 'new', bills: 0, medianDaysLate: null });
  });

  it('splits early, on time, slightly late and chronic at the documented thresholds', () => {
    expect(segmentOf('h', [paid('2026-05-15', '2026-05-12')], ASOF).segment).toBe('early');
    expect(segmentOf('h', [paid('2026-05-15', '2026-05-13')], ASOF).segment).toBe('on_time');
    expect(segmentOf('h', [paid('2026-05-15', '2026-05-15')], ASOF).segment).toBe('on_time');
    expect(segmentOf('h', [paid('2026-05-15', '2026-05-16')], ASOF).segment).toBe('slightly_late');
    expect(segmentOf('h', [paid('2026-05-15', '2026-06-14')], ASOF).segment).toBe('slightly_late');
    expect(segmentOf('h', [paid('2026-05-15', '2026-06-15')], ASOF).segment).toBe('chronic');
  });

  it('makes a household chronic when one bill is open long after its due date, whatever the median', () => {
    const bills = [
      paid('2026-06-15', '2026-06-10'),
      paid('2026-07-15', '2026-07-10'),
      bill({ dueDate: '2026-09-15', status: 'unpaid', paidFen: 0 }),
    ];
    expect(segmentOf('h', bills, ASOF)).toMatchObject({ segment: 'chronic', openOverdueDays: 75 });
  });

  it('uses the later middle value for an even count of bills', () => {
    const bills = [paid('2026-05-15', '2026-05-10'), paid('2026-06-15', '2026-06-20')];
    expect(segmentOf('h', bills, ASOF)).toMatchObject({
      medianDaysLate: 5,
      segment: 'slightly_late',
      lateBills: 1,
    });
  });
});

describe('reminderEffectOf', () => {
  const reminded = paid('2026-05-15', '2026-05-18', { billId: 'r1' });
  const remindedIgnored = paid('2026-06-15', '2026-07-15', { billId: 'r2' });
  const notReminded = paid('2026-05-15', '2026-05-30', { billId: 'n1' });
  const paidBeforeDue = paid('2026-05-15', '2026-05-01', { billId: 'n2' });

  it('compares bills paid within N days of the first reminder with bills never reminded', () => {
    const effect = reminderEffectOf(
      [reminded, remindedIgnored, notReminded, paidBeforeDue],
      [
        { billId: 'r1', scheduledOn: '2026-05-15' },
        { billId: 'r1', scheduledOn: '2026-05-12' },
        { billId: 'r2', scheduledOn: '2026-06-15' },
      ],
      7,
      ASOF,
    );
    expect(effect.reminded).toEqual({ numerator: 1, denominator: 2, percent: '50.00%' });
    // Paid before its due date, the bill was never open at the reference day.
    expect(effect.notReminded).toEqual({ numerator: 0, denominator: 1, percent: '0.00%' });
  });

  it('waits for the window to pass before counting an open bill as not paid', () => {
    const open = bill({ billId: 'o1', dueDate: '2026-11-25', status: 'unpaid', paidFen: 0 });
    expect(reminderEffectOf([open], [], 7, ASOF).notReminded.denominator).toBe(0);
    expect(reminderEffectOf([open], [], 7, '2026-12-02').notReminded).toMatchObject({
      numerator: 0,
      denominator: 1,
    });
  });
});

describe('segmentHouseholds', () => {
  it('counts households with no bills as new and averages days late per segment', () => {
    const bills = [
      paid('2026-05-15', '2026-05-20', { householdId: 'late' }),
      paid('2026-06-15', '2026-06-25', { householdId: 'late' }),
      paid('2026-05-15', '2026-05-05', { householdId: 'early' }),
      paid('2026-05-15', '2026-05-05', { householdId: 'stranger' }),
    ];
    const { segments, households } = segmentHouseholds(['late', 'early', 'fresh'], bills, [], {
      asOf: ASOF,
      withinDays: 7,
    });
    expect(households.map((h) => [h.householdId, h.segment])).toEqual([
      ['late', 'slightly_late'],
      ['early', 'early'],
      ['fresh', 'new'],
    ]);
    const bySegment = Object.fromEntries(segments.map((s) => [s.segment, s]));
    expect(bySegment.slightly_late).toMatchObject({ households: 1, bills: 2, averageDaysLate: 7.5 });
    expect(bySegment.new).toMatchObject({ households: 1, bills: 0, averageDaysLate: null });
    expect(bySegment.chronic!.households).toBe(0);
  });
});

describe('suggestStrategy', () => {
  const none = { numerator: 0, denominator: 0, percent: null };
  it('reminds early payers once on the due day', () => {
    expect(
      suggestStrategy({ segment: 'early', effect: { reminded: none, notReminded: none } }),
    ).toMatchObject({
      offsets: [0],
      callOffsets: [],
      description: '到期当天提醒',
    });
  });

  it('puts chronic payers on the call list from 7 days overdue', () => {
    const s = suggestStrategy({ segment: 'chronic', effect: { reminded: none, notReminded: none } });
    expect(s.offsets).toEqual([-7, 0, 7, 30]);
    expect(s.callOffsets).toEqual([7, 30]);
    expect(s.description).toBe('到期前 7 天、到期当天提醒；逾期 7 天、逾期 30 天电话催缴');
  });

  it('adds a call for slightly late payers only when reminders move fewer than half of them', () => {
    const weak = { numerator: 2, denominator: 5, percent: '40.00%' };
    const strong = { numerator: 3, denominator: 5, percent: '60.00%' };
    expect(
      suggestStrategy({ segment: 'slightly_late', effect: { reminded: weak, notReminded: none } })
        .callOffsets,
    ).toEqual([7]);
    expect(
      suggestStrategy({ segment: 'slightly_late', effect: { reminded: strong, notReminded: none } })
        .callOffsets,
    ).toEqual([]);
  });
});
