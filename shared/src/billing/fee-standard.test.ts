import { describeFeeRule, FeeRule, priceText, versionInForce, type FeeRuleInput } from './fee-standard';

const propertyFee: FeeRuleInput = {
  kind: 'area',
  itemCode: 'property',
  name: '物业费',
  effectiveFrom: '2026-01-01',
  areaBasis: 'building',
  unitPrice: '2.35',
  vacantRatePercent: 50,
  freeMonthsAfterHandover: 3,
  lateFee: {
    kind: 'daily',
    dailyRatePercent: '0.05',
    graceDays: 15,
    capPercentOfPrincipal: 100,
    capFen: null,
  },
};

describe('fee standards', () => {
  it('fill in the defaults a property company usually means', () => {
    const rule = FeeRule.parse({
      kind: 'fixed',
      itemCode: 'garbage',
      name: '垃圾处理费',
      effectiveFrom: '2026-01-01',
      basis: 'household',
      amountFen: 1000,
    });
    expect(rule).toMatchObject({
      active: true,
      propertyTypes: ['residential'],
      dueDay: 15,
      rounding: 'half-up',
      vacantRatePercent: 100,
      freeMonthsAfterHandover: 0,
      lateFee: null,
    });
  });

  it('read aloud as finance staff would say them', () => {
    expect(describeFeeRule(FeeRule.parse(propertyFee))).toBe(
      '¥2.35/m²·月 × 建筑面积；适用住宅；空置房按 50% 收取；交房后赠送 3 个月；每月 15 日前缴清；逾期按欠费 0.05%/天 收取滞纳金（宽限 15 天，封顶 本金的 100%）',
    );
    expect(
      describeFeeRule(
        FeeRule.parse({
          kind: 'metered',
          itemCode: 'water',
          name: '水费',
          effectiveFrom: '2026-01-01',
          meter: 'water',
          tiers: [
            { upTo: '20', unitPrice: '3.5' },
            { upTo: null, unitPrice: '4.8' },
          ],
        }),
      ),
    ).toBe('0–20 m³ ¥3.50/m³；20 m³ 以上 ¥4.80/m³；适用住宅；每月 15 日前缴清');
    expect(describeFeeRule(FeeRule.parse({ ...propertyFee, active: false }))).toBe(
      '自 2026-01-01 起停止收取',
    );
  });

  it('refuse tiers out of order, an open tier before the last, unknown fields and absurd late fees', () => {
    const water = {
      kind: 'metered',
      itemCode: 'water',
      name: '水费',
      effectiveFrom: '2026-01-01',
      meter: 'water',
    } as const;
    expect(
      FeeRule.safeParse({
        ...water,
        tiers: [
          { upTo: '30', unitPrice: '3' },
          { upTo: '20', unitPrice: '4' },
          { upTo: null, unitPrice: '5' },
        ],
      }).success,
    ).toBe(false);
    expect(
      FeeRule.safeParse({
        ...water,
        tiers: [
          { upTo: null, unitPrice: '3' },
          { upTo: null, unitPrice: '4' },
        ],
      }).success,
    ).toBe(false);
    expect(FeeRule.safeParse({ ...water, tiers: [{ upTo: '20', unitPrice: '3' }] }).success).toBe(false);
    expect(FeeRule.safeParse({ ...propertyFee, discount: 5 }).success).toBe(false);
    expect(FeeRule.safeParse({ ...propertyFee, unitPrice: '-2.35' }).success).toBe(false);
    expect(
      FeeRule.safeParse({
        ...propertyFee,
        lateFee: {
          kind: 'daily',
          dailyRatePercent: '3',
          graceDays: 0,
          capPercentOfPrincipal: null,
          capFen: null,
        },
      }).success,
    ).toBe(false);
    expect(FeeRule.safeParse({ ...propertyFee, itemCode: 'Property Fee' }).success).toBe(false);
  });

  it('find the version in force on a day: the latest that has started', () => {
    const versions = [
      { effectiveFrom: '2026-01-01', price: 'a' },
      { effectiveFrom: '2026-07-01', price: 'c' },
      { effectiveFrom: '2026-03-15', price: 'b' },
    ];
    expect(versionInForce(versions, '2025-12-31')).toBeNull();
    expect(versionInForce(versions, '2026-03-14')?.price).toBe('a');
    expect(versionInForce(versions, '2026-03-15')?.price).toBe('b');
    expect(versionInForce(versions, '2027-01-01')?.price).toBe('c');
  });

  it('show prices as entered, with at least two decimals', () => {
    expect(priceText('2.35')).toBe('¥2.35');
    expect(priceText('3')).toBe('¥3.00');
    expect(priceText('2.355')).toBe('¥2.355');
  });
});
