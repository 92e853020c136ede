import { tieredCharge } from './metered-charge';

const tiers = [
  { upTo: '20', unitPrice: '3.5' },
  { upTo: '30', unitPrice: '4.8' },
  { upTo: null, unitPrice: '6.1' },
];
const water = (quantity: string, rounding: 'half-up' | 'down' = 'half-up') =>
  tieredCharge({ quantity, unit: 'm³', tiers, rounding, itemName: '水费' });

describe('metered fees with 阶梯 tiers', () => {
  it('charges consumption inside the first tier at its price', () => {
    expect(water('12.5')).toEqual({
      lines: [{ label: '水费 第一阶梯（0–20 m³）', formula: '12.5 m³ × ¥3.50/m³ = ¥43.75', amountFen: 4375 }],
      amountFen: 4375,
    });
  });

  it('fills a tier exactly up to its bound without touching the next', () => {
    expect(water('20').lines.map((l) => l.formula)).toEqual(['20 m³ × ¥3.50/m³ = ¥70.00']);
  });

  it('splits consumption crossing one boundary: 25.5 m³ = 20 at the first price + 5.5 at the second', () => {
    const result = water('25.5');
    expect(result.lines).toEqual([
      { label: '水费 第一阶梯（0–20 m³）', formula: '20 m³ × ¥3.50/m³ = ¥70.00', amountFen: 7000 },
      { label: '水费 第二阶梯（20–30 m³）', formula: '5.5 m³ × ¥4.80/m³ = ¥26.40', amountFen: 2640 },
    ]);
    expect(result.amountFen).toBe(9640);
  });

  it('crosses every boundary into the open last tier', () => {
    const result = water('35');
    expect(result.lines.map((l) => [l.label, l.formula])).toEqual([
      ['水费 第一阶梯（0–20 m³）', '20 m³ × ¥3.50/m³ = ¥70.00'],
      ['水费 第二阶梯（20–30 m³）', '10 m³ × ¥4.80/m³ = ¥48.00'],
      ['水费 第三阶梯（30 m³ 以上）', '5 m³ × ¥6.10/m³ = ¥30.50'],
    ]);
    expect(result.amountFen).toBe(14850);
  });

  it('rounds each tier on its own, so every line can be checked', () => {
    const result = water('20.001');
    expect(result.lines.map((l) => l.formula)).toEqual([
      '20 m³ × ¥3.50/m³ = ¥70.00',
      '0.001 m³ × ¥4.80/m³ = ¥0.00',
    ]);
    expect(water('12.345').amountFen).toBe(4321); // 43.2075 half-up
    expect(water('12.345', 'down').amountFen).toBe(4320);
  });

  it('charges nothing for no consumption', () => {
    expect(water('0')).toEqual({ lines: [], amountFen: 0 });
  });

  it('names a single-tier price by the item alone', () => {
    const single = tieredCharge({
      quantity: '100',
      unit: 'kWh',
      tiers: [{ upTo: null, unitPrice: '0.617' }],
      rounding: 'half-up',
      itemName: '电费',
    });
    expect(single.lines).toEqual([
      { label: '电费', formula: '100 kWh × ¥0.617/kWh = ¥61.70', amountFen: 6170 },
    ]);
  });
});
