import { dispatchModeLabels, type WorkOrderSettingsView, type workorderApi } from '@linli/shared';
import { identityOf, type Handler } from '../../_lib/define-function';
import { deskEstate } from '../access';
import { workorderCollections } from '../documents';
import { settingsOf } from '../settings';

function toView(
  estateId: string,
  s: { dispatchMode: WorkOrderSettingsView['dispatchMode']; autoCloseDays: number },
) {
  return {
    estateId,
    dispatchMode: s.dispatchMode,
    dispatchModeLabel: dispatchModeLabels[s.dispatchMode],
    autoCloseDays: s.autoCloseDays,
  };
}

export const settings: Handler<(typeof workorderApi)['settings']> = async (input, ctx) => {
  const estateId = deskEstate(identityOf(ctx), input.estateId);
  return toView(estateId, await settingsOf(ctx.store, estateId));
};

/** 派单方式 and 自动验收天数 per estate; the store audits the change. */
export const saveSettings: Handler<(typeof workorderApi)['saveSettings']> = async (input, ctx) => {
  const estateId = deskEstate(identityOf(ctx), input.estateId);
  const saved = { dispatchMode: input.dispatchMode, autoCloseDays: input.autoCloseDays };
  await workorderCollections(ctx.store).settings.set({ _id: estateId, ...saved, updatedAt: ctx.now() });
  return toView(estateId, saved);
};
