import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { SimFaults, SimOrder, SimRefund } from './simulator';

/** A notification WeChat still owes us: the exact bytes, and when the next attempt is due. */
export interface PendingNotification {
  /** The event id, with `#n` for an extra copy (the duplicate fault). */
  id: string;
  outTradeNo: string;
  url: string;
  body: string;
  tamper: SimFaults['tamper'];
  /** 1 for the first delivery; attempt n waits NOTIFY_RETRY_SECONDS[n - 2] after attempt n - 1. */
  attempt: number;
  /** Wall-clock ms: retries run on real time even when the business clock is moved. */
  dueAt: number;
}

/**
 * What WeChat Pay's servers remember: orders, refunds and the notifications not yet
 * acknowledged. Kept apart from our database, so a crash, a restart or a restore of our
 * backup cannot make WeChat forget a payment.
 */
export interface SimState {
  load(): { orders: SimOrder[]; refunds: SimRefund[]; notifications: PendingNotification[] };
  saveOrder(order: SimOrder): void;
  saveRefund(refund: SimRefund): void;
  saveNotification(notification: PendingNotification): void;
  /** Acknowledged, or the retry schedule ran out. */
  dropNotification(id: string): void;
  /** Everything written inside `work` is kept together or not at all. */
  atomically(work: () => void): void;
  close(): void;
}

/** Tests that never restart the simulator: nothing is written. */
export const memorySimState = (): SimState => ({
  load: () => ({ orders: [], refunds: [], notifications: [] }),
  saveOrder: () => undefined,
  saveRefund: () => undefined,
  saveNotification: () => undefined,
  dropNotification: () => undefined,
  atomically: (work) => work(),
  close: () => undefined,
});

const TABLES = ['orders', 'refunds', 'notifications'] as const;
type Table = (typeof TABLES)[number];

/** One SQLite file (WAL, as our own database), one JSON row per order, refund and pending notification. */
export function sqliteSimState(file: string): SimState {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  for (const table of TABLES)
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
  const upserts = Object.fromEntries(
    TABLES.map((t) => [t, db.prepare(`INSERT OR REPLACE INTO ${t} (id, doc) VALUES (?, ?)`)]),
  ) as Record<Table, Database.Statement>;
  const all = <T>(table: Table): T[] =>
    (db.prepare(`SELECT doc FROM ${table} ORDER BY rowid`).all() as Array<{ doc: string }>).map(
      (row) => JSON.parse(row.doc) as T,
    );
  const deleteNotification = db.prepare('DELETE FROM notifications WHERE id = ?');
  return {
    load: () => ({
      orders: all<SimOrder>('orders'),
      refunds: all<SimRefund>('refunds'),
      notifications: all<PendingNotification>('notifications'),
    }),
    saveOrder: (order) => void upserts.orders.run(order.out_trade_no, JSON.stringify(order)),
    saveRefund: (refund) => void upserts.refunds.run(refund.out_refund_no, JSON.stringify(refund)),
    saveNotification: (n) => void upserts.notifications.run(n.id, JSON.stringify(n)),
    dropNotification: (id) => void deleteNotification.run(id),
    atomically: (work) => db.transaction(work)(),
    close: () => db.close(),
  };
}
