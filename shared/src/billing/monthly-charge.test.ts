import { FeeRule, type FeeRuleInput } from './fee-standard';
import { cycleOfRun } from './billing-cycle';
import { cycleCharge, monthlyCharge, type ChargedHousehold, type MonthlyRule } from './monthly-charge';
import type { OccupancyChange } from './occupancy';

function monthly(input: Partial<FeeRuleInput> = {}): MonthlyRule {
  const base = { itemCode: 'property', name: '物业费', effectiveFrom: '2026-01-01' };
  const area = input.kind === 'fixed' ? {} : { kind: 'area', areaBasis: 'building', unitPrice: '2.35' };
  const rule = FeeRule.parse({ ...base, ...area, ...input });
  if (rule.kind !== 'area' && rule.kind !== 'fixed') throw new Error('not a monthly rule');
  return rule;
}

const home: ChargedHousehold = {
  propertyType: 'residential',
  buildingArea: '89.53',
  innerArea: '72.18',
  handoverDate: '2020-05-01',
};
const livedIn: OccupancyChange[] = [{ from: '2026-06-01', vacant: false }];

function charge(options: {
  versions?: MonthlyRule[];
  household?: Partial<ChargedHousehold>;
  occupancy?: OccupancyChange[];
  period?: string;
}) {
  return monthlyCharge({
    period: options.period ?? '2026-06',
    itemName: '物业费',
    versions: options.versions ?? [monthly()],
    household: { ...home, ...options.household },
    occupancy: options.occupancy ?? livedIn,
  });
}

describe('monthly fees: area × price, prorated by days', () => {
  it('multiplies building area by the monthly price and rounds once: 89.53 m² × ¥2.35 = ¥210.40', () => {
    const result = charge({});
    expect(result.lines).toEqual([
      { label: '物业费', formula: '89.53 m² × ¥2.35/m²·月 = ¥210.40', amountFen: 21040 },
    ]);
    expect(result.amountFen).toBe(21040);
    expect(result.reliefFen).toBe(0);
  });

  it('uses the inner area when the standard says so', () => {
    expect(charge({ versions: [monthly({ areaBasis: 'inner' })] }).lines[0]!.formula).toBe(
      '72.18 m² × ¥2.35/m²·月 = ¥169.62',
    );
  });

  it('rounds by the rule of the standard, from the exact product', () => {
    const area = { household: { buildingArea: '118.76' } };
    expect(charge({ ...area, versions: [monthly({ unitPrice: '2.8' })] }).amountFen).toBe(33253); // 332.528
    expect(charge({ ...area, versions: [monthly({ unitPrice: '2.8', rounding: 'down' })] }).amountFen).toBe(
      33252,
    );
    expect(charge({ versions: [monthly({ unitPrice: '2.355' })] }).lines[0]!.formula).toBe(
      '89.53 m² × ¥2.355/m²·月 = ¥210.84',
    ); // 210.84315
  });

  it('charges the whole month when the handover is on the 1st', () => {
    const result = charge({ household: { handoverDate: '2026-06-01' } });
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]).not.toHaveProperty('from');
    expect(result.amountFen).toBe(21040);
  });

  it('prorates from a handover on the 15th: 16 of 30 days', () => {
    const result = charge({ household: { handoverDate: '2026-06-15' } });
    expect(result.lines).toEqual([
      {
        label: '物业费',
        formula: '89.53 m² × ¥2.35/m²·月 × 16/30 天（6月15日–6月30日）= ¥112.21',
        amountFen: 11221,
        from: '2026-06-15',
        to: '2026-06-30',
      },
    ]);
  });

  it('charges one day for a handover on the last day, in 30- and 31-day months and in February', () => {
    expect(charge({ household: { handoverDate: '2026-06-30' } }).lines[0]!.formula).toBe(
      '89.53 m² × ¥2.35/m²·月 × 1/30 天（6月30日）= ¥7.01',
    );
    expect(charge({ period: '2026-07', household: { handoverDate: '2026-07-31' } }).amountFen).toBe(679); // 6.7869
    expect(charge({ period: '2028-02', household: { handoverDate: '2028-02-29' } }).lines[0]!.formula).toBe(
      '89.53 m² × ¥2.35/m²·月 × 1/29 天（2月29日）= ¥7.26',
    );
  });

  it('charges nothing before the handover month', () => {
    expect(charge({ household: { handoverDate: '2026-07-01' } })).toMatchObject({
      lines: [],
      amountFen: 0,
      governing: null,
    });
  });

  it('treats a home with no recorded handover as handed over', () => {
    expect(charge({ household: { handoverDate: null } }).amountFen).toBe(21040);
  });

  it('charges the vacant rate for a home standing empty the whole month', () => {
    const result = charge({
      versions: [monthly({ vacantRatePercent: 50 })],
      occupancy: [{ from: '2026-06-01', vacant: true }],
    });
    expect(result.lines).toEqual([
      { label: '物业费（空置）', formula: '89.53 m² × ¥2.35/m²·月 × 空置 50% = ¥105.20', amountFen: 10520 },
    ]);
    expect(result.reliefFen).toBe(10520);
  });

  it('splits a move-out on the 15th into lived-in days and vacant days', () => {
    const result = charge({
      versions: [monthly({ vacantRatePercent: 50 })],
      occupancy: [
        { from: '2026-06-01', vacant: false },
        { from: '2026-06-15', vacant: true },
      ],
    });
    expect(result.lines.map((l) => l.formula)).toEqual([
      '89.53 m² × ¥2.35/m²·月 × 14/30 天（6月1日–6月14日）= ¥98.18',
      '89.53 m² × ¥2.35/m²·月 × 空置 50% × 16/30 天（6月15日–6月30日）= ¥56.11',
    ]);
    expect(result.amountFen).toBe(9818 + 5611);
    expect(result.reliefFen).toBe(11221 - 5611);
  });

  it('ignores vacancy when the vacant rate is 100%', () => {
    expect(charge({ occupancy: [{ from: '2026-06-01', vacant: true }] }).lines).toHaveLength(1);
  });

  it('gives free months from the handover, shown as a free line', () => {
    const result = charge({
      versions: [monthly({ freeMonthsAfterHandover: 2 })],
      household: { handoverDate: '2026-04-15' },
    });
    expect(result.lines).toEqual([
      {
        label: '物业费（赠送）',
        formula: '交房后赠送 2 个月：6月1日–6月14日 免收 = ¥0.00',
        amountFen: 0,
        from: '2026-06-01',
        to: '2026-06-14',
      },
      {
        label: '物业费',
        formula: '89.53 m² × ¥2.35/m²·月 × 16/30 天（6月15日–6月30日）= ¥112.21',
        amountFen: 11221,
        from: '2026-06-15',
        to: '2026-06-30',
      },
    ]);
    expect(result.reliefFen).toBe(9818);
  });

  it('charges nothing in a month that is free throughout', () => {
    const result = charge({
      versions: [monthly({ freeMonthsAfterHandover: 3 })],
      household: { handoverDate: '2026-05-20' },
    });
    expect(result.amountFen).toBe(0);
    expect(result.reliefFen).toBe(21040);
  });

  it('splits a month at a price change on the 15th, each part at its own price', () => {
    const result = charge({
      versions: [monthly(), monthly({ effectiveFrom: '2026-06-15', unitPrice: '2.50' })],
    });
    expect(result.lines.map((l) => l.formula)).toEqual([
      '89.53 m² × ¥2.35/m²·月 × 14/30 天（6月1日–6月14日）= ¥98.18',
      '89.53 m² × ¥2.50/m²·月 × 16/30 天（6月15日–6月30日）= ¥119.37',
    ]);
    expect(result.governing).toMatchObject({ unitPrice: '2.50' });
  });

  it('applies a mid-year price change from its month on, leaving earlier months at the old price', () => {
    const versions = [monthly(), monthly({ effectiveFrom: '2026-07-01', unitPrice: '2.50' })];
    expect(charge({ versions, period: '2026-06' }).amountFen).toBe(21040);
    expect(charge({ versions, period: '2026-07' }).lines[0]!.formula).toBe(
      '89.53 m² × ¥2.50/m²·月 = ¥223.83',
    );
  });

  it('stops charging from the day a version stops the item', () => {
    const result = charge({ versions: [monthly(), monthly({ effectiveFrom: '2026-06-15', active: false })] });
    expect(result.amountFen).toBe(9818);
  });

  it('charges only the property types the standard covers', () => {
    expect(charge({ household: { propertyType: 'shop' } }).lines).toEqual([]);
  });

  it('charges a fixed fee per household, prorated like any other', () => {
    const garbage = monthly({
      kind: 'fixed',
      itemCode: 'garbage',
      name: '垃圾处理费',
      basis: 'household',
      amountFen: 1000,
    });
    expect(charge({ versions: [garbage] }).lines[0]!.formula).toBe('¥10.00/户·月 = ¥10.00');
    expect(charge({ versions: [garbage], household: { handoverDate: '2026-06-15' } }).lines[0]!.formula).toBe(
      '¥10.00/户·月 × 16/30 天（6月15日–6月30日）= ¥5.33',
    );
  });

  it('charges parking per space of the standard kinds, only with plates when required', () => {
    const parking = monthly({
      kind: 'fixed',
      itemCode: 'parking',
      name: '车位管理费',
      basis: 'parking',
      amountFen: 30000,
      parkingKinds: ['owned'],
      requirePlates: true,
    });
    const result = monthlyCharge({
      period: '2026-06',
      itemName: '车位管理费',
      versions: [parking],
      household: home,
      occupancy: livedIn,
      parkingSpaces: [
        { code: 'B1-001', kind: 'owned', plates: ['沪A12345'] },
        { code: 'B1-002', kind: 'owned', plates: [] },
        { code: 'B1-003', kind: 'rented', plates: ['沪B54321'] },
      ],
    });
    expect(result.lines).toEqual([
      { label: '车位管理费 B1-001（沪A12345）', formula: '¥300.00/个·月 = ¥300.00', amountFen: 30000 },
    ]);
  });
});

/** Handed over on the 15th: its handover-day cycles run from the 15th to the 14th. */
const fifteenth: ChargedHousehold = { ...home, handoverDate: '2021-03-15' };
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
    const household = { ...fifteenth, ...options.household };
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
