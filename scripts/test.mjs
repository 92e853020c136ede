#!/usr/bin/env node
// `npm test`: typecheck, lint, build the weapp/h5/function outputs the later suites load, then
// every jest project (unit, integration, simulate, e2e). Stops at the first failing step.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, '.cache/jest-results.json');
mkdirSync(dirname(results), { recursive: true });

const steps = [
  ['typecheck', 'npm', ['run', 'typecheck']],
  ['lint', 'npm', ['run', 'lint']],
  ['build weapp', 'npm', ['run', 'build:weapp']],
  ['build h5', 'npm', ['run', 'build:h5']],
  ['build functions', 'npm', ['run', 'build:functions']],
  ['jest', 'npx', ['jest', '--ci', `--outputFile=${results}`, '--json', ...process.argv.slice(2)]],
];

for (const [name, command, args] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const run = spawnSync(command, args, {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  console.log(`${run.status === 0 ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (name === 'jest') {
    try {
      const summary = JSON.parse(readFileSync(results, 'utf8'));
      console.log(
        `\n${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests} skipped`,
      );
    } catch {
      console.log('\n0 passed, 1 failed');
    }
  }
  if (run.status !== 0) process.exit(run.status ?? 1);
}
