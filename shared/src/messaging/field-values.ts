import type { Fen } from '../money/money';
import { shanghai, type Instant } from '../time/shanghai';

/**
 * Domain values written the way WeChat's value types accept them. WeChat's own examples
 * write dates in Chinese (`2019年10月1日 15:01`); ISO-like text is widely used but not
 * documented, so we keep to the documented form.
 */

/** 21040 → '¥210.40': no thousands separator (a comma is not allowed in an amount). */
export function amountValue(amount: Fen): string {
  if (amount < 0) throw new RangeError('a message amount cannot be negative');
  return `¥${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, '0')}`;
}

/** An instant as a Shanghai date and time: '2026年11月29日 09:05'. */
export function timeValue(instant: Instant): string {
  return shanghai(instant).format('YYYY年M月D日 HH:mm');
}

/** A calendar date 'YYYY-MM-DD' as '2026年12月15日'. */
export function dateValue(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** A billing period 'YYYY-MM' as '2026年11月'. */
export function periodValue(period: string): string {
  const [year, month] = period.split('-').map(Number);
  return `${year}年${month}月`;
}
