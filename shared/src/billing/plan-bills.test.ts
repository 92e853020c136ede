import { FeeRule, feeStandardId, type FeeRuleInput, type FeeStandard } from './fee-standard';
import type { MeterReading } from './meter-reading';
import { feeItemsOf, planHouseholdBills, type PlanInput } from './plan-bills';

function standard(input: FeeRuleInput): FeeStandard {
  const rule = FeeRule.parse(input);
  return {
    ...rule,
    _id: feeStandardId('est_demo', rule.itemCode, rule.effectiveFrom),
    estateId: 'est_demo',
    createdAt: 0,
    createdBy: 'acct_finance',
    createdByName: '李会计',
  };
}

const lateFee = {
  kind: 'daily',
  dailyRatePercent: '0.05',
  graceDays: 15,
  capPercentOfPrincipal: 100,
  capFen: null,
} as const;
const property = standard({
  kind: 'area',
  itemCode: 'property',
  name: '物业费',
  effectiveFrom: '2026-01-01',
  areaBasis: 'building',
  unitPrice: '2.35',
  vacantRatePercent: 50,
  lateFee,
});
const garbage = standard({
  kind: 'fixed',
  itemCode: 'garbage',
  name: '垃圾处理费',
  effectiveFrom: '2026-01-01',
  basis: 'household',
  amountFen: 1000,
});
const parking = standard({
  kind: 'fixed',
  itemCode: 'parking',
  name: '车位管理费',
  effectiveFrom: '2026-01-01',
  basis: 'parking',
  amountFen: 30000,
  requirePlates: true,
});
const water = standard({
  kind: 'metered',
  itemCode: 'water',
  name: '水费',
  effectiveFrom: '2026-01-01',
  meter: 'water',
  dueDay: 20,
  tiers: [
    { upTo: '20', unitPrice: '3.5' },
    { upTo: null, unitPrice: '4.8' },
  ],
});

function reading(overrides: Partial<MeterReading> = {}): MeterReading {
  return {
    _id: 'mrd_hh_1_water_2026-05',
    estateId: 'est_demo',
    householdId: 'hh_1',
    roomCode: '1-1-1201',
    meter: 'water',
    period: '2026-05',
    reading: '1259.5',
    readOn: '2026-05-31',
    previousReadingId: 'mrd_hh_1_water_2026-04',
    previousReading: '1234.0',
    replacement: null,
    consumption: '25.5',
    status: 'approved',
    flag: null,
    recordedBy: 'acct_tech',
    recordedByName: '李师傅',
    recordedAt: 0,
    reviewedBy: null,
    reviewedAt: null,
    reviewNote: null,
    ...overrides,
  };
}

function input(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    period: '2026-06',
    household: {
      _id: 'hh_1',
      estateId: 'est_demo',
      buildingId: 'bld_1',
      roomCode: '1-1-1201',
      propertyType: 'residential',
      buildingArea: '89.53',
      innerArea: '72.18',
      handoverDate: '2020-05-01',
      occupancy: 'self',
    },
    residents: [{ movedInOn: null, movedOutOn: null }],
    parkingSpaces: [{ code: 'B1-023', kind: 'owned', plates: ['沪A12345'] }],
    readings: [reading()],
    items: feeItemsOf([water, property, garbage, parking]),
    run: { runId: 'brun_est_demo_2026-06', issuedAt: 1_780_000_000_000 },
    ...overrides,
  };
}

describe('planning a household’s bills for a period', () => {
  it('makes one explained bill per fee item, with ids from household, period and item', () => {
    const plan = planHouseholdBills(input());
    expect(plan.held).toEqual([]);
    expect(plan.missing).toEqual([]);
    expect(plan.bills.map((b) => [b._id, b.amountFen, b.dueDate])).toEqual([
      ['bill_hh_1_2026-06_garbage', 1000, '2026-06-15'],
      ['bill_hh_1_2026-06_parking', 30000, '2026-06-15'],
      ['bill_hh_1_2026-06_property', 21040, '2026-06-15'],
      ['bill_hh_1_2026-06_water', 9640, '2026-06-20'],
    ]);
    const bill = plan.bills.find((b) => b.itemCode === 'property')!;
    expect(bill).toMatchObject({
      estateId: 'est_demo',
      buildingId: 'bld_1',
      householdId: 'hh_1',
      period: '2026-06',
      itemName: '物业费',
      kind: 'area',
      standardId: property._id,
      status: 'unpaid',
      paidFen: 0,
      lateFeeRule: lateFee,
      lines: [{ label: '物业费', formula: '89.53 m² × ¥2.35/m²·月 = ¥210.40', amountFen: 21040 }],
    });
  });

  it('bills last month’s metered consumption, showing the readings', () => {
    const bill = planHouseholdBills(input()).bills.find((b) => b.itemCode === 'water')!;
    expect(bill.usage).toEqual({
      meter: 'water',
      usagePeriod: '2026-05',
      previousReading: '1234.0',
      currentReading: '1259.5',
      quantity: '25.5',
      unit: 'm³',
      meterReplaced: false,
      readingId: 'mrd_hh_1_water_2026-05',
    });
    expect(bill.lines.map((l) => l.formula)).toEqual([
      '20 m³ × ¥3.50/m³ = ¥70.00',
      '5.5 m³ × ¥4.80/m³ = ¥26.40',
    ]);
  });

  it('holds metered items whose reading waits for review, and reports missing readings', () => {
    expect(planHouseholdBills(input({ readings: [reading({ status: 'pending_review' })] }))).toMatchObject({
      held: [{ itemCode: 'water', meter: 'water', readingId: 'mrd_hh_1_water_2026-05' }],
      missing: [],
    });
    expect(planHouseholdBills(input({ readings: [] })).missing).toEqual([
      { itemCode: 'water', meter: 'water' },
    ]);
    expect(planHouseholdBills(input({ readings: [reading({ status: 'rejected' })] })).missing).toHaveLength(
      1,
    );
    const baseline = planHouseholdBills(
      input({ readings: [reading({ consumption: null, previousReading: null })] }),
    );
    expect(baseline.bills.some((b) => b.itemCode === 'water')).toBe(false);
    expect(baseline.missing).toEqual([]);
  });

  it('keeps June at the old price after a mid-year price change, so re-planning June changes nothing', () => {
    const raise = standard({
      kind: 'area',
      itemCode: 'property',
      name: '物业费',
      effectiveFrom: '2026-07-01',
      areaBasis: 'building',
      unitPrice: '2.50',
      lateFee,
    });
    const before = planHouseholdBills(input()).bills.find((b) => b.itemCode === 'property')!;
    const items = feeItemsOf([water, property, garbage, parking, raise]);
    const june = planHouseholdBills(input({ items })).bills.find((b) => b.itemCode === 'property')!;
    const july = planHouseholdBills(input({ items, period: '2026-07', readings: [] })).bills.find(
      (b) => b.itemCode === 'property',
    )!;
    expect(june).toEqual(before);
    expect(july).toMatchObject({ amountFen: 22383, standardId: raise._id });
  });

  it('issues no bill where nothing is owed: free months, no consumption, another property type', () => {
    const free = standard({
      kind: 'area',
      itemCode: 'property',
      name: '物业费',
      effectiveFrom: '2026-01-01',
      areaBasis: 'building',
      unitPrice: '2.35',
      freeMonthsAfterHandover: 3,
    });
    const plan = planHouseholdBills(
      input({
        household: { ...input().household, handoverDate: '2026-05-10' },
        items: feeItemsOf([free, water]),
        readings: [reading({ consumption: '0' })],
      }),
    );
    expect(plan.bills).toEqual([]);
    const shop = planHouseholdBills(input({ household: { ...input().household, propertyType: 'shop' } }));
    expect(shop.bills).toEqual([]);
  });

  it('bills a one-off fee only in its period and only to the households named', () => {
    const oneOff = standard({
      kind: 'one_off',
      itemCode: 'meter-swap',
      name: '换表费',
      effectiveFrom: '2026-01-01',
      amountFen: 5000,
      billingPeriod: '2026-06',
      householdIds: ['hh_1'],
    });
    const items = feeItemsOf([oneOff]);
    expect(planHouseholdBills(input({ items })).bills.map((b) => b.lines)).toEqual([
      [{ label: '换表费', formula: '一次性收费 ¥50.00', amountFen: 5000 }],
    ]);
    expect(planHouseholdBills(input({ items, period: '2026-07' })).bills).toEqual([]);
    expect(
      planHouseholdBills(input({ items, household: { ...input().household, _id: 'hh_2' } })).bills,
    ).toEqual([]);
  });

  it('charges a vacant home the vacant rate and records what it took off', () => {
    const plan = planHouseholdBills(input({ household: { ...input().household, occupancy: 'vacant' } }));
    expect(plan.bills.find((b) => b.itemCode === 'property')).toMatchObject({
      amountFen: 10520,
      reliefFen: 10520,
    });
  });
});

describe('bill runs with cycles', () => {
  const rule: FeeRuleInput & { kind: 'area' } = {
    kind: 'area',
    itemCode: 'property',
    name: '物业费',
    effectiveFrom: '2026-01-01',
    areaBasis: 'building',
    unitPrice: '2.35',
    cycle: 'quarter',
    dueDay: 10,
    advanceDiscounts: [
      { months: 3, percentOff: 2 },
      { months: 12, percentOff: 5 },
    ],
  };
  const quarterly = standard(rule);
  const plan = (period: string, items = [quarterly]) =>
    planHouseholdBills(input({ period, readings: [], items: feeItemsOf(items) }));

  it('bills a quarter once, in its first month, due then, with the advance discount of the standard', () => {
    const january = plan('2026-01');
    expect(january.bills).toHaveLength(1);
    expect(january.bills[0]).toMatchObject({
      _id: 'bill_hh_1_2026-01_property',
      period: '2026-01',
      dueDate: '2026-01-10',
      amountFen: 63119,
      discountFen: 1263,
      discountFormula: '预缴 3 个月优惠 2%：¥631.19 × 98% = ¥618.56',
    });
    expect(plan('2026-02').bills).toEqual([]);
    expect(plan('2026-03').bills).toEqual([]);
    expect(plan('2026-04').bills.map((b) => b._id)).toEqual(['bill_hh_1_2026-04_property']);
  });

  it('takes the larger discount for a year and none for a natural month', () => {
    const yearly = standard({ ...rule, cycle: 'year' });
    const year = plan('2026-01', [yearly]).bills[0]!;
    expect(year).toMatchObject({ amountFen: 252475, discountFen: 12624 });
    expect(year.discountFormula).toBe('预缴 12 个月优惠 5%：¥2,524.75 × 95% = ¥2,398.51');
    const monthlyStandard = standard({ ...rule, cycle: 'month' });
    expect(plan('2026-02', [monthlyStandard]).bills[0]).toMatchObject({ amountFen: 21040, discountFen: 0 });
    expect(plan('2026-02', [monthlyStandard]).bills[0]!.discountFormula).toBeUndefined();
  });
});
