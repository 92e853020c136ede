import type { ChooseSheet, SaveSheet } from '.';
import { formatOfName, WRONG_FORMAT } from '.';
import { PlatformError } from '../platform-error';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A browser download of the returned content (CSV text keeps its BOM, so Excel reads it as UTF-8). */
export const saveSheetInBrowser: SaveSheet = (sheet) => {
  const blob =
    sheet.format === 'xlsx'
      ? new Blob([base64ToBytes(sheet.content)], { type: XLSX_TYPE })
      : new Blob([sheet.content], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = sheet.filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started from the object URL by now; free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return Promise.resolve();
};

/**
 * A file input, created for the one pick and removed after: Taro's H5 components have none, and
 * the page's own markup stays the same on both targets.
 */
export const chooseSheetInBrowser: ChooseSheet = () =>
  new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,.xlsx,text/csv,' + XLSX_TYPE;
    input.style.display = 'none';
    const done = () => input.remove();
    input.addEventListener('cancel', () => {
      done();
      resolve(null);
    });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      done();
      if (!file) return resolve(null);
      const format = formatOfName(file.name);
      if (!format) return reject(new PlatformError(WRONG_FORMAT));
      readFile(file, format).then(
        (content) => resolve({ filename: file.name, format, content }),
        (cause: unknown) => reject(new PlatformError('读取文件失败，请重新选择', { cause })),
      );
    });
    document.body.appendChild(input);
    input.click();
  });

function readFile(file: File, format: 'csv' | 'xlsx'): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const result = typeof reader.result === 'string' ? reader.result : '';
      // A data URL is `data:<type>;base64,<content>`: the server wants the content alone.
      resolve(format === 'xlsx' ? result.slice(result.indexOf(',') + 1) : result);
    };
    // A GBK file read as UTF-8 shows replacement characters; the server explains how to re-save it.
    if (format === 'csv') reader.readAsText(file, 'utf-8');
    else reader.readAsDataURL(file);
  });
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
