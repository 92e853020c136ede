import { keyId, type Notice } from '@linli/shared';
import type { Doc, Store } from '../_lib/store/port';

/** Collection names of notices (indexes: _lib/collections.ts). */
export const NOTICES = 'notices';
export const NOTICE_TARGETS = 'notice_targets';
export const NOTICE_READS = 'notice_reads';
export const NOTICE_REMINDS = 'notice_reminds';

export type NoticeDoc = Notice & Doc;

/**
 * A household a published notice is for, and whether anyone of it has read it (read
 * tracking per household). Written by the fan-out, or by the first open if that comes first.
 */
export interface TargetHousehold extends Doc {
  noticeId: string;
  estateId: string;
  householdId: string;
  buildingId: string;
  unitId: string;
  roomCode: string;
  read: boolean;
  readAt: number | null;
  /** The account whose open made the household read. */
  firstReaderId: string | null;
  createdAt: number;
}

/** One account's read of a notice (read tracking per account). */
export interface AccountRead extends Doc {
  noticeId: string;
  estateId: string;
  accountId: string;
  /** The caller's households the notice is for, at the time of reading. */
  householdIds: string[];
  readAt: number;
}

/** One 一键提醒 round: unread households at the time of sending get a reminder message. */
export interface RemindRound extends Doc {
  noticeId: string;
  estateId: string;
  round: number;
  state: 'pending' | 'running' | 'done' | 'cancelled';
  /** The last target-household id done; the next chunk starts after it. */
  after: string | null;
  households: number;
  messages: number;
  requestedAt: number;
  requestedBy: string;
  requestedByName: string;
  finishedAt: number | null;
}

export const targetHouseholdId = (noticeId: string, householdId: string): string =>
  keyId('ntgt', noticeId, householdId);
export const accountReadId = (noticeId: string, accountId: string): string =>
  keyId('nread', noticeId, accountId);
export const remindRoundId = (noticeId: string, round: number): string => keyId('nrem', noticeId, round);

/** Message event keys: the publish itself, and each reminder round. */
export const publishEventKey = (noticeId: string): string => noticeId;
export const remindEventKey = (noticeId: string, round: number): string => `${noticeId}.r${round}`;

export function noticeCollections(store: Store) {
  return {
    notices: store.collection<NoticeDoc>(NOTICES),
    targets: store.collection<TargetHousehold>(NOTICE_TARGETS),
    reads: store.collection<AccountRead>(NOTICE_READS),
    reminds: store.collection<RemindRound>(NOTICE_REMINDS),
  };
}
