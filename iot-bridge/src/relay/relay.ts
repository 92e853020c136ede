import type { RelayEvent } from '@linli/shared';
import type { Logger } from '../logger';
import { CloudUnavailable, type CloudClient } from './cloud-client';
import type { DiskQueue } from './disk-queue';

export interface RelayOptions {
  queue: DiskQueue;
  cloud: CloudClient;
  log: Logger;
  /** Events per request (the ingest contract allows 500). */
  batchSize?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

/**
 * Moves queued events to the cloud in batches, oldest first, one request at a time. A failed
 * request is retried with exponential backoff for as long as it takes; nothing leaves the disk
 * queue before the cloud has confirmed it.
 */
export class Relay {
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = false;
  sent = 0;

  constructor(private readonly options: RelayOptions) {}

  /** Entries waiting on disk for the cloud. */
  get pending(): number {
    return this.options.queue.length;
  }

  push(events: readonly RelayEvent[]): void {
    this.options.queue.enqueue(events);
    this.kick();
  }

  kick(): void {
    if (this.stopped || this.running || this.timer) return;
    void this.pump();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async pump(): Promise<void> {
    this.running = true;
    const { queue, cloud, log } = this.options;
    try {
      for (;;) {
        if (this.stopped) return;
        const batch = queue.peek(this.options.batchSize ?? 200);
        if (!batch.files.length) break;
        try {
          await cloud.ingest(batch.events);
        } catch (error) {
          this.failures++;
          const delay = Math.min(
            this.options.maxBackoffMs ?? 30_000,
            (this.options.minBackoffMs ?? 500) * 2 ** Math.min(this.failures - 1, 10),
          );
          const permanent = error instanceof CloudUnavailable && error.permanent;
          log.log(permanent ? 'error' : 'warn', 'relay.retry', {
            events: batch.events.length,
            delay,
            error: (error as Error).message,
          });
          this.timer = setTimeout(() => {
            this.timer = null;
            void this.pump();
          }, delay);
          this.timer.unref();
          return;
        }
        queue.ack(batch);
        this.failures = 0;
        this.sent += batch.events.length;
      }
    } finally {
      this.running = false;
    }
  }
}
