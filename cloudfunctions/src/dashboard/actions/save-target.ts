import type { dashboardApi } from '@linli/shared';
import { identityOf, type Handler } from '../../_lib/define-function';
import { servedEstateId } from '../../property/actions/browse';
import { DASHBOARD_SETTINGS, dashboardSettingsId, type DashboardSettings } from '../settings';

export const saveTarget: Handler<typeof dashboardApi.saveTarget> = async (input, ctx) => {
  const estateId = servedEstateId(ctx, input.estateId);
  await ctx.store.collection<DashboardSettings>(DASHBOARD_SETTINGS).set({
    _id: dashboardSettingsId(estateId),
    estateId,
    targetPercent: input.targetPercent,
    updatedAt: ctx.now(),
    updatedBy: identityOf(ctx).accountId,
  });
  return { estateId, targetPercent: input.targetPercent };
};
