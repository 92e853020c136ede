/**
 * The port's rules, checked the same way by both adapters before anything reaches a database:
 * names, page limits, filters, update specs and storable values. A caller's mistake (a typo'd
 * operator, an `undefined` condition, a Date) fails loudly in local runs instead of behaving
 * differently in the cloud.
 */
import { AppError } from '@linli/shared';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type Filter,
  type QueryFilter,
  type Scalar,
  type UpdateSpec,
} from './port';

/**
 * Identifier segments joined by dots (a subset of /^[A-Za-z_][\w.]*$/). Field paths are spliced
 * into SQL as JSON paths (expression indexes only match literal paths), so nothing else passes.
 */
const FIELD_PATH = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;
const COLLECTION_NAME = /^[A-Za-z_][\w-]{0,99}$/;

export function assertField(field: string): string {
  if (typeof field !== 'string' || !FIELD_PATH.test(field) || field.split('.').includes('__proto__')) {
    throw new TypeError(`Invalid field path: ${JSON.stringify(field)}`);
  }
  return field;
}

export function isCollectionName(name: string): boolean {
  return typeof name === 'string' && COLLECTION_NAME.test(name) && !name.toLowerCase().startsWith('sqlite_');
}

export function assertCollectionName(name: string): string {
  if (!isCollectionName(name)) throw new TypeError(`Invalid collection name: ${JSON.stringify(name)}`);
  return name;
}

export function assertIndexes(collection: string, indexes: Array<string[]>): Array<string[]> {
  assertCollectionName(collection);
  for (const fields of indexes) {
    if (!Array.isArray(fields) || !fields.length)
      throw new TypeError(`An index on ${collection} needs at least one field`);
    fields.forEach((field) => assertField(field));
  }
  return indexes;
}

/** CloudBase silently clamps `limit` to 1000 (and treats 0 as 100); here a bad limit is an error. */
export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new AppError('STORE_LIMIT', `单次查询最多 ${MAX_PAGE_SIZE} 条（收到 ${String(limit)}）`);
  }
  return limit;
}

export function isScalar(value: unknown): value is Scalar {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

// ---------------------------------------------------------------------------------------------
// Filters

export type Op =
  | { op: 'eq' | 'ne'; value: Scalar }
  | { op: 'gt' | 'gte' | 'lt' | 'lte'; value: string | number }
  | { op: 'in' | 'nin'; values: Scalar[] }
  | { op: 'exists'; value: boolean };

export interface FieldTest {
  field: string;
  op: Op;
}

/** A QueryFilter checked and flattened: every test in `and` holds, and (if present) one `or` branch. */
export interface NormalizedFilter {
  and: FieldTest[];
  /** `null` when there is no `or`; an empty list matches nothing. */
  or: FieldTest[][] | null;
}

const OPERATORS = new Set(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'exists']);

function conditionTests(field: string, condition: unknown): FieldTest[] {
  assertField(field);
  if (isScalar(condition)) return [{ field, op: { op: 'eq', value: condition } }];
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) {
    throw new TypeError(`Invalid condition on ${field}: ${describe(condition)}`);
  }
  const entries = Object.entries(condition);
  if (!entries.length) throw new TypeError(`Empty condition on ${field}`);
  return entries.map(([op, value]): FieldTest => {
    if (!OPERATORS.has(op)) throw new TypeError(`Unknown operator "${op}" on ${field}`);
    switch (op) {
      case 'eq':
      case 'ne':
        if (!isScalar(value)) throw new TypeError(`${field}.${op} needs a scalar, got ${describe(value)}`);
        return { field, op: { op, value } };
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
          throw new TypeError(`${field}.${op} needs a string or a number, got ${describe(value)}`);
        }
        return { field, op: { op, value } };
      case 'in':
      case 'nin':
        if (!Array.isArray(value) || !value.every(isScalar))
          throw new TypeError(`${field}.${op} needs a list of scalars`);
        return { field, op: { op, values: value } };
      default:
        if (typeof value !== 'boolean') throw new TypeError(`${field}.exists needs a boolean`);
        return { field, op: { op: 'exists', value } };
    }
  });
}

export function normalizeWhere(where: Filter | undefined): FieldTest[] {
  if (where === undefined) return [];
  if (typeof where !== 'object' || where === null || Array.isArray(where))
    throw new TypeError('A filter must be an object');
  return Object.entries(where).flatMap(([field, condition]) => conditionTests(field, condition));
}

export function normalizeFilter(filter: QueryFilter | undefined): NormalizedFilter {
  if (filter === undefined) return { and: [], or: null };
  const unknown = Object.keys(filter).filter((key) => key !== 'where' && key !== 'or');
  // The usual slip: passing a Filter where a QueryFilter ({ where, or }) is expected.
  if (unknown.length)
    throw new TypeError(`A query filter is { where, or }; got field(s) ${unknown.join(', ')}`);
  if (filter.or !== undefined && !Array.isArray(filter.or))
    throw new TypeError('`or` must be a list of filters');
  return { and: normalizeWhere(filter.where), or: filter.or ? filter.or.map(normalizeWhere) : null };
}

// ---------------------------------------------------------------------------------------------
// Updates

export type UpdateOp =
  | { kind: 'set'; path: string; value: unknown }
  | { kind: 'inc'; path: string; by: number }
  | { kind: 'unset'; path: string }
  | { kind: 'push'; path: string; value: unknown };

const UPDATE_KEYS = new Set(['set', 'inc', 'unset', 'push']);

export function normalizeUpdate(spec: UpdateSpec): UpdateOp[] {
  if (typeof spec !== 'object' || spec === null) throw new TypeError('An update spec must be an object');
  const unknown = Object.keys(spec).filter((key) => !UPDATE_KEYS.has(key));
  // The usual slip: `update(id, { status })` instead of `update(id, { set: { status } })`.
  if (unknown.length)
    throw new TypeError(`An update spec is { set, inc, unset, push }; got ${unknown.join(', ')}`);
  const ops: UpdateOp[] = [];
  for (const [path, value] of Object.entries(spec.set ?? {})) {
    if (value === undefined) continue; // dropped, as JSON and the CloudBase SDK both do
    assertStorable(value, path);
    ops.push({ kind: 'set', path, value });
  }
  for (const [path, by] of Object.entries(spec.inc ?? {})) {
    if (typeof by !== 'number' || !Number.isFinite(by))
      throw new TypeError(`inc.${path} needs a finite number`);
    ops.push({ kind: 'inc', path, by });
  }
  for (const path of spec.unset ?? []) ops.push({ kind: 'unset', path });
  for (const [path, value] of Object.entries(spec.push ?? {})) {
    assertStorable(value, path);
    ops.push({ kind: 'push', path, value });
  }
  const paths = ops.map((op) => assertField(op.path));
  for (const path of paths) {
    if (path === '_id' || path.startsWith('_id.')) throw new TypeError('`_id` cannot be updated');
    // MongoDB refuses two operators on overlapping paths; refuse it here too.
    const clash = paths.find(
      (other) => other !== path && (other.startsWith(`${path}.`) || path.startsWith(`${other}.`)),
    );
    if (clash || paths.indexOf(path) !== paths.lastIndexOf(path))
      throw new TypeError(`Conflicting updates on ${path}`);
  }
  return ops;
}

// ---------------------------------------------------------------------------------------------
// Values

function describe(value: unknown): string {
  if (value instanceof Date) return 'a Date';
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
      return `${typeof value} ${String(value)}`;
    case 'undefined':
      return 'undefined';
    default:
      return Object.prototype.toString.call(value);
  }
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The same test as `assertStorable` without building paths, for the common case of a valid value. */
function isStorable(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) continue; // a hole, skipped as forEach skips it
      const item: unknown = value[i];
      if (item === undefined || !isStorable(item)) return false;
    }
    return true;
  }
  if (typeof value !== 'object' || !isPlainObject(value)) return false;
  for (const key of Object.keys(value)) {
    if (key.startsWith('$') || key.includes('.') || key === '__proto__') return false;
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined && !isStorable(item)) return false;
  }
  return true;
}

/**
 * Only JSON values are stored: SQLite would turn a Date into a string and CloudBase into a date
 * type, so the two would disagree. Keys may not start with `$` or contain a dot (MongoDB rules).
 * Throws naming the first value that cannot be stored; paths are built only to report one.
 */
export function assertStorable(value: unknown, at: string): void {
  if (isStorable(value)) return;
  explainUnstorable(value, at);
}

function explainUnstorable(value: unknown, at: string): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${at}: ${value} cannot be stored`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item: unknown, i) => {
      if (item === undefined) throw new TypeError(`${at}[${i}] is undefined`);
      explainUnstorable(item, `${at}[${i}]`);
    });
    return;
  }
  if (typeof value !== 'object' || !isPlainObject(value)) {
    throw new TypeError(
      `${at}: ${describe(value)} cannot be stored (use numbers, strings, booleans, null, arrays, plain objects)`,
    );
  }
  for (const [key, item] of Object.entries(value)) {
    if (key.startsWith('$') || key.includes('.') || key === '__proto__')
      throw new TypeError(`${at}: key "${key}" cannot be stored`);
    if (item !== undefined) explainUnstorable(item, `${at}.${key}`);
  }
}

export function assertDoc(doc: { _id: unknown }): void {
  if (typeof doc !== 'object' || doc === null) throw new TypeError('A document must be an object');
  if (typeof doc._id !== 'string' || !doc._id) throw new TypeError('A document needs a non-empty string _id');
  assertStorable(doc, doc._id);
}

export function assertId(id: string): string {
  if (typeof id !== 'string' || !id) throw new TypeError('An id must be a non-empty string');
  return id;
}

// ---------------------------------------------------------------------------------------------
// Paths

export function getPath(doc: unknown, path: string): unknown {
  let current: unknown = doc;
  for (const key of path.split('.')) {
    if (
      typeof current !== 'object' ||
      current === null ||
      Array.isArray(current) ||
      !Object.hasOwn(current, key)
    )
      return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Only `fields` (dotted paths allowed) and `_id`, as CloudBase's projection returns them. */
export function project<T extends { _id: string }>(doc: T, fields: string[]): T {
  const picked: Record<string, unknown> = { _id: doc._id };
  for (const field of fields) {
    const value = getPath(doc, field);
    if (value === undefined) continue;
    const keys = field.split('.');
    let target = picked;
    for (const key of keys.slice(0, -1)) {
      const next = target[key];
      target = (typeof next === 'object' && next !== null ? next : (target[key] = {})) as Record<
        string,
        unknown
      >;
    }
    target[keys[keys.length - 1]!] = value;
  }
  return picked as T;
}
