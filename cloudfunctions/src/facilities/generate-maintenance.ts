import {
  AppError,
  dueOccurrences,
  keyId,
  locationKey,
  occurrenceId as occurrenceIdOf,
  reportFingerprint,
  toLocalDate,
  type MaintenancePlan,
  type MaintenanceRunReport,
} from '@linli/shared';
import { findAll } from '../_lib/collections';
import type { ActionContext } from '../_lib/define-function';
import type { Doc } from '../_lib/store/port';
import { openWorkOrder } from '../workorder/open-order';
import { routeOrder } from '../workorder/route-order';
import { WORKORDER_GUARDS, type DuplicateGuard } from '../workorder/documents';
import { categoryForSkill, deviceCategory, deviceLocation } from './device-order';
import { openRepairOrder } from './open-repair';
import {
  facilityCollections,
  type DeviceDoc,
  type InspectionDoc,
  type OccurrenceDoc,
  type PlanDoc,
} from './documents';

/** A claim left without its order this long is assumed crashed and is taken over. */
export const STALE_CLAIM_MS = 10 * 60_000;

const SYSTEM_ACTOR = { kind: 'system' as const, name: '维护计划' };

type Outcome = 'created' | 'existing' | 'in_progress';

function isDuplicate(error: unknown): boolean {
  return (error as { code?: string }).code === 'DUPLICATE';
}

/**
 * Open the maintenance order (and its inspection) of one (plan, device, due date) exactly once.
 * Steps, each safe to repeat: claim the occurrence by its derived id → open the order under the
 * occurrence's duplicate scope → create the inspection by derived id → record both on the claim.
 * A crash between steps leaves a claim without an order; the next run takes it over and finds
 * the order through the work-order duplicate guard rather than opening a second one.
 */
async function ensureOccurrence(
  ctx: ActionContext,
  plan: MaintenancePlan,
  device: DeviceDoc,
  dueDate: string,
  buildingNames: Map<string, string | null>,
  takeOver?: OccurrenceDoc,
): Promise<Outcome> {
  const { occurrences, inspections } = facilityCollections(ctx.store);
  const occurrenceId = occurrenceIdOf(plan._id, device._id, dueDate);
  const now = ctx.now();
  let claim: OccurrenceDoc | null = takeOver ?? null;
  if (!claim) {
    const fresh: OccurrenceDoc = {
      _id: occurrenceId,
      planId: plan._id,
      deviceId: device._id,
      estateId: plan.estateId,
      dueDate,
      scope: occurrenceId,
      orderId: null,
      orderNo: null,
      inspectionId: null,
      claimedAt: now,
    };
    try {
      await occurrences.insert(fresh);
      claim = fresh;
    } catch (error) {
      if (!isDuplicate(error)) throw error;
      const existing = await occurrences.get(occurrenceId);
      if (!existing || existing.inspectionId) return 'existing';
      // Someone else holds a live claim: theirs to finish (or for the stale sweep to take over).
      return 'in_progress';
    }
  }

  const location = await deviceLocation(ctx, device, buildingNames);
  const category =
    plan.responsible.kind === 'skill' ? categoryForSkill[plan.responsible.skill] : deviceCategory(device);
  const description = `【计划保养】${plan.name}：${device.name}（${device.code}），计划完成日期 ${dueDate}。请按检查表逐项检查并在巡检记录中填写结果。`;
  const guardId = keyId(
    'wodup',
    claim.scope,
    reportFingerprint({ category, locationKey: locationKey(location), description }),
  );
  let order: { _id: string; orderNo: string } | null = null;
  if (takeOver) {
    const guard = await ctx.store.collection<DuplicateGuard & Doc>(WORKORDER_GUARDS).get(guardId);
    if (guard) {
      const earlier = await ctx.store
        .collection<{ _id: string; orderNo: string }>('workorders')
        .get(guard.orderId);
      if (earlier) order = earlier;
    }
  }
  if (!order) {
    const opened = await openWorkOrder(ctx, {
      estateId: plan.estateId,
      householdId: null,
      location,
      buildingId: location.kind === 'public' ? location.buildingId : null,
      category,
      description,
      photos: [],
      preferredTime: null,
      deviceModel: device.model || null,
      source: 'maintenance',
      reporter: { accountId: null, name: SYSTEM_ACTOR.name, phone: null },
      priority: 'normal',
      actor: SYSTEM_ACTOR,
      dailyAccountId: null,
      duplicateScope: claim.scope,
    });
    order = await routeOrder(ctx, opened);
  }

  const inspection: InspectionDoc = {
    _id: keyId('insp', occurrenceId),
    estateId: plan.estateId,
    deviceId: device._id,
    deviceName: device.name,
    deviceCode: device.code,
    deviceType: device.type,
    planId: plan._id,
    planName: plan.name,
    dueDate,
    checklist: plan.checklist,
    state: 'pending',
    results: [],
    outcome: null,
    failedKeys: [],
    note: '',
    maintenanceOrderId: order._id,
    maintenanceOrderNo: order.orderNo,
    repairOrderId: null,
    repairOrderNo: null,
    doneAt: null,
    doneByAccountId: null,
    doneByName: null,
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
  try {
    await inspections.insert(inspection);
  } catch (error) {
    if (!isDuplicate(error)) throw error;
  }
  await occurrences.update(claim._id, {
    set: { orderId: order._id, orderNo: order.orderNo, inspectionId: inspection._id },
  });
  return 'created';
}

/** Claims that crashed part-way, taken over with compare-and-set so one run resumes each. */
async function resumeStaleClaims(
  ctx: ActionContext,
  estateId: string | undefined,
  report: MaintenanceRunReport,
  buildingNames: Map<string, string | null>,
): Promise<void> {
  const { occurrences, plans, devices } = facilityCollections(ctx.store);
  const stale = await findAll(occurrences, {
    where: {
      inspectionId: null,
      claimedAt: { lt: ctx.now() - STALE_CLAIM_MS },
      ...(estateId ? { estateId } : {}),
    },
  });
  for (const claim of stale) {
    const taken = await occurrences.update(
      claim._id,
      { set: { claimedAt: ctx.now() } },
      { claimedAt: claim.claimedAt, inspectionId: null },
    );
    if (!taken) continue;
    const [plan, device] = await Promise.all([plans.get(claim.planId), devices.get(claim.deviceId)]);
    if (!plan || !device) continue;
    const outcome = await ensureOccurrence(ctx, plan, device, claim.dueDate, buildingNames, {
      ...claim,
      claimedAt: ctx.now(),
    });
    if (outcome === 'created') report.created++;
  }
}

/** Failed inspections whose repair order was interrupted (crash after the submit's claim). */
async function resumeRepairOrders(ctx: ActionContext, estateId: string | undefined): Promise<void> {
  const { inspections, devices } = facilityCollections(ctx.store);
  const stranded = await findAll(inspections, {
    where: {
      outcome: 'failed',
      repairOrderId: null,
      doneAt: { lt: ctx.now() - STALE_CLAIM_MS },
      ...(estateId ? { estateId } : {}),
    },
  });
  for (const inspection of stranded) {
    const device = await devices.get(inspection.deviceId);
    if (device) await openRepairOrder(ctx, inspection, device, inspection.doneByName ?? SYSTEM_ACTOR.name);
  }
}

/**
 * Open the orders every active plan owes as of today (its lead days ahead), catching up on any
 * day the trigger missed; a plan's cursor moves only past dates whose orders all exist.
 */
export async function generateMaintenance(
  ctx: ActionContext,
  options: { estateId?: string } = {},
): Promise<MaintenanceRunReport> {
  const { plans, devices } = facilityCollections(ctx.store);
  const today = toLocalDate(ctx.now());
  const report: MaintenanceRunReport = { plans: 0, created: 0, existing: 0 };
  const buildingNames = new Map<string, string | null>();
  await resumeStaleClaims(ctx, options.estateId, report, buildingNames);
  await resumeRepairOrders(ctx, options.estateId);

  const active = await findAll(plans, {
    where: { active: true, ...(options.estateId ? { estateId: options.estateId } : {}) },
  });
  const byType = new Map<string, DeviceDoc[]>();
  for (const plan of active) {
    const due = dueOccurrences(plan, today);
    if (!due.length) continue;
    report.plans++;
    const covered = await coveredDevices(plan, devices, byType);
    for (const dueDate of due) {
      let complete = true;
      for (const device of covered) {
        const outcome = await ensureOccurrence(ctx, plan, device, dueDate, buildingNames);
        if (outcome === 'created') report.created++;
        else if (outcome === 'existing') report.existing++;
        else complete = false;
      }
      if (!complete) break;
      await plans.update(plan._id, { set: { generatedThrough: dueDate } });
    }
  }
  if (report.created) ctx.log.log('info', 'facilities.maintenance_opened', { ...report });
  return report;
}

async function coveredDevices(
  plan: PlanDoc,
  devices: ReturnType<typeof facilityCollections>['devices'],
  byType: Map<string, DeviceDoc[]>,
): Promise<DeviceDoc[]> {
  const inService = (d: DeviceDoc) => d.status !== 'retired' && d.status !== 'stopped';
  if (plan.target.kind === 'device') {
    const device = await devices.get(plan.target.deviceId);
    if (device && device.estateId !== plan.estateId) throw new AppError('INTERNAL');
    return device && inService(device) ? [device] : [];
  }
  const key = `${plan.estateId}:${plan.target.deviceType}`;
  let list = byType.get(key);
  if (!list) {
    list = await findAll(
      devices,
      { where: { estateId: plan.estateId, type: plan.target.deviceType } },
      { sort: [['createdAt', 'asc']] },
    );
    byType.set(key, list);
  }
  return list.filter(inService);
}
