import Taro from '@tarojs/taro';
import type { ChooseSheet, SaveSheet } from '.';
import { formatOfName, WRONG_FORMAT } from '.';
import { isCancel, PlatformError } from '../platform-error';

const encodingOf = (format: 'csv' | 'xlsx') => (format === 'xlsx' ? 'base64' : 'utf8');

/**
 * Write the sheet to the mini-program's user folder, then open it: WeChat previews .xlsx (with a
 * menu to forward or save it); it cannot preview CSV, so a CSV is sent to a chat instead.
 */
export const saveSheetInWechat: SaveSheet = async (sheet) => {
  const filePath = `${Taro.env.USER_DATA_PATH}/${sheet.filename}`;
  try {
    await new Promise((resolve, reject) =>
      Taro.getFileSystemManager().writeFile({
        filePath,
        data: sheet.content,
        encoding: encodingOf(sheet.format),
        success: resolve,
        fail: reject,
      }),
    );
  } catch (cause) {
    throw new PlatformError('保存文件失败，请稍后重试', { cause });
  }
  try {
    if (sheet.format === 'xlsx') await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
    else await Taro.shareFileMessage({ filePath, fileName: sheet.filename });
  } catch (error) {
    if (isCancel(error)) return;
    throw new PlatformError(
      sheet.format === 'xlsx' ? '无法打开文件，请稍后重试' : '无法发送文件，请改用 Excel 格式',
      { cause: error },
    );
  }
};

/** Files reach a phone through chats: pick one from a conversation, then read it. */
export const chooseSheetInWechat: ChooseSheet = async () => {
  let picked: Taro.chooseMessageFile.ChooseFile | undefined;
  try {
    const { tempFiles } = await Taro.chooseMessageFile({
      count: 1,
      type: 'file',
      extension: ['csv', 'xlsx'],
    });
    picked = tempFiles[0];
  } catch (error) {
    if (isCancel(error)) return null;
    throw new PlatformError('选择文件失败，请稍后重试', { cause: error });
  }
  if (!picked) return null;
  const format = formatOfName(picked.name);
  if (!format) throw new PlatformError(WRONG_FORMAT);
  try {
    // The file system manager answers through callbacks only; it returns no promise.
    const data = await new Promise<string | ArrayBuffer>((resolve, reject) =>
      Taro.getFileSystemManager().readFile({
        filePath: picked.path,
        encoding: encodingOf(format),
        success: (result) => resolve(result.data),
        fail: reject,
      }),
    );
    return { filename: picked.name, format, content: typeof data === 'string' ? data : '' };
  } catch (cause) {
    throw new PlatformError('读取文件失败，请重新选择', { cause });
  }
};
