import { chooseSheetInBrowser, saveSheetInBrowser } from './h5';
import { chooseSheetInWechat, saveSheetInWechat } from './weapp';

/** A sheet as the `property` actions move it: CSV text, or an .xlsx file in base64. */
export interface SheetFile {
  filename: string;
  format: 'csv' | 'xlsx';
  content: string;
}

/** Hand a sheet to the person: a download in a browser, a document (or a chat file) in WeChat. */
export type SaveSheet = (sheet: SheetFile) => Promise<void>;

/** Let the person pick a .csv or .xlsx file; null when they cancel. */
export type ChooseSheet = () => Promise<SheetFile | null>;

export const saveSheet: SaveSheet = process.env.TARO_ENV === 'weapp' ? saveSheetInWechat : saveSheetInBrowser;
export const chooseSheet: ChooseSheet =
  process.env.TARO_ENV === 'weapp' ? chooseSheetInWechat : chooseSheetInBrowser;

/** The format a file name says, or null for anything else (.xls included: the server reads .xlsx only). */
export function formatOfName(name: string): SheetFile['format'] | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

export const WRONG_FORMAT = '请选择 .csv 或 .xlsx 文件（旧版 .xls 请先另存为 .xlsx）';
