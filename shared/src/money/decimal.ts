import { z } from 'zod';

/**
 * Exact decimals as strings ("89.53"). Areas, unit prices and meter readings keep every digit
 * they were entered with; arithmetic goes through bigint so nothing is lost to binary floats.
 */
export const DecimalString = z.string().regex(/^-?\d{1,12}(\.\d{1,6})?$/, '请输入数字，最多 6 位小数');
export type DecimalString = z.infer<typeof DecimalString>;

// Bill runs scale every line: the common exponents are looked up, not built.
const POWERS_OF_TEN: readonly bigint[] = Array.from({ length: 40 }, (_, i) => BigInt(`1${'0'.repeat(i)}`));

/**
 * 10^exponent as a bigint, without the power operator: the mini-program's Babel targets old browsers and
 * rewrites `**` to Math.pow, which throws on bigints, so every decimal rule would fail on phones.
 */
export function pow10(exponent: number): bigint {
  const cached = POWERS_OF_TEN[exponent];
  if (cached !== undefined) return cached;
  if (!Number.isInteger(exponent) || exponent < 0)
    throw new RangeError(`pow10 needs a whole exponent, got ${exponent}`);
  return BigInt(`1${'0'.repeat(exponent)}`);
}

/** A decimal as an integer count of 10^-scale units. */
export interface ScaledInt {
  units: bigint;
  scale: number;
}

/** Parsed decimals by text: bill runs parse the same areas, prices and tier bounds again and again. */
const parsed = new Map<string, Readonly<ScaledInt>>();
const PARSED_CACHE_SIZE = 10_000;

export function parseDecimal(value: string): ScaledInt {
  const known = parsed.get(value);
  if (known) return known;
  if (!/^-?\d+(\.\d+)?$/.test(value)) throw new RangeError(`not a decimal: ${value}`);
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = value.replace('-', '').split('.');
  const units = BigInt(whole + fraction) * (negative ? -1n : 1n);
  // Frozen: one parsed value is shared by every caller of the same text.
  const result = Object.freeze({ units, scale: fraction.length });
  if (parsed.size >= PARSED_CACHE_SIZE) parsed.clear();
  parsed.set(value, result);
  return result;
}

export function formatScaled({ units, scale }: ScaledInt): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/**
 * Rounding rules, named as finance staff name them:
 * - half-up: 四舍五入, halves go away from zero (the default for fees)
 * - half-even: banker's rounding
 * - down: 舍去, towards zero (used where the resident must never be over-charged)
 * - up: 进一, away from zero
 */
export type Rounding = 'half-up' | 'half-even' | 'down' | 'up';

/** numerator / denominator rounded to an integer; denominator must be positive. */
export function divideRounded(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const quotient = abs / denominator;
  const remainder = abs % denominator;
  let rounded = quotient;
  if (remainder !== 0n) {
    const twice = remainder * 2n;
    switch (rounding) {
      case 'down':
        break;
      case 'up':
        rounded += 1n;
        break;
      case 'half-up':
        if (twice >= denominator) rounded += 1n;
        break;
      case 'half-even':
        if (twice > denominator || (twice === denominator && quotient % 2n === 1n)) rounded += 1n;
        break;
    }
  }
  return negative ? -rounded : rounded;
}

/** Multiply exact decimals; the result keeps every digit. */
export function multiplyDecimals(...factors: string[]): ScaledInt {
  return factors
    .map(parseDecimal)
    .reduce(
      (product, factor) => ({ units: product.units * factor.units, scale: product.scale + factor.scale }),
      { units: 1n, scale: 0 },
    );
}

/** Round a scaled decimal to a given number of decimal places. */
export function roundScaled(value: ScaledInt, places: number, rounding: Rounding): ScaledInt {
  if (value.scale <= places) {
    return { units: value.units * pow10(places - value.scale), scale: places };
  }
  return { units: divideRounded(value.units, pow10(value.scale - places), rounding), scale: places };
}

/** Exact sum of decimal strings, e.g. total building area. */
export function sumDecimals(values: string[]): string {
  const parsed = values.map(parseDecimal);
  const scale = Math.max(0, ...parsed.map((v) => v.scale));
  const units = parsed.reduce((total, v) => total + v.units * pow10(scale - v.scale), 0n);
  return formatScaled({ units, scale });
}

function aligned(a: string, b: string): [bigint, bigint, number] {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  const scale = Math.max(x.scale, y.scale);
  return [x.units * pow10(scale - x.scale), y.units * pow10(scale - y.scale), scale];
}

/** Exact a − b, e.g. a meter's consumption between two readings. */
export function subtractDecimals(a: string, b: string): string {
  const [x, y, scale] = aligned(a, b);
  return formatScaled({ units: x - y, scale });
}

/** -1, 0 or 1 as a is less than, equal to or greater than b ("2.50" equals "2.5"). */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Without trailing fraction zeros, for display: "20.000" → "20", "5.50" → "5.5". */
export function trimDecimal(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}
