import {
  addDays,
  REPAIR_RULES,
  REPEAT_WITHIN_DAYS,
  repairFrequency,
  startOfLocalDate,
  toLocalDate,
  type analyticsApi,
  type ParsedInputOf,
  type RepairFrequencyView,
} from '@linli/shared';
import { findAll } from '../../_lib/collections';
import type { ActionContext, Handler } from '../../_lib/define-function';
import { servedEstateId } from '../../billing/access';
import { facilityCollections } from '../../facilities/documents';
import { buildingNamesOf } from '../../facilities/views';
import { workorderCollections } from '../../workorder/documents';

/** The window shown when none is asked for. */
const DEFAULT_WINDOW_DAYS = 90;

type WindowInput = Pick<
  ParsedInputOf<(typeof analyticsApi)['repairs.frequency']>,
  'estateId' | 'from' | 'to'
>;

/**
 * 报修频次 of an estate over [from, to] (Shanghai days, the last 90 by default). Every order of
 * the estate is read, so repeats just before the window and the renewal rules (judged today)
 * see the whole history.
 */
export async function repairFrequencyReport(
  ctx: ActionContext,
  input: WindowInput,
): Promise<RepairFrequencyView> {
  const estateId = servedEstateId(ctx, input.estateId);
  const now = ctx.now();
  const to = input.to ?? toLocalDate(now);
  const from = input.from ?? addDays(to, -(DEFAULT_WINDOW_DAYS - 1));
  const [orders, devices, costs, households, buildingNames] = await Promise.all([
    findAll(
      workorderCollections(ctx.store).workorders,
      { where: { estateId } },
      { fields: ['orderNo', 'createdAt', 'category', 'source', 'state', 'location', 'deviceId'] },
    ),
    findAll(
      facilityCollections(ctx.store).devices,
      { where: { estateId } },
      { fields: ['name', 'code', 'purchaseCost'] },
    ),
    findAll(
      facilityCollections(ctx.store).repairs,
      { where: { estateId } },
      { fields: ['deviceId', 'amount', 'at'] },
    ),
    findAll(ctx.db.households, { where: { estateId } }, { fields: ['buildingId'] }),
    buildingNamesOf(ctx.db, estateId),
  ]);
  // Orders reported before the device was in the ledger may name it by its label code.
  const idOfCode = new Map(devices.map((d) => [d.code, d._id]));
  const known = new Set(devices.map((d) => d._id));
  const deviceIdOf = (id: string | null) => (id && !known.has(id) ? (idOfCode.get(id) ?? id) : id);
  const report = repairFrequency({
    orders: orders.map((o) => ({ ...o, orderId: o._id, deviceId: deviceIdOf(o.deviceId) })),
    costs,
    from: startOfLocalDate(from).valueOf(),
    to: startOfLocalDate(addDays(to, 1)).valueOf(),
    now,
    devices: new Map(
      devices.map((d) => [d._id, { name: `${d.name} ${d.code}`, purchaseCost: d.purchaseCost }]),
    ),
    buildingNames,
    buildingIdOfHousehold: new Map(households.map((h) => [h._id, h.buildingId])),
  });
  return {
    estateId,
    from,
    to,
    total: report.total,
    repeats: report.repeats,
    byDevice: report.byDevice,
    byCategory: report.byCategory,
    byLocation: report.byLocation,
    rules: {
      windowDays: REPAIR_RULES.windowDays,
      maxRepairs: REPAIR_RULES.maxRepairs,
      costSharePercent: REPAIR_RULES.costSharePercent,
      repeatWithinDays: REPEAT_WITHIN_DAYS,
    },
  };
}

export const repairFrequencyAction: Handler<(typeof analyticsApi)['repairs.frequency']> = (input, ctx) =>
  repairFrequencyReport(ctx, input);
