import type { Household } from '@linli/shared';
import { findByIds } from '../_lib/find-by-ids';
import type { Condition, Doc, Store } from '../_lib/store/port';
import type { NoticeDoc } from './documents';

export interface HouseholdChunk {
  households: Array<Household & Doc>;
  /** Where the next chunk starts (the last id looked at); null when there is nothing after `after`. */
  last: string | null;
}

/**
 * The next `limit` households of a notice's target after the household id `after`, in id
 * order. Resuming from the id (rather than a page cursor) keeps a half-done fan-out valid
 * across deployments and crashes.
 */
export async function nextTargetHouseholds(
  store: Store,
  notice: Pick<NoticeDoc, 'estateId' | 'target'>,
  after: string | null,
  limit: number,
): Promise<HouseholdChunk> {
  const households = store.collection<Household & Doc>('households');
  const { target, estateId } = notice;
  if (target.scope === 'households') {
    const ids = [...new Set(target.householdIds)].sort().filter((id) => after === null || id > after);
    const chunk = ids.slice(0, limit);
    const found = await findByIds(households, chunk);
    return {
      households: chunk.flatMap((id) => {
        const household = found.get(id);
        return household && household.estateId === estateId ? [household] : [];
      }),
      last: chunk.at(-1) ?? null,
    };
  }
  const where: Record<string, Condition> = { estateId };
  if (target.scope === 'buildings') where.buildingId = { in: target.buildingIds };
  if (target.scope === 'units') where.unitId = { in: target.unitIds };
  if (after !== null) where._id = { gt: after };
  const page = await households.find({ where: where }, { sort: [['_id', 'asc']], limit });
  return { households: page.items, last: page.items.at(-1)?._id ?? null };
}
