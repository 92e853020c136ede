import {
  evaluateChecklist,
  keyId,
  locationKey,
  reportFingerprint,
  repairDescription,
  MAX_PHOTOS,
} from '@linli/shared';
import type { ActionContext } from '../_lib/define-function';
import type { Doc } from '../_lib/store/port';
import { WORKORDER_GUARDS, type DuplicateGuard } from '../workorder/documents';
import { openWorkOrder } from '../workorder/open-order';
import { routeOrder } from '../workorder/route-order';
import { deviceCategory, deviceLocation } from './device-order';
import { facilityCollections, type DeviceDoc, type InspectionDoc } from './documents';

/**
 * The one repair order for a failed inspection. The inspection is already marked done (that
 * claim is what makes this run once); the order is opened under the inspection's duplicate
 * scope, so a retry after a crash finds the order instead of opening another.
 */
export async function openRepairOrder(
  ctx: ActionContext,
  inspection: InspectionDoc,
  device: DeviceDoc,
  reporterName: string,
): Promise<{ _id: string; orderNo: string }> {
  const evaluation = evaluateChecklist(inspection.checklist, inspection.results);
  const location = await deviceLocation(ctx, device);
  const category = deviceCategory(device);
  const description = repairDescription(inspection, evaluation.failed);
  const scope = inspection._id;
  const guardId = keyId(
    'wodup',
    scope,
    reportFingerprint({ category, locationKey: locationKey(location), description }),
  );
  const guard = await ctx.store.collection<DuplicateGuard & Doc>(WORKORDER_GUARDS).get(guardId);
  const existing = guard
    ? await ctx.store.collection<{ _id: string; orderNo: string }>('workorders').get(guard.orderId)
    : null;
  let order = existing;
  if (!order) {
    const failedKeys = new Set(evaluation.failed.map((f) => f.key));
    const photos = inspection.results
      .filter((r) => failedKeys.has(r.key))
      .flatMap((r) => r.photos)
      .slice(0, MAX_PHOTOS);
    const opened = await openWorkOrder(ctx, {
      estateId: inspection.estateId,
      householdId: null,
      location,
      buildingId: location.kind === 'public' ? location.buildingId : null,
      category,
      description,
      photos,
      preferredTime: null,
      deviceModel: device.model || null,
      source: 'maintenance',
      reporter: { accountId: null, name: reporterName, phone: null },
      actor: { kind: 'staff', name: reporterName },
      dailyAccountId: null,
      duplicateScope: scope,
    });
    order = await routeOrder(ctx, opened);
  }
  await facilityCollections(ctx.store).inspections.update(inspection._id, {
    set: { repairOrderId: order._id, repairOrderNo: order.orderNo },
  });
  return order;
}
