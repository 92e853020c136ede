/**
 * The one data port every cloud function uses. Two adapters implement it: SQLite (local, tests)
 * and CloudBase (production). The port is deliberately no richer than CloudBase's document
 * database, and the SQLite adapter enforces CloudBase's limits, so what passes locally works in
 * the cloud:
 * - a page holds at most MAX_PAGE_SIZE documents (CloudBase clamps get() to 1000);
 * - transactions only read and write single documents by id (no queries inside);
 * - uniqueness is by `_id`: derive ids from natural keys (see `keyId`) to make writes idempotent.
 */

export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 100;

export type Scalar = string | number | boolean | null;

export interface Doc {
  _id: string;
  [field: string]: unknown;
}

/**
 * Comparison on one field; a bare scalar means equality. Fields may be dotted paths
 * (`owner.phone`); segments are identifiers, array indexes are not supported.
 * Semantics follow CloudBase (MongoDB): equality with `null` matches null or a missing field;
 * `ne` and `nin` also match a missing field; `gt/gte/lt/lte` only match values of the operand's
 * type (numbers with numbers, strings with strings); booleans equal only booleans.
 * Conditions are for scalar fields: on an array field CloudBase matches elements, SQLite does not.
 */
export type Condition =
  | Scalar
  | {
      eq?: Scalar;
      ne?: Scalar;
      gt?: string | number;
      gte?: string | number;
      lt?: string | number;
      lte?: string | number;
      in?: Scalar[];
      nin?: Scalar[];
      exists?: boolean;
    };

/** All conditions must hold (AND). `or` holds when any of its filters holds. */
export type Filter = { [field: string]: Condition } & { or?: never };
export interface QueryFilter {
  where?: Filter;
  or?: Filter[];
}

export type SortDirection = 'asc' | 'desc';

export interface FindOptions {
  /**
   * Sort keys in order; `_id` is always appended as the final tie-breaker. A sort field should
   * hold one type (plus null/missing, which sort first ascending): CloudBase's range operators
   * are type-bracketed, so cursors over mixed types would skip documents there.
   */
  sort?: Array<[field: string, direction: SortDirection]>;
  /** Default DEFAULT_PAGE_SIZE; more than MAX_PAGE_SIZE is a STORE_LIMIT error. */
  limit?: number;
  /** Opaque cursor from a previous page's `next`. */
  after?: string;
  /** Only these fields (plus `_id`) are returned. */
  fields?: string[];
}

export interface Page<T> {
  items: T[];
  /** Present when more documents may follow. */
  next?: string;
}

/**
 * Updates, keyed by field path (dotted paths allowed): `set` assigns (an object value replaces
 * the whole field), `inc` adds atomically (a missing field counts as 0), `unset` removes,
 * `push` appends one value to an array field (created when missing). A path may appear only
 * once across all four, and `_id` cannot be updated.
 */
export interface UpdateSpec {
  set?: Record<string, unknown>;
  inc?: Record<string, number>;
  unset?: string[];
  push?: Record<string, unknown>;
}

export interface Collection<T extends Doc = Doc> {
  readonly name: string;
  get(id: string): Promise<T | null>;
  find(filter?: QueryFilter, options?: FindOptions): Promise<Page<T>>;
  count(filter?: QueryFilter): Promise<number>;
  /** Fails with DUPLICATE when `_id` exists. */
  insert(doc: T): Promise<void>;
  /** All or nothing; fails with DUPLICATE when any `_id` exists. */
  insertMany(docs: T[]): Promise<void>;
  /** Insert or replace the whole document. */
  set(doc: T): Promise<void>;
  /**
   * Update one document by id; with `where`, only if the document also matches it
   * (compare-and-set). Returns false when nothing matched. An empty spec only tests the match.
   */
  update(id: string, spec: UpdateSpec, where?: Filter): Promise<boolean>;
  updateMany(filter: QueryFilter, spec: UpdateSpec): Promise<number>;
  remove(id: string): Promise<boolean>;
  removeMany(filter: QueryFilter): Promise<number>;
}

/** Inside a transaction only single-document operations by id exist, as in CloudBase. */
export interface TxCollection<T extends Doc = Doc> {
  get(id: string): Promise<T | null>;
  insert(doc: T): Promise<void>;
  set(doc: T): Promise<void>;
  update(id: string, spec: UpdateSpec): Promise<boolean>;
  remove(id: string): Promise<boolean>;
}

export interface Transaction {
  collection<T extends Doc = Doc>(name: string): TxCollection<T>;
}

export interface Store {
  collection<T extends Doc = Doc>(name: string): Collection<T>;
  /**
   * Run `work` atomically. It may be called again on a write conflict, so it must not have
   * side effects outside the transaction.
   */
  transaction<R>(work: (tx: Transaction) => Promise<R>): Promise<R>;
  /**
   * Declare the fields a collection is queried and sorted by. SQLite builds the indexes;
   * CloudBase indexes are created in the console, so that adapter only validates the names.
   */
  ensureIndexes(collection: string, indexes: Array<string[]>): Promise<void>;
  /**
   * Names of all collections that hold documents (backup, wipe in tests). node-sdk cannot list
   * CloudBase collections, so the CloudBase adapter rejects this.
   */
  listCollections(): Promise<string[]>;
  close(): Promise<void>;
}
