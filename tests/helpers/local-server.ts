import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '../..');

export interface LocalServer {
  url: string;
  port: number;
  dataDir: string;
  output: () => string;
  /** SIGTERM, then remove the data directory unless it was passed in. */
  stop(): Promise<void>;
  /** SIGKILL the whole process tree at once, as a crash or power cut would; keeps the data. */
  kill(): Promise<void>;
  /** SIGSTOP / SIGCONT the process tree: hold it still to look at its data, then kill or let it go on. */
  freeze(): void;
  thaw(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Start `npm start`'s entry (scripts/start.mjs) on a free port with a fresh data directory, as a
 * newcomer would run it, and wait for /healthz. The H5 app must already be built (npm test does).
 */
export async function startLocalServer(
  options: {
    env?: Record<string, string>;
    timeoutMs?: number;
    dataDir?: string;
    /** A restart keeps its address, so the notify_url WeChat holds still reaches it. */
    port?: number;
  } = {},
): Promise<LocalServer> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'linli-e2e-'));
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, 'scripts/start.mjs')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      LINLI_DATA_DIR: dataDir,
      LINLI_SKIP_BUILD: '1',
      LINLI_TIMERS: 'off',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`local runtime exited (${child.exitCode}):\n${output}`);
    const healthy = await fetch(`${url}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      process.kill(-child.pid!, 'SIGKILL');
      throw new Error(`local runtime did not become healthy:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    url,
    port,
    dataDir,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        process.kill(-child.pid!, 'SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
        clearTimeout(timer); // a pending 5 s timer would keep jest from exiting
        if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
      }
      child.stdout?.destroy();
      child.stderr?.destroy();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    freeze: () => process.kill(-child.pid!, 'SIGSTOP'),
    thaw: () => process.kill(-child.pid!, 'SIGCONT'),
    async kill() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
      child.stdout?.destroy();
      child.stderr?.destroy();
    },
  };
}
