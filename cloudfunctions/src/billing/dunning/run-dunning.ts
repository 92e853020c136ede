import {
  dunningPlansByHousehold,
  dueDateForStep,
  dunningAttemptId,
  dunningCallId,
  dunningStepKey,
  fen,
  OPEN_STATUSES,
  outstandingOf,
  type DunningAttempt,
  type DunningCall,
  type Estate,
  type HouseholdDunningPlan,
  type LocalDate,
} from '@linli/shared';
import { findAll, type Collections } from '../../_lib/collections';
import type { Store } from '../../_lib/store/port';
import { dunningSegmentPlans } from '../../analytics/documents';
import { enqueueToHousehold } from '../../messaging';
import { groupByHousehold } from '../group-by-household';
import { insertOnce } from '../idempotent-writes';
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

/**
 * One step of one estate on one day: the open bills due `offsetDays` ago (or ahead), for the
 * households whose plan (their segment's applied strategy, else the estate's) has the step.
 */
async function remindStep(
  deps: { db: Collections; store: Store; now: () => number },
  estate: Estate,
  offsetDays: number,
  today: LocalDate,
  planOf: (householdId: string) => HouseholdDunningPlan,
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
  const pending = [...byHousehold.entries()].filter(
    ([householdId, own]) =>
      planOf(householdId).offsets.includes(offsetDays) &&
      own.some((b) => !done.has(dunningAttemptId(b._id, offsetDays))),
  );
  if (!pending.length) return;
  const step = dunningStepKey(offsetDays);
  const at = deps.now();

  for (const [householdId, own] of pending) {
    const total = fen(own.reduce((sum, b) => sum + outstandingOf(b), 0));
    const names = [...new Set(own.map((b) => b.itemName))];
    // Through the message service, so quota, opt-outs, WeChat's field rules and retries apply.
    // Messages and call entries first, attempts last: a crash between them re-sends nothing
    // (the event key is deterministic) and the re-run still records the attempts.
    // A segment's strategy may phone at this step instead of messaging.
    const callFirst = planOf(householdId).callOffsets.includes(offsetDays);
    const sent = callFirst
      ? { reached: false, outcomes: [] }
      : await enqueueToHousehold(
          deps.store,
          {
            kind: 'bill_due',
            eventKey: `${householdId}.${dueDate}.${step}`,
            estateId: estate._id,
            householdId,
            fields: {
              house: `${estate.name} ${own[0]!.roomCode}`,
              itemName: names.length > 1 ? `${names[0]}等 ${own.length} 项` : names[0]!,
              amountFen: total,
              dueDate,
              note: reminder(offsetDays),
            },
            page: `pages/bills/index?householdId=${householdId}`,
          },
          { now: at },
        );
    summary.messages += sent.outcomes.filter((o) => o.status === 'pending').length;
    const messageIds = sent.outcomes.map((o) => o.messageId);
    // Nobody reachable by message (no bound account, no quota left, opted out), or the
    // strategy phones at this step: staff phone.
    const callId = sent.reached ? null : dunningCallId(householdId, dueDate, offsetDays);
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
        outstandingFen: total,
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
 * the open bills whose due date the step points at. Bound accounts get a subscription message
 * where they granted quota and did not opt out; households no message reaches go on the staff's
 * call list. Every reminder is recorded per
 * (bill, step) under a deterministic id, so running a day twice sends and records nothing new.
 */
export async function runDunning(
  deps: { db: Collections; store: Store; now: () => number },
  today: LocalDate,
): Promise<DunningSummary> {
  const summary: DunningSummary = { attempts: 0, messages: 0, calls: 0 };
  for (const estate of await findAll(deps.db.estates, {})) {
    const schedule = await dunningScheduleOf(deps.db, estate._id);
    const plans = await findAll(dunningSegmentPlans(deps.store), { where: { estateId: estate._id } });
    const byHousehold = dunningPlansByHousehold(plans);
    const estatePlan: HouseholdDunningPlan = { offsets: schedule.offsets, callOffsets: [] };
    const planOf = (householdId: string) => byHousehold.get(householdId) ?? estatePlan;
    const steps = [...new Set([...schedule.offsets, ...plans.flatMap((p) => p.offsets)])].sort(
      (a, b) => a - b,
    );
    for (const offsetDays of steps) await remindStep(deps, estate, offsetDays, today, planOf, summary);
  }
  return summary;
}
