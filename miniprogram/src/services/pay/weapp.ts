import Taro from '@tarojs/taro';
import type { Pay } from '.';
import { isCancel, PlatformError } from '../platform-error';

export const payWithWechat: Pay = async (request) => {
  try {
    await Taro.requestPayment(request);
    return 'paid';
  } catch (error) {
    if (isCancel(error)) return 'cancelled';
    throw new PlatformError('支付未完成，请稍后重试', { cause: error });
  }
};
