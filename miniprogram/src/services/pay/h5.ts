import { formatYuan } from '@linli/shared';
import Taro from '@tarojs/taro';
import type { Pay } from '.';
import { errorMessageIn, requestLocal } from '../local-runtime';
import { PlatformError } from '../platform-error';

export const PAY_CONFIRM_PATH = '/sim/pay/confirm';

/**
 * Stand-in for WeChat's pay sheet: the person confirms, then the local WeChat Pay simulator
 * settles the prepay order and sends the signed notification as WeChat would.
 */
export const payInSimulator: Pay = async (request, summary) => {
  const { confirm } = await Taro.showModal({
    title: '模拟微信支付',
    content: summary
      ? `${summary.description}\n${formatYuan(summary.amountFen)}\n本地环境不会真实扣款，确认支付？`
      : '本地环境不会真实扣款。确认支付此订单？',
    confirmText: '确认支付',
    cancelText: '取消',
  });
  if (!confirm) return 'cancelled';

  const reply = await requestLocal('POST', PAY_CONFIRM_PATH, request);
  if (reply.status === 404) throw new PlatformError('本地支付模拟器尚未就绪，暂时无法支付');
  if (reply.status >= 400) throw new PlatformError(errorMessageIn(reply.body) ?? '模拟支付失败，请稍后重试');
  return 'paid';
};
