import { AppError, billingSettingsId, type billingApi, type BillingSettings } from '@linli/shared';
import type { Handler } from '../../_lib/define-function';
import { actorOf, servedEstateId } from '../access';
import { dunningScheduleOf } from '../dunning/settings';

export const getDunningSchedule: Handler<(typeof billingApi)['dunning.schedule']> = async (input, ctx) =>
  dunningScheduleOf(ctx.db, servedEstateId(ctx, input.estateId));

/** Reminders already recorded stay; the next daily run follows the new schedule. */
export const saveDunningSchedule: Handler<(typeof billingApi)['dunning.saveSchedule']> = async (
  input,
  ctx,
) => {
  const estateId = servedEstateId(ctx, input.estateId);
  if (!(await ctx.db.estates.get(estateId))) throw new AppError('NOT_FOUND', '小区不存在');
  const settings: BillingSettings = {
    _id: billingSettingsId(estateId),
    estateId,
    dunningOffsets: input.offsets,
    updatedAt: ctx.now(),
    updatedBy: actorOf(ctx).id,
  };
  await ctx.db.billingSettings.set(settings);
  return dunningScheduleOf(ctx.db, estateId);
};
