import { z } from 'zod';
import { FenSchema } from '../money/money';
import { Id } from '../schemas/property';
import { LocalDate } from '../time/shanghai';
import { PublicArea, type WorkOrderCategory } from '../workorder/category';

/** Kinds of equipment in the ledger (设备类型). */
export const DeviceType = z.enum([
  'lift',
  'fire_pump',
  'extinguisher',
  'water_pump',
  'water_tank',
  'transformer',
  'generator',
  'access_gate',
  'camera',
  'hvac',
  'power_meter',
]);
export type DeviceType = z.infer<typeof DeviceType>;

export const deviceTypeLabels: Record<DeviceType, string> = {
  lift: '电梯',
  fire_pump: '消防水泵',
  extinguisher: '灭火器',
  water_pump: '生活水泵',
  water_tank: '水箱',
  transformer: '变压器',
  generator: '发电机',
  access_gate: '门禁道闸',
  camera: '监控摄像头',
  hvac: '暖通空调',
  power_meter: '电能表',
};

/** Label-code prefix per type: LIFT-2-1, FP-01 … */
export const deviceCodePrefix: Record<DeviceType, string> = {
  lift: 'LIFT',
  fire_pump: 'FP',
  extinguisher: 'EXT',
  water_pump: 'WP',
  water_tank: 'WT',
  transformer: 'TR',
  generator: 'GEN',
  access_gate: 'GATE',
  camera: 'CAM',
  hvac: 'HVAC',
  power_meter: 'PM',
};

export const DeviceStatus = z.enum(['in_service', 'under_repair', 'stopped', 'retired']);
export type DeviceStatus = z.infer<typeof DeviceStatus>;
export const deviceStatusLabels: Record<DeviceStatus, string> = {
  in_service: '在用',
  under_repair: '维修中',
  stopped: '停用',
  retired: '已报废',
};

/** Where a device stands: a building (and floor) or a public area, with words for people. */
export const DeviceLocation = z.object({
  buildingId: Id.nullable(),
  floor: z.number().int().min(-10).max(200).nullable(),
  /** The public area it serves; devices with one can be reported by owners from the label. */
  publicAreaId: PublicArea.nullable(),
  /** '2号楼 1单元 电梯井', '地下一层水泵房' */
  label: z.string().trim().min(1).max(60),
});
export type DeviceLocation = z.infer<typeof DeviceLocation>;

export const DeviceContact = z.object({
  name: z.string().trim().max(40),
  phone: z.string().trim().max(30),
});
export type DeviceContact = z.infer<typeof DeviceContact>;

/** The label code printed on the QR sticker: capitals, digits and dashes. */
export const DeviceCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,29}$/, '设备编码只能包含大写字母、数字和短横线（2-30 位）');

/** The fields staff enter (设备台账); `_id`, estate and bookkeeping are set by the server. */
export const DeviceFields = z.object({
  type: DeviceType,
  name: z.string().trim().min(1, '请填写设备名称').max(40),
  code: DeviceCode,
  model: z.string().trim().max(60).default(''),
  manufacturer: z.string().trim().max(60).default(''),
  serialNo: z.string().trim().max(60).default(''),
  location: DeviceLocation,
  purchaseDate: LocalDate.nullable().default(null),
  installDate: LocalDate.nullable().default(null),
  /** Warranty ends this day (inclusive). */
  warrantyUntil: LocalDate.nullable().default(null),
  /** Expected service life in years from installation (设计使用年限). */
  serviceLifeYears: z.number().int().min(1).max(60).nullable().default(null),
  purchaseCost: FenSchema.nullable().default(null),
  supplier: DeviceContact.nullable().default(null),
  contractor: DeviceContact.nullable().default(null),
  /** Cloud file ids of photos, manuals and certificates. */
  photos: z.array(z.string().min(1).max(300)).max(9).default([]),
  documents: z
    .array(z.object({ name: z.string().trim().min(1).max(60), fileId: z.string().min(1).max(300) }))
    .max(20)
    .default([]),
  status: DeviceStatus.default('in_service'),
  note: z.string().trim().max(500).default(''),
});
export type DeviceFields = z.infer<typeof DeviceFields>;
export type DeviceFieldsInput = z.input<typeof DeviceFields>;

/**
 * A device document (collection `devices`, ids `dev_…`). The IoT bridge links its credentials to
 * these ids; `code` is unique within an estate.
 */
export const Device = DeviceFields.extend({
  _id: Id,
  estateId: Id,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  version: z.number().int().min(0),
});
export type Device = z.infer<typeof Device>;

/** The repair category a device's faults fall under (dispatch picks the skill from it). */
export const deviceRepairCategory: Record<DeviceType, WorkOrderCategory> = {
  lift: 'lift',
  fire_pump: 'plumbing',
  extinguisher: 'other',
  water_pump: 'plumbing',
  water_tank: 'plumbing',
  transformer: 'electrical',
  generator: 'electrical',
  access_gate: 'electrical',
  camera: 'electrical',
  hvac: 'hvac',
  power_meter: 'electrical',
};

/** The public area a device usually stands in, suggested when staff add one. */
export const deviceDefaultArea: Record<DeviceType, PublicArea> = {
  lift: 'lift',
  fire_pump: 'pump_room',
  extinguisher: 'corridor',
  water_pump: 'pump_room',
  water_tank: 'pump_room',
  transformer: 'power_room',
  generator: 'power_room',
  access_gate: 'gate',
  camera: 'other',
  hvac: 'other',
  power_meter: 'power_room',
};

/** What the QR label encodes: scanned in the mini-program, it resolves to the device. */
export const LABEL_PREFIX = 'linli:dev:';
export function labelPayload(estateId: string, code: string): string {
  return `${LABEL_PREFIX}${estateId}:${code}`;
}
/** The estate and code from a scanned label; a bare code (typed in by hand) has no estate. */
export function parseLabel(scanned: string): { estateId: string | null; code: string } | null {
  const text = scanned.trim();
  if (text.startsWith(LABEL_PREFIX)) {
    const rest = text.slice(LABEL_PREFIX.length);
    const cut = rest.indexOf(':');
    if (cut <= 0) return null;
    const parsed = DeviceCode.safeParse(rest.slice(cut + 1));
    return parsed.success ? { estateId: rest.slice(0, cut), code: parsed.data } : null;
  }
  const parsed = DeviceCode.safeParse(text);
  return parsed.success ? { estateId: null, code: parsed.data } : null;
}
