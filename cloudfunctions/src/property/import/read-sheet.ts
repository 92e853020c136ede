import { AppError } from '@linli/shared';
import type * as ExcelJS from 'exceljs';
import type { Buffer as ExcelBuffer, CellValue } from 'exceljs';
import Papa from 'papaparse';

export type SheetFormat = 'csv' | 'xlsx';

/** The worksheet the import reads when a workbook has several (else the first one). */
export const DATA_SHEET_NAME = '房屋信息';

/** An uploaded sheet as rows of cell strings; row i is the sheet's row i + 1. */
export async function readSheet(format: SheetFormat, content: string): Promise<string[][]> {
  return format === 'csv' ? readCsv(content) : readXlsx(content);
}

/**
 * exceljs takes about 250 ms to load: load it when a workbook is read or written, not on every
 * cold start of the `property` function.
 */
export async function loadExcel(): Promise<typeof ExcelJS> {
  // Bundled as CommonJS the module is the namespace; loaded as ESM (tsx, Node) it sits on `default`.
  const loaded = (await import('exceljs')) as typeof ExcelJS & { default?: typeof ExcelJS };
  return loaded.default ?? loaded;
}

/** The prefix the CSV export puts before formula-like text so Excel does not run it. */
export const FORMULA_GUARD = "'";

function readCsv(content: string): string[][] {
  const text = content.replace(/^\uFEFF/, '');
  // A CSV saved by Chinese Excel is GBK; decoded as UTF-8 it is full of replacement characters.
  if (text.includes('\uFFFD')) {
    throw new AppError(
      'VALIDATION',
      '文件不是 UTF-8 编码：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或直接上传 .xlsx 文件',
    );
  }
  // Only comma or tab: `;` separates values inside a cell and must never be taken as the delimiter.
  const parsed = Papa.parse<string[]>(text, { delimitersToGuess: [',', '\t'], skipEmptyLines: false });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken) throw new AppError('VALIDATION', `CSV 第 ${(broken.row ?? 0) + 1} 行的引号不成对，无法读取`);
  return parsed.data.map((cells) =>
    cells.map((cell) => (cell.startsWith(FORMULA_GUARD) ? cell.slice(1) : cell)),
  );
}

async function readXlsx(base64: string): Promise<string[][]> {
  const { Workbook } = await loadExcel();
  const workbook = new Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it reads at run time.
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelBuffer);
  } catch (cause) {
    throw new AppError('VALIDATION', '无法读取 Excel 文件：请上传 .xlsx 格式（不支持旧版 .xls）', { cause });
  }
  const sheet = workbook.getWorksheet(DATA_SHEET_NAME) ?? workbook.worksheets[0];
  if (!sheet) throw new AppError('VALIDATION', 'Excel 文件中没有工作表');
  const table: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    table.push(cells);
  }
  return table;
}

/**
 * A cell as the text a person sees. Numbers keep their shortest exact form (89.53, not
 * 89.5300000001 — a formula that produces the latter fails validation, as it should); dates are
 * calendar dates, which exceljs hands over as UTC midnight.
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('error' in value) return value.error;
  return cellText(value.result);
}
