import type { Workbook } from 'exceljs';
import Papa from 'papaparse';
import { DATA_SHEET_NAME, FORMULA_GUARD, loadExcel, type SheetFormat } from './read-sheet';

export const NOTES_SHEET_NAME = '填写说明';

/**
 * Text that Excel would run as a formula (=, +, @, or - not followed by a plain number) gets a
 * leading apostrophe in CSV; the reader takes it off again. Negative floors stay as they are.
 */
const FORMULA_LIKE = /^(?:[=+@\t\r]|-(?!\d+(?:\.\d+)?$))/;

/**
 * Write rows as CSV text (UTF-8 with BOM, so Excel shows Chinese correctly) or as an .xlsx in
 * base64. In the workbook every cell is text: Excel keeps 0802 and 18-digit ID numbers intact.
 */
export async function writeSheet(
  format: SheetFormat,
  table: string[][],
  notes?: string[][],
  sheetName: string = DATA_SHEET_NAME,
): Promise<string> {
  if (format === 'csv') {
    const guarded = table.map((cells) =>
      cells.map((c) => (FORMULA_LIKE.test(c) ? `${FORMULA_GUARD}${c}` : c)),
    );
    return `\uFEFF${Papa.unparse(guarded, { newline: '\r\n' })}\r\n`;
  }
  const workbook = new (await loadExcel()).Workbook();
  addTextSheet(workbook, sheetName, table);
  if (notes) addTextSheet(workbook, NOTES_SHEET_NAME, notes);
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer).toString('base64');
}

function addTextSheet(workbook: Workbook, name: string, table: string[][]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const width = Math.max(0, ...table.map((cells) => cells.length));
  sheet.columns = Array.from({ length: width }, (_, i) => ({
    width: Math.min(40, Math.max(8, ...table.slice(0, 50).map((cells) => displayWidth(cells[i] ?? '')))),
    style: { numFmt: '@' },
  }));
  for (const cells of table) sheet.addRow(cells);
  sheet.getRow(1).font = { bold: true };
}

/** Chinese characters take two columns. */
const displayWidth = (text: string): number =>
  [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2 : 1), 2);
