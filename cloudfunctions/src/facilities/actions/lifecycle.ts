import {
  AppError,
  compareReplacement,
  deviceTypeLabels,
  newId,
  toLocalDate,
  type Fen,
  type facilitiesApi,
  type LifecycleRow,
} from '@linli/shared';
import { assertServesEstate } from '../../_lib/authorize';
import { findAll } from '../../_lib/collections';
import { identityOf, type Handler } from '../../_lib/define-function';
import { loadDevice } from '../access';
import { facilityCollections } from '../documents';
import { isFailure, lifecycleView, toDeviceView, type DeviceOrder } from '../views';

/** How many rows each list of the report keeps. */
const TOP = 50;

/**
 * 全生命周期分析: failures (repair orders, not planned maintenance) and repair costs per device,
 * MTBF, warranty and service-life ends, and the renewal plan that follows from them.
 */
export const lifecycle: Handler<typeof facilitiesApi.lifecycle> = async (input, ctx) => {
  assertServesEstate(identityOf(ctx), input.estateId);
  const { devices, repairs, inspections } = facilityCollections(ctx.store);
  const now = ctx.now();
  const today = toLocalDate(now);
  const [ledger, costs, orders, visits] = await Promise.all([
    findAll(devices, { where: { estateId: input.estateId } }, { sort: [['code', 'asc']] }),
    findAll(repairs, { where: { estateId: input.estateId } }),
    findAll(
      ctx.store.collection<DeviceOrder>('workorders'),
      { where: { estateId: input.estateId, deviceId: { ne: null } } },
      { fields: ['deviceId', 'source', 'state', 'createdAt'] },
    ),
    findAll(inspections, { where: { estateId: input.estateId } }, { fields: ['maintenanceOrderId'] }),
  ]);
  const planned = new Set(visits.flatMap((v) => (v.maintenanceOrderId ? [v.maintenanceOrderId] : [])));
  const failuresBy = new Map<string, number[]>();
  for (const order of orders)
    if (order.deviceId && isFailure(order, planned))
      failuresBy.set(order.deviceId, [...(failuresBy.get(order.deviceId) ?? []), order.createdAt]);
  const costsBy = new Map<string, Array<{ at: number; amount: Fen }>>();
  for (const cost of costs) costsBy.set(cost.deviceId, [...(costsBy.get(cost.deviceId) ?? []), cost]);

  const rows: LifecycleRow[] = ledger
    .filter((d) => d.status !== 'retired')
    .map((device) => ({
      deviceId: device._id,
      name: device.name,
      code: device.code,
      typeLabel: deviceTypeLabels[device.type],
      locationLabel: device.location.label,
      lifecycle: lifecycleView(device, failuresBy.get(device._id) ?? [], costsBy.get(device._id) ?? [], now),
    }));
  return {
    estateId: input.estateId,
    today,
    totals: {
      devices: rows.length,
      failuresLastYear: rows.reduce((n, r) => n + r.lifecycle.failuresLastYear, 0),
      repairCost: rows.reduce((n, r) => n + r.lifecycle.repairCost, 0),
    },
    byFailures: rows
      .filter((r) => r.lifecycle.failures > 0)
      .sort(
        (a, b) =>
          b.lifecycle.failuresLastYear - a.lifecycle.failuresLastYear ||
          b.lifecycle.repairCost - a.lifecycle.repairCost,
      )
      .slice(0, TOP),
    nearWarrantyEnd: rows
      .filter((r) => r.lifecycle.warranty.state === 'expiring')
      .sort((a, b) => (a.lifecycle.warranty.daysLeft ?? 0) - (b.lifecycle.warranty.daysLeft ?? 0))
      .slice(0, TOP),
    nearEndOfLife: rows
      .filter((r) => r.lifecycle.daysToEndOfLife !== null && r.lifecycle.daysToEndOfLife <= 365)
      .sort((a, b) => (a.lifecycle.daysToEndOfLife ?? 0) - (b.lifecycle.daysToEndOfLife ?? 0))
      .slice(0, TOP),
    replacementPlan: rows
      .filter((r) => r.lifecycle.replaceInYear !== null)
      .sort((a, b) => compareReplacement(a.lifecycle, b.lifecycle))
      .slice(0, TOP),
  };
};

/** 登记维修费用: feeds the repair-cost side of the analysis. */
export const recordRepairCost: Handler<typeof facilitiesApi.recordRepairCost> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const device = await loadDevice(ctx, input.deviceId);
  if (input.orderId) {
    const order = await ctx.store.collection<DeviceOrder>('workorders').get(input.orderId);
    if (!order || order.deviceId !== device._id) throw new AppError('VALIDATION', '该工单不是此设备的工单');
  }
  const now = ctx.now();
  await facilityCollections(ctx.store).repairs.insert({
    _id: newId('drep', now),
    estateId: device.estateId,
    deviceId: device._id,
    orderId: input.orderId,
    amount: input.amount,
    note: input.note,
    at: now,
    byName: identity.displayName,
  });
  return toDeviceView(ctx, device);
};
