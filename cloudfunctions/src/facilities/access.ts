import { AppError, type Identity } from '@linli/shared';
import { assertServesEstate } from '../_lib/authorize';
import { identityOf, type ActionContext } from '../_lib/define-function';
import { facilityCollections, type DeviceDoc, type InspectionDoc, type PlanDoc } from './documents';

/** A device in an estate the calling staff member serves. */
export async function loadDevice(ctx: ActionContext, deviceId: string): Promise<DeviceDoc> {
  const device = await facilityCollections(ctx.store).devices.get(deviceId);
  if (!device) throw new AppError('NOT_FOUND', '设备不存在或已删除');
  assertServesEstate(identityOf(ctx), device.estateId);
  return device;
}

export async function loadPlan(ctx: ActionContext, planId: string, estateId: string): Promise<PlanDoc> {
  const plan = await facilityCollections(ctx.store).plans.get(planId);
  if (!plan || plan.estateId !== estateId) throw new AppError('NOT_FOUND', '维护计划不存在');
  return plan;
}

export async function loadInspection(ctx: ActionContext, inspectionId: string): Promise<InspectionDoc> {
  const inspection = await facilityCollections(ctx.store).inspections.get(inspectionId);
  if (!inspection) throw new AppError('NOT_FOUND', '巡检记录不存在');
  assertServesEstate(identityOf(ctx), inspection.estateId);
  return inspection;
}

/** Technicians and admins fill checklists; other staff only read them. */
export function canFillInspections(identity: Identity): boolean {
  return identity.roles.includes('admin') || identity.roles.includes('technician');
}
