import {
  dueDateForStep,
  dunningAttemptId,
  dunningCallId,
  dunningStepKey,
  fen,
  formatYuan,
  keyId,
  OPEN_STATUSES,
  outstandingOf,
  type DunningAttempt,
  type DunningCall,
  type Estate,
  type LocalDate,
} from '@linli/shared';
import { findAll, type Collections } from '../../_lib/collections';
import type { Store } from '../../_lib/store/port';
import { groupByHousehold } from '../group-by-household';
import { insertOnce } from '../idempotent-writes';
import { enqueueMessage } from './outbox';
import { dunningScheduleOf } from './settings';

/** Ids per `in` query, well below any page or request limit. */
const BATCH = 500;

export interface DunningSummary {
  attempts: number;
  messages: number;
  calls: number;
}

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

function reminder(offsetDays: number): string {
  if (offsetDays < 0) return `将于 ${-offsetDays} 天后到期，请及时缴纳`;
  return offsetDays === 0 ? '今天到期，请及时缴纳' : `已逾期 ${offsetDays} 天，请尽快缴纳`;
}

/** The openids of every account bound to each household. */
async function recipientsOf(
  db: Collections,
  householdIds: string[],
): Promise<Map<string, Array<{ accountId: string; openid: string }>>> {
  const recipients = new Map<string, Array<{ accountId: string; openid: string }>>();
  for (const ids of batches(householdIds)) {
    const bindings = await findAll(db.bindings, { where: { householdId: { in: ids }, status: 'approved' } });
    const accountIds = [...new Set(bindings.map((b) => b.accountId))];
    const accounts = new Map<string, string>();
    for (const some of batches(accountIds))
      for (const account of await findAll(
        db.accounts,
        { where: { _id: { in: some } } },
        { fields: ['openid'] },
      ))
        accounts.set(account._id, account.openid);
    for (const binding of bindings) {
      const openid = accounts.get(binding.accountId);
      if (!openid) continue;
      const list = recipients.get(binding.householdId) ?? [];
      list.push({ accountId: binding.accountId, openid });
      recipients.set(binding.householdId, list);
    }
  }
  return recipients;
}

/** One step of one estate on one day: the open bills due `offsetDays` ago (or ahead). */
async function remindStep(
  deps: { db: Collections; store: Store; now: () => number },
  estate: Estate,
  offsetDays: number,
  today: LocalDate,
  summary: DunningSummary,
): Promise<void> {
  const { db } = deps;
  const dueDate = dueDateForStep(today, offsetDays);
  const bills = await findAll(db.bills, {
    where: { estateId: estate._id, status: { in: [...OPEN_STATUSES] }, dueDate },
  });
  if (!bills.length) return;
  const done = new Set<string>();
  for (const ids of batches(bills.map((b) => dunningAttemptId(b._id, offsetDays))))
    for (const attempt of await findAll(
      db.dunningAttempts,
      { where: { _id: { in: ids } } },
      { fields: ['_id'] },
    ))
      done.add(attempt._id);
  const byHousehold = groupByHousehold(bills);
  const pending = [...byHousehold.entries()].filter(([, own]) =>
    own.some((b) => !done.has(dunningAttemptId(b._id, offsetDays))),
  );
  if (!pending.length) return;
  const recipients = await recipientsOf(
    db,
    pending.map(([householdId]) => householdId),
  );
  const step = dunningStepKey(offsetDays);
  const at = deps.now();

  for (const [householdId, own] of pending) {
    const to = recipients.get(householdId) ?? [];
    const total = own.reduce((sum, b) => sum + outstandingOf(b), 0);
    const names = [...new Set(own.map((b) => b.itemName))];
    // Messages and call entries first, attempts last: a crash between them re-sends nothing
    // (their ids are deterministic) and the re-run still records the attempts.
    const messageIds: string[] = [];
    for (const recipient of to) {
      const _id = keyId('msg', 'bill_due', householdId, dueDate, step, recipient.accountId);
      messageIds.push(_id);
      const queued = await enqueueMessage(deps.store, {
        _id,
        createdAt: at,
        toOpenid: recipient.openid,
        kind: 'bill_due',
        templateTitle: '缴费提醒',
        fields: {
          房屋: `${estate.name} ${own[0]!.roomCode}`,
          缴费项目: names.length > 1 ? `${names[0]}等 ${own.length} 项` : names[0]!,
          应缴金额: formatYuan(fen(total)),
          截止日期: dueDate,
          温馨提示: reminder(offsetDays),
        },
        status: 'pending',
        page: `pages/bills/index?householdId=${householdId}`,
      });
      if (queued) summary.messages++;
    }
    const callId = to.length ? null : dunningCallId(householdId, dueDate, offsetDays);
    if (callId) {
      const call: DunningCall = {
        _id: callId,
        estateId: estate._id,
        householdId,
        roomCode: own[0]!.roomCode,
        offsetDays,
        step,
        dueDate,
        scheduledOn: today,
        billIds: own.map((b) => b._id),
        outstandingFen: fen(total),
        status: 'open',
        outcome: null,
        calledBy: null,
        calledByName: null,
        calledAt: null,
        createdAt: at,
      };
      if (await insertOnce(() => db.dunningCalls.insert(call))) summary.calls++;
    }
    for (const bill of own) {
      const attempt: DunningAttempt = {
        _id: dunningAttemptId(bill._id, offsetDays),
        estateId: estate._id,
        billId: bill._id,
        householdId,
        roomCode: bill.roomCode,
        offsetDays,
        step,
        dueDate,
        scheduledOn: today,
        outstandingFen: outstandingOf(bill),
        channel: callId ? 'call' : 'message',
        messageIds,
        callId,
        at,
      };
      if (await insertOnce(() => db.dunningAttempts.insert(attempt))) summary.attempts++;
    }
  }
}

/**
 * 催缴, run daily: for every estate and every step of its schedule, remind the households of
 * the open bills whose due date the step points at. Bound accounts get a subscription message;
 * households without one go on the staff's call list. Every reminder is recorded per
 * (bill, step) under a deterministic id, so running a day twice sends and records nothing new.
 */
export async function runDunning(
  deps: { db: Collections; store: Store; now: () => number },
  today: LocalDate,
): Promise<DunningSummary> {
  const summary: DunningSummary = { attempts: 0, messages: 0, calls: 0 };
  for (const estate of await findAll(deps.db.estates, {})) {
    const schedule = await dunningScheduleOf(deps.db, estate._id);
    for (const offsetDays of schedule.offsets) await remindStep(deps, estate, offsetDays, today, summary);
  }
  return summary;
}
