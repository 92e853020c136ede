import { isAppError } from '@linli/shared';
import type { Collection, Doc } from '../_lib/store/port';

/** The store refused a write because the `_id` exists: for deterministic ids, "already done". */
export function isDuplicate(error: unknown): boolean {
  return isAppError(error) && error.code === 'DUPLICATE';
}

/** Insert with a deterministic id; true if this call created it, false if it existed. */
export async function insertOnce(insert: () => Promise<void>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (error) {
    if (isDuplicate(error)) return false;
    throw error;
  }
}

/** Documents per insertMany: the audit log lists the ids of each write, capped at 1000. */
const BATCH = 1000;

/**
 * Insert documents with deterministic ids that were not found a moment ago. If another caller
 * inserted some meanwhile (two clicks, the resume job), a batch falls back to one by one and
 * skips what exists. Returns the documents this call created.
 */
export async function insertMissing<T extends Doc>(
  collection: Collection<T>,
  docs: readonly T[],
): Promise<T[]> {
  const created: T[] = [];
  for (let i = 0; i < docs.length; i += BATCH) {
    const batch = docs.slice(i, i + BATCH);
    try {
      await collection.insertMany(batch);
      created.push(...batch);
    } catch (error) {
      if (!isDuplicate(error)) throw error;
      for (const doc of batch) if (await insertOnce(() => collection.insert(doc))) created.push(doc);
    }
  }
  return created;
}
