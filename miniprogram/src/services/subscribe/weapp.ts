import Taro from '@tarojs/taro';
import type { Subscribe } from '.';
import { isCancel, PlatformError } from '../platform-error';
import { assertTemplateCount, decisionOf } from './rules';

export const subscribeWithWechat: Subscribe = async (templateIds) => {
  assertTemplateCount(templateIds);
  try {
    // `entityIds` is Alipay's field; Taro's type asks for it and WeChat ignores it.
    // The promise resolves only on success (failures reject), so the answer is the success shape.
    const answer = (await Taro.requestSubscribeMessage({
      tmplIds: templateIds,
      entityIds: [],
    })) as Taro.requestSubscribeMessage.SuccessCallbackResult;
    return Object.fromEntries(templateIds.map((id) => [id, decisionOf(answer[id])]));
  } catch (error) {
    if (isCancel(error)) return Object.fromEntries(templateIds.map((id) => [id, 'reject' as const]));
    throw new PlatformError('订阅通知失败，请稍后重试', { cause: error });
  }
};
