import {
  AppError,
  initialGeneratedThrough,
  newId,
  toLocalDate,
  type facilitiesApi,
  type PlanFields,
} from '@linli/shared';
import { assertServesEstate } from '../../_lib/authorize';
import { findAll } from '../../_lib/collections';
import { identityOf, type ActionContext, type Handler } from '../../_lib/define-function';
import { loadPlan } from '../access';
import { facilityCollections, type PlanDoc } from '../documents';
import { generateMaintenance } from '../generate-maintenance';
import { planViews } from '../views';

async function assertPlanInEstate(ctx: ActionContext, estateId: string, plan: PlanFields): Promise<void> {
  if (plan.target.kind === 'device') {
    const device = await facilityCollections(ctx.store).devices.get(plan.target.deviceId);
    if (!device || device.estateId !== estateId)
      throw new AppError('VALIDATION', '所选设备不属于该小区', {
        issues: [{ path: 'plan.target.deviceId', message: '所选设备不属于该小区' }],
      });
  }
  if (plan.responsible.kind === 'staff') {
    const staff = await ctx.db.staff.get(plan.responsible.staffId);
    if (!staff || !staff.active || !staff.estateIds.includes(estateId))
      throw new AppError('VALIDATION', '负责人不在该小区任职', {
        issues: [{ path: 'plan.responsible.staffId', message: '负责人不在该小区任职' }],
      });
  }
}

/** 维护计划: an estate's plans, or those covering one device. */
export const plans: Handler<typeof facilitiesApi.plans> = async (input, ctx) => {
  assertServesEstate(identityOf(ctx), input.estateId);
  const { plans: planDocs, devices } = facilityCollections(ctx.store);
  const [all, estateDevices] = await Promise.all([
    findAll(planDocs, { where: { estateId: input.estateId } }, { sort: [['createdAt', 'asc']] }),
    findAll(devices, { where: { estateId: input.estateId } }),
  ]);
  const device = input.deviceId ? estateDevices.find((d) => d._id === input.deviceId) : undefined;
  if (input.deviceId && !device) throw new AppError('NOT_FOUND', '设备不存在');
  const chosen = device
    ? all.filter((p) =>
        p.target.kind === 'device' ? p.target.deviceId === device._id : p.target.deviceType === device.type,
      )
    : all;
  return planViews(ctx, chosen, estateDevices);
};

/**
 * 新建/修改计划. A new plan starts from today: past occurrences of its rule are history. When
 * the rule changes, the cursor never moves back, so no date gets a second order.
 */
export const savePlan: Handler<typeof facilitiesApi.savePlan> = async (input, ctx) => {
  assertServesEstate(identityOf(ctx), input.estateId);
  await assertPlanInEstate(ctx, input.estateId, input.plan);
  const { plans: planDocs, devices } = facilityCollections(ctx.store);
  const now = ctx.now();
  const today = toLocalDate(now);
  let saved: PlanDoc;
  if (!input.planId) {
    saved = {
      ...input.plan,
      _id: newId('mplan', now),
      estateId: input.estateId,
      generatedThrough: initialGeneratedThrough(input.plan.recurrence, today),
      createdAt: now,
      updatedAt: now,
      version: 0,
    };
    await planDocs.insert(saved);
  } else {
    const current = await loadPlan(ctx, input.planId, input.estateId);
    if (input.version === undefined || input.version !== current.version) throw new AppError('CONFLICT');
    const ruleChanged = JSON.stringify(current.recurrence) !== JSON.stringify(input.plan.recurrence);
    const fresh = initialGeneratedThrough(input.plan.recurrence, today);
    const generatedThrough = ruleChanged
      ? ([current.generatedThrough, fresh]
          .filter((d): d is string => d !== null)
          .sort()
          .pop() ?? null)
      : current.generatedThrough;
    saved = { ...current, ...input.plan, generatedThrough, updatedAt: now, version: current.version + 1 };
    const written = await planDocs.update(
      current._id,
      {
        set: {
          ...input.plan,
          generatedThrough,
          updatedAt: now,
          version: saved.version,
        },
      },
      { version: current.version },
    );
    if (!written) throw new AppError('CONFLICT');
  }
  const estateDevices = await findAll(devices, { where: { estateId: input.estateId } });
  const [view] = await planViews(ctx, [saved], estateDevices);
  return view!;
};

/** The timer's work on demand for one estate: same guards, so nothing is opened twice. */
export const runMaintenance: Handler<typeof facilitiesApi.runMaintenance> = async (input, ctx) => {
  assertServesEstate(identityOf(ctx), input.estateId);
  return generateMaintenance(ctx, { estateId: input.estateId });
};
