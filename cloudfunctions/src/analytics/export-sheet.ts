import { AppError, formatDateTime, toLocalDate, type SheetExport } from '@linli/shared';
import type { z } from 'zod';
import type { ActionContext } from '../_lib/define-function';
import { writeSheet } from '../property/import/write-sheet';

/** More rows than this is a request to narrow the filters, not a spreadsheet anyone reads. */
export const MAX_EXPORT_ROWS = 10_000;

/** A column: its header and how a row's cell is written (always text). */
export type Column<T> = [header: string, cell: (row: T) => string | number | null | undefined];

export const at = (instant: number | null | undefined): string =>
  instant === null || instant === undefined ? '' : formatDateTime(instant);

export async function sheetOf<T>(
  ctx: ActionContext,
  format: 'csv' | 'xlsx',
  title: string,
  columns: ReadonlyArray<Column<T>>,
  rows: readonly T[],
): Promise<SheetExport> {
  const table = [
    columns.map(([header]) => header),
    ...rows.map((row) => columns.map(([, cell]) => String(cell(row) ?? ''))),
  ];
  return {
    filename: `${title}-${toLocalDate(ctx.now())}.${format}`,
    format,
    // Excel caps sheet names at 31 characters and forbids a few.
    content: await writeSheet(format, table, undefined, title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31)),
    rows: rows.length,
  };
}

/**
 * Every item a paged list action returns for the given filters: the export runs the list's own
 * handler (its filters, estate checks and views) page by page, so it matches the screen.
 */
export async function allPages<T>(
  listInput: z.ZodObject,
  filters: Record<string, unknown>,
  list: (input: never, ctx: ActionContext) => Promise<{ items: T[]; next?: string }>,
  ctx: ActionContext,
): Promise<T[]> {
  const items: T[] = [];
  let after: string | undefined;
  // Lists that take a page size get their largest.
  const paging = 'limit' in listInput.shape ? { limit: 100 } : {};
  do {
    const page = await list(
      listInput.parse({ ...filters, ...paging, ...(after ? { after } : {}) }) as never,
      ctx,
    );
    items.push(...page.items);
    if (items.length > MAX_EXPORT_ROWS)
      throw new AppError('STORE_LIMIT', `导出超过 ${MAX_EXPORT_ROWS} 行，请缩小筛选范围后分次导出`);
    after = page.next;
  } while (after);
  return items;
}
