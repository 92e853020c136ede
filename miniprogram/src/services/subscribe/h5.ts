import Taro from '@tarojs/taro';
import type { Subscribe } from '.';
import { errorMessageIn, requestLocal } from '../local-runtime';
import { PlatformError } from '../platform-error';
import { assertTemplateCount, decisionOf } from './rules';

export const SUBSCRIBE_PATH = '/sim/subscribe';

/**
 * Stand-in for WeChat's subscription prompt. The answer goes to the local runtime, which plays
 * WeChat's side: a send without an accepted subscription is refused there as it is in production.
 */
export const subscribeInSimulator: Subscribe = async (templateIds) => {
  assertTemplateCount(templateIds);
  const { confirm } = await Taro.showModal({
    title: '订阅消息',
    content: `是否允许「邻里」向您发送 ${templateIds.length} 类通知？每次允许可收到一条。`,
    confirmText: '允许',
    cancelText: '拒绝',
  });
  const reply = await requestLocal('POST', SUBSCRIBE_PATH, { templateIds, accept: confirm });
  if (reply.status === 404) throw new PlatformError('本地订阅消息模拟尚未就绪，暂时无法订阅通知');
  if (reply.status >= 400) throw new PlatformError(errorMessageIn(reply.body) ?? '订阅通知失败，请稍后重试');
  const answer = (reply.body as { results?: Record<string, unknown> } | null)?.results ?? {};
  return Object.fromEntries(templateIds.map((id) => [id, decisionOf(answer[id])]));
};
