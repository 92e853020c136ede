import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { shanghai, toLocalDate } from '@linli/shared';
import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin';
import type { Logger } from '../../_lib/logger';
import type { Route } from '../server';
import { buildTradeBill } from './trade-bill';
import type { SimKeys } from './keys';
import { memorySimState, type PendingNotification, type SimState } from './sim-state';

/** WeChat Pay's retry schedule for unacknowledged notifications (seconds), 24h4m in all. */
export const NOTIFY_RETRY_SECONDS = [
  15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600,
];

export const SIM_PREFIX = '/sim/wxpay';
export const PAY_CONFIRM_PATH = '/sim/pay/confirm';

/** Faults on demand, for tests and for trying the system by hand (POST /sim/wxpay/faults). */
export interface SimFaults {
  /** Drop the next n notifications (every retry of them too). */
  drop: number;
  /** Send each of the next n notifications this many extra times. */
  duplicate: number;
  duplicateCopies: number;
  /** Hold notifications this long before sending. */
  delayMs: number;
  /** Corrupt the next notification: a bad signature, a stale timestamp, or another amount (validly signed). */
  tamper: 'signature' | 'stale' | 'amount' | null;
  /** Answer the next n API calls with this error. */
  apiError: { status: number; code: string; message: string; remaining: number } | null;
}

const noFaults = (): SimFaults => ({
  drop: 0,
  duplicate: 0,
  duplicateCopies: 1,
  delayMs: 0,
  tamper: null,
  apiError: null,
});

export interface SimOrder {
  appid: string;
  mchid: string;
  out_trade_no: string;
  description: string;
  notify_url: string;
  attach: string;
  total: number;
  openid: string;
  prepayId: string;
  expiresAt: number;
  state: 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';
  transactionId: string | null;
  successAt: number | null;
  refundedTotal: number;
}

export interface SimRefund {
  out_refund_no: string;
  refund_id: string;
  out_trade_no: string;
  transaction_id: string;
  amount: number;
  total: number;
  status: 'PROCESSING' | 'SUCCESS' | 'CLOSED';
  createdAt: number;
  successAt: number | null;
  notify_url: string;
}

export interface Delivery {
  eventId: string;
  outTradeNo: string;
  attempt: number;
  status: number | 'dropped' | 'error';
}

export interface WxpaySimulatorOptions {
  keys: SimKeys;
  log: Logger;
  /** Business clock (success times, expiry, bill dates); signatures always use the real clock. */
  now?: () => number;
  /** Multiply the retry schedule (tests use a tiny factor). */
  retryScale?: number;
  /** Refunds succeed after this long (ms), then the refund notification goes out. */
  refundDelayMs?: number;
  /** Where orders, refunds and unacknowledged notifications survive a restart (default: memory only). */
  state?: SimState;
}

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

function parseAuthorization(header: string | undefined): Record<string, string> | null {
  if (!header?.startsWith('WECHATPAY2-SHA256-RSA2048 ')) return null;
  const fields: Record<string, string> = {};
  for (const match of header.slice(26).matchAll(/(\w+)="([^"]*)"/g)) fields[match[1]!] = match[2]!;
  return fields;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A local WeChat Pay API v3 that behaves like the real one where our code can tell: it checks
 * our request signatures with the merchant public key, signs every answer with its platform
 * key, encrypts notifications with AES-256-GCM under the APIv3 key, retries them on WeChat's
 * schedule, and serves a trade bill the plugin's parser reads. Orders, refunds and notifications
 * not yet acknowledged are written through to `state` before anyone is told of them, so after a
 * crash `resume()` carries on as WeChat's servers would: same orders, same retries.
 */
export class WxpaySimulator {
  readonly orders = new Map<string, SimOrder>();
  readonly refunds = new Map<string, SimRefund>();
  readonly deliveries: Delivery[] = [];
  faults: SimFaults = noFaults();
  /** The last notification sent, exactly as sent (tests replay it). */
  lastSent: { url: string; body: string; headers: Record<string, string> } | null = null;
  private readonly bills = new Map<string, { raw: Buffer; gzip: boolean }>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly now: () => number;
  private readonly state: SimState;
  private pendingAtStart: PendingNotification[];
  private closed = false;

  constructor(private readonly options: WxpaySimulatorOptions) {
    this.now = options.now ?? Date.now;
    this.state = options.state ?? memorySimState();
    const saved = this.state.load();
    for (const order of saved.orders) this.orders.set(order.out_trade_no, order);
    for (const refund of saved.refunds) this.refunds.set(refund.out_refund_no, refund);
    this.pendingAtStart = saved.notifications;
  }

  /**
   * After a restart, once the notify URL answers again: deliver what was still owed (at its due
   * time, or now if that passed while we were down) and finish refunds that were processing.
   */
  resume(): void {
    for (const notification of this.pendingAtStart.splice(0))
      this.later(Math.max(0, notification.dueAt - Date.now()), () => this.send(notification));
    for (const refund of this.refunds.values())
      if (refund.status === 'PROCESSING')
        this.later(this.options.refundDelayMs ?? 0, () => this.completeRefund(refund));
  }

  resetFaults(): void {
    this.faults = noFaults();
  }

  /** Wait until every scheduled notification has been sent (or given up). */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  stop(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.state.close();
  }

  readonly route: Route = async (req, res, url) => {
    if (url.pathname === PAY_CONFIRM_PATH && req.method === 'POST') {
      await this.answer(
        res,
        async () => this.confirmPayment(JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>),
        false,
      );
      return true;
    }
    if (url.pathname === `${SIM_PREFIX}/faults` && req.method === 'POST') {
      const body = JSON.parse((await readBody(req)) || '{}') as Partial<SimFaults>;
      this.faults = { ...noFaults(), ...body };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(this.faults));
      return true;
    }
    if (!url.pathname.startsWith(`${SIM_PREFIX}/v3/`)) return false;
    const body = await readBody(req);
    const path = url.pathname.slice(SIM_PREFIX.length);
    if (path === '/v3/billdownload/file') {
      // Downloads are not signed (WeChat says to check the SHA1 instead).
      try {
        this.verifyRequest(req, body);
        const file = this.bills.get(url.searchParams.get('token') ?? '');
        if (!file) throw new ApiError(404, 'RESOURCE_NOT_EXISTS', '账单不存在或已过期');
        res
          .writeHead(200, { 'content-type': 'application/octet-stream' })
          .end(file.gzip ? gzipSync(file.raw) : file.raw);
      } catch (error) {
        const e = error instanceof ApiError ? error : new ApiError(500, 'SYSTEM_ERROR', String(error));
        res
          .writeHead(e.status, { 'content-type': 'application/json' })
          .end(JSON.stringify({ code: e.code, message: e.message }));
      }
      return true;
    }
    await this.answer(res, () => {
      this.verifyRequest(req, body);
      this.injectedError();
      return this.api(req.method ?? 'GET', path, url.searchParams, body);
    });
    return true;
  };

  // --- API -------------------------------------------------------------------------------

  private api(
    method: string,
    path: string,
    query: URLSearchParams,
    body: string,
  ): { status: number; body: unknown } {
    const json = (): Record<string, unknown> => (body ? (JSON.parse(body) as Record<string, unknown>) : {});
    if (method === 'POST' && path === '/v3/pay/transactions/jsapi')
      return { status: 200, body: this.prepay(json()) };
    const byNo = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)(\/close)?$/.exec(path);
    if (byNo) {
      const order = this.orders.get(decodeURIComponent(byNo[1]!));
      if (byNo[2] && method === 'POST') {
        if (!order) throw new ApiError(404, 'ORDER_NOT_EXIST', '订单不存在');
        if (order.state === 'SUCCESS' || order.state === 'REFUND')
          throw new ApiError(400, 'ORDERPAID', '订单已支付');
        order.state = 'CLOSED';
        this.state.saveOrder(order);
        return { status: 204, body: null };
      }
      if (method === 'GET') {
        if (query.get('mchid') !== this.options.keys.mchid)
          throw new ApiError(400, 'PARAM_ERROR', 'mchid 不正确');
        if (!order) throw new ApiError(404, 'ORDER_NOT_EXIST', '订单不存在');
        return { status: 200, body: this.transactionOf(order) };
      }
    }
    if (method === 'POST' && path === '/v3/refund/domestic/refunds')
      return { status: 200, body: this.refund(json()) };
    const refundNo = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(path);
    if (refundNo && method === 'GET') {
      const refund = this.refunds.get(decodeURIComponent(refundNo[1]!));
      if (!refund) throw new ApiError(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
      return { status: 200, body: this.refundOf(refund) };
    }
    if (method === 'GET' && path === '/v3/bill/tradebill')
      return { status: 200, body: this.tradeBill(query) };
    throw new ApiError(404, 'NOT_FOUND', `模拟器不支持 ${method} ${path}`);
  }

  private prepay(body: Record<string, unknown>): { prepay_id: string } {
    const { keys } = this.options;
    const amount = body.amount as { total?: unknown } | undefined;
    const payer = body.payer as { openid?: unknown } | undefined;
    const no = body.out_trade_no;
    if (body.mchid !== keys.mchid) throw new ApiError(400, 'MCH_NOT_EXISTS', '商户号不存在');
    if (body.appid !== keys.appid) throw new ApiError(400, 'APPID_MCHID_NOT_MATCH', 'appid 和 mch_id 不匹配');
    if (typeof no !== 'string' || !/^[0-9A-Za-z_\-|*]{6,32}$/.test(no))
      throw new ApiError(400, 'PARAM_ERROR', 'out_trade_no 不合法');
    if (typeof amount?.total !== 'number' || !Number.isInteger(amount.total) || amount.total <= 0)
      throw new ApiError(400, 'PARAM_ERROR', 'amount.total 不合法');
    if (typeof payer?.openid !== 'string') throw new ApiError(400, 'PARAM_ERROR', '缺少 payer.openid');
    if (typeof body.notify_url !== 'string') throw new ApiError(400, 'PARAM_ERROR', '缺少 notify_url');
    if (typeof body.description !== 'string' || body.description.length > 127)
      throw new ApiError(400, 'PARAM_ERROR', 'description 不合法');
    const existing = this.orders.get(no);
    if (existing) {
      if (existing.state === 'SUCCESS' || existing.state === 'REFUND')
        throw new ApiError(403, 'ORDERPAID', '该订单已支付');
      if (existing.state === 'CLOSED') throw new ApiError(400, 'ORDER_CLOSED', '订单已关闭');
      if (existing.total !== amount.total) throw new ApiError(403, 'OUT_TRADE_NO_USED', '商户订单号重复');
      return { prepay_id: existing.prepayId };
    }
    const requested =
      typeof body.time_expire === 'string'
        ? shanghai(body.time_expire).valueOf()
        : this.now() + 7 * 86400_000;
    const order: SimOrder = {
      appid: keys.appid,
      mchid: keys.mchid,
      out_trade_no: no,
      description: body.description,
      notify_url: body.notify_url,
      attach: typeof body.attach === 'string' ? body.attach : '',
      total: amount.total,
      openid: payer.openid,
      prepayId: `wx${Date.now().toString(36)}${randomBytes(10).toString('hex')}`,
      // Less than a minute from now is raised to a minute, as WeChat does.
      expiresAt: Math.max(requested, this.now() + 60_000),
      state: 'NOTPAY',
      transactionId: null,
      successAt: null,
      refundedTotal: 0,
    };
    this.orders.set(no, order);
    this.state.saveOrder(order);
    return { prepay_id: order.prepayId };
  }

  private transactionOf(order: SimOrder): Record<string, unknown> {
    const paid = order.state === 'SUCCESS' || order.state === 'REFUND';
    return {
      appid: order.appid,
      mchid: order.mchid,
      out_trade_no: order.out_trade_no,
      ...(paid
        ? {
            transaction_id: order.transactionId,
            success_time: shanghai(order.successAt!).format('YYYY-MM-DDTHH:mm:ssZ'),
          }
        : {}),
      trade_type: 'JSAPI',
      trade_state: order.state,
      trade_state_desc: { NOTPAY: '未支付', SUCCESS: '支付成功', CLOSED: '已关闭', REFUND: '转入退款' }[
        order.state
      ],
      bank_type: paid ? 'OTHERS' : '',
      attach: order.attach,
      payer: { openid: order.openid },
      amount: paid
        ? { total: order.total, payer_total: order.total, currency: 'CNY', payer_currency: 'CNY' }
        : { total: order.total, currency: 'CNY' },
    };
  }

  private refund(body: Record<string, unknown>): Record<string, unknown> {
    const no = body.out_refund_no;
    if (typeof no !== 'string') throw new ApiError(400, 'PARAM_ERROR', '缺少 out_refund_no');
    const existing = this.refunds.get(no);
    if (existing) return this.refundOf(existing);
    const order = this.orders.get(String(body.out_trade_no));
    if (!order || !order.transactionId) throw new ApiError(404, 'RESOURCE_NOT_EXISTS', '订单不存在或未支付');
    const amount = body.amount as { refund?: unknown; total?: unknown } | undefined;
    if (typeof amount?.refund !== 'number' || amount.refund <= 0)
      throw new ApiError(400, 'PARAM_ERROR', 'amount.refund 不合法');
    if (amount.total !== order.total) throw new ApiError(400, 'PARAM_ERROR', '订单金额与原订单不一致');
    if (order.refundedTotal + amount.refund > order.total)
      throw new ApiError(403, 'NOT_ENOUGH', '可退金额不足');
    const refund: SimRefund = {
      out_refund_no: no,
      refund_id: `50${Date.now()}${randomBytes(4).toString('hex')}`,
      out_trade_no: order.out_trade_no,
      transaction_id: order.transactionId,
      amount: amount.refund,
      total: order.total,
      status: 'PROCESSING',
      createdAt: this.now(),
      successAt: null,
      notify_url: typeof body.notify_url === 'string' ? body.notify_url : order.notify_url,
    };
    order.refundedTotal += amount.refund;
    order.state = 'REFUND';
    this.refunds.set(no, refund);
    this.state.atomically(() => {
      this.state.saveOrder(order);
      this.state.saveRefund(refund);
    });
    this.later(this.options.refundDelayMs ?? 0, () => this.completeRefund(refund));
    return this.refundOf(refund);
  }

  private completeRefund(refund: SimRefund): void {
    const successAt = this.now();
    refund.status = 'SUCCESS';
    refund.successAt = successAt;
    this.state.atomically(() => {
      this.state.saveRefund(refund);
      this.notify('refund', refund.out_trade_no, refund.notify_url, {
        mchid: this.options.keys.mchid,
        out_trade_no: refund.out_trade_no,
        transaction_id: refund.transaction_id,
        out_refund_no: refund.out_refund_no,
        refund_id: refund.refund_id,
        refund_status: 'SUCCESS',
        success_time: shanghai(successAt).format('YYYY-MM-DDTHH:mm:ssZ'),
        user_received_account: '支付用户零钱',
        amount: {
          total: refund.total,
          refund: refund.amount,
          payer_total: refund.total,
          payer_refund: refund.amount,
        },
      });
    });
  }

  private refundOf(refund: SimRefund): Record<string, unknown> {
    return {
      refund_id: refund.refund_id,
      out_refund_no: refund.out_refund_no,
      transaction_id: refund.transaction_id,
      out_trade_no: refund.out_trade_no,
      channel: 'ORIGINAL',
      user_received_account: '支付用户零钱',
      ...(refund.successAt
        ? { success_time: shanghai(refund.successAt).format('YYYY-MM-DDTHH:mm:ssZ') }
        : {}),
      create_time: shanghai(refund.createdAt).format('YYYY-MM-DDTHH:mm:ssZ'),
      status: refund.status,
      funds_account: 'AVAILABLE',
      amount: {
        total: refund.total,
        refund: refund.amount,
        payer_total: refund.total,
        payer_refund: refund.amount,
        currency: 'CNY',
      },
    };
  }

  private tradeBill(query: URLSearchParams): Record<string, unknown> {
    const date = query.get('bill_date') ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new ApiError(400, 'INVALID_REQUEST', 'bill_date 不合法');
    const paid = [...this.orders.values()].filter(
      (o) => o.successAt !== null && toLocalDate(o.successAt) === date,
    );
    if (!paid.length) throw new ApiError(400, 'NO_STATEMENT_EXIST', '账单文件不存在');
    const raw = buildTradeBill(paid, this.options.keys);
    const token = randomBytes(12).toString('hex');
    this.bills.set(token, { raw, gzip: query.get('tar_type') === 'GZIP' });
    return {
      hash_type: 'SHA1',
      hash_value: createHash('sha1').update(raw).digest('hex'),
      download_url: `https://api.mch.weixin.qq.com/v3/billdownload/file?token=${token}`,
    };
  }

  // --- the cashier -----------------------------------------------------------------------

  /** The person confirmed in the simulated pay sheet: check the paySign, take the money, notify. */
  private confirmPayment(body: Record<string, unknown>): { status: number; body: unknown } {
    const { keys } = this.options;
    const text = (value: unknown): string => (typeof value === 'string' ? value : '');
    const pkg = text(body.package);
    const order = [...this.orders.values()].find((o) => `prepay_id=${o.prepayId}` === pkg);
    if (!order) throw new ApiError(404, 'ORDER_NOT_EXIST', '订单不存在');
    const message = Formatter.joinedByLineFeed(keys.appid, text(body.timeStamp), text(body.nonceStr), pkg);
    if (body.signType !== 'RSA' || !Rsa.verify(message, text(body.paySign), keys.merchantPublicPem))
      throw new ApiError(400, 'SIGN_ERROR', '支付签名校验失败');
    if (order.state === 'SUCCESS' || order.state === 'REFUND') return { status: 200, body: { ok: true } };
    if (order.state === 'CLOSED') throw new ApiError(400, 'ORDER_CLOSED', '订单已关闭');
    if (this.now() > order.expiresAt) throw new ApiError(400, 'ORDER_EXPIRED', '订单已过期，请重新下单');
    this.pay(order);
    return { status: 200, body: { ok: true } };
  }

  /** Mark an order paid as WeChat would and send the payment notification. */
  pay(order: SimOrder): void {
    order.state = 'SUCCESS';
    order.transactionId = `42${Date.now()}${randomBytes(5).toString('hex')}`.slice(0, 32);
    order.successAt = this.now();
    // The payment and the notification it owes are kept together: a crash keeps both or neither.
    this.state.atomically(() => {
      this.state.saveOrder(order);
      this.notify('transaction', order.out_trade_no, order.notify_url, this.transactionOf(order));
    });
  }

  // --- notifications ---------------------------------------------------------------------

  private notify(
    kind: 'transaction' | 'refund',
    outTradeNo: string,
    url: string,
    resource: Record<string, unknown>,
  ): void {
    const eventId = `EV-${randomBytes(8).toString('hex')}`;
    if (this.faults.drop > 0) {
      this.faults.drop -= 1;
      this.deliveries.push({ eventId, outTradeNo, attempt: 0, status: 'dropped' });
      return;
    }
    let plain = resource;
    const tamper = this.faults.tamper;
    this.faults.tamper = null;
    if (tamper === 'amount' && kind === 'transaction') {
      const amount = resource.amount as { total: number };
      plain = { ...resource, amount: { ...amount, total: amount.total - 1, payer_total: amount.total - 1 } };
    }
    const copies = this.faults.duplicate > 0 ? 1 + this.faults.duplicateCopies : 1;
    if (this.faults.duplicate > 0) this.faults.duplicate -= 1;
    const body = this.envelope(eventId, kind, plain);
    for (let i = 0; i < copies; i++) {
      const notification: PendingNotification = {
        id: i ? `${eventId}#${i}` : eventId,
        outTradeNo,
        url,
        body,
        tamper,
        attempt: 1,
        dueAt: Date.now() + this.faults.delayMs,
      };
      this.state.saveNotification(notification);
      this.later(this.faults.delayMs, () => this.send(notification));
    }
  }

  private envelope(
    eventId: string,
    kind: 'transaction' | 'refund',
    resource: Record<string, unknown>,
  ): string {
    const nonce = Formatter.nonce(12);
    const associatedData = kind;
    return JSON.stringify({
      id: eventId,
      create_time: shanghai(this.now()).format('YYYY-MM-DDTHH:mm:ssZ'),
      resource_type: 'encrypt-resource',
      event_type: kind === 'transaction' ? 'TRANSACTION.SUCCESS' : 'REFUND.SUCCESS',
      summary: kind === 'transaction' ? '支付成功' : '退款成功',
      resource: {
        original_type: kind,
        algorithm: 'AEAD_AES_256_GCM',
        ciphertext: Aes.AesGcm.encrypt(
          JSON.stringify(resource),
          this.options.keys.apiV3Key,
          nonce,
          associatedData,
        ),
        associated_data: associatedData,
        nonce,
      },
    });
  }

  /** Headers signed with the platform key over `timestamp\nnonce\nbody\n`. */
  signedHeaders(body: string, tamper: SimFaults['tamper'] = null): Record<string, string> {
    const timestamp = String(Math.floor(Date.now() / 1000) - (tamper === 'stale' ? 600 : 0));
    const nonce = Formatter.nonce();
    const key = tamper === 'signature' ? strangerKey() : this.options.keys.platformPrivatePem;
    return {
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Serial': this.options.keys.platformSerial,
      'Wechatpay-Signature': Rsa.sign(Formatter.response(timestamp, nonce, body), key),
      'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
      'Request-ID': randomBytes(8).toString('hex'),
    };
  }

  private async send(notification: PendingNotification): Promise<void> {
    if (this.closed) return;
    const { id, outTradeNo, url, body, tamper, attempt } = notification;
    const eventId = id.replace(/#\d+$/, '');
    let status: Delivery['status'];
    try {
      const headers = { 'content-type': 'application/json', ...this.signedHeaders(body, tamper) };
      this.lastSent = { url, body, headers };
      const response = await fetch(url, { method: 'POST', headers, body });
      await response.arrayBuffer();
      status = response.status;
    } catch {
      status = 'error';
    }
    if (this.closed) return;
    this.deliveries.push({ eventId, outTradeNo, attempt, status });
    const acknowledged = status === 200 || status === 204;
    const wait = NOTIFY_RETRY_SECONDS[attempt - 1];
    if (acknowledged || wait === undefined) {
      this.state.dropNotification(id);
      return;
    }
    // A retry of a tampered notification is sent again as it was (same bytes, fresh headers).
    const waitMs = wait * 1000 * (this.options.retryScale ?? 1);
    const retry: PendingNotification = { ...notification, attempt: attempt + 1, dueAt: Date.now() + waitMs };
    this.state.saveNotification(retry);
    this.later(waitMs, () => this.send(retry));
  }

  private later(ms: number, work: () => void | Promise<void>): void {
    let settle!: () => void;
    const done = new Promise<void>((resolve) => (settle = resolve));
    this.inFlight.add(done);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      Promise.resolve()
        .then(work)
        .catch((error: unknown) => this.options.log.log('error', 'wxpay-sim.failed', { error }))
        .finally(() => {
          this.inFlight.delete(done);
          settle();
        });
    }, ms);
    this.timers.add(timer);
  }

  // --- request checks and signed answers -------------------------------------------------

  private verifyRequest(req: IncomingMessage, body: string): void {
    const auth = parseAuthorization(req.headers.authorization);
    const { keys } = this.options;
    if (!auth?.signature || !auth.timestamp || !auth.nonce_str)
      throw new ApiError(401, 'SIGN_ERROR', '缺少签名');
    if (auth.mchid !== keys.mchid) throw new ApiError(401, 'SIGN_ERROR', '商户号与签名不符');
    if (auth.serial_no !== keys.merchantSerial) throw new ApiError(401, 'SIGN_ERROR', '商户证书序列号不正确');
    if (Math.abs(Date.now() / 1000 - Number(auth.timestamp)) > 300)
      throw new ApiError(401, 'SIGN_ERROR', '签名时间戳已过期');
    const message = Formatter.request(
      req.method ?? 'GET',
      req.url ?? '/',
      auth.timestamp,
      auth.nonce_str,
      body,
    );
    if (!Rsa.verify(message, auth.signature, keys.merchantPublicPem))
      throw new ApiError(401, 'SIGN_ERROR', '签名错误');
  }

  private injectedError(): void {
    const fault = this.faults.apiError;
    if (!fault || fault.remaining <= 0) return;
    fault.remaining -= 1;
    throw new ApiError(fault.status, fault.code, fault.message);
  }

  private async answer(
    res: ServerResponse,
    work: () => { status: number; body: unknown } | Promise<{ status: number; body: unknown }>,
    signed = true,
  ): Promise<void> {
    let status: number;
    let text: string;
    try {
      const result = await work();
      status = result.status;
      text = result.body === null ? '' : JSON.stringify(result.body);
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(500, 'SYSTEM_ERROR', '系统错误');
      if (!(error instanceof ApiError)) this.options.log.log('error', 'wxpay-sim.error', { error });
      status = e.status;
      // The cashier answers the H5 app in the local runtime's envelope; the API as WeChat does.
      text = JSON.stringify(
        signed
          ? { code: e.code, message: e.message }
          : { ok: false, error: { code: e.code, message: e.message } },
      );
    }
    const headers: Record<string, string> = signed ? this.signedHeaders(text) : {};
    if (text) headers['content-type'] = 'application/json; charset=utf-8';
    res.writeHead(status, headers).end(text);
  }
}

let stranger: string | null = null;
/** A key WeChat never had: what a forger would sign with. */
function strangerKey(): string {
  stranger ??= generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  return stranger;
}
