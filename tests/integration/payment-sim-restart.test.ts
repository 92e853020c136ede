import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger } from '@linli/cloudfunctions/src/_lib/logger';
import { generateSimKeys, simulatorEnv } from '@linli/cloudfunctions/src/local/wxpay-sim/keys';
import { sqliteSimState } from '@linli/cloudfunctions/src/local/wxpay-sim/sim-state';
import { WxpaySimulator } from '@linli/cloudfunctions/src/local/wxpay-sim/simulator';
import { paymentConfig } from '@linli/cloudfunctions/src/payment/config';
import { wechatPay } from '@linli/cloudfunctions/src/payment/wechat-pay';

/**
 * WeChat Pay keeps an order and keeps re-sending its notification until we acknowledge it; the
 * local simulator must too when `npm start` is killed and started again on the same data.
 */
describe('the WeChat Pay simulator across a restart', () => {
  const keys = generateSimKeys();
  let dir: string;
  let server: Server;
  let origin: string;
  let sim: WxpaySimulator | null = null;
  /** What our notify endpoint answers, and the bodies it received. */
  let notifyStatus: number;
  let received: string[];

  const startSim = (refundDelayMs = 0): WxpaySimulator => {
    sim = new WxpaySimulator({
      keys,
      log: createMemoryLogger(),
      refundDelayMs,
      retryScale: 0.01, // WeChat's first retry after 15 s comes after 150 ms
      state: sqliteSimState(join(dir, 'state.sqlite')),
    });
    return sim;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'linli-wxpay-sim-'));
    notifyStatus = 500;
    received = [];
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      void (async () => {
        if (sim && (await sim.route(req, res, url))) return;
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        received.push(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(notifyStatus).end();
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    Object.assign(process.env, simulatorEnv(keys, origin));
  });
  afterEach(async () => {
    sim?.stop();
    sim = null;
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const prepay = (outTradeNo: string, amountFen: number) =>
    wechatPay(paymentConfig()).prepay({
      outTradeNo,
      description: '1-1-1201 物业费',
      amountFen,
      openid: 'o-owner',
      expiresAt: Date.now() + 15 * 60_000,
      attach: '',
    });

  it('keeps a paid order and re-sends its unacknowledged notification, byte for byte, after resume', async () => {
    const first = startSim();
    await prepay('LLRESTART0001', 12_345);
    await prepay('LLRESTART0002', 500);
    first.pay(first.orders.get('LLRESTART0001')!);
    // Our side is down (500) for the first delivery; then the whole process dies.
    await waitFor(() => first.deliveries.length >= 1);
    first.stop();
    expect(received).toHaveLength(1);

    notifyStatus = 204;
    const second = startSim();
    expect(second.orders.get('LLRESTART0001')).toMatchObject({ state: 'SUCCESS', total: 12_345 });
    expect(second.orders.get('LLRESTART0002')).toMatchObject({ state: 'NOTPAY', total: 500 });
    const queried = await wechatPay(paymentConfig()).query('LLRESTART0001');
    expect(queried).toMatchObject({ trade_state: 'SUCCESS', amount: { total: 12_345 } });
    expect(received).toHaveLength(1);
    second.resume();
    await second.idle();
    expect(received).toHaveLength(2);
    expect(received[1]).toBe(received[0]);
    expect(second.deliveries.map((d) => [d.attempt, d.status])).toEqual([[2, 204]]);
    second.stop();

    // Acknowledged: a third start owes nothing.
    const third = startSim();
    third.resume();
    await third.idle();
    expect(received).toHaveLength(2);
  });

  it('delivers after a restart a notification the crash caught before its first attempt', async () => {
    notifyStatus = 204;
    const first = startSim();
    await prepay('LLRESTART0003', 800);
    first.faults.delayMs = 60_000; // the process dies before the first delivery is due
    first.pay(first.orders.get('LLRESTART0003')!);
    first.stop();
    expect(received).toHaveLength(0);

    const second = startSim();
    second.resume();
    // Due in a minute: it waits for its time, as WeChat would, rather than being forgotten.
    expect(received).toHaveLength(0);
    second.stop();
    const due = sqliteSimState(join(dir, 'state.sqlite'));
    const { notifications } = due.load();
    due.close();
    expect(notifications).toEqual([expect.objectContaining({ outTradeNo: 'LLRESTART0003', attempt: 1 })]);
  });

  it('finishes after a restart a refund that was still processing, and notifies it', async () => {
    notifyStatus = 204;
    const first = startSim(60_000);
    await prepay('LLRESTART0005', 900);
    first.pay(first.orders.get('LLRESTART0005')!);
    await first.idle();
    expect(received).toHaveLength(1);
    const refund = await wechatPay(paymentConfig()).refund({
      outTradeNo: 'LLRESTART0005',
      outRefundNo: 'RFRESTART0005',
      reason: '多缴',
      refundFen: 300,
      totalFen: 900,
    });
    expect(refund.status).toBe('PROCESSING');
    first.stop();

    const second = startSim();
    expect(second.orders.get('LLRESTART0005')).toMatchObject({ state: 'REFUND', refundedTotal: 300 });
    second.resume();
    await second.idle();
    expect(second.refunds.get('RFRESTART0005')?.status).toBe('SUCCESS');
    expect(received).toHaveLength(2);
    expect(JSON.parse(received[1]!)).toMatchObject({ event_type: 'REFUND.SUCCESS' });
  });

  it('keeps nothing when the notification is acknowledged at once', async () => {
    notifyStatus = 204;
    const first = startSim();
    await prepay('LLRESTART0004', 800);
    first.pay(first.orders.get('LLRESTART0004')!);
    await first.idle();
    first.stop();
    const state = sqliteSimState(join(dir, 'state.sqlite'));
    const saved = state.load();
    state.close();
    expect(saved.notifications).toEqual([]);
    expect(saved.orders.map((o) => [o.out_trade_no, o.state])).toEqual([['LLRESTART0004', 'SUCCESS']]);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error('condition not reached');
}
