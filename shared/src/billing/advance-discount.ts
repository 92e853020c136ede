import { divideRounded } from '../money/decimal';
import { fen, formatYuan, type Fen } from '../money/money';
import type { AdvanceDiscount } from './fee-standard';

export interface AdvanceQuote {
  months: number;
  grossFen: Fen;
  percentOff: number;
  discountFen: Fen;
  netFen: Fen;
  formula: string;
}

/**
 * 预缴优惠: paying `months` of a monthly fee at once earns the best discount whose month count
 * is reached. The price to pay is rounded down, so rounding always favours the resident.
 */
export function advancePaymentQuote(
  monthlyFen: Fen,
  months: number,
  discounts: readonly AdvanceDiscount[],
): AdvanceQuote {
  if (!Number.isInteger(months) || months < 1) throw new RangeError('months must be a positive integer');
  const grossFen = fen(monthlyFen * months);
  const percentOff = Math.max(0, ...discounts.filter((d) => d.months <= months).map((d) => d.percentOff));
  const netFen = fen(Number(divideRounded(BigInt(grossFen) * BigInt(100 - percentOff), 100n, 'down')));
  const gross = `${formatYuan(monthlyFen)} × ${months} 个月 = ${formatYuan(grossFen)}`;
  return {
    months,
    grossFen,
    percentOff,
    discountFen: fen(grossFen - netFen),
    netFen,
    formula: percentOff
      ? `${gross}；预缴优惠 ${percentOff}%：${formatYuan(grossFen)} × ${100 - percentOff}% = ${formatYuan(netFen)}`
      : gross,
  };
}
