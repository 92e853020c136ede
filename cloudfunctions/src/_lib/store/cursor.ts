/**
 * Keyset cursors shared by both adapters. A cursor holds the last returned document's sort
 * values and `_id`, so the next page starts strictly after it whatever was inserted or removed
 * meanwhile (no skip/offset, which CloudBase charges per skipped document and which shifts under
 * writes). It also records the sort it was made for: reusing it with another sort is an error.
 */
import { AppError } from '@linli/shared';
import type { FindOptions, SortDirection } from './port';
import { assertField, isScalar } from './rules';

export type SortKey = readonly [field: string, direction: SortDirection];
export type CursorValue = string | number | boolean | null;

/** The caller's sort plus the `_id` tie-breaker that makes the order total. */
export function sortKeys(sort: FindOptions['sort']): SortKey[] {
  const keys: SortKey[] = [];
  for (const [field, direction] of sort ?? []) {
    assertField(field);
    if (direction !== 'asc' && direction !== 'desc')
      throw new TypeError(`Invalid sort direction for ${field}: ${String(direction)}`);
    if (keys.some(([seen]) => seen === field)) throw new TypeError(`Sort field ${field} appears twice`);
    keys.push([field, direction]);
    if (field === '_id') return keys; // already total; later keys could never matter
  }
  keys.push(['_id', 'asc']);
  return keys;
}

function signature(keys: SortKey[]): string {
  return keys.map(([field, direction]) => `${field}:${direction}`).join(',');
}

/** `values` are the last document's values for each sort key, `_id` last. */
export function encodeCursor(keys: SortKey[], values: CursorValue[]): string {
  if (values.length !== keys.length) throw new Error('Cursor values do not match the sort keys');
  return Buffer.from(JSON.stringify({ s: signature(keys), v: values }), 'utf8').toString('base64url');
}

const INVALID = '分页参数无效，请从第一页重新加载';

export function decodeCursor(keys: SortKey[], cursor: string): CursorValue[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (cause) {
    throw new AppError('VALIDATION', INVALID, { cause });
  }
  const { s, v } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as {
    s?: unknown;
    v?: unknown;
  };
  if (
    s !== signature(keys) ||
    !Array.isArray(v) ||
    v.length !== keys.length ||
    !v.every(isScalar) ||
    typeof v[v.length - 1] !== 'string'
  ) {
    throw new AppError('VALIDATION', INVALID);
  }
  return v;
}

/** A sort value as the cursor stores it: missing and null are the same position in the order. */
export function cursorValue(value: unknown, field: string): CursorValue {
  if (value === undefined) return null;
  if (!isScalar(value))
    throw new TypeError(`Sort field ${field} holds a non-scalar value; sort only by scalar fields`);
  return value;
}
