import { keyId, type GrantResult, type MessageKind } from '@linli/shared';
import { collections } from '@linli/cloudfunctions/src/_lib/collections';
import type { ActionContext } from '@linli/cloudfunctions/src/_lib/define-function';
import { createMemoryLogger } from '@linli/cloudfunctions/src/_lib/logger';
import { messagingConfig } from '@linli/cloudfunctions/src/messaging/config';
import { messagingCollections, type OutboxMessage } from '@linli/cloudfunctions/src/messaging/documents';
import { simulatorFor } from '@linli/cloudfunctions/src/messaging/transport/resolve';
import { jobs } from '@linli/cloudfunctions/src/scheduler/jobs';
import type { TestRuntime } from './test-runtime';

/** A controllable clock for runtimes and jobs. */
export function testClock(start = Date.parse('2026-11-29T01:00:00Z')) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

/** What a timer trigger's call gets: no user, the raw store. */
export function triggerContext(t: TestRuntime, now: () => number = Date.now): ActionContext {
  return {
    caller: { kind: 'trigger' },
    store: t.store,
    db: collections(t.store),
    requestId: 'req_test_job',
    now,
    log: createMemoryLogger(),
  };
}

/** Run one registered scheduler job now, as the timer would. */
export async function runJob(t: TestRuntime, name: string, now: () => number = Date.now): Promise<void> {
  const job = jobs.find((j) => j.name === name);
  if (!job) throw new Error(`no job ${name}`);
  await job.run(triggerContext(t, now), new Date(now()));
}

export const templateIdOf = (kind: MessageKind): string => messagingConfig().templateIds[kind];
export const accountOf = (openid: string): string => keyId('acct', openid);

let prompts = 0;

/**
 * The person taps 允许 on WeChat's prompt for these kinds: WeChat (the simulator) records the
 * credit, and the mini-program reports the result to message.grantQuota.
 */
export async function acceptSubscription(
  t: TestRuntime,
  openid: string,
  kinds: MessageKind[],
  options: { reportToServer?: boolean; tellWechat?: boolean } = {},
): Promise<GrantResult | null> {
  const templateIds = [...new Set(kinds.map(templateIdOf))];
  const result =
    options.tellWechat === false
      ? Object.fromEntries(templateIds.map((id) => [id, 'accept']))
      : await simulatorFor(t.store).subscribe(openid, templateIds, true);
  if (options.reportToServer === false) return null;
  return t.ok<GrantResult>(openid, 'message', 'grantQuota', {
    requestId: `prompt-${String(++prompts).padStart(6, '0')}`,
    result: { errMsg: 'requestSubscribeMessage:ok', ...result },
  });
}

export async function outboxMessages(
  t: TestRuntime,
  where: Record<string, string> = {},
): Promise<OutboxMessage[]> {
  const page = await messagingCollections(t.store).outbox.find(
    { where },
    { limit: 1000, sort: [['createdAt', 'asc']] },
  );
  return page.items;
}

export async function quotaLeft(t: TestRuntime, openid: string, kind: MessageKind): Promise<number> {
  const ledger = await messagingCollections(t.store).quota.get(
    keyId('mquota', accountOf(openid), templateIdOf(kind)),
  );
  return ledger?.available ?? 0;
}
