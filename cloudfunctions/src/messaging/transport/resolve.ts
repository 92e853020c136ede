import type { Store } from '../../_lib/store/port';
import { messagingConfig, type MessagingConfig } from '../config';
import type { MessageTransport } from './transport';
import { createWechatHttpTransport } from './wechat-http';
import { wechatSimulator } from './wechat-simulator';

let wechat: MessageTransport | undefined;

/** The transport the deployment is configured for (LINLI_MESSAGE_TRANSPORT). */
export function transportFor(
  store: Store,
  config: MessagingConfig = messagingConfig(),
  now: () => number = Date.now,
): MessageTransport {
  if (config.transport === 'wechat') {
    // One per container, so the access token is reused across invocations.
    wechat ??= createWechatHttpTransport({ appId: config.appId ?? '', appSecret: config.appSecret ?? '' });
    return wechat;
  }
  return simulatorFor(store, config, now).transport;
}

export function simulatorFor(
  store: Store,
  config: MessagingConfig = messagingConfig(),
  now: () => number = Date.now,
) {
  return wechatSimulator(store, { templateIds: Object.values(config.templateIds), now });
}
