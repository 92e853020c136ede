import Taro from '@tarojs/taro';
import type { Upload } from '.';
import { errorMessageIn } from '../local-runtime';
import { PlatformError } from '../platform-error';
import { SESSION_HEADER, sessionToken } from '../session';

export const UPLOAD_PATH = '/sim/upload';

/** The local runtime keeps files on disk and answers with a file id, as cloud storage would. */
export const uploadToLocalRuntime: Upload = async ({ filePath, cloudPath }) => {
  const token = sessionToken();
  let reply: Taro.uploadFile.SuccessCallbackResult;
  try {
    reply = await Taro.uploadFile({
      url: UPLOAD_PATH,
      filePath,
      name: 'file',
      formData: { cloudPath },
      header: token ? { [SESSION_HEADER]: token } : {},
    });
  } catch (cause) {
    throw new PlatformError('无法连接本地服务，请确认 npm start 正在运行', { cause });
  }
  const body = parseJson(reply.data);
  if (reply.statusCode === 404) throw new PlatformError('本地文件上传尚未就绪，暂时无法上传');
  if (reply.statusCode >= 400) throw new PlatformError(errorMessageIn(body) ?? '文件上传失败，请稍后重试');
  const fileID = (body as { fileID?: unknown } | null)?.fileID;
  if (typeof fileID !== 'string') throw new PlatformError('文件上传失败：本地服务没有返回文件编号');
  return { fileID };
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
