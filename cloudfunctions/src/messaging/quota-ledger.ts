import { isAppError, readGrant, type MessageKind, type QuotaView, type SubscribeAnswer } from '@linli/shared';
import { findAll } from '../_lib/collections';
import type { Store } from '../_lib/store/port';
import { kindsByTemplate, type MessagingConfig } from './config';
import {
  MESSAGE_GRANTS,
  MESSAGE_QUOTA,
  messagingCollections,
  quotaGrantId,
  quotaLedgerId,
  type QuotaGrant,
  type QuotaLedger,
} from './documents';

export interface GrantOutcome {
  applied: boolean;
  answers: Record<string, SubscribeAnswer>;
  /** Template ids the result touched, accepted or not. */
  templateIds: string[];
}

/**
 * Apply one `requestSubscribeMessage` result: each accepted template of ours gains one send.
 * The grant record and the ledger increments commit together, and the grant's id comes from
 * the client's request id, so a retried report adds nothing.
 */
export async function grantQuota(
  store: Store,
  input: { accountId: string; requestId: string; result: Record<string, string> },
  config: MessagingConfig,
  now: number,
): Promise<GrantOutcome> {
  const reading = readGrant(input.result, new Set(Object.values(config.templateIds)));
  const grant: QuotaGrant = {
    _id: quotaGrantId(input.accountId, input.requestId),
    accountId: input.accountId,
    requestId: input.requestId,
    answers: reading.answers,
    accepted: reading.accepted,
    at: now,
  };
  const templateIds = Object.keys(reading.answers);
  try {
    await store.transaction(async (tx) => {
      await tx.collection<QuotaGrant>(MESSAGE_GRANTS).insert(grant);
      const ledgers = tx.collection<QuotaLedger>(MESSAGE_QUOTA);
      for (const templateId of reading.accepted) {
        const id = quotaLedgerId(input.accountId, templateId);
        const ledger = await ledgers.get(id);
        if (ledger) {
          await ledgers.update(id, { inc: { available: 1, granted: 1 }, set: { updatedAt: now } });
        } else {
          await ledgers.insert({
            _id: id,
            accountId: input.accountId,
            templateId,
            available: 1,
            granted: 1,
            used: 0,
            refusedAt: null,
            updatedAt: now,
          });
        }
      }
    });
    return { applied: true, answers: reading.answers, templateIds };
  } catch (error) {
    if (!isAppError(error) || error.code !== 'DUPLICATE') throw error;
    const earlier = await messagingCollections(store).grants.get(grant._id);
    return { applied: false, answers: earlier?.answers ?? reading.answers, templateIds };
  }
}

/**
 * WeChat answered 43101: the person has no quota there, whatever our ledger says (a forged
 * or lost grant). Believe WeChat, so later messages go to the call list instead of failing.
 */
export async function markQuotaRefused(
  store: Store,
  accountId: string,
  templateId: string,
  now: number,
): Promise<void> {
  await messagingCollections(store).quota.update(quotaLedgerId(accountId, templateId), {
    set: { available: 0, refusedAt: now, updatedAt: now },
  });
}

/** Sends left per template for an account (templates never granted count 0). */
export async function quotaOf(
  store: Store,
  accountId: string,
  config: MessagingConfig,
  templateIds?: readonly string[],
): Promise<QuotaView[]> {
  const ledgers = await findAll(messagingCollections(store).quota, { where: { accountId } });
  const available = new Map(ledgers.map((l) => [l.templateId, l.available]));
  const byTemplate = kindsByTemplate(config);
  const ids = templateIds ?? [...byTemplate.keys()];
  return ids.map((templateId) => ({
    templateId,
    kinds: byTemplate.get(templateId) ?? ([] as MessageKind[]),
    available: available.get(templateId) ?? 0,
  }));
}
