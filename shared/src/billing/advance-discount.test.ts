import type { Fen } from '../money/money';
import { advancePaymentQuote } from './advance-discount';

const discounts = [
  { months: 6, percentOff: 3 },
  { months: 12, percentOff: 5 },
];

describe('预缴 discounts for paying months in advance', () => {
  it('take the best discount whose month count is reached', () => {
    expect(advancePaymentQuote(21040 as Fen, 12, discounts)).toEqual({
      months: 12,
      grossFen: 252480,
      percentOff: 5,
      discountFen: 12624,
      netFen: 239856,
      formula: '¥210.40 × 12 个月 = ¥2,524.80；预缴优惠 5%：¥2,524.80 × 95% = ¥2,398.56',
    });
    expect(advancePaymentQuote(21040 as Fen, 7, discounts).percentOff).toBe(3);
  });

  it('give no discount below the smallest month count', () => {
    expect(advancePaymentQuote(21040 as Fen, 3, discounts)).toMatchObject({
      percentOff: 0,
      discountFen: 0,
      netFen: 63120,
      formula: '¥210.40 × 3 个月 = ¥631.20',
    });
  });

  it('round the price to pay down, in the resident’s favour', () => {
    expect(advancePaymentQuote(333 as Fen, 6, discounts)).toMatchObject({
      grossFen: 1998,
      netFen: 1938,
      discountFen: 60,
    });
  });

  it('refuse a month count that is not a positive whole number', () => {
    expect(() => advancePaymentQuote(100 as Fen, 0, discounts)).toThrow(RangeError);
  });
});
