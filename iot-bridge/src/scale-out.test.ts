import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockDataDir } from './scale-out';

describe('one live bridge per data directory', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'linli-lock-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('creates a missing directory, and frees it on unlock', () => {
    const dir = join(root, 'fresh', 'iot-bridge');
    const unlock = lockDataDir(dir);
    expect(existsSync(join(dir, 'bridge.lock'))).toBe(true);
    unlock();
    expect(existsSync(join(dir, 'bridge.lock'))).toBe(false);
    lockDataDir(dir)();
  });

  it('refuses a second bridge while the first is alive', () => {
    const unlock = lockDataDir(root);
    expect(() => lockDataDir(root)).toThrow(/已被另一个网关实例/);
    unlock();
  });

  it('takes over the lock of a bridge that died', () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(join(root, 'bridge.lock'), `${dead} 0-old`);
    const unlock = lockDataDir(root);
    unlock();
    expect(existsSync(join(root, 'bridge.lock'))).toBe(false);
  });

  it('takes over a lock naming this very process that it does not hold (a pid reused after a restart)', () => {
    writeFileSync(join(root, 'bridge.lock'), `${process.pid} 0-before-restart`);
    lockDataDir(root)();
  });
});
