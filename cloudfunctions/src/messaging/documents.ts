import {
  keyId,
  type AttemptOutcome,
  type MessageKind,
  type MessageStatus,
  type SubscribeAnswer,
} from '@linli/shared';
import type { Doc, Store } from '../_lib/store/port';

/** Collection names of the messaging service (indexes: _lib/collections.ts). */
export const OUTBOX = 'outbox';
export const MESSAGE_QUOTA = 'message_quota';
export const MESSAGE_GRANTS = 'message_grants';
export const MESSAGE_PREFS = 'message_prefs';

/** One attempt at subscribeMessage.send, kept on the message forever. */
export interface SendAttempt {
  no: number;
  at: number;
  errcode: number | null;
  errmsg: string;
  outcome: AttemptOutcome;
  durationMs: number;
}

/**
 * One subscription message to one account (collection `outbox`). Its id is
 * (kind, eventKey, account), so the same event never notifies the same person twice.
 */
export interface OutboxMessage extends Doc {
  kind: MessageKind;
  eventKey: string;
  toAccountId: string;
  toOpenid: string;
  /** For staff lists and call lists. */
  estateId: string;
  householdId: string | null;
  templateId: string;
  templateTitle: string;
  /** The card's lines, label → value, in template order (what WeChat shows). */
  fields: Record<string, string>;
  /** subscribeMessage.send's `data`. */
  data: Record<string, { value: string }>;
  page: string | null;
  status: MessageStatus;
  statusReason: string | null;
  attempts: SendAttempt[];
  attemptCount: number;
  /** Due for the sender at this instant while `pending`. */
  nextAttemptAt: number | null;
  claimedAt: number | null;
  sentAt: number | null;
  msgid: string | null;
  createdAt: number;
  updatedAt: number;
}

/** Sends left for one account and template (collection `message_quota`). */
export interface QuotaLedger extends Doc {
  accountId: string;
  templateId: string;
  available: number;
  granted: number;
  used: number;
  /** Set when WeChat answered 43101: our count was wrong, so it went to 0. */
  refusedAt: number | null;
  updatedAt: number;
}

/** One applied `requestSubscribeMessage` result; its id makes a retried grant a no-op. */
export interface QuotaGrant extends Doc {
  accountId: string;
  requestId: string;
  answers: Record<string, SubscribeAnswer>;
  accepted: string[];
  at: number;
}

/** Kinds an account turned off (opt-out, so a new kind starts on). */
export interface MessagePreferences extends Doc {
  accountId: string;
  disabledKinds: MessageKind[];
  updatedAt: number;
}

export const messageId = (kind: MessageKind, eventKey: string, accountId: string): string =>
  keyId('msg', kind, eventKey, accountId);
export const quotaLedgerId = (accountId: string, templateId: string): string =>
  keyId('mquota', accountId, templateId);
export const quotaGrantId = (accountId: string, requestId: string): string =>
  keyId('mgrant', accountId, requestId);
export const preferencesId = (accountId: string): string => keyId('mpref', accountId);

export function messagingCollections(store: Store) {
  return {
    outbox: store.collection<OutboxMessage>(OUTBOX),
    quota: store.collection<QuotaLedger>(MESSAGE_QUOTA),
    grants: store.collection<QuotaGrant>(MESSAGE_GRANTS),
    preferences: store.collection<MessagePreferences>(MESSAGE_PREFS),
  };
}
