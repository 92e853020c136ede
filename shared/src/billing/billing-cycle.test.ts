import { cycleOfRun } from './billing-cycle';
import { FeeRule, feeStandardId, type FeeRuleInput, type FeeStandard } from './fee-standard';
import { cycleCharge, type ChargedHousehold, type MonthlyRule } from './monthly-charge';
import type { OccupancyChange } from './occupancy';
import { feeItemsOf, planHouseholdBills, type PlanInput } from './plan-bills';

const span = (
  period: string,
  handover: string | null,
  cycle: 'handover_month' | 'month' = 'handover_month',
) => {
  const c = cycleOfRun(cycle, period, handover)!;
  return [c.from, c.to, c.months[0]!.days];
};

describe('billing cycles', () => {
  it('runs a handover-day cycle from that day to the day before it next month', () => {
    expect(span('2026-07', '2021-03-15')).toEqual(['2026-07-15', '2026-08-14', 31]);
    expect(span('2026-02', '2021-03-15')).toEqual(['2026-02-15', '2026-03-14', 28]);
    expect(span('2026-07', null)).toEqual(['2026-07-01', '2026-07-31', 31]);
    expect(span('2026-07', '2021-03-01')).toEqual(span('2026-07', null, 'month'));
  });

  it('starts on the last day of a month that lacks the handover day (29th–31st, February, leap years)', () => {
    expect(span('2026-01', '2020-08-31')).toEqual(['2026-01-31', '2026-02-27', 28]);
    expect(span('2026-02', '2020-08-31')).toEqual(['2026-02-28', '2026-03-30', 31]);
    expect(span('2026-03', '2020-08-31')).toEqual(['2026-03-31', '2026-04-29', 30]);
    expect(span('2026-04', '2020-08-31')).toEqual(['2026-04-30', '2026-05-30', 31]);
    expect(span('2028-02', '2020-08-31')).toEqual(['2028-02-29', '2028-03-30', 31]);
    expect(span('2026-02', '2020-01-29')).toEqual(['2026-02-28', '2026-03-28', 29]);
    expect(span('2028-01', '2020-01-29')).toEqual(['2028-01-29', '2028-02-28', 31]);
    expect(span('2028-02', '2020-01-29')).toEqual(['2028-02-29', '2028-03-28', 29]);
    expect(span('2026-12', '2020-01-30')).toEqual(['2026-12-30', '2027-01-29', 31]);
  });

  it('bills a quarter by the runs of its first month, a year by January’s, and nothing in between', () => {
    expect(cycleOfRun('quarter', '2026-07', null)).toMatchObject({ from: '2026-07-01', to: '2026-09-30' });
    expect(cycleOfRun('quarter', '2026-10', null)!.months.map((m) => m.days)).toEqual([31, 30, 31]);
    expect(cycleOfRun('quarter', '2026-08', null)).toBeNull();
    expect(cycleOfRun('quarter', '2026-12', null)).toBeNull();
    const year = cycleOfRun('year', '2028-01', null)!;
    expect([year.from, year.to, year.months.length, year.months[1]!.days]).toEqual([
      '2028-01-01',
      '2028-12-31',
      12,
      29,
    ]);
    expect(cycleOfRun('year', '2028-02', null)).toBeNull();
  });
});

function monthly(input: Partial<FeeRuleInput> = {}): MonthlyRule {
  const rule = FeeRule.parse({
    itemCode: 'property',
    name: '物业费',
    effectiveFrom: '2026-01-01',
    kind: 'area',
    areaBasis: 'building',
    unitPrice: '2.35',
    ...input,
  });
  if (rule.kind !== 'area' && rule.kind !== 'fixed') throw new Error('not a monthly rule');
  return rule;
}

const home: ChargedHousehold = {
  propertyType: 'residential',
  buildingArea: '89.53',
  innerArea: '72.18',
  handoverDate: '2021-03-15',
};
const lines = (result: { lines: Array<{ formula: string; amountFen: number }> }) =>
  result.lines.map((l) => [l.formula, l.amountFen]);

describe('charges over a cycle', () => {
  const charge = (options: {
    cycle: 'handover_month' | 'quarter' | 'year';
    period: string;
    versions?: MonthlyRule[];
    household?: Partial<ChargedHousehold>;
    occupancy?: OccupancyChange[];
  }) => {
    const household = { ...home, ...options.household };
    return cycleCharge({
      cycle: cycleOfRun(options.cycle, options.period, household.handoverDate)!,
      itemName: '物业费',
      versions: options.versions ?? [monthly({ cycle: options.cycle })],
      household,
      occupancy: options.occupancy ?? [{ from: '2020-01-01', vacant: false }],
    });
  };

  it('charges a whole handover-day cycle as one month, with no days to show', () => {
    expect(lines(charge({ cycle: 'handover_month', period: '2026-07' }))).toEqual([
      ['89.53 m² × ¥2.35/m²·月 = ¥210.40', 21040],
    ]);
  });

  it('prorates a move-in and a move-out inside a handover-day cycle by the days of that cycle', () => {
    const versions = [monthly({ cycle: 'handover_month', vacantRatePercent: 50 })];
    const movedIn = charge({
      cycle: 'handover_month',
      period: '2026-07',
      versions,
      occupancy: [
        { from: '2026-07-15', vacant: true },
        { from: '2026-07-25', vacant: false },
      ],
    });
    expect(lines(movedIn)).toEqual([
      ['89.53 m² × ¥2.35/m²·月 × 空置 50% × 10/31 天（7月15日–7月24日）= ¥33.93', 3393],
      ['89.53 m² × ¥2.35/m²·月 × 21/31 天（7月25日–8月14日）= ¥142.53', 14253],
    ]);
    expect(movedIn.lines[1]).toMatchObject({ from: '2026-07-25', to: '2026-08-14' });
    const movedOut = charge({
      cycle: 'handover_month',
      period: '2026-07',
      versions,
      occupancy: [
        { from: '2026-07-15', vacant: false },
        { from: '2026-08-01', vacant: true },
      ],
    });
    expect(movedOut.lines.map((l) => l.formula)).toEqual([
      '89.53 m² × ¥2.35/m²·月 × 17/31 天（7月15日–7月31日）= ¥115.38',
      '89.53 m² × ¥2.35/m²·月 × 空置 50% × 14/31 天（8月1日–8月14日）= ¥47.51',
    ]);
  });

  it('charges a quarter in advance as three months on one line', () => {
    expect(lines(charge({ cycle: 'quarter', period: '2026-07' }))).toEqual([
      ['89.53 m² × ¥2.35/m²·月 × 3 个月（7月1日–9月30日）= ¥631.19', 63119],
    ]);
  });

  it('splits the line of a quarter where a price change takes effect mid-quarter', () => {
    const versions = [
      monthly({ cycle: 'quarter' }),
      monthly({ cycle: 'quarter', effectiveFrom: '2026-08-15', unitPrice: '2.50' }),
    ];
    expect(lines(charge({ cycle: 'quarter', period: '2026-07', versions }))).toEqual([
      ['89.53 m² × ¥2.35/m²·月 × (1 + 14/31) 个月（7月1日–8月14日）= ¥305.41', 30541],
      ['89.53 m² × ¥2.50/m²·月 × (1 + 17/31) 个月（8月15日–9月30日）= ¥346.57', 34657],
    ]);
  });

  it('starts a quarter or a leap year’s bill at the handover date when that falls inside it', () => {
    expect(
      lines(charge({ cycle: 'quarter', period: '2026-07', household: { handoverDate: '2026-08-10' } })),
    ).toEqual([['89.53 m² × ¥2.35/m²·月 × (1 + 22/31) 个月（8月10日–9月30日）= ¥359.71', 35971]]);
    expect(
      lines(charge({ cycle: 'year', period: '2028-01', household: { handoverDate: '2028-02-10' } })),
    ).toEqual([['89.53 m² × ¥2.35/m²·月 × (10 + 20/29) 个月（2月10日–12月31日）= ¥2,249.06', 224906]]);
  });
});

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
  const plan = (period: string, items = [quarterly]): ReturnType<typeof planHouseholdBills> =>
    planHouseholdBills({
      period,
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
      parkingSpaces: [],
      readings: [],
      items: feeItemsOf(items),
      run: { runId: `brun_${period}`, issuedAt: 0 },
    } satisfies PlanInput);

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
