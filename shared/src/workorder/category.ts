import { z } from 'zod';
import type { Skill } from '../schemas/staff';

/** What is broken (报修类别); each category needs one technician skill. */
export const WorkOrderCategory = z.enum([
  'plumbing',
  'electrical',
  'lift',
  'locks',
  'hvac',
  'gas',
  'civil',
  'other',
]);
export type WorkOrderCategory = z.infer<typeof WorkOrderCategory>;

export const workOrderCategoryLabels: Record<WorkOrderCategory, string> = {
  plumbing: '水管水暖',
  electrical: '电路照明',
  lift: '电梯',
  locks: '门窗门锁',
  hvac: '空调暖通',
  gas: '燃气',
  civil: '墙面地面',
  other: '其他',
};

/**
 * The skill a technician must hold to be sent. Gas goes to pipe fitters: the property's first
 * response is shutting valves and ventilating; the gas company does the repair itself.
 */
export const requiredSkillOf: Record<WorkOrderCategory, Skill> = {
  plumbing: 'plumbing',
  electrical: 'electrical',
  lift: 'lift',
  locks: 'locks',
  hvac: 'hvac',
  gas: 'plumbing',
  civil: 'general',
  other: 'general',
};

/** Public places an owner can report from (公共区域). */
export const PublicArea = z.enum([
  'lobby',
  'corridor',
  'stairwell',
  'lift',
  'garage',
  'garden',
  'gate',
  'roof',
  'pump_room',
  'power_room',
  'other',
]);
export type PublicArea = z.infer<typeof PublicArea>;

export const publicAreaLabels: Record<PublicArea, string> = {
  lobby: '大堂',
  corridor: '楼道',
  stairwell: '楼梯间',
  lift: '电梯',
  garage: '地下车库',
  garden: '绿化区域',
  gate: '小区出入口',
  roof: '屋顶',
  pump_room: '水泵房',
  power_room: '配电房',
  other: '其他公共区域',
};

/** Where the fault is: the reporting household's own room, or a public area (maybe a device). */
export type WorkOrderLocation =
  | { kind: 'household'; householdId: string; roomCode: string }
  | {
      kind: 'public';
      area: PublicArea;
      buildingId: string | null;
      buildingName: string | null;
      deviceId: string | null;
      note: string | null;
    };

/** '1-1-1201', '2号楼 电梯（设备 LIFT-2-1）', '地下车库 B2 入口'. */
export function locationLabel(location: WorkOrderLocation): string {
  if (location.kind === 'household') return location.roomCode;
  const parts = [location.buildingName, publicAreaLabels[location.area], location.note].filter(Boolean);
  const device = location.deviceId ? `（设备 ${location.deviceId}）` : '';
  return `${parts.join(' ')}${device}`;
}

/** One key per place for "repeat failures": the device when known, else the room or area. */
export function locationKey(location: WorkOrderLocation): string {
  if (location.kind === 'household') return `hh:${location.householdId}`;
  if (location.deviceId) return `dev:${location.deviceId}`;
  return `area:${location.buildingId ?? 'estate'}:${location.area}`;
}

/** When the owner would like the visit (期望上门时间). */
export const VisitSlot = z.enum(['morning', 'afternoon', 'evening', 'anytime']);
export type VisitSlot = z.infer<typeof VisitSlot>;
export const visitSlotLabels: Record<VisitSlot, string> = {
  morning: '上午 9:00–12:00',
  afternoon: '下午 13:00–18:00',
  evening: '晚上 18:00–21:00',
  anytime: '全天均可',
};

/** Where the order came from (报修渠道). */
export const WorkOrderSource = z.enum(['owner', 'phone', 'walk_in', 'maintenance', 'alarm']);
export type WorkOrderSource = z.infer<typeof WorkOrderSource>;
export const workOrderSourceLabels: Record<WorkOrderSource, string> = {
  owner: '业主自助报修',
  phone: '电话报修',
  walk_in: '前台登记',
  maintenance: '保养计划',
  alarm: '设备告警',
};
