import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import MQEmitterRedis from 'mqemitter-redis';
import redisPersistence from 'aedes-persistence-redis';

/**
 * What several bridge instances share so that any of them can serve any device: the message
 * emitter (a publish on one reaches subscribers on all, wills included) and the persistence
 * (subscriptions, retained messages, wills, QoS 1 packets in flight or queued for offline
 * sessions). Without a Redis URL each instance keeps these in memory, alone.
 */
export interface SharedBrokerState {
  mq: unknown;
  persistence: unknown;
  /** After the broker closed (it closes `mq` itself): drop the persistence's Redis connections. */
  close(): Promise<void>;
}

export function redisBrokerState(url: string): SharedBrokerState {
  const redis = new URL(url);
  const options = {
    host: redis.hostname,
    port: Number(redis.port || 6379),
    username: decodeURIComponent(redis.username) || undefined,
    password: decodeURIComponent(redis.password) || undefined,
    db: Number(redis.pathname.slice(1) || 0),
    ...(redis.protocol === 'rediss:' ? { tls: {} } : {}),
  };
  // The package's callback wrapper, as aedes' own default persistence: aedes 1.2 pipes the retained
  // stream, which the wrapper turns from an async iterator into a Node stream.
  const persistence = redisPersistence(options);
  return {
    mq: MQEmitterRedis({ connectionString: url }),
    persistence,
    close: () => persistence.destroy(),
  };
}

/** Locks this process holds (a pid reused after a restart can be our own). */
const held = new Set<string>();

/**
 * One live bridge per data directory: two instances sharing a relay queue would send each
 * other's events and delete each other's files. A lock left by a process that died is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'bridge.lock');
  const owner = `${process.pid} ${Date.now()}-${Math.random().toString(36).slice(2)}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, owner);
      closeSync(fd);
      held.add(owner);
      return () => {
        held.delete(owner);
        if (existsSync(file) && readFileSync(file, 'utf8') === owner) unlinkSync(file);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readFileSync(file, 'utf8');
      const pid = Number(holder.split(' ')[0]);
      if (pid === process.pid ? held.has(holder) : alive(pid))
        throw new Error(
          `数据目录 ${dataDir} 已被另一个网关实例（进程 ${pid}）使用；每个实例需要自己的 LINLI_IOT_DATA_DIR`,
        );
      unlinkSync(file);
    }
  }
  throw new Error(`cannot lock ${file}`);
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
