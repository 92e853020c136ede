import { defaultQuickReplies, type serviceApi } from '@linli/shared';
import { assertServesEstate } from '../../_lib/authorize';
import { identityOf, type Handler } from '../../_lib/define-function';
import { serviceCollections, serviceSettingsId } from '../documents';
import { assertServesDesk } from '../participant';

export const quickReplies: Handler<typeof serviceApi.quickReplies> = async (input, ctx) => {
  assertServesDesk(identityOf(ctx), input.estateId);
  const settings = await serviceCollections(ctx.store).settings.get(serviceSettingsId(input.estateId));
  return { items: settings ? settings.quickReplies : [...defaultQuickReplies] };
};

export const setQuickReplies: Handler<typeof serviceApi.setQuickReplies> = async (input, ctx) => {
  const identity = identityOf(ctx);
  assertServesEstate(identity, input.estateId);
  await serviceCollections(ctx.store).settings.set({
    _id: serviceSettingsId(input.estateId),
    estateId: input.estateId,
    quickReplies: input.items,
    updatedAt: ctx.now(),
    updatedBy: identity.accountId,
  });
  return { items: input.items };
};
