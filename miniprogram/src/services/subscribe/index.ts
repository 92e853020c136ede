import { subscribeInSimulator } from './h5';
import { subscribeWithWechat } from './weapp';

export { MAX_TEMPLATES_PER_REQUEST } from './rules';

/** WeChat's answer per template: only `accept` allows the server one send of that template. */
export type SubscribeDecision = 'accept' | 'reject' | 'ban' | 'filter';

/**
 * Ask the person to allow subscription messages. Resolves with WeChat's answer per template id;
 * the caller reports the accepted ones to the server, which keeps the quota ledger.
 */
export type Subscribe = (templateIds: string[]) => Promise<Record<string, SubscribeDecision>>;

export const subscribe: Subscribe =
  process.env.TARO_ENV === 'weapp' ? subscribeWithWechat : subscribeInSimulator;
