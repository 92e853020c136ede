import type { Store } from '../../_lib/store/port';
import { insertOnce } from '../idempotent-writes';

/**
 * A subscription message waiting to be sent. The local runtime shows the outbox as WeChat
 * would (/outbox); in production the subscription-message service (with its quota ledger)
 * replaces this module: billing only ever calls `enqueueMessage`.
 */
export type OutboxMessage = {
  _id: string;
  createdAt: number;
  toOpenid: string;
  kind: 'bill_due';
  templateTitle: string;
  /** Template fields by their label; the sender maps them to the template's keys. */
  fields: Record<string, string>;
  status: 'pending';
  page: string;
};

/** Queue a message under a deterministic id; true if queued now, false if it was already. */
export function enqueueMessage(store: Store, message: OutboxMessage): Promise<boolean> {
  return insertOnce(() => store.collection<OutboxMessage>('outbox').insert(message));
}
