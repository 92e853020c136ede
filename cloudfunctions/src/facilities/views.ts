import {
  withRepairFrequency,
  addCalendarDays,
  deviceLifecycle,
  deviceStatusLabels,
  deviceTypeLabels,
  describeLimits,
  describeRecurrence,
  evaluateItem,
  formatYuan,
  inspectionOutcomeLabels,
  isOverdue,
  labelPayload,
  nextOccurrence,
  replacementReasonLabels,
  severityLabels,
  skillLabels,
  toLocalDate,
  warrantyStateLabels,
  warrantyStatus,
  workOrderSourceLabels,
  workOrderStateLabels,
  type DeviceHistoryEntry,
  type DeviceSummary,
  type DeviceTelemetryView,
  type DeviceView,
  type Identity,
  type InspectionSummary,
  type InspectionView,
  type LifecycleView,
  type MaintenancePlan,
  type PlanView,
  type RepairCost,
  type WorkOrder,
} from '@linli/shared';
import { findAll, type Collections } from '../_lib/collections';
import type { ActionContext } from '../_lib/define-function';
import type { Doc } from '../_lib/store/port';
import { latestStateOf, openAlarmsOf } from '../iot/device-state';
import { canFillInspections } from './access';
import { facilityCollections, type DeviceDoc, type InspectionDoc, type PlanDoc } from './documents';

export type DeviceOrder = Pick<
  WorkOrder,
  '_id' | 'orderNo' | 'source' | 'state' | 'subject' | 'createdAt' | 'deviceId' | 'category'
> &
  Doc;

const ORDER_FIELDS = ['orderNo', 'source', 'state', 'subject', 'createdAt', 'deviceId', 'category'];

export async function buildingNamesOf(db: Collections, estateId: string): Promise<Map<string, string>> {
  const buildings = await findAll(db.buildings, { where: { estateId } });
  return new Map(buildings.map((b) => [b._id, b.name]));
}

export function toSummary(device: DeviceDoc, buildings: Map<string, string>, today: string): DeviceSummary {
  const warranty = warrantyStatus(device, today);
  return {
    deviceId: device._id,
    estateId: device.estateId,
    type: device.type,
    typeLabel: deviceTypeLabels[device.type],
    name: device.name,
    code: device.code,
    model: device.model,
    locationLabel: device.location.label,
    buildingName: device.location.buildingId ? (buildings.get(device.location.buildingId) ?? null) : null,
    status: device.status,
    statusLabel: deviceStatusLabels[device.status],
    warrantyState: warranty.state,
    warrantyLabel:
      warranty.state === 'expiring' ? `保修剩 ${warranty.daysLeft} 天` : warrantyStateLabels[warranty.state],
    installDate: device.installDate,
  };
}

/**
 * Orders of a device that count as failures: all but the planned maintenance orders themselves
 * (a repair opened by a failed inspection is a failure).
 */
export function isFailure(
  order: Pick<WorkOrder, '_id' | 'state'>,
  plannedOrderIds: ReadonlySet<string>,
): boolean {
  return order.state !== 'cancelled' && !plannedOrderIds.has(order._id);
}

export function lifecycleView(
  device: DeviceDoc,
  failureAts: number[],
  repairs: RepairCost[],
  now: number,
): LifecycleView {
  const today = toLocalDate(now);
  const { repairFrequencyFlag, ...life } = withRepairFrequency(
    deviceLifecycle({ device, failureAts, repairs, today, now }),
    failureAts,
    now,
    today,
  );
  return {
    ...life,
    reasonLabels: life.replacementReasons.map((r) =>
      r === 'repair_frequency' && repairFrequencyFlag ? repairFrequencyFlag : replacementReasonLabels[r],
    ),
  };
}

/** The first due date the job has not opened an order for yet. */
export function nextDueDate(plan: Pick<MaintenancePlan, 'recurrence' | 'generatedThrough'>): string {
  const from = plan.generatedThrough ? addCalendarDays(plan.generatedThrough, 1) : plan.recurrence.start;
  return nextOccurrence(plan.recurrence, from < plan.recurrence.start ? plan.recurrence.start : from);
}

export function toPlanView(
  plan: PlanDoc,
  deviceCount: number,
  targetLabel: string,
  staffName: string | null,
): PlanView {
  return {
    planId: plan._id,
    estateId: plan.estateId,
    name: plan.name,
    target: plan.target,
    targetLabel,
    recurrence: plan.recurrence,
    recurrenceLabel: describeRecurrence(plan.recurrence),
    checklist: plan.checklist,
    responsible: plan.responsible,
    responsibleLabel:
      plan.responsible.kind === 'skill'
        ? `${skillLabels[plan.responsible.skill]}技师`
        : (staffName ?? '指定员工'),
    leadDays: plan.leadDays,
    active: plan.active,
    nextDueDate: plan.active ? nextDueDate(plan) : null,
    generatedThrough: plan.generatedThrough,
    deviceCount,
    version: plan.version,
  };
}

/** Plan views for an estate's plans, with target words and device counts. */
export async function planViews(
  ctx: ActionContext,
  plans: PlanDoc[],
  devices: DeviceDoc[],
): Promise<PlanView[]> {
  const byId = new Map(devices.map((d) => [d._id, d]));
  const views: PlanView[] = [];
  for (const plan of plans) {
    let targetLabel: string;
    let count: number;
    if (plan.target.kind === 'device') {
      const device = byId.get(plan.target.deviceId);
      targetLabel = device ? `${device.name} ${device.code}` : '设备已删除';
      count = device ? 1 : 0;
    } else {
      const type = plan.target.deviceType;
      targetLabel = `${deviceTypeLabels[type]}（全部）`;
      count = devices.filter((d) => d.type === type && d.status !== 'retired').length;
    }
    const staffName =
      plan.responsible.kind === 'staff'
        ? ((await ctx.db.staff.get(plan.responsible.staffId))?.name ?? null)
        : null;
    views.push(toPlanView(plan, count, targetLabel, staffName));
  }
  return views;
}

export function toInspectionSummary(inspection: InspectionDoc, today: string): InspectionSummary {
  const overdue = isOverdue(inspection, today);
  return {
    inspectionId: inspection._id,
    deviceId: inspection.deviceId,
    deviceName: inspection.deviceName,
    deviceCode: inspection.deviceCode,
    planName: inspection.planName,
    dueDate: inspection.dueDate,
    state: inspection.state,
    outcome: inspection.outcome,
    stateLabel: inspection.outcome
      ? inspectionOutcomeLabels[inspection.outcome]
      : overdue
        ? '已逾期'
        : '待完成',
    overdue,
    maintenanceOrderNo: inspection.maintenanceOrderNo,
    repairOrderNo: inspection.repairOrderNo,
    doneAt: inspection.doneAt,
    doneByName: inspection.doneByName,
  };
}

export function toInspectionView(
  inspection: InspectionDoc,
  device: DeviceDoc | null,
  identity: Identity,
  today: string,
): InspectionView {
  const results = new Map(inspection.results.map((r) => [r.key, r]));
  return {
    ...toInspectionSummary(inspection, today),
    estateId: inspection.estateId,
    deviceTypeLabel: deviceTypeLabels[inspection.deviceType],
    locationLabel: device?.location.label ?? '',
    items: inspection.checklist.map((item) => {
      const result = results.get(item.key) ?? null;
      const evaluation = inspection.state === 'done' ? evaluateItem(item, result ?? undefined) : null;
      return {
        item,
        limitsLabel: describeLimits(item),
        result,
        outcome: evaluation?.outcome ?? null,
        reason: evaluation?.reason ?? null,
      };
    }),
    note: inspection.note,
    maintenanceOrderId: inspection.maintenanceOrderId,
    repairOrderId: inspection.repairOrderId,
    version: inspection.version,
    canFill: inspection.state === 'pending' && canFillInspections(identity),
  };
}

export async function ordersOfDevice(ctx: ActionContext, deviceId: string): Promise<DeviceOrder[]> {
  return findAll(
    ctx.store.collection<DeviceOrder>('workorders'),
    { where: { deviceId } },
    { sort: [['createdAt', 'desc']], fields: ORDER_FIELDS },
  );
}

/** Latest telemetry and open alarms from the IoT context; empty until the bridge relays. */
async function telemetryOf(ctx: ActionContext, deviceId: string): Promise<DeviceTelemetryView> {
  const [state, alarms] = await Promise.all([
    latestStateOf(ctx.db, deviceId),
    openAlarmsOf(ctx.db, deviceId),
  ]);
  return {
    connected: state !== null,
    online: state?.online ?? null,
    lastSeenAt: state?.lastSeenAt ?? null,
    readings: state
      ? [
          ...Object.entries(state.metrics).map(([name, value]) => ({ name, value: String(value) })),
          ...Object.entries(state.flags).map(([name, value]) => ({
            name,
            value: typeof value === 'boolean' ? (value ? '是' : '否') : value,
          })),
        ]
      : [],
    faultCode: state?.faultCode ?? null,
    openAlarms: alarms.map((a) => ({
      alarmId: a._id,
      label: a.label,
      summary: a.summary,
      severityLabel: severityLabels[a.severity],
      raisedAt: a.raisedAt,
    })),
  };
}

/** A device as staff see it: ledger, plans, pending visits, history, life and live state. */
export async function toDeviceView(ctx: ActionContext, device: DeviceDoc): Promise<DeviceView> {
  const { plans, inspections, repairs, devices } = facilityCollections(ctx.store);
  const now = ctx.now();
  const today = toLocalDate(now);
  const [buildings, estatePlans, visits, costs, orders, live] = await Promise.all([
    buildingNamesOf(ctx.db, device.estateId),
    findAll(plans, { where: { estateId: device.estateId } }),
    findAll(inspections, { where: { deviceId: device._id } }, { sort: [['createdAt', 'desc']] }),
    findAll(repairs, { where: { deviceId: device._id } }, { sort: [['at', 'desc']] }),
    ordersOfDevice(ctx, device._id),
    telemetryOf(ctx, device._id),
  ]);
  const covering = estatePlans.filter((p) =>
    p.target.kind === 'device' ? p.target.deviceId === device._id : p.target.deviceType === device.type,
  );
  const planned = new Set(visits.flatMap((v) => (v.maintenanceOrderId ? [v.maintenanceOrderId] : [])));
  const failureAts = orders.filter((o) => isFailure(o, planned)).map((o) => o.createdAt);
  const history: DeviceHistoryEntry[] = [
    ...visits
      .filter((v) => v.state === 'done')
      .map((v): DeviceHistoryEntry => ({
        kind: 'inspection',
        at: v.doneAt ?? v.updatedAt,
        title: v.planName ? `保养：${v.planName}` : '现场巡检',
        detail:
          `${v.doneByName ?? ''} 完成检查表${v.repairOrderNo ? `，报修单 ${v.repairOrderNo}` : ''}`.trim(),
        stateLabel: v.outcome ? inspectionOutcomeLabels[v.outcome] : '已完成',
        refId: v._id,
        tone: v.outcome === 'failed' ? 'bad' : 'ok',
      })),
    ...orders.map((o): DeviceHistoryEntry => ({
      kind: 'work_order',
      at: o.createdAt,
      title: `${workOrderSourceLabels[o.source]} ${o.orderNo}`,
      detail: o.subject,
      stateLabel: workOrderStateLabels[o.state],
      refId: o._id,
      tone: o.source === 'maintenance' ? 'info' : 'warn',
    })),
    ...costs.map((c): DeviceHistoryEntry => ({
      kind: 'repair_cost',
      at: c.at,
      title: `维修费用 ${formatYuan(c.amount)}`,
      detail: [c.note, c.byName].filter(Boolean).join(' · '),
      stateLabel: '已登记',
      refId: c.orderId,
      tone: 'info',
    })),
  ].sort((a, b) => b.at - a.at);
  const allDevices = await findAll(
    devices,
    { where: { estateId: device.estateId } },
    { fields: ['type', 'status'] },
  );
  return {
    ...toSummary(device, buildings, today),
    manufacturer: device.manufacturer,
    serialNo: device.serialNo,
    location: device.location,
    purchaseDate: device.purchaseDate,
    warrantyUntil: device.warrantyUntil,
    serviceLifeYears: device.serviceLifeYears,
    purchaseCost: device.purchaseCost,
    supplier: device.supplier,
    contractor: device.contractor,
    photos: device.photos,
    documents: device.documents,
    note: device.note,
    version: device.version,
    lifecycle: lifecycleView(
      device,
      failureAts,
      costs.map((c) => ({ at: c.at, amount: c.amount })),
      now,
    ),
    plans: await planViews(ctx, covering, allDevices),
    pendingInspections: visits.filter((v) => v.state === 'pending').map((v) => toInspectionSummary(v, today)),
    history,
    live,
    labelPayload: labelPayload(device.estateId, device.code),
  };
}
