import { divideRounded, parseDecimal, pow10 } from '../money/decimal';
import { fen, formatYuan, type Fen } from '../money/money';
import { daysBetween, type LocalDate } from '../time/shanghai';
import type { LateFeeRule } from './fee-standard';

export interface LateFee {
  amountFen: Fen;
  /** Days past the due date. */
  overdueDays: number;
  /** Days charged: those beyond the grace days. */
  chargedDays: number;
  capped: boolean;
  formula: string;
}

/**
 * 滞纳金 of an unpaid amount on a given day. Computed when read, never stored: it grows each
 * day, and a stored figure would go stale between the daily job's runs. The Payments flow
 * freezes it into `lateFeePaidFen` when the bill is paid.
 *
 * Days are counted from the due date (the due date itself is not late); nothing is charged
 * while the overdue days are within the grace days, and then only the days beyond them.
 * Rounded down: a resident is never charged a fraction of a fen more than the rule says.
 */
export function lateFeeOf(input: {
  outstandingFen: Fen;
  dueDate: LocalDate;
  asOf: LocalDate;
  rule: LateFeeRule | null;
}): LateFee | null {
  const { outstandingFen, rule } = input;
  if (!rule || outstandingFen <= 0) return null;
  const overdueDays = daysBetween(input.dueDate, input.asOf);
  const chargedDays = overdueDays - rule.graceDays;
  if (chargedDays <= 0) return null;
  if (rule.kind === 'fixed')
    return {
      amountFen: rule.amountFen,
      overdueDays,
      chargedDays,
      capped: false,
      formula: `逾期 ${overdueDays} 天（宽限 ${rule.graceDays} 天），滞纳金 ${formatYuan(rule.amountFen)}`,
    };
  const rate = parseDecimal(rule.dailyRatePercent);
  const raw = fen(
    Number(
      divideRounded(
        BigInt(outstandingFen) * rate.units * BigInt(chargedDays),
        100n * pow10(rate.scale),
        'down',
      ),
    ),
  );
  const caps: Fen[] = [];
  if (rule.capPercentOfPrincipal !== null)
    caps.push(
      fen(Number(divideRounded(BigInt(outstandingFen) * BigInt(rule.capPercentOfPrincipal), 100n, 'down'))),
    );
  if (rule.capFen !== null) caps.push(rule.capFen);
  const cap = caps.length ? fen(Math.min(...caps)) : null;
  const capped = cap !== null && raw > cap;
  const amountFen = capped ? cap : raw;
  const grace = rule.graceDays ? `（逾期 ${overdueDays} 天，宽限 ${rule.graceDays} 天）` : '';
  const formula = `${formatYuan(outstandingFen)} × ${rule.dailyRatePercent}%/天 × ${chargedDays} 天${grace}${grace ? '' : ' '}= ${formatYuan(raw)}${capped ? `，封顶 ${formatYuan(amountFen)}` : ''}`;
  return { amountFen, overdueDays, chargedDays, capped, formula };
}
