#!/usr/bin/env node
// `npm start`: build what is missing or stale, then run the local runtime (cloud functions,
// SQLite, timers, outbox, H5 app) in one process tree. PORT chooses the port.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const h5Index = join(root, 'miniprogram/dist/h5/index.html');
const sources = ['miniprogram/src', 'miniprogram/config', 'shared/src'].map((d) => join(root, d));
const stale = !existsSync(h5Index) || Math.max(...sources.map(newestMtime)) > statSync(h5Index).mtimeMs;
if (stale && process.env.LINLI_SKIP_BUILD !== '1') {
  console.log('构建 H5 应用 / building the H5 app...');
  const built = spawnSync('npm', ['run', 'build:h5'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const children = [
  spawn(process.execPath, ['--import', 'tsx', join(root, 'cloudfunctions/src/local/main.ts')], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  }),
];
const stop = (signal) => children.forEach((child) => child.kill(signal));
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
for (const child of children) {
  child.on('exit', (code) => {
    stop('SIGTERM');
    process.exit(code ?? 0);
  });
}
