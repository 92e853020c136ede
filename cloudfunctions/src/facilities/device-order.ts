import {
  deviceDefaultArea,
  deviceRepairCategory,
  type Device,
  type Skill,
  type WorkOrderCategory,
  type WorkOrderLocation,
} from '@linli/shared';
import type { ActionContext } from '../_lib/define-function';

/** The category whose required skill is the plan's: dispatch then sends the right technician. */
export const categoryForSkill: Record<Skill, WorkOrderCategory> = {
  plumbing: 'plumbing',
  electrical: 'electrical',
  lift: 'lift',
  locks: 'locks',
  hvac: 'hvac',
  general: 'other',
};

/** A work order's location for a device: the public area it stands in, naming the device. */
export async function deviceLocation(
  ctx: Pick<ActionContext, 'db'>,
  device: Device,
  buildingNames?: Map<string, string | null>,
): Promise<WorkOrderLocation> {
  const buildingId = device.location.buildingId;
  let buildingName: string | null = null;
  if (buildingId) {
    if (buildingNames?.has(buildingId)) buildingName = buildingNames.get(buildingId) ?? null;
    else {
      buildingName = (await ctx.db.buildings.get(buildingId))?.name ?? null;
      buildingNames?.set(buildingId, buildingName);
    }
  }
  return {
    kind: 'public',
    area: device.location.publicAreaId ?? deviceDefaultArea[device.type],
    buildingId,
    buildingName,
    deviceId: device._id,
    note: `${device.name} ${device.code}`,
  };
}

export function deviceCategory(device: Device): WorkOrderCategory {
  return deviceRepairCategory[device.type];
}
