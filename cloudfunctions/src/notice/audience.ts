import { AppError, describeTarget, type NoticeAudience, type NoticeTarget } from '@linli/shared';
import { findAll, type Collections } from '../_lib/collections';
import { findByIds } from '../_lib/find-by-ids';
import type { Collection, Doc } from '../_lib/store/port';

/** Every building, unit or household a target names must exist in the notice's estate. */
export async function assertTargetInEstate(
  db: Collections,
  estateId: string,
  target: NoticeTarget,
): Promise<void> {
  const check = async <T extends Doc & { estateId: string }>(
    ids: string[],
    collection: Collection<T>,
    what: string,
  ) => {
    const found = await findByIds(collection, ids, ['estateId']);
    if (ids.some((id) => found.get(id)?.estateId !== estateId))
      throw new AppError('VALIDATION', `所选${what}不存在或不属于该小区`);
  };
  switch (target.scope) {
    case 'estate':
      return;
    case 'buildings':
      return check(target.buildingIds, db.buildings, '楼栋');
    case 'units':
      return check(target.unitIds, db.units, '单元');
    case 'households':
      return check(target.householdIds, db.households, '房屋');
  }
}

function tally(byBuilding: Map<string, number>, buildingId: string, households: number): void {
  byBuilding.set(buildingId, (byBuilding.get(buildingId) ?? 0) + households);
}

/**
 * Count the households a target reaches, per building: the denominators of the read rates,
 * fixed when the notice is published. Counting queries only, so a large estate costs a few
 * dozen small queries rather than a read of every household.
 */
export async function countAudience(
  db: Collections,
  estateId: string,
  target: NoticeTarget,
): Promise<NoticeAudience> {
  const byBuilding = new Map<string, number>();
  switch (target.scope) {
    case 'estate':
    case 'buildings': {
      const buildingIds =
        target.scope === 'estate'
          ? (await findAll(db.buildings, { where: { estateId } }, { fields: ['_id'] })).map((b) => b._id)
          : target.buildingIds;
      for (const buildingId of new Set(buildingIds))
        tally(byBuilding, buildingId, await db.households.count({ where: { estateId, buildingId } }));
      break;
    }
    case 'units': {
      const units = await findByIds(db.units, target.unitIds, ['buildingId']);
      for (const unit of units.values())
        tally(
          byBuilding,
          unit.buildingId,
          await db.households.count({ where: { estateId, unitId: unit._id } }),
        );
      break;
    }
    case 'households': {
      const households = await findByIds(db.households, target.householdIds, ['buildingId', 'estateId']);
      for (const household of households.values())
        if (household.estateId === estateId) tally(byBuilding, household.buildingId, 1);
      break;
    }
  }
  const list = [...byBuilding].map(([buildingId, households]) => ({ buildingId, households }));
  return { households: list.reduce((n, b) => n + b.households, 0), byBuilding: list };
}

/** The target in words, with building and unit names from the store. */
export async function targetLabel(db: Collections, target: NoticeTarget): Promise<string> {
  const buildingIds = target.scope === 'buildings' ? target.buildingIds.slice(0, 3) : [];
  const unitIds = target.scope === 'units' ? target.unitIds.slice(0, 3) : [];
  const [buildings, units] = await Promise.all([
    findByIds(db.buildings, buildingIds, ['name']),
    findByIds(db.units, unitIds, ['name', 'buildingId']),
  ]);
  const unitBuildings = await findByIds(
    db.buildings,
    [...units.values()].map((u) => u.buildingId),
    ['name'],
  );
  return describeTarget(target, {
    building: (id) => buildings.get(id)?.name,
    unit: (id) => {
      const unit = units.get(id);
      return unit ? `${unitBuildings.get(unit.buildingId)?.name ?? ''}${unit.name}` : undefined;
    },
  });
}
