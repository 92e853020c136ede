import {
  isStaff,
  MAX_TEMPLATES_PER_REQUEST,
  messageKindInfo,
  messageKinds,
  messageTemplates,
  SubscribeMoment,
  templatesForMoment,
  type MessageKind,
  type messageApi,
} from '@linli/shared';
import { identityOf, type Handler } from '../../_lib/define-function';
import { messagingConfig } from '../../messaging/config';
import { disabledKinds } from '../../messaging/preferences';
import { quotaOf } from '../../messaging/quota-ledger';

export const listTemplates: Handler<typeof messageApi.templates> = async (_input, ctx) => {
  const identity = identityOf(ctx);
  const config = messagingConfig();
  const [disabled, quota] = await Promise.all([
    disabledKinds(ctx.store, identity.accountId),
    quotaOf(ctx.store, identity.accountId, config),
  ]);
  const available = new Map(quota.map((q) => [q.templateId, q.available]));
  // Anyone may become an owner; staff kinds only make sense to staff.
  const visible = (kind: MessageKind) => messageKindInfo[kind].audience === 'owner' || isStaff(identity);
  const enabled = (kind: MessageKind) => visible(kind) && !disabled.includes(kind);
  const templateIdOf = (kind: MessageKind) => config.templateIds[kind];
  return {
    templates: messageKinds.filter(visible).map((kind) => ({
      kind,
      kindLabel: messageKindInfo[kind].label,
      description: messageKindInfo[kind].description,
      audience: messageKindInfo[kind].audience,
      templateId: templateIdOf(kind),
      title: messageTemplates[kind].title,
      enabled: enabled(kind),
      quota: available.get(templateIdOf(kind)) ?? 0,
    })),
    moments: Object.fromEntries(
      SubscribeMoment.options.map((moment) => [moment, templatesForMoment(moment, enabled, templateIdOf)]),
    ) as Record<SubscribeMoment, string[]>,
    maxPerRequest: MAX_TEMPLATES_PER_REQUEST,
  };
};
