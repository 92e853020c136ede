import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RelayEvent } from '@linli/shared';
import { DiskQueue } from './disk-queue';

const event = (n: number): RelayEvent => ({
  eventId: `ev_test_${String(n).padStart(4, '0')}`,
  kind: 'state',
  deviceId: 'dev_fp01',
  estateId: 'est_a',
  at: 1_780_000_000_000 + n,
  online: true,
  metrics: { pressure: 0.5 },
  flags: {},
  faultCode: null,
  malformed: 0,
});

describe('the relay disk queue', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'linli-queue-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('hands out entries oldest first in batches and forgets them only when acknowledged', () => {
    const queue = new DiskQueue(dir);
    for (let n = 0; n < 5; n++) queue.enqueue([event(n)]);
    const first = queue.peek(2);
    expect(first.events.map((e) => e.at % 1000)).toEqual([0, 1]);
    expect(queue.peek(2).events.map((e) => e.at % 1000)).toEqual([0, 1]);
    queue.ack(first);
    expect(queue.peek(10).events.map((e) => e.at % 1000)).toEqual([2, 3, 4]);
  });

  it('keeps what was queued across a restart and continues the numbering', () => {
    new DiskQueue(dir).enqueue([event(1), event(2)]);
    const reopened = new DiskQueue(dir);
    reopened.enqueue([event(3)]);
    expect(reopened.length).toBe(2);
    expect(reopened.peek(10).events.map((e) => e.at % 1000)).toEqual([1, 2, 3]);
  });

  it('sets a corrupt entry aside instead of blocking the queue', () => {
    const queue = new DiskQueue(dir);
    queue.enqueue([event(1)]);
    writeFileSync(join(dir, '0000000000000000.json'), '{"half":');
    expect(queue.peek(10).events.map((e) => e.at % 1000)).toEqual([1]);
    expect(readdirSync(dir)).toContain('0000000000000000.json.corrupt');
  });

  it('never leaves a half-written entry behind (temporary names are not entries)', () => {
    writeFileSync(join(dir, '.0000000000000001.json.tmp'), '[');
    expect(new DiskQueue(dir).peek(10).events).toEqual([]);
  });
});
