/**
 * `npm run faults`: crash the local runtime (SIGKILL of `npm start`'s process tree) in the middle
 * of work that must be exactly-once, restart it on the same database, let it finish, and check
 * that nothing was lost or done twice. Prints one line per scenario; exits 1 on any failure.
 */
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { periodOf } from '@linli/shared';
import type { Doc } from '@linli/cloudfunctions/src/_lib/store/port';
import { DEMO_ESTATE_ID } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { bindLoadOwners, callAs, devLoginToken, publishEstateNotice } from '../helpers/load-owners';
import { startLocalServer, type LocalServer } from '../helpers/local-server';
import { commitRun, formatOutcome, randomInt, readAll, sleep, type Outcome } from './outcome';
import { paymentSettlementScenario } from './payment-settlement';

const KILLS = Number(process.env.LINLI_FAULT_KILLS ?? 3);

/** Timestamps and the run's own bookkeeping differ between two runs; the money must not. */
function comparable(doc: Doc): string {
  return JSON.stringify(doc, (key, value: unknown) =>
    /At$/.test(key) || key === 'runId' || key === 'createdBy' ? undefined : value,
  );
}

async function billRunScenario(): Promise<Outcome> {
  const outcome: Outcome = { scenario: 'bill run (600 households)', kills: 0, checks: [], failures: [] };
  const period = periodOf(Date.now());
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-fault-bills-'));
  const referenceDir = mkdtempSync(join(tmpdir(), 'linli-fault-bills-ref-'));
  try {
    // The reference: the same run, uninterrupted, on a twin database.
    const reference = await startLocalServer({ dataDir: referenceDir, timeoutMs: 120_000 });
    await commitRun(reference, period, 1000);
    await reference.stop();

    let server = await startLocalServer({ dataDir, timeoutMs: 120_000 });
    const token = await devLoginToken(server, 'demo-finance');
    for (let kill = 0; kill < KILLS; kill++) {
      // Some chunks complete, then the process dies with the next one in flight.
      const chunks = 1 + randomInt(4);
      for (let i = 0; i < chunks; i++)
        await callAs(server, token, 'billing/run.commit', {
          estateId: DEMO_ESTATE_ID,
          period,
          chunkSize: 25,
        });
      void callAs(server, token, 'billing/run.commit', {
        estateId: DEMO_ESTATE_ID,
        period,
        chunkSize: 25,
      }).catch(() => undefined);
      await sleep(randomInt(40));
      await server.kill();
      outcome.kills++;
      server = await startLocalServer({ dataDir, timeoutMs: 120_000 });
    }
    await commitRun(server, period, 25);
    await server.stop();

    const [bills, referenceBills] = await Promise.all([
      readAll(dataDir, 'bills'),
      readAll(referenceDir, 'bills'),
    ]);
    const ofPeriod = (docs: Doc[]) =>
      docs
        .filter((d) => (d as { period?: string }).period === period)
        .map(comparable)
        .sort();
    const got = ofPeriod(bills);
    const want = ofPeriod(referenceBills);
    outcome.checks.push(`${got.length} bills for ${period}, reference ${want.length}`);
    if (want.length === 0) outcome.failures.push('the reference run made no bills');
    if (got.length !== want.length) outcome.failures.push(`bill count ${got.length} ≠ ${want.length}`);
    const differing = got.filter((bill, i) => bill !== want[i]).length;
    outcome.checks.push(`${differing} bills differ from the uninterrupted run`);
    if (differing) outcome.failures.push(`${differing} bills differ from the reference`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(referenceDir, { recursive: true, force: true });
  }
  return outcome;
}

async function noticeFanOutScenario(): Promise<Outcome> {
  const outcome: Outcome = {
    scenario: 'notice fan-out (600 households)',
    kills: 0,
    checks: [],
    failures: [],
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-fault-notice-'));
  const tick = (server: LocalServer) =>
    fetch(`${server.url}/dev/tick`, { method: 'POST' }).then((r) => r.json() as Promise<{ ok: boolean }>);
  try {
    let server = await startLocalServer({ dataDir, timeoutMs: 120_000 });
    const owners = await bindLoadOwners(server, 50);
    const noticeId = await publishEstateNotice(server, '停水通知');
    for (let kill = 0; kill < KILLS; kill++) {
      // The tick fans the notice out and sends its messages; the process dies part-way.
      void tick(server).catch(() => undefined);
      await sleep(randomInt(150));
      await server.kill();
      outcome.kills++;
      server = await startLocalServer({ dataDir, timeoutMs: 120_000 });
    }
    // A killed occurrence stays claimed until it goes stale, so the work resumes with the next
    // minute's occurrence: tick until the fan-out is done and no message is pending (≤ 3 min).
    const deadline = Date.now() + 180_000;
    for (;;) {
      await tick(server);
      const notice = (await readAll(dataDir, 'notices')).find((n) => n._id === noticeId) as
        { fanout: { state: string } | null } | undefined;
      const pending = (await readAll(dataDir, 'outbox')).filter(
        (m) => (m as { status?: string }).status === 'pending',
      );
      if (notice?.fanout?.state === 'done' && pending.length === 0) break;
      if (Date.now() > deadline) {
        outcome.failures.push(`fan-out not finished after restart (${notice?.fanout?.state ?? 'none'})`);
        break;
      }
      await sleep(5000);
    }
    await server.stop();

    const targets = (await readAll(dataDir, 'notice_targets')).filter(
      (t) => (t as { noticeId?: string }).noticeId === noticeId,
    );
    const households = (await readAll(dataDir, 'households')).filter(
      (h) => (h as { estateId?: string }).estateId === DEMO_ESTATE_ID,
    );
    outcome.checks.push(`${targets.length} read-tracking records for ${households.length} households`);
    if (targets.length !== households.length) outcome.failures.push('read-tracking records lost or doubled');

    const messages = (await readAll(dataDir, 'outbox')).filter((m) =>
      (m as { eventKey?: string }).eventKey?.includes(noticeId),
    ) as Array<Doc & { toOpenid: string; status: string; attempts: Array<{ outcome: string }> }>;
    const loadMessages = messages.filter((m) => owners.includes(m.toOpenid));
    const sentTwice = messages.filter((m) => m.attempts.filter((a) => a.outcome === 'sent').length > 1);
    const byStatus = new Map<string, number>();
    for (const m of loadMessages) byStatus.set(m.status, (byStatus.get(m.status) ?? 0) + 1);
    outcome.checks.push(
      `${loadMessages.length} messages for ${owners.length} owners with quota (${[...byStatus].map(([s, n]) => `${s} ${n}`).join(', ')}), ${sentTwice.length} sent twice`,
    );
    if (loadMessages.some((m) => m.status !== 'sent'))
      outcome.failures.push('an owner with quota did not get the message');
    if (loadMessages.length !== owners.length) outcome.failures.push('a message was lost or doubled');
    if (sentTwice.length) outcome.failures.push('a message was sent twice');
    if (loadMessages.some((m) => m.status === 'pending'))
      outcome.failures.push('messages still pending after restart');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return outcome;
}

const progress = (line: string) => process.stdout.write(`  · ${line}\n`);

/** 200 homes pay 1–4 orders each; 30 notifications are lost so the sweep has work. */
const paymentSettlementKilled = () =>
  paymentSettlementScenario({
    households: 200,
    kills: Math.max(0, Math.min(3, KILLS)) as 0 | 1 | 2 | 3,
    lostNotifications: 30,
    log: progress,
  });
/** The same without kills: the comparison. */
const paymentSettlementUninterrupted = () =>
  paymentSettlementScenario({ households: 200, kills: 0, lostNotifications: 30, log: progress });

async function main(): Promise<void> {
  const filter = process.argv[2] ?? '';
  const scenarios = [
    billRunScenario,
    noticeFanOutScenario,
    paymentSettlementUninterrupted,
    paymentSettlementKilled,
  ].filter((s) => s.name.includes(filter));
  let failed = false;
  for (const scenario of scenarios) {
    const outcome = await scenario();
    failed ||= outcome.failures.length > 0;
    process.stdout.write(formatOutcome(outcome));
  }
  if (failed) process.exit(1);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
