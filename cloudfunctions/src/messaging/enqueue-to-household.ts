import type { MessageKind } from '@linli/shared';
import type { Store } from '../_lib/store/port';
import { boundAccounts } from './bound-accounts';
import { messagingCollections } from './documents';
import {
  enqueueMany,
  type AnyEnqueueRequest,
  type EnqueueOptions,
  type EnqueueOutcome,
  type EnqueueRequest,
} from './enqueue';

export type HouseholdEnqueueRequest<K extends MessageKind = MessageKind> = Omit<
  EnqueueRequest<K>,
  'toAccountId' | 'householdId'
> & { householdId: string };

export interface HouseholdEnqueueResult {
  outcomes: Array<EnqueueOutcome & { accountId: string }>;
  /**
   * Some account of the household has a message on its way or delivered for this event.
   * When false nobody can be reached by message: put the household on a call list.
   */
  reached: boolean;
}

const REACHING = new Set(['pending', 'sending', 'sent']);

/** Notify every account bound to a household about one event (each account at most once). */
export async function enqueueToHousehold<K extends MessageKind>(
  store: Store,
  request: HouseholdEnqueueRequest<K>,
  options: EnqueueOptions = {},
): Promise<HouseholdEnqueueResult> {
  const accountIds = (await boundAccounts(store, [request.householdId])).get(request.householdId) ?? [];
  const requests = accountIds.map(
    (toAccountId) => ({ ...request, toAccountId }) as unknown as AnyEnqueueRequest,
  );
  const outcomes = await enqueueMany(store, requests, options);
  let reached = outcomes.some((o) => o.status === 'pending');
  // A repeat tells nothing of the first run's result: read it.
  for (const outcome of outcomes) {
    if (reached || outcome.status !== 'duplicate') continue;
    const earlier = await messagingCollections(store).outbox.get(outcome.messageId);
    reached = !!earlier && REACHING.has(earlier.status);
  }
  return { outcomes: outcomes.map((o, i) => ({ ...o, accountId: accountIds[i]! })), reached };
}
