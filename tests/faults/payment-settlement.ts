/**
 * Payment settlement under SIGKILL. Owners of many homes pay bills (several in one order, or one
 * by one) and top up their prepayment; the WeChat Pay simulator (state in the data dir, like
 * WeChat's servers) takes the money and notifies. The whole `npm start` tree is killed while
 * notifications are being handled, the moment an order is settled but its follow-up (credit,
 * 缴费成功 message) has not happened yet, and while the sweep settles orders whose notification
 * was lost; each time it restarts on the same data and address. Then notifications retry and the
 * sweep runs until nothing is owed, and the books are checked against what WeChat charged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  keyId,
  periodOf,
  prepayAccountId,
  prepayCreditId,
  type PaymentOrderView,
  type PaymentRequestParams,
  type ReconcileReport,
} from '@linli/shared';
import { mapLimit } from '@linli/cloudfunctions/src/_lib/map-limit';
import { accountIdFor } from '@linli/cloudfunctions/src/_lib/identity';
import { DEMO_ESTATE_ID } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { PAY_CONFIRM_PATH } from '@linli/cloudfunctions/src/local/wxpay-sim/simulator';
import { messageId } from '@linli/cloudfunctions/src/messaging/documents';
import { SWEEP_AFTER_MS } from '@linli/cloudfunctions/src/payment/sweep-job';
import { bindLoadOwners, callAs, devLoginToken, loadOwnerRoom } from '../helpers/load-owners';
import { startLocalServer, type LocalServer } from '../helpers/local-server';
import { commitRun, randomInt, sleep, type Outcome } from './outcome';

export interface PaymentFaultOptions {
  /** Paying homes (≤ 200, building 3 of 邻里花园). */
  households: number;
  /** How many of the kill points to use, in order: notification handling, settled-not-followed-up, sweep. */
  kills: 0 | 1 | 2 | 3;
  /** Payments whose notification WeChat loses, left for the sweep (which waits 2 min for them). */
  lostNotifications: number;
  /** Progress lines (the fault runner prints them). */
  log?: (line: string) => void;
}

interface PlannedOrder {
  outTradeNo: string;
  householdId: string;
  accountId: string;
  purpose: 'bills' | 'top_up';
  billIds: string[];
  amountFen: number;
  payment: PaymentRequestParams;
  createdAt: number;
}

interface OrderRow {
  id: string;
  status: string;
  credited: boolean;
  transactionId: string | null;
  amountFen: number;
  paidOn: string | null;
  checkedAt: number | null;
  lines: Array<{ billId: string; principalFen: number; lateFeeFen: number }>;
}

interface BillRow {
  id: string;
  householdId: string;
  paidFen: number;
  lateFeePaidFen: number;
  status: string;
}

/** Synchronous read-only looks into the runtime's database and the simulator's, alive or dead. */
class Peek {
  private readonly ours: Database.Database;
  private readonly wechat: Database.Database;
  constructor(dataDir: string) {
    this.ours = new Database(join(dataDir, 'linli.sqlite'), { readonly: true });
    this.wechat = new Database(join(dataDir, 'wxpay-sim', 'state.sqlite'), { readonly: true });
  }
  close(): void {
    this.ours.close();
    this.wechat.close();
  }
  private docs<T>(db: Database.Database, table: string, ids?: readonly string[]): T[] {
    const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table);
    if (!exists) return [];
    const rows = ids
      ? (db
          .prepare(`SELECT id, doc FROM "${table}" WHERE id IN (SELECT value FROM json_each(?))`)
          .all(JSON.stringify(ids)) as Array<{ id: string; doc: string }>)
      : (db.prepare(`SELECT id, doc FROM "${table}"`).all() as Array<{ id: string; doc: string }>);
    return rows.map((r) => ({ id: r.id, ...(JSON.parse(r.doc) as object) }) as T);
  }
  orders(ids: readonly string[]): OrderRow[] {
    return this.docs<OrderRow>(this.ours, 'payment_orders', ids);
  }
  bills(ids: readonly string[]): BillRow[] {
    return this.docs<BillRow>(this.ours, 'bills', ids);
  }
  ids(table: string, ids: readonly string[]): Set<string> {
    return new Set(this.docs<{ id: string }>(this.ours, table, ids).map((d) => d.id));
  }
  all<T>(table: string): T[] {
    return this.docs<T>(this.ours, table);
  }
  wechatOrders(): Array<{
    out_trade_no: string;
    state: string;
    total: number;
    transactionId: string | null;
  }> {
    return this.docs(this.wechat, 'orders');
  }
  owedNotifications(): number {
    return this.docs(this.wechat, 'notifications').length;
  }
}

const receiptId = (order: Pick<PlannedOrder, 'outTradeNo' | 'accountId'>) =>
  messageId('payment_received', order.outTradeNo, order.accountId);

/** Paid orders whose follow-up has not (yet) happened: no 缴费成功 message, or a top-up not credited. */
function settledWithoutFollowUp(peek: Peek, planned: readonly PlannedOrder[]): string[] {
  const paid = peek.orders(planned.map((o) => o.outTradeNo)).filter((o) => o.status === 'paid');
  const byNo = new Map(planned.map((o) => [o.outTradeNo, o]));
  const messages = peek.ids(
    'outbox',
    paid.map((o) => receiptId(byNo.get(o.id)!)),
  );
  return paid
    .filter(
      (o) =>
        !messages.has(receiptId(byNo.get(o.id)!)) || (byNo.get(o.id)!.purpose === 'top_up' && !o.credited),
    )
    .map((o) => o.id);
}

/** Each home's plan: all open bills in one order, one order per bill, or a top-up. */
function planFor(i: number, openBills: string[]): Array<{ purpose: 'bills' | 'top_up'; billIds: string[] }> {
  const together = { purpose: 'bills' as const, billIds: openBills };
  switch (i % 4) {
    case 0:
      return [{ purpose: 'top_up', billIds: [] }];
    case 1:
      return openBills.length ? [together] : [];
    case 2:
      return openBills.slice(0, 3).map((id) => ({ purpose: 'bills' as const, billIds: [id] }));
    default:
      return [{ purpose: 'top_up', billIds: [] }, ...(openBills.length ? [together] : [])];
  }
}

async function createOrders(server: LocalServer, households: number, peek: Peek): Promise<PlannedOrder[]> {
  const openids = await bindLoadOwners(server, households);
  const homes = openids.map((openid, i) => ({
    openid,
    accountId: accountIdFor(openid),
    householdId: keyId('hh', DEMO_ESTATE_ID, loadOwnerRoom(i)),
  }));
  const homeIds = new Set(homes.map((h) => h.householdId));
  const openBills = new Map<string, string[]>();
  for (const bill of peek.all<BillRow>('bills'))
    if (homeIds.has(bill.householdId) && (bill.status === 'unpaid' || bill.status === 'partial'))
      openBills.set(bill.householdId, [...(openBills.get(bill.householdId) ?? []), bill.id].sort());
  const perHome = await mapLimit(homes, 6, async (home, i) => {
    const token = await devLoginToken(server, home.openid);
    const orders: PlannedOrder[] = [];
    for (const step of planFor(i, openBills.get(home.householdId) ?? [])) {
      const created = await callAs<{ order: PaymentOrderView; payment: PaymentRequestParams }>(
        server,
        token,
        step.purpose === 'top_up' ? 'payment/topUp' : 'payment/create',
        step.purpose === 'top_up'
          ? { householdId: home.householdId, amountFen: 10_000 + i }
          : { householdId: home.householdId, billIds: step.billIds },
      );
      orders.push({
        outTradeNo: created.order.outTradeNo,
        householdId: home.householdId,
        accountId: home.accountId,
        purpose: step.purpose,
        billIds: step.billIds,
        amountFen: created.order.amountFen,
        payment: created.payment,
        createdAt: created.order.createdAt,
      });
    }
    return orders;
  });
  return perHome.flat();
}

/** The owner taps 支付 in the cashier; a refused or cut-off tap is tapped again later. */
async function confirm(server: LocalServer, order: PlannedOrder): Promise<boolean> {
  try {
    const response = await fetch(`${server.url}${PAY_CONFIRM_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(order.payment),
    });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

const tick = (server: LocalServer) =>
  fetch(`${server.url}/dev/tick`, { method: 'POST' })
    .then((r) => r.json() as Promise<{ ok: boolean }>)
    .catch(() => ({ ok: false }));

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

export async function paymentSettlementScenario(options: PaymentFaultOptions): Promise<Outcome> {
  const log = options.log ?? (() => undefined);
  const outcome: Outcome = {
    scenario: `payment settlement (${options.households} homes${options.kills ? '' : ', no kills'})`,
    kills: 0,
    checks: [],
    failures: [],
  };
  const started = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-fault-pay-'));
  let server: LocalServer | null = null;
  let peek: Peek | null = null;
  const restart = async (): Promise<LocalServer> =>
    startLocalServer({ dataDir, port: server!.port, timeoutMs: 120_000 });
  const killNow = async (label: string, planned: readonly PlannedOrder[]) => {
    await server!.kill();
    outcome.kills++;
    const wechatPaid = peek!.wechatOrders().filter((o) => o.state === 'SUCCESS').length;
    const settled = peek!.orders(planned.map((o) => o.outTradeNo)).filter((o) => o.status === 'paid').length;
    const gap = settledWithoutFollowUp(peek!, planned).length;
    const line = `kill ${outcome.kills} (${label}): WeChat paid ${wechatPaid}, settled ${settled}, settled without follow-up ${gap}, notifications owed ${peek!.owedNotifications()}`;
    outcome.checks.push(line);
    log(line);
    server = await restart();
  };

  try {
    server = await startLocalServer({ dataDir, timeoutMs: 120_000 });
    peek = new Peek(dataDir);
    await tick(server); // the scheduler's first tick only records when each job starts
    // Finance bills this month first, so every paying home has open bills whatever the demo's
    // payment history left unpaid.
    await commitRun(server, periodOf(Date.now()), 1000);
    const planned = await createOrders(server, options.households, peek);
    const billsBefore = new Map(peek.bills(planned.flatMap((o) => o.billIds)).map((b) => [b.id, b]));
    const prepayBefore = new Map(
      peek
        .all<{ id: string; balanceFen: number }>('prepay_accounts')
        .map((a) => [a.id, a.balanceFen] as const),
    );
    log(
      `${planned.length} orders for ${options.households} homes (${planned.filter((o) => o.purpose === 'top_up').length} top-ups)`,
    );

    const order = shuffled(planned);
    const waveA = order.slice(0, Math.floor(order.length * 0.4));
    const waveB = order.slice(waveA.length, Math.floor(order.length * 0.8));
    const waveC = order.slice(waveA.length + waveB.length);
    const unconfirmed = new Set(planned.map((o) => o.outTradeNo));
    const pay = (wave: readonly PlannedOrder[]) =>
      mapLimit(wave, 8, async (o) => {
        if (server && (await confirm(server, o))) unconfirmed.delete(o.outTradeNo);
      });
    const payLeftovers = async (wave: readonly PlannedOrder[]) => {
      for (let round = 0; round < 5; round++) {
        const left = wave.filter((o) => unconfirmed.has(o.outTradeNo));
        if (!left.length) return;
        await pay(left);
      }
      outcome.failures.push('the cashier kept refusing some payments');
    };

    /**
     * Seen from outside, the moments worth a kill last a few ms: when one is seen, freeze the
     * process tree and kill it if the frozen state still shows it (else let it go on).
     */
    const killWhen = async (label: string, moment: () => boolean) => {
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        if (moment()) {
          server!.freeze();
          if (moment()) break;
          server!.thaw();
        }
        await new Promise((r) => setImmediate(r));
      }
      await killNow(label, planned);
    };

    // Kill 1: at a random moment while notifications of the first wave are being handled.
    const paying = pay(waveA);
    if (options.kills >= 1) {
      await sleep(randomInt(200));
      // Some of the wave settled, some notifications still owed.
      await killWhen(
        'handling notifications',
        () =>
          peek!.owedNotifications() > 0 &&
          peek!.orders(waveA.map((o) => o.outTradeNo)).some((o) => o.status === 'paid'),
      );
      await paying;
    } else await paying;
    await payLeftovers(waveA);

    // Kill 2: between a settlement and its follow-up.
    const payingB = pay(waveB);
    if (options.kills >= 2) {
      await killWhen('settled, follow-up pending', () => settledWithoutFollowUp(peek!, waveB).length > 0);
      await payingB;
    } else await payingB;
    await payLeftovers(waveB);

    // WeChat loses the notifications of the first payments of the last wave: only the sweep can settle them.
    const lost = Math.min(options.lostNotifications, waveC.length);
    if (lost)
      await fetch(`${server.url}/sim/wxpay/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ drop: lost }),
      });
    await mapLimit(waveC, 1, async (o) => {
      if (await confirm(server!, o)) unconfirmed.delete(o.outTradeNo);
    });
    await payLeftovers(waveC);

    // Kill 3: while the sweep is settling the orders whose notification never came.
    if (lost) {
      const sweepable = Math.max(...planned.map((o) => o.createdAt)) + SWEEP_AFTER_MS + 1000;
      log(
        `waiting ${Math.round((sweepable - Date.now()) / 1000)} s for the sweep to take the lost notifications`,
      );
      await sleep(Math.max(0, sweepable - Date.now()));
      // The sweep runs at the next whole minute's occurrence.
      await sleep(60_000 - (Date.now() % 60_000) + 500);
      if (options.kills >= 3) {
        void tick(server);
        const deadline = Date.now() + 30_000;
        const sweeping = () =>
          peek!
            .all<{ job: string; status: string }>('job_runs')
            .some((r) => r.job === 'payment-sweep' && r.status === 'running');
        while (Date.now() < deadline && !sweeping()) await sleep(2);
        await sleep(randomInt(300));
        await killNow('during the sweep', planned);
      }
    }

    // Until quiet: nothing owed by WeChat, nothing open, every follow-up done (≤ 5 min).
    const deadline = Date.now() + 300_000;
    const quietFrom = Date.now();
    for (;;) {
      const open = peek.orders(planned.map((o) => o.outTradeNo)).filter((o) => o.status === 'open').length;
      const gaps = settledWithoutFollowUp(peek, planned).length;
      const owed = peek.owedNotifications();
      if (!open && !gaps && !owed) break;
      if (Date.now() > deadline) {
        outcome.failures.push(`not quiet after 5 min: ${open} open, ${gaps} without follow-up, ${owed} owed`);
        break;
      }
      await tick(server);
      await sleep(2000);
    }
    const quietAfterS = (Date.now() - quietFrom) / 1000;

    // Reconcile every day a payment fell on, as finance would.
    const ours = peek.orders(planned.map((o) => o.outTradeNo));
    const days = [...new Set(ours.map((o) => o.paidOn).filter((d): d is string => !!d))];
    const finance = await devLoginToken(server, 'demo-finance');
    const reports = await Promise.all(
      days.map((billDate) => callAs<ReconcileReport>(server!, finance, 'payment/reconcile', { billDate })),
    );
    await server.stop();
    server = null;

    check(outcome, peek, planned, billsBefore, prepayBefore, reports, lost);
    const quietAfter = outcome.kills ? 'the last restart' : lost ? 'the sweep was due' : 'the last payment';
    outcome.checks.push(
      `quiet ${quietAfterS.toFixed(0)} s after ${quietAfter}, ${((Date.now() - started) / 1000).toFixed(0)} s in all`,
    );
  } finally {
    peek?.close();
    if (server) await server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return outcome;
}

function check(
  outcome: Outcome,
  peek: Peek,
  planned: readonly PlannedOrder[],
  billsBefore: ReadonlyMap<string, BillRow>,
  prepayBefore: ReadonlyMap<string, number>,
  reports: readonly ReconcileReport[],
  lost: number,
): void {
  const fail = (what: string) => outcome.failures.push(what);
  const ours = new Map(peek.orders(planned.map((o) => o.outTradeNo)).map((o) => [o.id, o]));
  const wechat = new Map(peek.wechatOrders().map((o) => [o.out_trade_no, o]));

  // Every order WeChat charged is paid here exactly as charged; nothing else is.
  let settled = 0;
  for (const o of planned) {
    const theirs = wechat.get(o.outTradeNo);
    const mine = ours.get(o.outTradeNo);
    if (theirs?.state !== 'SUCCESS')
      fail(`${o.outTradeNo} not paid at WeChat (${theirs?.state ?? 'missing'})`);
    else if (mine?.status !== 'paid') fail(`${o.outTradeNo} charged but ${mine?.status ?? 'missing'} here`);
    else if (mine.transactionId !== theirs.transactionId || mine.amountFen !== theirs.total)
      fail(`${o.outTradeNo} settled with another transaction or amount`);
    else settled++;
  }
  const bySweep = [...ours.values()].filter((o) => o.status === 'paid' && o.checkedAt !== null).length;
  outcome.checks.push(
    `${settled}/${planned.length} charged orders settled (${bySweep} by the sweep, ${lost} notifications lost)`,
  );

  // Bills: each paid by exactly what its orders charged, by one order only.
  const paidBy = new Map<string, { principal: number; lateFee: number; orders: number }>();
  for (const o of ours.values())
    for (const line of o.status === 'paid' ? o.lines : []) {
      const sum = paidBy.get(line.billId) ?? { principal: 0, lateFee: 0, orders: 0 };
      paidBy.set(line.billId, {
        principal: sum.principal + line.principalFen,
        lateFee: sum.lateFee + line.lateFeeFen,
        orders: sum.orders + 1,
      });
    }
  const billsAfter = peek.bills([...billsBefore.keys()]);
  const wrongBills = billsAfter.filter((bill) => {
    const before = billsBefore.get(bill.id)!;
    const paid = paidBy.get(bill.id) ?? { principal: 0, lateFee: 0, orders: 0 };
    return (
      paid.orders !== 1 ||
      bill.paidFen - before.paidFen !== paid.principal ||
      bill.lateFeePaidFen - before.lateFeePaidFen !== paid.lateFee ||
      bill.status !== 'paid'
    );
  });
  outcome.checks.push(`${billsAfter.length} bills paid, ${wrongBills.length} wrong or paid twice`);
  if (wrongBills.length) fail(`bills wrong or paid twice: ${wrongBills.map((b) => b.id).join(', ')}`);

  // Prepayment: one credit per top-up, and every touched balance equals its ledger.
  const topUps = planned.filter((o) => o.purpose === 'top_up');
  const credits = peek.ids(
    'prepay_movements',
    topUps.map((o) => prepayCreditId(o.householdId, o.outTradeNo)),
  );
  const movements = peek.all<{ householdId: string; amountFen: number }>('prepay_movements');
  const accounts = new Map(
    peek.all<{ id: string; balanceFen: number }>('prepay_accounts').map((a) => [a.id, a.balanceFen]),
  );
  const homes = [...new Set(topUps.map((o) => o.householdId))];
  const offLedger = homes.filter(
    (h) =>
      accounts.get(prepayAccountId(h)) !==
      movements.filter((m) => m.householdId === h).reduce((s, m) => s + m.amountFen, 0),
  );
  const offTopUps = homes.filter(
    (h) =>
      (accounts.get(prepayAccountId(h)) ?? 0) - (prepayBefore.get(prepayAccountId(h)) ?? 0) !==
      topUps.filter((o) => o.householdId === h).reduce((s, o) => s + o.amountFen, 0),
  );
  outcome.checks.push(
    `${credits.size}/${topUps.length} top-ups credited once; ${offLedger.length} balances off their ledger, ${offTopUps.length} off their top-ups`,
  );
  if (credits.size !== topUps.length) fail('a top-up was not credited');
  if (offLedger.length || offTopUps.length) fail('prepayment balances do not add up');

  // Receipts: one 缴费成功 message per payment and owner, never two.
  const receipts = peek
    .all<{ kind: string; eventKey: string }>('outbox')
    .filter((m) => m.kind === 'payment_received' && ours.has(m.eventKey));
  const perOrder = new Map<string, number>();
  for (const m of receipts) perOrder.set(m.eventKey, (perOrder.get(m.eventKey) ?? 0) + 1);
  const missing = planned.filter((o) => !perOrder.has(o.outTradeNo)).length;
  const doubled = [...perOrder.values()].filter((n) => n > 1).length;
  outcome.checks.push(
    `${receipts.length} receipts for ${planned.length} payments (${missing} missing, ${doubled} doubled)`,
  );
  if (missing || doubled) fail('a payment has no receipt or two');

  // WeChat's trade bill against our books, per day.
  const differences = reports.reduce(
    (n, r) => n + r.missingOurs.length + r.missingTheirs.length + r.amountDiffs.length,
    0,
  );
  outcome.checks.push(
    `reconciliation of ${reports.map((r) => r.billDate).join(', ')}: ${differences} differences`,
  );
  if (differences || reports.some((r) => !r.clean)) fail('reconciliation found differences');
  const alerts = peek
    .all<{ outTradeNo: string }>('payment_alerts')
    .filter((a) => ours.has(a.outTradeNo)).length;
  if (alerts) fail(`${alerts} payment alerts raised`);
  if (peek.owedNotifications()) fail('WeChat still owes notifications');
}
