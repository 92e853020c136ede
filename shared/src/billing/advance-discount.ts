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

/** The best discount whose month count `months` reaches, in percent (0 when none). */
export function advancePercentOff(months: number, discounts: readonly AdvanceDiscount[]): number {
  return Math.max(0, ...discounts.filter((d) => d.months <= months).map((d) => d.percentOff));
}

/** gross × (100 − percentOff)%, rounded down: rounding always favours the resident. */
export function discountedFen(grossFen: Fen, percentOff: number): Fen {
  return fen(Number(divideRounded(BigInt(grossFen) * BigInt(100 - percentOff), 100n, 'down')));
}

/**
 * 预缴优惠 on a bill that covers `months` months in advance (a quarter, a year): the amount
 * off and its formula, or null when no discount of the standard is reached.
 */
export function advanceBillDiscount(
  amountFen: Fen,
  months: number,
  discounts: readonly AdvanceDiscount[],
): { discountFen: Fen; formula: string } | null {
  const percentOff = advancePercentOff(months, discounts);
  if (!percentOff) return null;
  const netFen = discountedFen(amountFen, percentOff);
  return {
    discountFen: fen(amountFen - netFen),
    formula: `预缴 ${months} 个月优惠 ${percentOff}%：${formatYuan(amountFen)} × ${100 - percentOff}% = ${formatYuan(netFen)}`,
  };
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
  const percentOff = advancePercentOff(months, discounts);
  const netFen = discountedFen(grossFen, percentOff);
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
