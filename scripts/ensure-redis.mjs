#!/usr/bin/env node
// pretest: the IoT scale-out suite runs two bridges over a real Redis, which it starts itself on a
// free port (tests/helpers/redis.ts). Install Debian's redis-server when missing.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureDebianPackages } from './apt-ensure.mjs';

const present = () => {
  if (process.env.LINLI_REDIS_SERVER) return existsSync(process.env.LINLI_REDIS_SERVER);
  try {
    execSync('command -v redis-server', { stdio: 'ignore', shell: '/bin/bash' });
    return true;
  } catch {
    return false;
  }
};

ensureDebianPackages({
  what: 'redis-server',
  packages: ['redis-server'],
  present,
  hint: 'or point LINLI_REDIS_SERVER at an existing redis-server binary.',
});
