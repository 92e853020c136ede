import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { RelayEvent } from '@linli/shared';

/**
 * A small durable queue of relay events: each enqueue is one file, written to a temporary name,
 * fsynced and renamed, so a crash leaves either the whole entry or none. Entries are sent
 * oldest first and deleted only after the cloud confirmed them; the cloud applies each event
 * once (idempotency by event id), so a resend after a crash duplicates nothing.
 */
export interface QueuedBatch {
  files: string[];
  events: RelayEvent[];
}

const ENTRY = /^(\d{16})\.json$/;

export class DiskQueue {
  private seq: number;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    const last = this.entries().at(-1);
    this.seq = last ? Number(ENTRY.exec(last)![1]) : 0;
  }

  private entries(): string[] {
    return readdirSync(this.dir)
      .filter((name) => ENTRY.test(name))
      .sort();
  }

  get length(): number {
    return this.entries().length;
  }

  enqueue(events: readonly RelayEvent[]): void {
    if (!events.length) return;
    const name = `${String(++this.seq).padStart(16, '0')}.json`;
    const tmp = join(this.dir, `.${name}.tmp`);
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, JSON.stringify(events));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, join(this.dir, name));
  }

  /** The oldest entries, up to about `maxEvents` events (at least one entry). Corrupt entries are set aside. */
  peek(maxEvents: number): QueuedBatch {
    const batch: QueuedBatch = { files: [], events: [] };
    for (const name of this.entries()) {
      const path = join(this.dir, name);
      let events: RelayEvent[];
      try {
        events = RelayEvent.array().parse(JSON.parse(readFileSync(path, 'utf8')));
      } catch {
        renameSync(path, join(this.dir, `${name}.corrupt`));
        continue;
      }
      if (batch.events.length && batch.events.length + events.length > maxEvents) break;
      batch.files.push(name);
      batch.events.push(...events);
    }
    return batch;
  }

  ack(batch: QueuedBatch): void {
    for (const name of batch.files) {
      try {
        unlinkSync(join(this.dir, name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  }
}
