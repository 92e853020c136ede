import {
  addPeriods,
  consumptionOf,
  feeStandardId,
  fen,
  FeeRule,
  firstDayOf,
  keyId,
  lastDayOf,
  meterReadingId,
  outlierFlag,
  periodOf,
  startOfLocalDate,
  type FeeRuleInput,
  type FeeStandard,
  type MeterReading,
  type Period,
} from '@linli/shared';
import { collections, findAll } from '../../_lib/collections';
import { accountIdFor } from '../../_lib/identity';
import type { Store } from '../../_lib/store/port';
import { insertMissing } from '../../billing/idempotent-writes';
import { creditPrepayment } from '../../billing/prepayment/credit-prepayment';
import { advanceRun } from '../../billing/run/advance-run';
import { DEMO_ESTATE_ID } from './demo-estate';
import { seededRandom } from './random';

const lateFee = {
  kind: 'daily',
  dailyRatePercent: '0.05',
  graceDays: 15,
  capPercentOfPrincipal: 100,
  capFen: null,
} as const;

/** 邻里花园's fee standards, from the first day of `from`. */
function demoStandards(from: Period): FeeRuleInput[] {
  const effectiveFrom = firstDayOf(from);
  return [
    {
      kind: 'area',
      itemCode: 'property',
      name: '物业费',
      effectiveFrom,
      areaBasis: 'building',
      unitPrice: '2.35',
      vacantRatePercent: 50,
      lateFee,
      advanceDiscounts: [
        { months: 6, percentOff: 3 },
        { months: 12, percentOff: 5 },
      ],
    },
    {
      kind: 'fixed',
      itemCode: 'parking',
      name: '车位管理费',
      effectiveFrom,
      basis: 'parking',
      amountFen: 30000,
      parkingKinds: ['owned'],
      requirePlates: true,
      lateFee,
    },
    {
      kind: 'fixed',
      itemCode: 'garbage',
      name: '垃圾处理费',
      effectiveFrom,
      basis: 'household',
      amountFen: 1000,
      vacantRatePercent: 0,
    },
    {
      kind: 'metered',
      itemCode: 'water',
      name: '水费',
      effectiveFrom,
      meter: 'water',
      tiers: [
        { upTo: '20', unitPrice: '3.5' },
        { upTo: '30', unitPrice: '4.8' },
        { upTo: null, unitPrice: '6.1' },
      ],
    },
  ];
}

const OWNER_HOME = keyId('hh', DEMO_ESTATE_ID, '1-1-1201');
const SECOND_HOME = keyId('hh', DEMO_ESTATE_ID, '2-1-0802');
const READER = { id: accountIdFor('demo-tech-plumbing'), name: '赵师傅' };

/** Three months of water readings per home: a baseline, then ordinary use; two demo homes stand out. */
function demoReadings(
  households: ReadonlyArray<{ _id: string; roomCode: string; occupancy: string }>,
  periods: [Period, Period, Period],
  recordedAt: number,
): MeterReading[] {
  const random = seededRandom(4);
  const readings: MeterReading[] = [];
  households.forEach((household, index) => {
    let value = 100 + ((index * 37) % 900);
    const uses =
      household._id === OWNER_HOME
        ? [18.5, 25.5] // crosses the first tier
        : household._id === SECOND_HOME
          ? [15, 95] // an outlier, held for review
          : [0, 0].map(() => (household.occupancy === 'vacant' ? 0 : random.int(120, 240) / 10));
    const history: string[] = [];
    let previous: MeterReading | null = null;
    periods.forEach((period, i) => {
      if (i > 0) value += uses[i - 1]!;
      const reading = value.toFixed(1);
      const measured = consumptionOf(previous?.reading ?? null, reading, null);
      const consumption = measured.ok ? measured.consumption : null;
      const flag = outlierFlag(consumption, history);
      const doc: MeterReading = {
        _id: meterReadingId(household._id, 'water', period),
        estateId: DEMO_ESTATE_ID,
        householdId: household._id,
        roomCode: household.roomCode,
        meter: 'water',
        period,
        reading,
        readOn: lastDayOf(period),
        previousReadingId: previous?._id ?? null,
        previousReading: previous?.reading ?? null,
        replacement: null,
        consumption,
        status: flag ? 'pending_review' : 'approved',
        flag,
        recordedBy: READER.id,
        recordedByName: READER.name,
        recordedAt,
        reviewedBy: null,
        reviewedAt: null,
        reviewNote: null,
      };
      readings.push(doc);
      if (consumption !== null && !flag) history.push(consumption);
      previous = doc;
    });
  });
  return readings;
}

/**
 * Billing demo data for 邻里花园, relative to `now` (this month = P): fee standards from P−3
 * (property fee ¥2.35/m²·月 on building area, parking ¥300/月 for owned spaces with plates,
 * garbage ¥10/月, tiered water), water readings for P−3 … P−1, a ¥1,000 prepayment for the
 * demo owner's home, and the committed runs of P−2 and P−1 (so owners have paid and unpaid
 * bills, and staff have statistics). This month's run is left for finance to preview and
 * commit. Idempotent; returns false when already seeded. Call after seedDemoData.
 */
export async function seedDemoBilling(store: Store, now: number = Date.now()): Promise<boolean> {
  const db = collections(store);
  const current = periodOf(now);
  const first = addPeriods(current, -3);
  const rules = demoStandards(first).map((input) => FeeRule.parse(input));
  const marker = feeStandardId(DEMO_ESTATE_ID, 'property', firstDayOf(first));
  if (await db.feeStandards.get(marker)) return false;
  if (!(await db.estates.get(DEMO_ESTATE_ID))) throw new Error('seed the demo estate first (seedDemoData)');

  const households = await findAll(db.households, { where: { estateId: DEMO_ESTATE_ID } });
  const startOf = (period: Period): number => startOfLocalDate(firstDayOf(period)).add(2, 'hour').valueOf();
  await insertMissing(
    db.meterReadings,
    demoReadings(households, [first, addPeriods(current, -2), addPeriods(current, -1)], startOf(current)),
  );
  await creditPrepayment(store, OWNER_HOME, fen(100000), 'demo-topup-1', {
    at: startOf(addPeriods(current, -2)) - 86_400_000,
    note: '预存充值（演示）',
  });

  const standards: FeeStandard[] = rules.map((rule) => ({
    ...rule,
    _id: feeStandardId(DEMO_ESTATE_ID, rule.itemCode, rule.effectiveFrom),
    estateId: DEMO_ESTATE_ID,
    createdAt: startOf(first),
    createdBy: accountIdFor('demo-finance'),
    createdByName: '李会计',
  }));
  // The property standard marks a finished seed, so it goes in last.
  await insertMissing(db.feeStandards, [
    ...standards.filter((s) => s._id !== marker),
    ...standards.filter((s) => s._id === marker),
  ]);

  for (const period of [addPeriods(current, -2), addPeriods(current, -1)]) {
    const at = startOf(period);
    for (;;) {
      const step = await advanceRun(
        { store, db, now: () => at },
        { estateId: DEMO_ESTATE_ID, period, chunkSize: 1000, actor: { id: 'scheduler', name: '定时任务' } },
      );
      if (step.done) break;
    }
  }
  return true;
}
