import Taro from '@tarojs/taro';
import type { Scan } from '.';
import { isCancel, PlatformError } from '../platform-error';

export const scanWithCamera: Scan = async () => {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: false });
    return result;
  } catch (error) {
    if (isCancel(error)) return null;
    throw new PlatformError('扫码失败，请稍后重试', { cause: error });
  }
};
