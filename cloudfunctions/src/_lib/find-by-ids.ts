import type { Collection, Doc } from './store/port';

/** Ids per `in` query: well under CloudBase's page cap, and a modest query size. */
const CHUNK = 500;

/** Documents with these ids, by id (missing ids are absent), a few queries per thousand ids. */
export async function findByIds<T extends Doc>(
  collection: Collection<T>,
  ids: readonly string[],
  fields?: string[],
): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, T>();
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    const page = await collection.find({ where: { _id: { in: chunk } } }, { limit: chunk.length, fields });
    for (const doc of page.items) found.set(doc._id, doc);
  }
  return found;
}
