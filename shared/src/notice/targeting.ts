import type { NoticeTarget } from './notice';

/** Where a household sits, as much as targeting needs. */
export interface TargetableHousehold {
  _id: string;
  buildingId: string;
  unitId: string;
}

/** Whether a notice aimed at `target` (inside the household's estate) is for this household. */
export function targetsHousehold(target: NoticeTarget, household: TargetableHousehold): boolean {
  switch (target.scope) {
    case 'estate':
      return true;
    case 'buildings':
      return target.buildingIds.includes(household.buildingId);
    case 'units':
      return target.unitIds.includes(household.unitId);
    case 'households':
      return target.householdIds.includes(household._id);
  }
}

/** The target in words for staff lists: 全体住户 / 2号楼、3号楼 / 1号楼1单元 / 指定 35 户. */
export function describeTarget(
  target: NoticeTarget,
  names: { building?: (id: string) => string | undefined; unit?: (id: string) => string | undefined } = {},
): string {
  const listed = (ids: string[], nameOf: ((id: string) => string | undefined) | undefined, unit: string) => {
    const known = ids.map((id) => nameOf?.(id)).filter((n): n is string => !!n);
    if (known.length === ids.length && ids.length <= 3) return known.join('、');
    return `${ids.length} 个${unit}`;
  };
  switch (target.scope) {
    case 'estate':
      return '全体住户';
    case 'buildings':
      return listed(target.buildingIds, names.building, '楼栋');
    case 'units':
      return listed(target.unitIds, names.unit, '单元');
    case 'households':
      return `指定 ${target.householdIds.length} 户`;
  }
}
