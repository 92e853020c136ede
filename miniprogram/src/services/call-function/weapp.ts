import Taro from '@tarojs/taro';
import type { CallFunction } from '.';

/** CloudBase carries the caller's OPENID itself; the payload is only the action and its input. */
export const callCloudFunction: CallFunction = async (name, action, input) => {
  const { result } = await Taro.cloud.callFunction({ name, data: { action, input } });
  return result;
};
