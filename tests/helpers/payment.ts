import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { keyId, type PaymentOrderView, type PaymentRequestParams } from '@linli/shared';
import { createMemoryLogger } from '@linli/cloudfunctions/src/_lib/logger';
import { notifyRoute } from '@linli/cloudfunctions/src/local/pay-routes';
import { generateSimKeys, simulatorEnv, type SimKeys } from '@linli/cloudfunctions/src/local/wxpay-sim/keys';
import { PAY_CONFIRM_PATH, WxpaySimulator } from '@linli/cloudfunctions/src/local/wxpay-sim/simulator';
import { billingRuntime, commitAll, ESTATE, JULY_10 } from './billing';
import type { TestRuntime } from './test-runtime';

export const OWNER = 'demo-owner-1';
export const OWNER_HOME = keyId('hh', ESTATE, '1-1-1201');
export const OTHER_HOME = keyId('hh', ESTATE, '2-1-0802');
export const billOf = (household: string, item: string, period = '2026-07') =>
  keyId('bill', household, period, item);

let sharedKeys: SimKeys | null = null;

export interface PaymentRuntime extends TestRuntime {
  sim: WxpaySimulator;
  origin: string;
  /** The business clock; move it to test expiry and sweeps. */
  clock: { now: number };
  /** POST to the simulated cashier as the H5 pay sheet does. */
  confirm(payment: PaymentRequestParams): Promise<{ status: number; body: unknown }>;
  /** Create an order as the owner and confirm it in the cashier; waits for the notifications. */
  pay(billIds: string[], openid?: string, householdId?: string): Promise<PaymentOrderView>;
  tick(): Promise<void>;
}

/**
 * The demo estate with July billed, the real runtime, and a WeChat Pay simulator on a loopback
 * HTTP server that also serves the notify endpoint — notifications cross a real socket.
 */
export async function paymentRuntime(): Promise<PaymentRuntime> {
  const clock = { now: JULY_10 };
  const now = () => clock.now;
  const t = await billingRuntime(now);
  await commitAll(t);
  sharedKeys ??= generateSimKeys();
  const log = createMemoryLogger();
  const sim = new WxpaySimulator({ keys: sharedKeys, log, now, retryScale: 0.00001 });
  const notify = notifyRoute(t.runtime, log, now);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    (async () => {
      if (await sim.route(req, res, url)) return;
      if (await notify(req, res, url)) return;
      res.writeHead(404).end();
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(process.env, simulatorEnv(sharedKeys, origin));

  const confirm = async (payment: PaymentRequestParams) => {
    const response = await fetch(`${origin}${PAY_CONFIRM_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payment),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
  };

  const tick = async () => {
    const result = await t.runtime.call('scheduler', 'tick', {}, { trigger: true });
    if (!result.ok) throw new Error(`tick failed: ${result.error.message}`);
  };
  // The scheduler's first tick only records when each job starts; later ticks run them.
  await tick();

  return {
    ...t,
    sim,
    origin,
    clock,
    confirm,
    async pay(billIds, openid = OWNER, householdId = OWNER_HOME) {
      const created = await t.ok<{ order: PaymentOrderView; payment: PaymentRequestParams }>(
        openid,
        'payment',
        'create',
        { householdId, billIds },
      );
      const answer = await confirm(created.payment);
      if (answer.status !== 200) throw new Error(`cashier refused: ${JSON.stringify(answer.body)}`);
      await sim.idle();
      return created.order;
    },
    tick,
    async close() {
      sim.stop();
      await new Promise((resolve) => server.close(resolve));
      await t.close();
    },
  };
}
