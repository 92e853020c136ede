import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pow10 } from '@linli/shared';

const root = resolve(__dirname, '../..');

/** `10n ** x` or `** BigInt(…)`: the mini-program's Babel turns `**` into Math.pow, which throws on bigints. */
const BIGINT_POWER = /\d+n\s*\*\*|\*\*\s*BigInt\(/;

describe('decimal arithmetic runs in the mini-program too', () => {
  it('no code the mini-program bundles raises a bigint with **', () => {
    const files = execFileSync(
      'git',
      ['ls-files', '-co', '--exclude-standard', 'shared/src', 'miniprogram/src'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    )
      .split('\n')
      .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'));
    const offenders = files.filter((file) => BIGINT_POWER.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('pow10 gives exact powers of ten, beyond its table as well', () => {
    expect(pow10(0)).toBe(1n);
    expect(pow10(2)).toBe(100n);
    expect(pow10(45)).toBe(BigInt(`1${'0'.repeat(45)}`));
    expect(() => pow10(-1)).toThrow(RangeError);
    expect(() => pow10(1.5)).toThrow(RangeError);
  });
});
