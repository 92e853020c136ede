import type { messageApi } from '@linli/shared';
import { identityOf, type Handler } from '../../_lib/define-function';
import { messagingConfig } from '../../messaging/config';
import { grantQuota as applyGrant, quotaOf } from '../../messaging/quota-ledger';

export const grantQuota: Handler<typeof messageApi.grantQuota> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const config = messagingConfig();
  const outcome = await applyGrant(
    ctx.store,
    { accountId: identity.accountId, requestId: input.requestId, result: input.result },
    config,
    ctx.now(),
  );
  return {
    applied: outcome.applied,
    answers: outcome.answers,
    quota: await quotaOf(ctx.store, identity.accountId, config, outcome.templateIds),
  };
};
