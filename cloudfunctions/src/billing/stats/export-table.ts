import { fen, formatYuan } from '@linli/shared';
import type { SheetFormat } from '../../property/import/read-sheet';
import { loadExcel } from '../../property/import/read-sheet';
import { writeSheet } from '../../property/import/write-sheet';

/** A cell of an export: text, or a number Excel can add up (yuan, counts). */
export type ExportCell = string | number;

/** Money columns say so in their header; Excel shows them with two decimals and thousands. */
const isMoneyColumn = (header: string): boolean => header.endsWith('(元)');

/**
 * An export for finance: CSV through the property sheet writer (UTF-8 with BOM, formula-like
 * text guarded), or an .xlsx in base64 where numbers stay numbers, so a column can be summed.
 */
export async function exportTable(
  format: SheetFormat,
  sheetName: string,
  fields: readonly string[],
  rows: ReadonlyArray<readonly ExportCell[]>,
): Promise<string> {
  if (format === 'csv') return writeSheet('csv', [[...fields], ...rows.map((r) => r.map(String))]);
  const workbook = new (await loadExcel()).Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = fields.map((header, i) => ({
    width: Math.min(
      40,
      Math.max(10, ...[header, ...rows.slice(0, 50).map((r) => String(r[i] ?? ''))].map(width)),
    ),
    ...(isMoneyColumn(header) ? { style: { numFmt: '#,##0.00' } } : {}),
  }));
  sheet.addRow([...fields]);
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

/** Chinese characters take two columns. */
const width = (text: string): number => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2 : 1), 2);

/** Yuan for an export: a number in a workbook, '1234.50' in CSV (no thousands separator). */
export const yuanCell =
  (format: SheetFormat) =>
  (amount: number): ExportCell =>
    format === 'xlsx' ? amount / 100 : formatYuan(fen(amount), { symbol: false }).replace(/,/g, '');
