import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

/** Patterns of key material that must never be committed (keys are generated into .data/). */
const SECRET_PATTERNS: Array<[string, RegExp]> = [
  ['PEM private key or certificate', /-----BEGIN (?:RSA |EC |ENCRYPTED )?(?:PRIVATE KEY|CERTIFICATE)-----/],
  ['Tencent Cloud SecretId', /\bAKID[A-Za-z0-9]{32}\b/],
  ['WeChat Pay APIv3 key assignment', /api_?v3_?key\s*[:=]\s*['"][A-Za-z0-9]{32}['"]/i],
];

describe('the repository holds no secrets', () => {
  it('no tracked file contains key material', () => {
    const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(
        (f) =>
          f &&
          !f.endsWith('.png') &&
          !f.endsWith('package-lock.json') &&
          f !== 'tests/integration/no-secrets.test.ts',
      );
    const found: string[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(join(root, file), 'utf8');
      } catch {
        continue; // deleted in the working tree
      }
      for (const [what, pattern] of SECRET_PATTERNS) if (pattern.test(text)) found.push(`${file}: ${what}`);
    }
    expect(found).toEqual([]);
  });
});
