/**
 * The CloudBase adapter (production), on @cloudbase/node-sdk's document database.
 *
 * node-sdk takes documents and update objects directly (wx-server-sdk wraps them in `{ data }`).
 * Two SDK serialization habits shape the update mapping: a plain nested object in an update is
 * flattened into dotted `$set`s (a merge, not a replace), and `_.push([a, b])` pushes the
 * elements; so `set` always goes through `_.set(value)` and `push` through `{ each: [value] }`.
 */
import tcb from '@cloudbase/node-sdk';
import type { CloudBase } from '@cloudbase/node-sdk';
import { AppError } from '@linli/shared';
import { cursorValue, decodeCursor, encodeCursor, sortKeys, type CursorValue, type SortKey } from './cursor';
import {
  MAX_PAGE_SIZE,
  type Collection,
  type Doc,
  type Filter,
  type Page,
  type SortDirection,
  type Store,
  type Transaction,
  type TxCollection,
  type UpdateSpec,
} from './port';
import {
  assertCollectionName,
  assertDoc,
  assertField,
  assertId,
  assertIndexes,
  getPath,
  normalizeFilter,
  normalizeUpdate,
  normalizeWhere,
  pageLimit,
  project,
  type FieldTest,
  type NormalizedFilter,
  type Op,
  type UpdateOp,
} from './rules';

export type CloudbaseStoreOptions =
  { env: string; secretId?: string; secretKey?: string; serviceUrl?: string } | { app: CloudBase };

// The SDK's own typings are mostly `any`; these describe exactly the surface used here.

/** A db.command value: opaque, serialized by the SDK. */
type Command = object;
type Where = Record<string, unknown> | Command;

interface Commands {
  neq(value: unknown): Command;
  gt(value: unknown): Command;
  gte(value: unknown): Command;
  lt(value: unknown): Command;
  lte(value: unknown): Command;
  in(values: unknown[]): Command;
  nin(values: unknown[]): Command;
  exists(value: boolean): Command;
  and(expressions: Where[]): Command;
  or(expressions: Where[]): Command;
  set(value: unknown): Command;
  remove(): Command;
  inc(by: number): Command;
  push(options: { each: unknown[] }): Command;
}

/** With `throwOnCode: false` the SDK returns server errors instead of throwing them. */
interface Reply {
  code?: string | number;
  message?: string;
}

interface QueryRef {
  where(query: Where): QueryRef;
  orderBy(field: string, direction: SortDirection): QueryRef;
  limit(limit: number): QueryRef;
  field(projection: Record<string, boolean>): QueryRef;
  get(): Promise<Reply & { data: unknown[] }>;
  count(): Promise<Reply & { total: number }>;
  update(data: Record<string, unknown>): Promise<Reply & { updated: number }>;
  remove(): Promise<Reply & { deleted: number | string }>;
}

interface DocumentRef {
  /** `data` is an array outside a transaction and a single document (or null) inside one. */
  get(): Promise<Reply & { data: unknown }>;
  set(data: Record<string, unknown>): Promise<Reply & { updated: number }>;
  update(data: Record<string, unknown>): Promise<Reply & { updated: number }>;
  remove(): Promise<Reply & { deleted: number | string }>;
}

interface CollectionRef extends QueryRef {
  doc(id: string): DocumentRef;
  add(data: Doc | Doc[]): Promise<Reply>;
}

interface TransactionRef {
  collection(name: string): CollectionRef;
}

interface DatabaseRef {
  command: Commands;
  collection(name: string): CollectionRef;
  runTransaction<R>(callback: (transaction: TransactionRef) => Promise<R>, times?: number): Promise<R>;
  createCollection(name: string): Promise<Reply>;
}

/** insertMany writes in batches of this size (CloudBase's per-request limit is not documented). */
const INSERT_BATCH = 200;

// ---------------------------------------------------------------------------------------------
// Errors

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' || typeof code === 'number' ? String(code) : '';
}

function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : '';
}

function isDuplicate(error: unknown): boolean {
  return codeOf(error).toUpperCase().includes('DUPLICATE') || messageOf(error).includes('E11000');
}

function isMissingCollection(error: unknown): boolean {
  return codeOf(error) === 'DATABASE_COLLECTION_NOT_EXIST';
}

/** Duplicates become the port's DUPLICATE; anything else keeps its code (runTransaction retries on it). */
function toError(error: unknown): Error {
  if (error instanceof AppError) return error;
  if (isDuplicate(error)) return new AppError('DUPLICATE', undefined, { cause: error });
  if (error instanceof Error) return error;
  return Object.assign(new Error(messageOf(error) || 'CloudBase request failed'), { code: codeOf(error) });
}

async function call<R extends Reply>(request: () => Promise<R>): Promise<R> {
  let reply: R;
  try {
    reply = await request();
  } catch (error) {
    throw toError(error);
  }
  if (reply.code) throw toError(reply);
  return reply;
}

/** Reads of a collection that does not exist yet see an empty collection, as in SQLite. */
async function orEmpty<R>(read: () => Promise<R>, empty: R): Promise<R> {
  try {
    return await read();
  } catch (error) {
    if (isMissingCollection(error)) return empty;
    throw error;
  }
}

class MissingCollectionInTransaction extends Error {
  constructor(readonly collection: string) {
    super(`Collection ${collection} does not exist`);
  }
}

// ---------------------------------------------------------------------------------------------

function withoutId(doc: Doc): Record<string, unknown> {
  const { _id, ...rest } = doc;
  return rest;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function createCloudbaseStore(options: CloudbaseStoreOptions): Store {
  const app =
    'app' in options
      ? options.app
      : tcb.init({
          env: options.env,
          serviceUrl: options.serviceUrl,
          // Offline the SDK still demands credentials, and without them leaks an unhandled
          // rejection that kills Node 20, even though the request itself proceeds.
          secretId: options.secretId ?? (options.serviceUrl ? 'local' : undefined),
          secretKey: options.secretKey ?? (options.serviceUrl ? 'local' : undefined),
        });
  // node-sdk types `database()` as an `any`-heavy Db; DatabaseRef is the checked subset we use.
  const db = app.database() as unknown as DatabaseRef;
  const _ = db.command;

  // --- filters ------------------------------------------------------------------------------

  function condition(op: Op): unknown {
    switch (op.op) {
      case 'eq':
        return op.value; // implicit equality; `null` matches null or missing, as the port says
      case 'ne':
        return _.neq(op.value);
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        return _[op.op](op.value);
      case 'in':
        return _.in(op.values);
      case 'nin':
        return _.nin(op.values);
      case 'exists':
        return _.exists(op.value);
    }
  }

  /** One plain object when each field has one condition, else one clause per condition. */
  function clauses(tests: FieldTest[]): Where[] {
    if (!tests.length) return [];
    const unique = new Set(tests.map((t) => t.field)).size === tests.length;
    if (unique) return [Object.fromEntries(tests.map((t) => [t.field, condition(t.op)]))];
    return tests.map((t) => ({ [t.field]: condition(t.op) }));
  }

  function all(parts: Where[]): Where {
    if (parts.length > 1) return _.and(parts);
    return parts[0] ?? {};
  }

  const NOTHING = (): Where => ({ _id: _.in([]) });

  function compile(filter: NormalizedFilter, extra?: Where): Where {
    const parts = clauses(filter.and);
    if (filter.or)
      parts.push(filter.or.length ? _.or(filter.or.map((branch) => all(clauses(branch)))) : NOTHING());
    if (extra) parts.push(extra);
    return all(parts);
  }

  /** Documents strictly after the cursor in the (sort..., _id) order. */
  function after(keys: SortKey[], values: CursorValue[]): Where {
    const branches: Where[] = [];
    keys.forEach(([field, direction], i) => {
      const value = values[i] ?? null;
      // null/missing sort first ascending and last descending: nothing follows them descending.
      if (direction === 'desc' && value === null) return;
      const same = keys.slice(0, i).map(([previous], j): Where => ({ [previous]: values[j] ?? null }));
      if (direction === 'asc')
        branches.push(all([...same, { [field]: value === null ? _.neq(null) : _.gt(value) }]));
      else branches.push(all([...same, { [field]: _.lt(value) }]), all([...same, { [field]: null }]));
    });
    return branches.length ? _.or(branches) : NOTHING();
  }

  function byId(id: string, where?: Filter): NormalizedFilter {
    return {
      and: [{ field: '_id', op: { op: 'eq', value: assertId(id) } }, ...normalizeWhere(where)],
      or: null,
    };
  }

  // --- updates ------------------------------------------------------------------------------

  function updateData(ops: UpdateOp[]): Record<string, unknown> {
    const data: Record<string, unknown> = {};
    for (const op of ops) {
      switch (op.kind) {
        case 'set':
          data[op.path] = _.set(op.value);
          break;
        case 'inc':
          data[op.path] = _.inc(op.by);
          break;
        case 'unset':
          data[op.path] = _.remove();
          break;
        case 'push':
          data[op.path] = _.push({ each: [op.value] });
          break;
      }
    }
    return data;
  }

  // --- collections --------------------------------------------------------------------------

  async function createCollection(name: string): Promise<void> {
    try {
      await call(() => db.createCollection(name));
    } catch {
      // Already created by someone else; the retried write reports any real problem.
    }
  }

  /** Writes create a missing collection, as SQLite creates a missing table. */
  async function creating<R>(name: string, write: () => Promise<R>): Promise<R> {
    try {
      return await write();
    } catch (error) {
      if (!isMissingCollection(error)) throw error;
    }
    await createCollection(name);
    return write();
  }

  function firstDoc<T>(data: unknown): T | null {
    const doc = (Array.isArray(data) ? (data[0] as unknown) : data) ?? null;
    return doc as T | null;
  }

  function collection<T extends Doc>(name: string): Collection<T> {
    assertCollectionName(name);
    const ref = () => db.collection(name);
    const where = (filter: Where) => ref().where(filter);

    async function exists(filter: NormalizedFilter): Promise<boolean> {
      return orEmpty(async () => (await call(() => where(compile(filter)).count())).total > 0, false);
    }

    return {
      name,

      get: (id) =>
        orEmpty(async () => firstDoc<T>((await call(() => ref().doc(assertId(id)).get())).data), null),

      async find(filter, options = {}): Promise<Page<T>> {
        const normalized = normalizeFilter(filter);
        const limit = pageLimit(options.limit);
        const keys = sortKeys(options.sort);
        const fields = options.fields?.map(assertField);
        const cursor =
          options.after === undefined ? undefined : after(keys, decodeCursor(keys, options.after));
        let query = where(compile(normalized, cursor));
        for (const [field, direction] of keys) query = query.orderBy(field, direction);
        // One extra document tells whether another page follows, except at the cap (the SDK
        // clamps to 1000), where a full page gets a `next` that may lead to an empty page.
        query = query.limit(limit < MAX_PAGE_SIZE ? limit + 1 : limit);
        if (fields)
          query = query.field(
            Object.fromEntries([...fields, ...keys.map(([field]) => field)].map((f) => [f, true])),
          );
        const docs = await orEmpty(async () => (await call(() => query.get())).data as T[], []);
        const page = docs.slice(0, limit);
        const items = fields ? page.map((doc) => project(doc, fields)) : page;
        const last = page[page.length - 1];
        const more = docs.length > limit || (limit === MAX_PAGE_SIZE && docs.length === limit);
        if (!more || !last) return { items };
        return {
          items,
          next: encodeCursor(
            keys,
            keys.map(([field]) => cursorValue(getPath(last, field), field)),
          ),
        };
      },

      count: (filter) => {
        const compiled = compile(normalizeFilter(filter));
        return orEmpty(async () => (await call(() => where(compiled).count())).total, 0);
      },

      async insert(doc) {
        assertDoc(doc);
        await creating(name, () => call(() => ref().add(doc)));
      },

      async insertMany(docs) {
        for (const doc of docs) assertDoc(doc);
        if (!docs.length) return;
        const ids = docs.map((doc) => doc._id);
        if (new Set(ids).size !== ids.length)
          throw new AppError('DUPLICATE', undefined, { cause: new Error('Repeated _id in insertMany') });
        // CloudBase has no atomic multi-document insert outside a transaction: check first,
        // insert in batches, and take back earlier batches if a later one fails. Only a
        // concurrent insert of the same ids can leave part of the failing batch behind.
        for (const batch of chunks(ids, INSERT_BATCH)) {
          const query = where({ _id: _.in(batch) })
            .field({ _id: true })
            .limit(1);
          const found = await orEmpty(async () => (await call(() => query.get())).data, []);
          if (found.length)
            throw new AppError('DUPLICATE', undefined, { cause: new Error('An _id of insertMany exists') });
        }
        const inserted: string[] = [];
        try {
          for (const batch of chunks(docs, INSERT_BATCH)) {
            await creating(name, () => call(() => ref().add(batch)));
            inserted.push(...batch.map((doc) => doc._id));
          }
        } catch (error) {
          for (const batch of chunks(inserted, INSERT_BATCH)) {
            await call(() => where({ _id: _.in(batch) }).remove()).catch(() => undefined);
          }
          throw error;
        }
      },

      async set(doc) {
        assertDoc(doc);
        await creating(name, () => call(() => ref().doc(doc._id).set(withoutId(doc))));
      },

      async update(id, spec, condition) {
        const ops = normalizeUpdate(spec);
        const filter = byId(id, condition);
        if (!ops.length) return exists(filter);
        const data = updateData(ops);
        // A plain update addresses the document; compare-and-set needs a query on _id + where.
        const request =
          condition === undefined
            ? () => ref().doc(id).update(data)
            : () => where(compile(filter)).update(data);
        // `updated` counts modified documents; see the report on matched vs modified.
        return orEmpty(async () => (await call(request)).updated > 0, false);
      },

      async updateMany(filter, spec) {
        const ops = normalizeUpdate(spec);
        const compiled = compile(normalizeFilter(filter));
        if (!ops.length) return orEmpty(async () => (await call(() => where(compiled).count())).total, 0);
        return orEmpty(async () => (await call(() => where(compiled).update(updateData(ops)))).updated, 0);
      },

      remove: (id) =>
        orEmpty(async () => Number((await call(() => ref().doc(assertId(id)).remove())).deleted) > 0, false),

      removeMany: (filter) => {
        const compiled = compile(normalizeFilter(filter));
        return orEmpty(async () => Number((await call(() => where(compiled).remove())).deleted), 0);
      },
    };
  }

  function txCollection<T extends Doc>(transaction: TransactionRef, name: string): TxCollection<T> {
    assertCollectionName(name);
    const doc = (id: string) => transaction.collection(name).doc(assertId(id));
    /** A collection cannot be created inside a transaction: create it, then run `work` again. */
    const writing = async <R>(write: () => Promise<R>): Promise<R> => {
      try {
        return await write();
      } catch (error) {
        if (isMissingCollection(error)) throw new MissingCollectionInTransaction(name);
        throw error;
      }
    };
    const get = (id: string) =>
      orEmpty(async () => firstDoc<T>((await call(() => doc(id).get())).data), null);
    return {
      get,
      async insert(value) {
        assertDoc(value);
        await writing(() => call(() => transaction.collection(name).add(value)));
      },
      async set(value) {
        assertDoc(value);
        await writing(() => call(() => doc(value._id).set(withoutId(value))));
      },
      async update(id, spec: UpdateSpec) {
        const ops = normalizeUpdate(spec);
        if (!ops.length) return (await get(id)) !== null;
        return orEmpty(async () => (await call(() => doc(id).update(updateData(ops)))).updated > 0, false);
      },
      remove: (id) => orEmpty(async () => Number((await call(() => doc(id).remove())).deleted) > 0, false),
    };
  }

  return {
    collection,

    async transaction<R>(work: (tx: Transaction) => Promise<R>): Promise<R> {
      for (let attempt = 0; ; attempt++) {
        try {
          // runTransaction retries `work` itself on DATABASE_TRANSACTION_CONFLICT and rolls back
          // on any other error before rethrowing it.
          return await db.runTransaction((transaction) =>
            work({ collection: (name) => txCollection(transaction, name) }),
          );
        } catch (error) {
          if (!(error instanceof MissingCollectionInTransaction) || attempt >= 3) throw error;
          await createCollection(error.collection);
        }
      }
    },

    async ensureIndexes(name, indexes) {
      // CloudBase indexes are declared in the console or cloudbaserc; here they are only checked.
      assertIndexes(name, indexes);
      await Promise.resolve();
    },

    listCollections() {
      // node-sdk has no call that lists collections (the manager SDK / console do).
      return Promise.reject(
        new Error('listCollections is not available on CloudBase through @cloudbase/node-sdk'),
      );
    },

    async close() {
      // HTTP only: nothing to release.
    },
  };
}
