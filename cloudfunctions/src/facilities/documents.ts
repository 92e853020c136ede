import type { Device, Fen, Inspection, MaintenancePlan } from '@linli/shared';
import type { Doc, Store } from '../_lib/store/port';

/** Collection names of the facilities context (indexes: _lib/collections.ts). */
export const DEVICES = 'devices';
/** `devcode_<estate>_<code>` → device: what keeps label codes unique in an estate. */
export const DEVICE_CODES = 'device_codes';
export const MAINTENANCE_PLANS = 'maintenance_plans';
export const MAINTENANCE_OCCURRENCES = 'maintenance_occurrences';
export const INSPECTIONS = 'inspections';
export const DEVICE_REPAIRS = 'device_repairs';

export type DeviceDoc = Device & Doc;
export type PlanDoc = MaintenancePlan & Doc;
export type InspectionDoc = Inspection & Doc;

export interface DeviceCodeDoc extends Doc {
  estateId: string;
  deviceId: string;
}

/**
 * One (plan, device, due date): its id is derived from those, so it exists at most once. It is
 * claimed before the order is opened and completed with the order's id after.
 */
export interface OccurrenceDoc extends Doc {
  planId: string;
  deviceId: string;
  estateId: string;
  dueDate: string;
  /** The scope under which the order's duplicate guard was claimed (finds it after a crash). */
  scope: string;
  orderId: string | null;
  orderNo: string | null;
  inspectionId: string | null;
  claimedAt: number;
}

/** A repair cost entry (维修费用) against a device, optionally for one work order. */
export interface RepairDoc extends Doc {
  estateId: string;
  deviceId: string;
  orderId: string | null;
  amount: Fen;
  note: string;
  at: number;
  byName: string;
}

export function facilityCollections(store: Store) {
  return {
    devices: store.collection<DeviceDoc>(DEVICES),
    deviceCodes: store.collection<DeviceCodeDoc>(DEVICE_CODES),
    plans: store.collection<PlanDoc>(MAINTENANCE_PLANS),
    occurrences: store.collection<OccurrenceDoc>(MAINTENANCE_OCCURRENCES),
    inspections: store.collection<InspectionDoc>(INSPECTIONS),
    repairs: store.collection<RepairDoc>(DEVICE_REPAIRS),
  };
}
export type FacilityCollections = ReturnType<typeof facilityCollections>;
