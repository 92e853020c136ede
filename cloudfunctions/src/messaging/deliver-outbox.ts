import { afterAttempt, STALE_SENDING_MS, type AttemptOutcome } from '@linli/shared';
import type { Logger } from '../_lib/logger';
import { mapLimit } from '../_lib/map-limit';
import type { Store } from '../_lib/store/port';
import { messagingConfig, type MessagingConfig } from './config';
import { messagingCollections, type OutboxMessage, type SendAttempt } from './documents';
import { markQuotaRefused } from './quota-ledger';
import type { MessageTransport, WechatSendRequest } from './transport/transport';

export interface DeliverOptions {
  store: Store;
  transport: MessageTransport;
  now: () => number;
  log: Logger;
  config?: MessagingConfig;
  /** Take no new page of messages after this long (the function has a time limit). */
  budgetMs?: number;
  /** Sends in flight at once. */
  concurrency?: number;
}

export type DeliveryReport = Record<AttemptOutcome, number> & { reclaimed: number };

const PAGE = 100;

function reasonFor(outcome: AttemptOutcome, errcode: number | null, errmsg: string): string | null {
  switch (outcome) {
    case 'sent':
    case 'retry':
      return null;
    case 'refused':
      return '用户拒收或没有剩余订阅额度（43101），不再重试';
    case 'failed':
      return errcode === null ? `多次发送均无响应：${errmsg}` : `微信返回错误 ${errcode}：${errmsg}`;
  }
}

/**
 * Record an attempt's result on the message and move it on: sent, back to pending with a
 * backoff, refused (43101, never retried), or failed. Only the claim holder writes here.
 */
async function settle(
  options: DeliverOptions & { config: MessagingConfig },
  message: OutboxMessage,
  attempt: Omit<SendAttempt, 'outcome' | 'no'>,
  msgid: string | null,
): Promise<AttemptOutcome> {
  const no = message.attemptCount + 1;
  const next = afterAttempt({
    attemptNo: no,
    errcode: attempt.errcode,
    at: options.now(),
    maxAttempts: options.config.maxAttempts,
  });
  const record: SendAttempt = { no, ...attempt, outcome: next.outcome };
  await messagingCollections(options.store).outbox.update(message._id, {
    set: {
      status: next.status,
      statusReason: reasonFor(next.outcome, attempt.errcode, attempt.errmsg),
      nextAttemptAt: next.nextAttemptAt,
      claimedAt: null,
      updatedAt: options.now(),
      ...(next.outcome === 'sent' ? { sentAt: attempt.at, msgid } : {}),
    },
    inc: { attemptCount: 1 },
    push: { attempts: record },
  });
  if (next.outcome === 'refused')
    await markQuotaRefused(options.store, message.toAccountId, message.templateId, options.now());
  options.log.log(next.outcome === 'sent' ? 'debug' : 'info', 'message.attempt', {
    messageId: message._id,
    kind: message.kind,
    no,
    errcode: attempt.errcode,
    outcome: next.outcome,
  });
  return next.outcome;
}

async function deliverOne(
  options: DeliverOptions & { config: MessagingConfig },
  message: OutboxMessage,
): Promise<AttemptOutcome | null> {
  const { outbox } = messagingCollections(options.store);
  // Claim with compare-and-set so overlapping senders never send one message twice.
  const claimed = await outbox.update(
    message._id,
    { set: { status: 'sending', claimedAt: options.now() } },
    { status: 'pending', attemptCount: message.attemptCount },
  );
  if (!claimed) return null;
  const request: WechatSendRequest = {
    touser: message.toOpenid,
    template_id: message.templateId,
    ...(message.page ? { page: message.page } : {}),
    data: message.data,
    miniprogram_state: options.config.miniprogramState,
    lang: 'zh_CN',
  };
  const at = options.now();
  try {
    const answer = await options.transport.send(request);
    return await settle(
      options,
      message,
      { at, errcode: answer.errcode, errmsg: answer.errmsg, durationMs: options.now() - at },
      answer.msgid === undefined ? null : String(answer.msgid),
    );
  } catch (error) {
    const errmsg = error instanceof Error ? error.message : String(error);
    return settle(options, message, { at, errcode: null, errmsg, durationMs: options.now() - at }, null);
  }
}

/**
 * A sender that died between claim and result leaves `sending` behind. Whether WeChat got the
 * message is unknown; it counts as a transient attempt (a rare possible repeat beats a silent
 * loss), so it is retried within the same attempt limit.
 */
async function reclaimStale(options: DeliverOptions & { config: MessagingConfig }): Promise<number> {
  const { outbox } = messagingCollections(options.store);
  const stale = await outbox.find(
    { where: { status: 'sending', claimedAt: { lt: options.now() - STALE_SENDING_MS } } },
    { limit: PAGE },
  );
  let reclaimed = 0;
  for (const message of stale.items) {
    const mine = await outbox.update(
      message._id,
      { set: { claimedAt: options.now() } },
      { status: 'sending', claimedAt: message.claimedAt },
    );
    if (!mine) continue;
    const at = options.now();
    await settle(options, message, { at, errcode: null, errmsg: '发送中断，结果未知', durationMs: 0 }, null);
    reclaimed++;
  }
  return reclaimed;
}

/**
 * The sender: send every pending message that is due, oldest due first, until none is left
 * or the time budget is spent. Safe to run concurrently and to rerun.
 */
export async function deliverOutbox(input: DeliverOptions): Promise<DeliveryReport> {
  const options = { ...input, config: input.config ?? messagingConfig() };
  const started = options.now();
  const budgetMs = options.budgetMs ?? Number.POSITIVE_INFINITY;
  const report: DeliveryReport = { sent: 0, retry: 0, refused: 0, failed: 0, reclaimed: 0 };
  report.reclaimed = await reclaimStale(options);
  const { outbox } = messagingCollections(options.store);
  while (options.now() - started < budgetMs) {
    const due = await outbox.find(
      { where: { status: 'pending', nextAttemptAt: { lte: options.now() } } },
      { sort: [['nextAttemptAt', 'asc']], limit: PAGE },
    );
    if (!due.items.length) break;
    const outcomes = await mapLimit(due.items, options.concurrency ?? 8, (m) => deliverOne(options, m));
    for (const outcome of outcomes) if (outcome) report[outcome]++;
    // Every message of the page was claimed by someone else: leave the rest to them.
    if (outcomes.every((o) => o === null)) break;
  }
  return report;
}
