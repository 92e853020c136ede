import Taro from '@tarojs/taro';
import type { Upload } from '.';
import { PlatformError } from '../platform-error';

export const uploadToCloudStorage: Upload = async ({ filePath, cloudPath }) => {
  try {
    const { fileID } = await Taro.cloud.uploadFile({ filePath, cloudPath });
    return { fileID };
  } catch (error) {
    throw new PlatformError('文件上传失败，请稍后重试', { cause: error });
  }
};
