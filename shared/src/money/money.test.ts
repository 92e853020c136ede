import {
  addFen,
  fen,
  formatYuan,
  multiplyToFen,
  prorateFen,
  scaleFen,
  subtractFen,
  yuanToFen,
} from './money';
import {
  divideRounded,
  multiplyDecimals,
  parseDecimal,
  roundScaled,
  formatScaled,
  sumDecimals,
  subtractDecimals,
  compareDecimals,
  trimDecimal,
} from './decimal';

describe('money in integer fen', () => {
  it('multiplies an exact area by a unit price and rounds once: 89.53 m² × ¥2.35 = ¥210.40', () => {
    expect(multiplyToFen('89.53', '2.35')).toBe(21040);
    expect(formatYuan(multiplyToFen('89.53', '2.35'))).toBe('¥210.40');
  });

  it('keeps every digit until the final rounding (no float drift)', () => {
    // 0.1 + 0.2 style drift would make 1.005 × 100 = 100.49999…
    expect(multiplyToFen('1', '1.005')).toBe(101);
    expect(multiplyToFen('3', '0.335')).toBe(101); // 100.5 fen → 101
    expect(multiplyToFen('118.76', '2.8')).toBe(33253); // 33252.8 → 33253
  });

  it('applies each rounding rule as named', () => {
    expect(multiplyToFen('1', '0.125', 'half-up')).toBe(13);
    expect(multiplyToFen('1', '0.125', 'half-even')).toBe(12);
    expect(multiplyToFen('1', '0.135', 'half-even')).toBe(14);
    expect(multiplyToFen('1', '0.129', 'down')).toBe(12);
    expect(multiplyToFen('1', '0.121', 'up')).toBe(13);
  });

  it('rounds negative amounts away from zero on halves', () => {
    expect(divideRounded(-5n, 2n, 'half-up')).toBe(-3n);
    expect(divideRounded(-5n, 2n, 'down')).toBe(-2n);
    expect(divideRounded(5n, 2n, 'half-even')).toBe(2n);
  });

  it('parses yuan text, with symbol and separators, and refuses sub-fen amounts', () => {
    expect(yuanToFen('1234.5')).toBe(123450);
    expect(yuanToFen('¥1,234.50')).toBe(123450);
    expect(yuanToFen('-0.01')).toBe(-1);
    expect(() => yuanToFen('1.005')).toThrow(RangeError);
    expect(() => yuanToFen('abc')).toThrow(RangeError);
  });

  it('formats with thousands separators and a sign', () => {
    expect(formatYuan(fen(123450))).toBe('¥1,234.50');
    expect(formatYuan(fen(-100))).toBe('-¥1.00');
    expect(formatYuan(fen(5))).toBe('¥0.05');
    expect(formatYuan(fen(100000000))).toBe('¥1,000,000.00');
    expect(formatYuan(fen(100), { symbol: false })).toBe('1.00');
  });

  it('scales by a discount and prorates by days', () => {
    expect(scaleFen(fen(210400), '0.95')).toBe(199880);
    expect(prorateFen(fen(21040), 16, 30)).toBe(11221); // 11221.33
    expect(prorateFen(fen(21040), 30, 30)).toBe(21040);
    expect(() => prorateFen(fen(100), 1.5, 30)).toThrow(RangeError);
  });

  it('adds and subtracts only safe integers', () => {
    expect(addFen(fen(1), fen(2), fen(3))).toBe(6);
    expect(subtractFen(fen(10), fen(25))).toBe(-15);
    expect(() => fen(1.5)).toThrow(RangeError);
    expect(() => fen(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });
});

describe('exact decimals', () => {
  it('parses, multiplies, rounds and formats without losing digits', () => {
    expect(parseDecimal('-12.340')).toEqual({ units: -12340n, scale: 3 });
    expect(formatScaled(multiplyDecimals('89.53', '2.35'))).toBe('210.3955');
    expect(formatScaled(roundScaled(parseDecimal('2.345'), 2, 'half-up'))).toBe('2.35');
    expect(formatScaled(roundScaled(parseDecimal('2.5'), 3, 'down'))).toBe('2.500');
    expect(formatScaled({ units: -5n, scale: 2 })).toBe('-0.05');
  });

  it('sums areas exactly', () => {
    expect(sumDecimals(['89.53', '118.76', '0.01'])).toBe('208.30');
    expect(sumDecimals([])).toBe('0');
  });

  it('subtracts and compares exactly, whatever the number of decimals', () => {
    expect(subtractDecimals('1247.0', '1234.55')).toBe('12.45');
    expect(subtractDecimals('3', '5.5')).toBe('-2.5');
    expect(compareDecimals('2.50', '2.5')).toBe(0);
    expect(compareDecimals('0.1', '0.09')).toBe(1);
    expect(compareDecimals('-1', '0')).toBe(-1);
    expect(trimDecimal('20.000')).toBe('20');
    expect(trimDecimal('5.50')).toBe('5.5');
    expect(trimDecimal('100')).toBe('100');
  });

  it('refuses text that is not a decimal', () => {
    expect(() => parseDecimal('1e3')).toThrow(RangeError);
    expect(() => parseDecimal('')).toThrow(RangeError);
  });
});
