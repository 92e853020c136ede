import {
  checkFieldValue,
  isAppError,
  keyId,
  MAX_TEMPLATES_PER_REQUEST,
  newId,
  valueTypeOfKey,
} from '@linli/shared';
import type { Doc, Store } from '../../_lib/store/port';
import type { MessageTransport, WechatSendRequest, WechatSendResult } from './transport';

/**
 * WeChat's side of subscription messages, for the local runtime and tests. It keeps its own
 * one-time credits per (openid, template) — added by the subscribe prompt (`/sim/subscribe`),
 * used by sends — so, as in production, a send the person never accepted is refused with
 * 43101 whatever our own ledger believes. It checks data with WeChat's value rules (47003)
 * and can be told to fail the next sends (`failNext`), to exercise retries.
 */

export const SIM_SUBSCRIPTIONS = 'wechat_sim_subscriptions';
export const SIM_FAULTS = 'wechat_sim_faults';

interface SimSubscription extends Doc {
  openid: string;
  templateId: string;
  credits: number;
  updatedAt: number;
}

interface SimFault extends Doc {
  errcode: number;
  errmsg: string;
  remaining: number;
  /** Only sends to this openid fail; null for any. */
  openid: string | null;
  createdAt: number;
}

/** A failed `requestSubscribeMessage`, with WeChat's errCode (20003 too many, 20001 unknown id…). */
export class SubscribePromptError extends Error {
  constructor(
    readonly errCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'SubscribePromptError';
  }
}

export interface SimulatedFault {
  errcode: number;
  errmsg?: string;
  /** How many sends fail this way (default 1). */
  times?: number;
  openid?: string;
}

export interface WechatSimulator {
  /** The person answers the subscribe prompt: `accept` adds one credit per template. */
  subscribe(
    openid: string,
    templateIds: string[],
    accept: boolean,
  ): Promise<Record<string, 'accept' | 'reject'>>;
  failNext(fault: SimulatedFault): Promise<void>;
  credits(openid: string, templateId: string): Promise<number>;
  transport: MessageTransport;
}

export const subscriptionId = (openid: string, templateId: string): string =>
  keyId('simsub', openid, templateId);

function invalidData(data: WechatSendRequest['data']): string | null {
  for (const [key, { value }] of Object.entries(data)) {
    const type = valueTypeOfKey(key);
    const check = type ? checkFieldValue(type, value) : null;
    if (!check?.ok || check.truncated || check.value !== value) return key;
  }
  return null;
}

export function wechatSimulator(
  store: Store,
  options: { templateIds: readonly string[]; now?: () => number },
): WechatSimulator {
  const now = options.now ?? Date.now;
  const known = new Set(options.templateIds);
  const subscriptions = store.collection<SimSubscription>(SIM_SUBSCRIPTIONS);
  const faults = store.collection<SimFault>(SIM_FAULTS);

  async function addCredit(openid: string, templateId: string): Promise<void> {
    const id = subscriptionId(openid, templateId);
    if (await subscriptions.update(id, { inc: { credits: 1 }, set: { updatedAt: now() } })) return;
    try {
      await subscriptions.insert({ _id: id, openid, templateId, credits: 1, updatedAt: now() });
    } catch (error) {
      if (!isAppError(error) || error.code !== 'DUPLICATE') throw error;
      await subscriptions.update(id, { inc: { credits: 1 }, set: { updatedAt: now() } });
    }
  }

  async function takeFault(openid: string): Promise<SimFault | null> {
    for (;;) {
      const page = await faults.find(
        { where: { remaining: { gt: 0 } } },
        { sort: [['createdAt', 'asc']], limit: 50 },
      );
      const fault = page.items.find((f) => f.openid === null || f.openid === openid);
      if (!fault) return null;
      const taken = await faults.update(
        fault._id,
        { inc: { remaining: -1 } },
        { remaining: fault.remaining },
      );
      if (taken) return fault;
    }
  }

  async function send(request: WechatSendRequest): Promise<WechatSendResult> {
    const fault = await takeFault(request.touser);
    if (fault) return { errcode: fault.errcode, errmsg: fault.errmsg };
    if (!request.touser) return { errcode: 40003, errmsg: 'invalid openid' };
    if (!known.has(request.template_id)) return { errcode: 40037, errmsg: 'invalid template_id' };
    const badKey = invalidData(request.data);
    if (badKey) return { errcode: 47003, errmsg: `argument invalid! data.${badKey}.value invalid` };
    const used = await subscriptions.update(
      subscriptionId(request.touser, request.template_id),
      { inc: { credits: -1 }, set: { updatedAt: now() } },
      { credits: { gte: 1 } },
    );
    if (!used) return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    return { errcode: 0, errmsg: 'ok', msgid: newId('simmsg', now()) };
  }

  return {
    async subscribe(openid, templateIds, accept) {
      if (!templateIds.length) throw new SubscribePromptError(10001, '请选择要订阅的通知');
      if (templateIds.length > MAX_TEMPLATES_PER_REQUEST)
        throw new SubscribePromptError(20003, `一次最多订阅 ${MAX_TEMPLATES_PER_REQUEST} 类通知`);
      if (templateIds.some((id) => !known.has(id))) throw new SubscribePromptError(20001, '订阅模板不存在');
      const answers: Record<string, 'accept' | 'reject'> = {};
      for (const id of new Set(templateIds)) {
        answers[id] = accept ? 'accept' : 'reject';
        if (accept) await addCredit(openid, id);
      }
      return answers;
    },
    async failNext(fault) {
      await faults.insert({
        _id: newId('simfault', now()),
        errcode: fault.errcode,
        errmsg: fault.errmsg ?? (fault.errcode === -1 ? 'system error' : `simulated ${fault.errcode}`),
        remaining: fault.times ?? 1,
        openid: fault.openid ?? null,
        createdAt: now(),
      });
    },
    async credits(openid, templateId) {
      return (await subscriptions.get(subscriptionId(openid, templateId)))?.credits ?? 0;
    },
    transport: { name: 'wechat-simulator', send },
  };
}
