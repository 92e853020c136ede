import type { Access } from '@linli/shared';
import type { CallerRef } from '@linli/cloudfunctions/src/_lib/dispatch';

/**
 * The callers of the authorization matrix, in column order. Each is a demo account (or none):
 * an owner of 邻里花园 1-1-1201, a WeChat user with no home, one staff member per role, and the
 * platform's timer trigger.
 */
export const MATRIX_COLUMNS = [
  'anon',
  'unbound',
  'owner',
  'admin',
  'finance',
  'service',
  'tech',
  'trigger',
] as const;
export type MatrixColumn = (typeof MATRIX_COLUMNS)[number];

export const matrixCaller: Record<MatrixColumn, CallerRef> = {
  anon: { anonymous: true },
  unbound: { openid: 'demo-new-user' },
  owner: { openid: 'demo-owner-1' },
  admin: { openid: 'demo-admin' },
  finance: { openid: 'demo-finance' },
  service: { openid: 'demo-service' },
  tech: { openid: 'demo-tech-lift' },
  trigger: { trigger: true },
};

export type MatrixRow = Record<MatrixColumn, boolean>;

/**
 * Parse a function's table: a header line naming the columns, then one line per action with
 * `Y` (may call) or `-` (refused at the gate) per column.
 */
export function parseAccessMatrix(table: string): Map<string, MatrixRow> {
  const lines = table
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const [header, ...rows] = lines;
  const columns = header?.split(/\s+/).slice(1) ?? [];
  if (columns.join(' ') !== MATRIX_COLUMNS.join(' '))
    throw new Error(`matrix header must be: action ${MATRIX_COLUMNS.join(' ')}`);
  const matrix = new Map<string, MatrixRow>();
  for (const line of rows) {
    const [action, ...cells] = line.split(/\s+/);
    if (!action || cells.length !== MATRIX_COLUMNS.length || cells.some((c) => c !== 'Y' && c !== '-'))
      throw new Error(`bad matrix row: ${line}`);
    if (matrix.has(action)) throw new Error(`action listed twice: ${action}`);
    matrix.set(
      action,
      Object.fromEntries(MATRIX_COLUMNS.map((col, i) => [col, cells[i] === 'Y'])) as MatrixRow,
    );
  }
  return matrix;
}

/** The row a contract's `access` declares, to print a starting table for a new function. */
export function rowOf(access: Access): MatrixRow {
  const row = Object.fromEntries(MATRIX_COLUMNS.map((c) => [c, false])) as MatrixRow;
  if (access === 'public') return Object.fromEntries(MATRIX_COLUMNS.map((c) => [c, true])) as MatrixRow;
  if (access === 'trigger') return { ...row, trigger: true };
  if (access === 'signed-in')
    return { ...row, unbound: true, owner: true, admin: true, finance: true, service: true, tech: true };
  const has = (role: string) => (access.roles as readonly string[]).includes(role);
  return {
    ...row,
    owner: has('owner'),
    admin: has('admin'),
    finance: has('finance'),
    service: has('service'),
    tech: has('technician'),
  };
}

export function formatAccessMatrix(rows: Array<[string, MatrixRow]>): string {
  const width = Math.max('action'.length, ...rows.map(([action]) => action.length)) + 2;
  const line = (first: string, cells: string[]) =>
    first.padEnd(width) +
    cells
      .map((cell, i) => cell.padEnd(MATRIX_COLUMNS[i]!.length + 1))
      .join('')
      .trimEnd();
  return [
    line('action', [...MATRIX_COLUMNS]),
    ...rows.map(([action, row]) =>
      line(
        action,
        MATRIX_COLUMNS.map((col) => (row[col] ? 'Y' : '-')),
      ),
    ),
  ].join('\n');
}
