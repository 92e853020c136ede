import type { iotApi } from '@linli/shared';
import {
  AppError,
  deviceRulesId,
  deviceTypeLabels,
  effectiveRules,
  typeRulesId,
  type DeviceType,
  type TelemetryRulesDoc,
} from '@linli/shared';
import { assertServesEstate } from '../../_lib/authorize';
import { identityOf, type ActionContext, type Handler } from '../../_lib/define-function';
import { loadStaffDevice } from '../devices';
import { overridesOf, typeRulesOf } from '../rule-config';

type Api = typeof iotApi;

async function ruleSetView(ctx: ActionContext, estateId: string, deviceType: DeviceType) {
  const { rules, doc } = await typeRulesOf(ctx.db, estateId, deviceType);
  return {
    deviceType,
    deviceTypeLabel: deviceTypeLabels[deviceType],
    rules,
    isDefault: doc === null,
    updatedAt: doc?.updatedAt ?? null,
    updatedBy: doc?.updatedBy ?? null,
  };
}

export const getRules: Handler<Api['rules']> = async (input, ctx) => {
  assertServesEstate(identityOf(ctx), input.estateId);
  return ruleSetView(ctx, input.estateId, input.deviceType);
};

/** The bridge picks saved rules up on its next sync (within a minute). */
export const saveRules: Handler<Api['saveRules']> = async (input, ctx) => {
  const identity = identityOf(ctx);
  assertServesEstate(identity, input.estateId);
  const id = typeRulesId(input.estateId, input.deviceType);
  if (input.reset) await ctx.db.telemetryRules.remove(id);
  else
    await ctx.db.telemetryRules.set({
      _id: id,
      scope: 'type',
      estateId: input.estateId,
      deviceType: input.deviceType,
      rules: input.rules,
      updatedAt: ctx.now(),
      updatedBy: identity.displayName,
    } satisfies TelemetryRulesDoc);
  return ruleSetView(ctx, input.estateId, input.deviceType);
};

async function deviceRulesView(ctx: ActionContext, deviceId: string) {
  const device = await loadStaffDevice(ctx, deviceId);
  const [{ rules: typeRules }, overrides] = await Promise.all([
    typeRulesOf(ctx.db, device.estateId, device.type),
    overridesOf(ctx.db, device._id),
  ]);
  return {
    deviceId: device._id,
    deviceName: device.name,
    deviceType: device.type,
    typeRules,
    overrides,
    effective: effectiveRules(typeRules, overrides),
  };
}

export const getDeviceRules: Handler<Api['deviceRules']> = async (input, ctx) =>
  deviceRulesView(ctx, input.deviceId);

export const saveDeviceRules: Handler<Api['saveDeviceRules']> = async (input, ctx) => {
  const device = await loadStaffDevice(ctx, input.deviceId);
  const { rules } = await typeRulesOf(ctx.db, device.estateId, device.type);
  const unknown = Object.keys(input.overrides).filter((ruleId) => !rules.some((r) => r.id === ruleId));
  if (unknown.length)
    throw new AppError('VALIDATION', `该类设备没有这些规则：${unknown.join('、')}`, {
      issues: unknown.map((ruleId) => ({ path: `overrides.${ruleId}`, message: '没有这条规则' })),
    });
  const id = deviceRulesId(device._id);
  if (Object.keys(input.overrides).length === 0) await ctx.db.telemetryRules.remove(id);
  else
    await ctx.db.telemetryRules.set({
      _id: id,
      scope: 'device',
      estateId: device.estateId,
      deviceId: device._id,
      overrides: input.overrides,
      updatedAt: ctx.now(),
      updatedBy: identityOf(ctx).displayName,
    } satisfies TelemetryRulesDoc);
  return deviceRulesView(ctx, device._id);
};
