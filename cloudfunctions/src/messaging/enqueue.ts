import {
  isAppError,
  renderMessage,
  type Account,
  type MessageFields,
  type MessageKind,
  type RenderedMessage,
} from '@linli/shared';
import { findByIds } from '../_lib/find-by-ids';
import { mapLimit } from '../_lib/map-limit';
import type { Doc, Store } from '../_lib/store/port';
import { messagingConfig, type MessagingConfig } from './config';
import {
  MESSAGE_QUOTA,
  messageId,
  messagingCollections,
  OUTBOX,
  preferencesId,
  quotaLedgerId,
  type OutboxMessage,
  type QuotaLedger,
} from './documents';

/** What a feature asks for: one message of a kind, about one event, to one account. */
export interface EnqueueRequest<K extends MessageKind = MessageKind> {
  kind: K;
  /**
   * The cause, unique within the kind: a bill id, a notice id, `${workOrderId}.${status}`.
   * (kind, eventKey, account) is the message's id, so a repeated event notifies nobody twice.
   */
  eventKey: string;
  toAccountId: string;
  /** The estate the event belongs to (staff see the outbox per estate). */
  estateId: string;
  /** The household it concerns, if any (call lists). */
  householdId?: string | null;
  /** Domain values; the kind's template turns them into WeChat data (see shared/messaging). */
  fields: MessageFields<K>;
  /** The mini-program page the card opens, e.g. 'pages/bills/index?id=…'. */
  page?: string | null;
}

/** An EnqueueRequest of any kind, with its fields typed by its kind. */
export type AnyEnqueueRequest = { [K in MessageKind]: EnqueueRequest<K> }[MessageKind];

/**
 * - pending: written and one quota unit consumed; the sender will send it;
 * - no_quota / opted_out / invalid: written with that status, not to be sent;
 * - duplicate: a message for this (kind, event, account) already exists; nothing written.
 */
export type EnqueueStatus = 'pending' | 'no_quota' | 'opted_out' | 'invalid' | 'duplicate';

export interface EnqueueOutcome {
  messageId: string;
  status: EnqueueStatus;
  /** Why it will not be sent, in Chinese (null for pending and duplicate). */
  reason: string | null;
}

export interface EnqueueOptions {
  now?: number;
  /** Enqueues in flight at once (each is a small transaction). */
  concurrency?: number;
  config?: MessagingConfig;
}

const NO_QUOTA_REASON = '该用户没有剩余的订阅额度，未发送';
const OPTED_OUT_REASON = '该用户已关闭此类通知';

type AccountRecipient = Pick<Account, 'openid'> & Doc;

function draft(
  request: AnyEnqueueRequest,
  id: string,
  rendered: RenderedMessage,
  toOpenid: string,
  templateId: string,
  now: number,
): OutboxMessage {
  return {
    _id: id,
    kind: request.kind,
    eventKey: request.eventKey,
    toAccountId: request.toAccountId,
    toOpenid,
    estateId: request.estateId,
    householdId: request.householdId ?? null,
    templateId,
    templateTitle: rendered.title,
    fields: rendered.ok ? Object.fromEntries(rendered.rows.map((r) => [r.label, r.value])) : {},
    data: rendered.ok ? rendered.data : {},
    page: request.page ?? null,
    status: 'pending',
    statusReason: null,
    attempts: [],
    attemptCount: 0,
    nextAttemptAt: null,
    claimedAt: null,
    sentAt: null,
    msgid: null,
    createdAt: now,
    updatedAt: now,
  };
}

const isDuplicate = (error: unknown): boolean => isAppError(error) && error.code === 'DUPLICATE';

/** Insert a message that will not be sent; a DUPLICATE means it was already recorded. */
async function record(store: Store, message: OutboxMessage): Promise<EnqueueOutcome> {
  try {
    await messagingCollections(store).outbox.insert(message);
    return { messageId: message._id, status: message.status as EnqueueStatus, reason: message.statusReason };
  } catch (error) {
    if (isDuplicate(error)) return { messageId: message._id, status: 'duplicate', reason: null };
    throw error;
  }
}

/**
 * Consume one unit of the (account, template) quota and write the message, atomically and by
 * id only: either both happen or neither. Without quota the message is written as `no_quota`.
 * A message id that exists rolls the whole transaction back, so no quota is lost to a repeat.
 */
async function consumeAndWrite(store: Store, message: OutboxMessage, now: number): Promise<EnqueueOutcome> {
  const ledgerId = quotaLedgerId(message.toAccountId, message.templateId);
  try {
    const written = await store.transaction(async (tx) => {
      const ledgers = tx.collection<QuotaLedger>(MESSAGE_QUOTA);
      const ledger = await ledgers.get(ledgerId);
      const hasQuota = !!ledger && ledger.available >= 1;
      if (hasQuota)
        await ledgers.update(ledgerId, { inc: { available: -1, used: 1 }, set: { updatedAt: now } });
      const final: OutboxMessage = hasQuota
        ? { ...message, status: 'pending', nextAttemptAt: now }
        : { ...message, status: 'no_quota', statusReason: NO_QUOTA_REASON };
      await tx.collection<OutboxMessage>(OUTBOX).insert(final);
      return final;
    });
    return { messageId: written._id, status: written.status as EnqueueStatus, reason: written.statusReason };
  } catch (error) {
    if (isDuplicate(error)) return { messageId: message._id, status: 'duplicate', reason: null };
    throw error;
  }
}

/** Record messages that will not be sent, in one write; one by one if some already exist. */
async function recordMany(store: Store, messages: OutboxMessage[]): Promise<EnqueueOutcome[]> {
  try {
    await messagingCollections(store).outbox.insertMany(messages);
    return messages.map((m) => ({
      messageId: m._id,
      status: m.status as EnqueueStatus,
      reason: m.statusReason,
    }));
  } catch (error) {
    if (!isDuplicate(error)) throw error;
    const outcomes: EnqueueOutcome[] = [];
    for (const message of messages) outcomes.push(await record(store, message));
    return outcomes;
  }
}

type Plan =
  | { write: 'none'; outcome: EnqueueOutcome }
  | { write: 'record'; message: OutboxMessage }
  | { write: 'consume'; message: OutboxMessage };

/**
 * Enqueue messages: the one way every feature notifies someone. For each request, in order:
 * already enqueued → duplicate; fields break WeChat's rules → invalid; the account turned the
 * kind off → opted_out; otherwise one quota unit is consumed and the message waits for the
 * sender (pending), or, with no quota left, is kept as no_quota for staff call lists.
 * Reads are batched (a few queries per thousand requests). Messages that consume quota are
 * written one small transaction each; the others (nothing to consume) in one insert. A crash
 * midway leaves every finished message intact and a rerun completes the rest without repeats.
 */
export async function enqueueMany(
  store: Store,
  requests: readonly AnyEnqueueRequest[],
  options: EnqueueOptions = {},
): Promise<EnqueueOutcome[]> {
  if (!requests.length) return [];
  const now = options.now ?? Date.now();
  const config = options.config ?? messagingConfig();
  const { outbox, preferences, quota } = messagingCollections(store);
  const ids = requests.map((r) => messageId(r.kind, r.eventKey, r.toAccountId));
  const accountIds = requests.map((r) => r.toAccountId);
  const [existing, accounts, prefs, ledgers] = await Promise.all([
    findByIds(outbox, ids, ['_id']),
    findByIds(store.collection<AccountRecipient>('accounts'), accountIds, ['openid']),
    findByIds(preferences, accountIds.map(preferencesId)),
    findByIds(
      quota,
      requests.map((r) => quotaLedgerId(r.toAccountId, config.templateIds[r.kind])),
      ['available'],
    ),
  ]);

  // A fan-out sends the same fields to thousands: render each distinct message once.
  const rendered = new Map<string, RenderedMessage>();
  const renderOnce = (request: AnyEnqueueRequest): RenderedMessage => {
    const key = `${request.kind}:${JSON.stringify(request.fields)}`;
    let result = rendered.get(key);
    if (!result) {
      result = renderMessage(request.kind, request.fields as MessageFields<typeof request.kind>);
      rendered.set(key, result);
    }
    return result;
  };

  const plans = requests.map((request, index): Plan => {
    const id = ids[index]!;
    if (existing.has(id))
      return { write: 'none', outcome: { messageId: id, status: 'duplicate', reason: null } };
    const templateId = config.templateIds[request.kind];
    const message = renderOnce(request);
    const account = accounts.get(request.toAccountId);
    const base = draft(request, id, message, account?.openid ?? '', templateId, now);
    const unsent = (status: EnqueueStatus, statusReason: string): Plan => ({
      write: 'record',
      message: { ...base, status: status as OutboxMessage['status'], statusReason },
    });
    if (!message.ok) return unsent('invalid', message.problems.join('；'));
    if (!account) return unsent('invalid', '收件账号不存在');
    if (prefs.get(preferencesId(request.toAccountId))?.disabledKinds.includes(request.kind))
      return unsent('opted_out', OPTED_OUT_REASON);
    // Without quota there is nothing to consume, so no transaction is needed. A grant landing
    // between this read and the write only means this one message waits for a call instead.
    if ((ledgers.get(quotaLedgerId(request.toAccountId, templateId))?.available ?? 0) < 1)
      return unsent('no_quota', NO_QUOTA_REASON);
    return { write: 'consume', message: base };
  });

  const outcomes = new Array<EnqueueOutcome>(requests.length);
  const recorded: number[] = [];
  plans.forEach((plan, i) => {
    if (plan.write === 'none') outcomes[i] = plan.outcome;
    if (plan.write === 'record') recorded.push(i);
  });
  const recordedOutcomes = await recordMany(
    store,
    recorded.map((i) => (plans[i] as { message: OutboxMessage }).message),
  );
  recorded.forEach((i, n) => (outcomes[i] = recordedOutcomes[n]!));
  const consuming = plans.flatMap((plan, i) =>
    plan.write === 'consume' ? [{ i, message: plan.message }] : [],
  );
  await mapLimit(consuming, options.concurrency ?? 8, async ({ i, message }) => {
    outcomes[i] = await consumeAndWrite(store, message, now);
  });
  return outcomes;
}

/** Enqueue one message (see enqueueMany). */
export async function enqueue<K extends MessageKind>(
  store: Store,
  request: EnqueueRequest<K>,
  options: EnqueueOptions = {},
): Promise<EnqueueOutcome> {
  const [outcome] = await enqueueMany(store, [request as unknown as AnyEnqueueRequest], options);
  return outcome!;
}
