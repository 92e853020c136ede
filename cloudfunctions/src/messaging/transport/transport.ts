/** The body of subscribeMessage.send (WeChat's field names). */
export interface WechatSendRequest {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogram_state: 'developer' | 'trial' | 'formal';
  lang: 'zh_CN';
}

/** WeChat's answer: errcode 0 is success; see shared/messaging/delivery for the rest. */
export interface WechatSendResult {
  errcode: number;
  errmsg: string;
  msgid?: string | number;
}

/**
 * Where messages go. Production: WeChat's API; local and tests: the simulator. `send` resolves
 * with WeChat's answer, errors included, and rejects only when no answer came (network,
 * timeout) — the sender treats that as transient.
 */
export interface MessageTransport {
  readonly name: string;
  send(request: WechatSendRequest): Promise<WechatSendResult>;
}
