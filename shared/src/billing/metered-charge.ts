import { compareDecimals, subtractDecimals, trimDecimal } from '../money/decimal';
import { addFen, formatYuan, multiplyToFen, type Fen } from '../money/money';
import type { Rounding } from '../money/decimal';
import type { BillLine } from './bill';
import { priceText, type Tier } from './fee-standard';

const ORDINALS = ['一', '二', '三', '四', '五'];

function minDecimal(a: string, b: string): string {
  return compareDecimals(a, b) <= 0 ? a : b;
}

/**
 * 阶梯 pricing of one period's consumption: each tier charges the part of the consumption
 * that falls inside it at its own price. Each tier's line is rounded on its own and the bill
 * is their sum, so every figure on the bill can be checked.
 */
export function tieredCharge(input: {
  quantity: string;
  unit: string;
  tiers: readonly Tier[];
  rounding: Rounding;
  itemName: string;
}): { lines: BillLine[]; amountFen: Fen } {
  const { quantity, unit, tiers } = input;
  const lines: BillLine[] = [];
  let lower = '0';
  tiers.forEach((tier, i) => {
    if (compareDecimals(quantity, lower) <= 0) return;
    const upper = tier.upTo === null ? quantity : minDecimal(quantity, tier.upTo);
    const part = trimDecimal(subtractDecimals(upper, lower));
    const amount = multiplyToFen(part, tier.unitPrice, input.rounding);
    const range =
      tier.upTo === null
        ? `${trimDecimal(lower)} ${unit} 以上`
        : `${trimDecimal(lower)}–${trimDecimal(tier.upTo)} ${unit}`;
    lines.push({
      label:
        tiers.length > 1 ? `${input.itemName} 第${ORDINALS[i] ?? i + 1}阶梯（${range}）` : input.itemName,
      formula: `${part} ${unit} × ${priceText(tier.unitPrice)}/${unit} = ${formatYuan(amount)}`,
      amountFen: amount,
    });
    if (tier.upTo !== null) lower = tier.upTo;
  });
  return { lines, amountFen: addFen(...lines.map((l) => l.amountFen)) };
}
