/**
 * The SQLite adapter (local runtime, tests): one table per collection holding JSON documents,
 * queried through json_extract with bound values. It keeps CloudBase's semantics and limits
 * (see port.ts and rules.ts) so that what passes here works in the cloud.
 *
 * Concurrency: better-sqlite3 is synchronous, so each single operation is atomic by itself.
 * `transaction(work)` spans awaits, so it holds BEGIN IMMEDIATE for the whole of `work` and an
 * async mutex keeps every other operation of this store (reads included, so they never see
 * uncommitted data) waiting until it ends. Other processes on the same file wait on SQLite's
 * lock (busy_timeout).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import Database from 'better-sqlite3';
import { AppError } from '@linli/shared';
import { decodeCursor, encodeCursor, sortKeys, type CursorValue, type SortKey } from './cursor';
import type {
  Collection,
  Doc,
  Filter,
  FindOptions,
  Page,
  QueryFilter,
  Scalar,
  Store,
  Transaction,
  TxCollection,
  UpdateSpec,
} from './port';
import {
  assertCollectionName,
  assertDoc,
  assertField,
  assertId,
  assertIndexes,
  isCollectionName,
  normalizeFilter,
  normalizeUpdate,
  normalizeWhere,
  pageLimit,
  project,
  type FieldTest,
  type NormalizedFilter,
  type UpdateOp,
} from './rules';

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for a private in-memory database. */
  file: string;
}

export interface SqliteStore extends Store {
  /** SQLite's query plan for a find, to check that an index serves it. */
  explainFind(collection: string, filter?: QueryFilter, options?: FindOptions): string[];
  /**
   * Rows written and kept since the database was opened (rolled-back writes excluded): equal
   * before and after a call proves the call changed nothing (fuzz and authorization tests).
   */
  changeCount(): number;
}

type Param = string | number | null;
interface Row {
  id: string;
  doc: string;
  [sortValue: string]: unknown;
}

// ---------------------------------------------------------------------------------------------
// Filter → SQL. Field paths are validated identifiers and go into the SQL text (an expression
// index is only used when the query repeats its exact expression); values are always bound.

class Params {
  readonly values: Record<string, Param> = {};
  private next = 0;
  bind(value: Scalar): string {
    const name = `p${this.next++}`;
    this.values[name] = typeof value === 'boolean' ? Number(value) : value;
    return `@${name}`;
  }
}

function valueOf(field: string): string {
  return field === '_id' ? 'id' : `json_extract(doc, '$.${field}')`;
}

/** A definite (never NULL) test that the field holds a value of the kind; NULL would poison NOT. */
function typeIs(field: string, kind: 'text' | 'number' | 'true' | 'false'): string {
  if (field === '_id') return kind === 'text' ? '1' : '0';
  const type = `IFNULL(json_type(doc, '$.${field}'), '')`;
  return kind === 'number' ? `${type} IN ('integer', 'real')` : `${type} = '${kind}'`;
}

function equals(p: Params, field: string, value: Scalar): string {
  if (value === null) return `${valueOf(field)} IS NULL`; // null or missing, as in MongoDB
  if (typeof value === 'boolean')
    return `(${typeIs(field, value ? 'true' : 'false')} AND ${valueOf(field)} = ${value ? 1 : 0})`;
  return `(${typeIs(field, typeof value === 'string' ? 'text' : 'number')} AND ${valueOf(field)} = ${p.bind(value)})`;
}

function inList(p: Params, field: string, values: Scalar[]): string {
  const texts = values.filter((v): v is string => typeof v === 'string');
  const numbers = values.filter((v): v is number => typeof v === 'number');
  const parts: string[] = [];
  if (texts.length)
    parts.push(
      `(${typeIs(field, 'text')} AND ${valueOf(field)} IN (${texts.map((v) => p.bind(v)).join(', ')}))`,
    );
  if (numbers.length)
    parts.push(
      `(${typeIs(field, 'number')} AND ${valueOf(field)} IN (${numbers.map((v) => p.bind(v)).join(', ')}))`,
    );
  for (const special of [true, false, null] as const)
    if (values.includes(special)) parts.push(equals(p, field, special));
  return parts.length ? `(${parts.join(' OR ')})` : '0';
}

const RANGE = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

function testSql(p: Params, { field, op }: FieldTest): string {
  switch (op.op) {
    case 'eq':
      return equals(p, field, op.value);
    case 'ne':
      return `NOT ${equals(p, field, op.value)}`;
    case 'in':
      return inList(p, field, op.values);
    case 'nin':
      return `NOT ${inList(p, field, op.values)}`;
    case 'exists':
      if (field === '_id') return op.value ? '1' : '0';
      return `json_type(doc, '$.${field}') IS ${op.value ? 'NOT NULL' : 'NULL'}`;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return `(${typeIs(field, typeof op.value === 'string' ? 'text' : 'number')} AND ${valueOf(field)} ${RANGE[op.op]} ${p.bind(op.value)})`;
  }
}

function filterSql(p: Params, filter: NormalizedFilter): string {
  // Top-level AND terms stay separate so the planner can match each against an index.
  const terms = filter.and.map((test) => testSql(p, test));
  if (filter.or) {
    const branches = filter.or.map((branch) =>
      branch.length ? `(${branch.map((test) => testSql(p, test)).join(' AND ')})` : '1',
    );
    terms.push(branches.length ? `(${branches.join(' OR ')})` : '0');
  }
  return terms.length ? terms.join(' AND ') : '1';
}

/** Rows strictly after the cursor in the (sort..., _id) order, using SQLite's own ordering. */
function afterSql(p: Params, keys: SortKey[], values: CursorValue[]): string {
  const branches: string[] = [];
  keys.forEach(([field, direction], i) => {
    const value = values[i] ?? null;
    const expr = valueOf(field);
    // NULLs sort first ascending and last descending: nothing follows a NULL in descending order.
    if (direction === 'desc' && value === null) return;
    const same = keys
      .slice(0, i)
      .map(([previous], j) => `${valueOf(previous)} IS ${p.bind(values[j] ?? null)}`);
    const after =
      direction === 'asc'
        ? value === null
          ? `${expr} IS NOT NULL`
          : `${expr} > ${p.bind(value)}`
        : `(${expr} < ${p.bind(value)} OR ${expr} IS NULL)`;
    branches.push(`(${[...same, after].join(' AND ')})`);
  });
  return branches.length ? `(${branches.join(' OR ')})` : '0';
}

// ---------------------------------------------------------------------------------------------
// Updates are read-modify-write inside one SQLite transaction (atomic: the connection is
// synchronous and the write lock is held), with MongoDB's rules for dotted paths.

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parentOf(doc: JsonObject, keys: string[], create: boolean, path: string): JsonObject | undefined {
  let node = doc;
  for (const key of keys) {
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (next === undefined) {
      if (!create) return undefined;
      node = node[key] = {};
    } else if (isObject(next)) {
      node = next;
    } else {
      if (!create) return undefined;
      throw new TypeError(`Cannot update ${path}: ${key} is not an object`);
    }
  }
  return node;
}

function applyUpdate(doc: JsonObject, ops: UpdateOp[]): void {
  for (const op of ops) {
    const keys = op.path.split('.');
    const last = keys.pop()!;
    const parent = parentOf(doc, keys, op.kind !== 'unset', op.path);
    if (!parent) continue;
    const current = Object.hasOwn(parent, last) ? parent[last] : undefined;
    switch (op.kind) {
      case 'set':
        parent[last] = op.value;
        break;
      case 'inc':
        if (current !== undefined && typeof current !== 'number')
          throw new TypeError(`Cannot inc ${op.path}: not a number`);
        parent[last] = (current ?? 0) + op.by;
        break;
      case 'unset':
        delete parent[last];
        break;
      case 'push':
        if (current === undefined) parent[last] = [op.value];
        else if (Array.isArray(current)) current.push(op.value);
        else throw new TypeError(`Cannot push to ${op.path}: not an array`);
        break;
    }
  }
}

// ---------------------------------------------------------------------------------------------

function toDoc<T extends Doc>(row: Row): T {
  return { _id: row.id, ...(JSON.parse(row.doc) as JsonObject) } as T;
}

function body(doc: Doc): string {
  const { _id, ...rest } = doc;
  return JSON.stringify(rest);
}

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

function duplicate(id: string, cause: unknown): AppError {
  return new AppError('DUPLICATE', undefined, { cause: new Error(`Duplicate _id ${id}`, { cause }) });
}

/** FIFO async mutex; `idle` lets uncontended synchronous operations skip the queue. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;
  get idle(): boolean {
    return this.waiting === 0;
  }
  async acquire(): Promise<() => void> {
    this.waiting++;
    let release!: () => void;
    const previous = this.tail;
    this.tail = new Promise<void>((resolve) => {
      release = () => {
        this.waiting--;
        resolve();
      };
    });
    await previous;
    return release;
  }
}

interface TxState {
  open: boolean;
}

export function createSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL'); // ':memory:' stays 'memory'
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL'); // durable enough with WAL for a local database

  const statements = new Map<string, Database.Statement>();
  const knownTables = new Set<string>();
  const lock = new Mutex();
  const inTransaction = new AsyncLocalStorage<TxState>();
  let closed = false;
  // Rows changed inside transactions that then rolled back: total_changes() still counts them.
  let rolledBack = 0;
  const totalChanges = () => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  /** Run a write that may roll back as a whole, keeping `rolledBack` true when it does. */
  function countingRollback<R>(write: () => R): R {
    const before = totalChanges();
    try {
      return write();
    } catch (error) {
      rolledBack += totalChanges() - before;
      throw error;
    }
  }

  function statement(sql: string): Database.Statement {
    let prepared = statements.get(sql);
    if (!prepared) {
      if (statements.size >= 500) statements.clear(); // `in` lists of many lengths make many shapes
      prepared = db.prepare(sql);
      statements.set(sql, prepared);
    }
    return prepared;
  }

  function tableExists(name: string): boolean {
    if (knownTables.has(name)) return true;
    const found =
      statement(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
    if (found) knownTables.add(name);
    return found;
  }

  /** Lazily, on first write. Never inside a savepoint that could roll it back unseen. */
  function ensureTable(name: string): void {
    if (knownTables.has(name)) return;
    db.exec(`CREATE TABLE IF NOT EXISTS "${name}" (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
    knownTables.add(name);
  }

  /** After a rollback a table created inside it is gone again. */
  function forgetSchema(): void {
    knownTables.clear();
    statements.clear();
  }

  // --- synchronous operations ----------------------------------------------------------------

  function getSync<T extends Doc>(name: string, id: string): T | null {
    assertId(id);
    if (!tableExists(name)) return null;
    const row = statement(`SELECT id, doc FROM "${name}" WHERE id = ?`).get(id) as Row | undefined;
    return row ? toDoc<T>(row) : null;
  }

  function findSql(name: string, filter: QueryFilter | undefined, options: FindOptions) {
    const normalized = normalizeFilter(filter);
    const limit = pageLimit(options.limit);
    const keys = sortKeys(options.sort);
    const fields = options.fields?.map(assertField);
    const p = new Params();
    const terms = [filterSql(p, normalized)];
    if (options.after !== undefined) terms.push(afterSql(p, keys, decodeCursor(keys, options.after)));
    const selected = keys.map(([field], i) => `${valueOf(field)} AS s${i}`).join(', ');
    const order = keys.map(([field, direction]) => `${valueOf(field)} ${direction.toUpperCase()}`).join(', ');
    // One extra row tells whether another page follows.
    const sql = `SELECT id, doc, ${selected} FROM "${name}" WHERE ${terms.join(' AND ')} ORDER BY ${order} LIMIT ${limit + 1}`;
    return { sql, params: p.values, keys, limit, fields };
  }

  function findSync<T extends Doc>(
    name: string,
    filter: QueryFilter | undefined,
    options: FindOptions = {},
  ): Page<T> {
    const { sql, params, keys, limit, fields } = findSql(name, filter, options);
    if (!tableExists(name)) return { items: [] };
    const rows = statement(sql).all(params) as Row[];
    const page = rows.slice(0, limit);
    const items = page.map((row) => (fields ? project(toDoc<T>(row), fields) : toDoc<T>(row)));
    const last = page[page.length - 1];
    if (rows.length <= limit || !last) return { items };
    return {
      items,
      next: encodeCursor(
        keys,
        keys.map((_, i) => last[`s${i}`] as CursorValue),
      ),
    };
  }

  function countSync(name: string, filter: QueryFilter | undefined): number {
    const p = new Params();
    const where = filterSql(p, normalizeFilter(filter));
    if (!tableExists(name)) return 0;
    return (statement(`SELECT count(*) AS n FROM "${name}" WHERE ${where}`).get(p.values) as { n: number }).n;
  }

  function insertSync(name: string, doc: Doc): void {
    assertDoc(doc);
    ensureTable(name);
    insertRow(name, doc);
  }

  function insertRow(
    name: string,
    doc: Doc,
    insert = statement(`INSERT INTO "${name}" (id, doc) VALUES (?, ?)`),
  ): void {
    try {
      insert.run(doc._id, body(doc));
    } catch (error) {
      if (isDuplicateKey(error)) throw duplicate(doc._id, error);
      throw error;
    }
  }

  function insertManySync(name: string, docs: Doc[]): void {
    for (const doc of docs) assertDoc(doc);
    if (!docs.length) return;
    ensureTable(name);
    const insert = statement(`INSERT INTO "${name}" (id, doc) VALUES (?, ?)`);
    countingRollback(() =>
      db.transaction(() => docs.forEach((doc) => insertRow(name, doc, insert))).immediate(),
    );
  }

  function setSync(name: string, doc: Doc): void {
    assertDoc(doc);
    ensureTable(name);
    statement(
      `INSERT INTO "${name}" (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc`,
    ).run(doc._id, body(doc));
  }

  function updateWhere(name: string, filter: NormalizedFilter, spec: UpdateSpec): number {
    const ops = normalizeUpdate(spec);
    const p = new Params();
    const where = filterSql(p, filter);
    if (!tableExists(name)) return 0;
    const write = statement(`UPDATE "${name}" SET doc = ? WHERE id = ?`);
    return db
      .transaction(() => {
        const rows = statement(`SELECT id, doc FROM "${name}" WHERE ${where}`).all(p.values) as Row[];
        if (!ops.length) return rows.length;
        for (const row of rows) {
          const doc = JSON.parse(row.doc) as JsonObject;
          applyUpdate(doc, ops);
          write.run(JSON.stringify(doc), row.id);
        }
        return rows.length;
      })
      .immediate();
  }

  function updateSync(name: string, id: string, spec: UpdateSpec, where?: Filter): boolean {
    const filter: NormalizedFilter = {
      and: [{ field: '_id', op: { op: 'eq', value: assertId(id) } }, ...normalizeWhere(where)],
      or: null,
    };
    return updateWhere(name, filter, spec) > 0;
  }

  function removeSync(name: string, id: string): boolean {
    assertId(id);
    if (!tableExists(name)) return false;
    return statement(`DELETE FROM "${name}" WHERE id = ?`).run(id).changes > 0;
  }

  function removeManySync(name: string, filter: QueryFilter): number {
    const p = new Params();
    const where = filterSql(p, normalizeFilter(filter));
    if (!tableExists(name)) return 0;
    return statement(`DELETE FROM "${name}" WHERE ${where}`).run(p.values).changes;
  }

  // --- scheduling -----------------------------------------------------------------------------

  /**
   * Run one synchronous operation outside any transaction: wait while a transaction is open.
   * Called from inside a transaction's own `work`, a read runs at once (it sees the
   * transaction's writes) and a write is refused: with CloudBase it would not be part of the
   * transaction, and here it would deadlock.
   */
  async function outside<R>(kind: 'read' | 'write', operation: () => R): Promise<R> {
    if (inTransaction.getStore()?.open) {
      if (kind === 'write') {
        throw new Error(
          'A store write inside store.transaction() must go through the transaction handle (tx.collection(...))',
        );
      }
      return operation();
    }
    if (lock.idle) return operation();
    const release = await lock.acquire();
    try {
      return operation();
    } finally {
      release();
    }
  }

  function collection<T extends Doc>(name: string): Collection<T> {
    assertCollectionName(name);
    return {
      name,
      get: (id) => outside('read', () => getSync<T>(name, id)),
      find: (filter, options) => outside('read', () => findSync<T>(name, filter, options)),
      count: (filter) => outside('read', () => countSync(name, filter)),
      insert: (doc) => outside('write', () => insertSync(name, doc)),
      insertMany: (docs) => outside('write', () => insertManySync(name, docs)),
      set: (doc) => outside('write', () => setSync(name, doc)),
      update: (id, spec, where) => outside('write', () => updateSync(name, id, spec, where)),
      updateMany: (filter, spec) => outside('write', () => updateWhere(name, normalizeFilter(filter), spec)),
      remove: (id) => outside('write', () => removeSync(name, id)),
      removeMany: (filter) => outside('write', () => removeManySync(name, filter)),
    };
  }

  function txCollection<T extends Doc>(state: TxState, name: string): TxCollection<T> {
    assertCollectionName(name);
    // Runs at once (so even an un-awaited call lands inside the transaction); a throw rejects.
    const run = <R>(operation: () => R): Promise<R> =>
      new Promise<R>((resolve) => {
        if (!state.open) throw new Error('This transaction has already ended');
        resolve(operation());
      });
    return {
      get: (id) => run(() => getSync<T>(name, id)),
      insert: (doc) => run(() => insertSync(name, doc)),
      set: (doc) => run(() => setSync(name, doc)),
      update: (id, spec) => run(() => updateSync(name, id, spec)),
      remove: (id) => run(() => removeSync(name, id)),
    };
  }

  async function transaction<R>(work: (tx: Transaction) => Promise<R>): Promise<R> {
    if (inTransaction.getStore()?.open)
      throw new Error('Transactions do not nest (CloudBase has no nested transactions)');
    const release = await lock.acquire();
    const state: TxState = { open: true };
    let changesAtBegin = 0;
    try {
      db.exec('BEGIN IMMEDIATE');
      changesAtBegin = totalChanges();
      let result: R;
      try {
        result = await inTransaction.run(state, () =>
          work({ collection: (name) => txCollection(state, name) }),
        );
        state.open = false;
        db.exec('COMMIT');
      } catch (error) {
        state.open = false;
        if (db.inTransaction) {
          db.exec('ROLLBACK');
          rolledBack += totalChanges() - changesAtBegin;
        }
        forgetSchema();
        throw error;
      }
      return result;
    } finally {
      release();
    }
  }

  return {
    collection,
    transaction,

    async ensureIndexes(name, indexes) {
      const planned = assertIndexes(name, indexes);
      await outside('write', () => {
        ensureTable(name);
        for (const fields of planned) {
          if (fields.length === 1 && fields[0] === '_id') continue; // the primary key
          const indexName = `ix_${name}__${fields.map((f) => f.replace(/\./g, '$')).join('__')}`;
          // Trailing `id` matches the `_id` tie-breaker, so sorted pages can walk the index.
          const columns = [...fields.map(valueOf), ...(fields.includes('_id') ? [] : ['id'])];
          db.exec(`CREATE INDEX IF NOT EXISTS "${indexName}" ON "${name}" (${columns.join(', ')})`);
        }
      });
    },

    listCollections: () =>
      outside('read', () => {
        const tables = statement(
          `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`,
        ).all() as Array<{ name: string }>;
        return tables
          .map((table) => table.name)
          .filter(isCollectionName)
          .filter(
            (table) =>
              (statement(`SELECT EXISTS (SELECT 1 FROM "${table}") AS found`).get() as { found: number })
                .found === 1,
          );
      }),

    changeCount: () => totalChanges() - rolledBack,

    explainFind(name, filter, options = {}) {
      const { sql, params } = findSql(assertCollectionName(name), filter, options);
      if (!tableExists(name)) return [];
      return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map(
        (row) => row.detail,
      );
    },

    async close() {
      if (closed) return;
      const release = await lock.acquire();
      try {
        closed = true;
        statements.clear();
        db.close();
      } finally {
        release();
      }
    },
  };
}
