import { z } from 'zod';
import { divideRounded, multiplyDecimals, parseDecimal, pow10, type Rounding } from './decimal';

/** Money is an integer count of fen (分). Never a float, never yuan, until it is shown. */
export type Fen = number & { readonly __brand: 'Fen' };

export const FenSchema = z
  .number()
  .int('金额必须以分为单位的整数')
  .refine(Number.isSafeInteger, '金额超出范围')
  .transform((n) => n as Fen);

export function fen(value: number): Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`fen must be a safe integer, got ${value}`);
  return value as Fen;
}

export const ZERO = fen(0);

export function addFen(...amounts: Fen[]): Fen {
  return fen(amounts.reduce((total, amount) => total + amount, 0));
}

export function subtractFen(minuend: Fen, subtrahend: Fen): Fen {
  return fen(minuend - subtrahend);
}

function toFen(units: bigint): Fen {
  if (units > BigInt(Number.MAX_SAFE_INTEGER) || units < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError('amount out of range');
  }
  return fen(Number(units));
}

/** "1234.5" or "¥1,234.50" → 123450. More than two decimals are refused, not rounded. */
export function yuanToFen(yuan: string): Fen {
  const cleaned = yuan.trim().replace(/^¥/, '').replace(/,/g, '');
  const { units, scale } = parseDecimal(cleaned);
  if (scale > 2) throw new RangeError(`amount has more than 2 decimals: ${yuan}`);
  return toFen(units * pow10(2 - scale));
}

/**
 * quantity × unit price (in yuan, any precision) → fen, rounded once at the end.
 * 89.53 m² × ¥2.35 = 21039.55 fen → 21040 fen (half-up) = ¥210.40.
 */
export function multiplyToFen(quantity: string, unitPriceYuan: string, rounding: Rounding = 'half-up'): Fen {
  const product = multiplyDecimals(quantity, unitPriceYuan, '100');
  return toFen(divideRounded(product.units, pow10(product.scale), rounding));
}

/** amount × an exact decimal factor (a discount such as "0.95", a rate) → fen. */
export function scaleFen(amount: Fen, factor: string, rounding: Rounding = 'half-up'): Fen {
  const product = multiplyDecimals(String(amount), factor);
  return toFen(divideRounded(product.units, pow10(product.scale), rounding));
}

/** amount × numerator / denominator, e.g. proration by days (16 of 30 days). */
export function prorateFen(
  amount: Fen,
  numerator: number,
  denominator: number,
  rounding: Rounding = 'half-up',
): Fen {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator)) {
    throw new RangeError('proration needs whole numbers');
  }
  return toFen(divideRounded(BigInt(amount) * BigInt(numerator), BigInt(denominator), rounding));
}

/** 123450 → "¥1,234.50"; -100 → "-¥1.00". Only at the edge (UI, messages, exports). */
export function formatYuan(amount: Fen, options: { symbol?: boolean } = {}): string {
  const symbol = options.symbol === false ? '' : '¥';
  const negative = amount < 0;
  const abs = Math.abs(amount);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${symbol}${whole}.${cents}`;
}
