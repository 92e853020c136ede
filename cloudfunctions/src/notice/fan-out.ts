import { isAppError, type Estate, type Household } from '@linli/shared';
import { findByIds } from '../_lib/find-by-ids';
import type { Logger } from '../_lib/logger';
import type { Doc, Store } from '../_lib/store/port';
import { enqueueMany, type AnyEnqueueRequest } from '../messaging';
import { boundAccounts } from '../messaging/bound-accounts';
import {
  noticeCollections,
  publishEventKey,
  targetHouseholdId,
  type NoticeDoc,
  type TargetHousehold,
} from './documents';
import { noticeMessage } from './notice-message';
import { nextTargetHouseholds } from './target-households';

/** What background notice work needs; `deadline` is when to stop taking new chunks. */
export interface NoticeWorkDeps {
  store: Store;
  now: () => number;
  log: Logger;
  deadline: number;
  /** Households per chunk: one chunk is a few queries plus one small write per account. */
  chunkSize?: number;
  concurrency?: number;
}

export const DEFAULT_CHUNK = 200;

/** Read-tracking records for households, created once (the first open may have made some). */
export async function ensureTargets(
  store: Store,
  notice: Pick<NoticeDoc, '_id' | 'estateId'>,
  households: ReadonlyArray<Household & Doc>,
  now: number,
): Promise<void> {
  const { targets } = noticeCollections(store);
  const existing = await findByIds(
    targets,
    households.map((h) => targetHouseholdId(notice._id, h._id)),
    ['_id'],
  );
  const missing: TargetHousehold[] = households
    .filter((h) => !existing.has(targetHouseholdId(notice._id, h._id)))
    .map((h) => ({
      _id: targetHouseholdId(notice._id, h._id),
      noticeId: notice._id,
      estateId: notice.estateId,
      householdId: h._id,
      buildingId: h.buildingId,
      unitId: h.unitId,
      roomCode: h.roomCode,
      read: false,
      readAt: null,
      firstReaderId: null,
      createdAt: now,
    }));
  try {
    await targets.insertMany(missing);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'DUPLICATE') throw error;
    // An owner opened it between our check and the insert: insert one by one, keeping theirs.
    for (const target of missing)
      await targets.insert(target).catch((e: unknown) => {
        if (!isAppError(e) || e.code !== 'DUPLICATE') throw e;
      });
  }
}

/**
 * Enqueue one message per account bound to these households (an account with two homes in
 * the target gets one). Returns how many were new.
 */
export async function notifyHouseholds(
  deps: Pick<NoticeWorkDeps, 'store' | 'now' | 'concurrency'>,
  notice: NoticeDoc,
  estateName: string,
  householdIds: readonly string[],
  purpose: { eventKey: string; kind: 'publish' | 'remind' },
): Promise<number> {
  const accounts = await boundAccounts(deps.store, householdIds);
  const { fields, page } = noticeMessage(notice, estateName, purpose.kind);
  const seen = new Set<string>();
  const requests: AnyEnqueueRequest[] = [];
  for (const householdId of householdIds) {
    for (const toAccountId of accounts.get(householdId) ?? []) {
      if (seen.has(toAccountId)) continue;
      seen.add(toAccountId);
      requests.push({
        kind: 'notice_published',
        eventKey: purpose.eventKey,
        toAccountId,
        estateId: notice.estateId,
        householdId,
        fields,
        page,
      });
    }
  }
  const outcomes = await enqueueMany(deps.store, requests, {
    now: deps.now(),
    concurrency: deps.concurrency,
  });
  return outcomes.filter((o) => o.status !== 'duplicate').length;
}

export async function estateNameOf(store: Store, estateId: string): Promise<string> {
  return (await store.collection<Estate & Doc>('estates').get(estateId))?.name ?? '';
}

/**
 * Publish fan-out, chunk by chunk, until done or the deadline: for each chunk of targeted
 * households, create their read-tracking records and enqueue a message to each bound account,
 * then move the notice's cursor forward with compare-and-set. Every step is idempotent
 * (deterministic ids), so a crash or a second runner only repeats work, never results.
 * Returns the households done in this call.
 */
export async function fanOutNotice(deps: NoticeWorkDeps, noticeId: string): Promise<number> {
  const { notices } = noticeCollections(deps.store);
  let notice = await notices.get(noticeId);
  if (!notice?.fanout || notice.status !== 'published') return 0;
  if (notice.fanout.state === 'pending') {
    await notices.update(
      noticeId,
      { set: { 'fanout.state': 'running', 'fanout.startedAt': deps.now() } },
      { 'fanout.state': 'pending' },
    );
    notice = await notices.get(noticeId);
  }
  if (notice?.fanout?.state !== 'running') return 0;
  const estateName = await estateNameOf(deps.store, notice.estateId);
  let after = notice.fanout.after;
  let done = 0;
  while (deps.now() < deps.deadline) {
    const chunk = await nextTargetHouseholds(deps.store, notice, after, deps.chunkSize ?? DEFAULT_CHUNK);
    if (chunk.last === null) {
      await notices.update(
        noticeId,
        { set: { 'fanout.state': 'done', 'fanout.finishedAt': deps.now() } },
        { 'fanout.after': after, 'fanout.state': 'running' },
      );
      deps.log.log('info', 'notice.fanout.done', { noticeId, households: notice.fanout.households + done });
      break;
    }
    await ensureTargets(deps.store, notice, chunk.households, deps.now());
    const messages = await notifyHouseholds(
      deps,
      notice,
      estateName,
      chunk.households.map((h) => h._id),
      { eventKey: publishEventKey(noticeId), kind: 'publish' },
    );
    const advanced = await notices.update(
      noticeId,
      {
        set: { 'fanout.after': chunk.last },
        inc: { 'fanout.households': chunk.households.length, 'fanout.messages': messages },
      },
      { 'fanout.after': after, 'fanout.state': 'running', status: 'published' },
    );
    // Another runner moved on, or the notice was withdrawn: leave it to them / stop.
    if (!advanced) break;
    after = chunk.last;
    done += chunk.households.length;
  }
  return done;
}
