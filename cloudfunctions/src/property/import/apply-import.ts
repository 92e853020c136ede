import type { Collections } from '../../_lib/collections';
import type { Collection, Doc } from '../../_lib/store/port';
import type { ImportPlan, Writes } from './plan-import';

/** Documents per insertMany: one audited write each, well inside CloudBase's request limits. */
export const WRITE_CHUNK = 500;

/**
 * Carry out a plan: structure first (buildings, units, households), then people and parking,
 * then the search keys of touched households. Every write goes through the caller's store, so
 * it is audited (an insertMany as one entry). Should a call fail half-way, importing the same
 * sheet again finishes the job: the plan is recomputed from what was written.
 */
export async function applyImport(db: Collections, plan: ImportPlan): Promise<void> {
  await write(db.buildings, plan.buildings);
  await write(db.units, plan.units);
  await write(db.households, plan.households);
  await write(db.persons, plan.persons);
  await write(db.memberships, plan.memberships);
  await write(db.parkingSpaces, plan.parkingSpaces);
  await replaceSearchKeys(db, plan.reindex, new Set(plan.households.insert.map((h) => h._id)));
}

async function write<T extends Doc>(collection: Collection<T>, writes: Writes<T>): Promise<void> {
  await insertInChunks(collection, writes.insert);
  for (const doc of writes.update) await collection.set(doc);
}

async function insertInChunks<T extends Doc>(collection: Collection<T>, docs: T[]): Promise<void> {
  for (let i = 0; i < docs.length; i += WRITE_CHUNK)
    await collection.insertMany(docs.slice(i, i + WRITE_CHUNK));
}

/** Drop the old keys of changed households (new ones have none) and insert all new keys in bulk. */
async function replaceSearchKeys(
  db: Collections,
  reindex: ImportPlan['reindex'],
  created: Set<string>,
): Promise<void> {
  const existing = reindex.householdIds.filter((id) => !created.has(id));
  for (let i = 0; i < existing.length; i += WRITE_CHUNK) {
    await db.householdSearch.removeMany({
      where: { householdId: { in: existing.slice(i, i + WRITE_CHUNK) } },
    });
  }
  await insertInChunks(db.householdSearch, reindex.keys);
}
