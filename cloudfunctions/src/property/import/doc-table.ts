import { isDeepStrictEqual } from 'node:util';

/**
 * The documents of one collection as an import would leave them: start from what is stored,
 * `put` the desired state of each document, and read back only the real changes. Putting an
 * identical document records nothing, which is what makes re-importing a sheet write nothing.
 */
export class DocTable<T extends { _id: string }> {
  private readonly current: Map<string, T>;
  private readonly inserted = new Map<string, T>();
  private readonly updated = new Map<string, T>();

  constructor(docs: Iterable<T>) {
    this.current = new Map([...docs].map((doc) => [doc._id, doc]));
  }

  get(id: string): T | undefined {
    return this.current.get(id);
  }

  values(): IterableIterator<T> {
    return this.current.values();
  }

  /** Record the desired state of a document; true when that differs from the current one. */
  put(doc: T): boolean {
    const before = this.current.get(doc._id);
    if (before && isDeepStrictEqual(before, doc)) return false;
    this.current.set(doc._id, doc);
    if (!before || this.inserted.has(doc._id)) this.inserted.set(doc._id, doc);
    else this.updated.set(doc._id, doc);
    return true;
  }

  /** New documents to insert and changed ones to replace, each at most once. */
  writes(): { insert: T[]; update: T[] } {
    return { insert: [...this.inserted.values()], update: [...this.updated.values()] };
  }
}
