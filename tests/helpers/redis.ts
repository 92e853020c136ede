import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';

/** A throwaway redis-server: loopback, a free port, a temp dir, nothing saved to disk. */
export interface TestRedis {
  url: string;
  /** Empty every key (between tests). */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/** LINLI_REDIS_SERVER, else redis-server on PATH (Debian's package, installed by the pretest). */
function redisServerPath(): string | null {
  const configured = process.env.LINLI_REDIS_SERVER;
  if (configured) return existsSync(configured) ? configured : null;
  try {
    return execSync('command -v redis-server', { encoding: 'utf8', shell: '/bin/bash' }).trim() || null;
  } catch {
    return null;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startRedis(): Promise<TestRedis> {
  const binary = redisServerPath();
  if (!binary)
    throw new Error(
      'redis-server is not installed, and the IoT scale-out tests need a real one. `npm test` installs it ' +
        '(pretest: scripts/ensure-redis.mjs, as root); otherwise run `sudo apt-get install -y redis-server` ' +
        'or set LINLI_REDIS_SERVER to a redis-server binary.',
    );
  const dir = mkdtempSync(join(tmpdir(), 'linli-redis-'));
  const port = await freePort();
  const server: ChildProcess = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  server.on('error', (error) => (output += `\n${error.message}`));
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `redis://127.0.0.1:${port}/0`;
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let waited = 0; !output.includes('Ready to accept connections'); waited += 20) {
    if (server.exitCode !== null || waited > 10_000) {
      await stop();
      throw new Error(`redis-server did not start on port ${port}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const admin = new Redis(url, { maxRetriesPerRequest: 1 });
  await admin.ping();
  return {
    url,
    async flush() {
      await admin.flushall();
    },
    async stop() {
      admin.disconnect();
      await stop();
    },
  };
}
