import {
  keyId,
  type BillRunView,
  type CallListItem,
  type DunningScheduleView,
  type TickResult,
} from '@linli/shared';
import { collections } from '@linli/cloudfunctions/src/_lib/collections';
import { runDunning } from '@linli/cloudfunctions/src/billing/dunning/run-dunning';
import { billingJobs } from '@linli/cloudfunctions/src/billing/jobs';
import { jobs } from '@linli/cloudfunctions/src/scheduler/jobs';
import { billingRuntime, commitAll, ESTATE, JULY_10 } from '../helpers/billing';
import { acceptSubscription, accountOf, outboxMessages, quotaLeft } from '../helpers/messaging';
import type { TestRuntime } from '../helpers/test-runtime';

const OWNER_HOME = keyId('hh', ESTATE, '1-1-1201');

/** The owner taps 允许 on the 缴费提醒 prompt `times` times (one accept allows one message). */
async function subscribeToReminders(t: TestRuntime, openid: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await acceptSubscription(t, openid, ['bill_due']);
}

describe('催缴 dunning: reminders by schedule, once per bill and step', () => {
  let t: TestRuntime;
  let clock: number;
  beforeEach(async () => {
    clock = JULY_10;
    t = await billingRuntime(() => clock);
    await commitAll(t); // July bills, due 15 July
  });
  afterEach(() => t.close());

  const deps = () => ({ db: collections(t.store), store: t.store, now: () => clock });

  it('sends subscribed owners a message 3 days before the due date and records one attempt per bill and step, however often it runs', async () => {
    await subscribeToReminders(t, 'demo-owner-1', 1);
    await subscribeToReminders(t, 'demo-owner-2', 1);
    const first = await runDunning(deps(), '2026-07-12');
    const again = await runDunning(deps(), '2026-07-12');
    expect(again).toEqual({ attempts: 0, messages: 0, calls: 0 });
    const openJuly = await t.store
      .collection('bills')
      .count({ where: { estateId: ESTATE, dueDate: '2026-07-15', status: { in: ['unpaid', 'partial'] } } });
    expect(first.attempts).toBe(openJuly);
    expect(await t.store.collection('dunning_attempts').count({ where: { step: 'before3' } })).toBe(openJuly);

    const messages = await outboxMessages(t, { toAccountId: accountOf('demo-owner-1') });
    expect(messages).toEqual([
      expect.objectContaining({
        kind: 'bill_due',
        eventKey: `${OWNER_HOME}.2026-07-15.before3`,
        householdId: OWNER_HOME,
        templateTitle: '缴费提醒',
        status: 'pending',
        page: `pages/bills/index?householdId=${OWNER_HOME}`,
        fields: expect.objectContaining({
          房屋: '邻里花园 1-1-1201',
          缴费期限: '2026年7月15日',
          温馨提示: '将于 3 天后到期，请及时缴纳',
        }) as unknown,
      }),
    ]);
    expect(messages[0]!.fields['待缴金额']).toMatch(/^¥\d+\.\d\d$/);
    expect(await quotaLeft(t, 'demo-owner-1', 'bill_due')).toBe(0);
    // Only the two demo owners have bound accounts; the other 598 households go on the call list, once each.
    expect(first.messages).toBe(2);
    expect(first.calls).toBe(598);
    expect(await t.store.collection('dunning_calls').count()).toBe(598);
  });

  it('puts a bound owner without quota, or who turned reminders off, on the call list instead', async () => {
    await t.ok('demo-owner-2', 'message', 'setPreferences', { kinds: { bill_due: false } });
    await subscribeToReminders(t, 'demo-owner-2', 1);
    const summary = await runDunning(deps(), '2026-07-12');
    expect(summary.messages).toBe(0);
    expect(summary.calls).toBe(600);
    const [noQuota] = await outboxMessages(t, { toAccountId: accountOf('demo-owner-1') });
    expect(noQuota).toMatchObject({ kind: 'bill_due', status: 'no_quota' });
    const [optedOut] = await outboxMessages(t, { toAccountId: accountOf('demo-owner-2') });
    expect(optedOut).toMatchObject({ kind: 'bill_due', status: 'opted_out' });
    // The unused unit stays for another message.
    expect(await quotaLeft(t, 'demo-owner-2', 'bill_due')).toBe(1);
    const call = await t.store
      .collection('dunning_calls')
      .get(keyId('call', OWNER_HOME, '2026-07-15', 'before3'));
    expect(call).toMatchObject({ householdId: OWNER_HOME, status: 'open' });
  });

  it('follows each step of the schedule: on the day, then 7 and 30 days overdue', async () => {
    await subscribeToReminders(t, 'demo-owner-1', 6);
    for (const day of ['2026-07-12', '2026-07-15', '2026-07-22', '2026-08-14']) {
      clock = Date.parse(`${day}T01:00:00Z`);
      await runDunning(deps(), day);
    }
    const attempts = await t.store
      .collection('dunning_attempts')
      .find({ where: { billId: keyId('bill', OWNER_HOME, '2026-07', 'property') } });
    expect(attempts.items.map((a) => a.step).sort()).toEqual(['after30', 'after7', 'before3', 'due']);
    const messages = await outboxMessages(t, { toAccountId: accountOf('demo-owner-1') });
    const byCreation = messages
      .filter((m) => m.fields['缴费期限'] === '2026年7月15日')
      .sort((a, b) => a.createdAt - b.createdAt);
    expect(byCreation.map((m) => m.fields['温馨提示'])).toEqual([
      '将于 3 天后到期，请及时缴纳',
      '今天到期，请及时缴纳',
      '已逾期 7 天，请尽快缴纳',
      '已逾期 30 天，请尽快缴纳',
    ]);
    // June's bills, still open, got their own 30-day reminder on 15 July.
    expect(messages.filter((m) => m.fields['缴费期限'] === '2026年6月15日')).toHaveLength(1);
    expect(messages.every((m) => m.status === 'pending')).toBe(true);
  });

  it('runs daily from the scheduler, catching up a missed day, without duplicates', async () => {
    expect(jobs).toEqual(expect.arrayContaining(billingJobs));
    const tick = async () => {
      const result = await t.runtime.call('scheduler', 'tick', {}, { trigger: true });
      if (!result.ok) throw new Error(result.error.message);
      return result.data as TickResult;
    };
    clock = Date.parse('2026-07-11T00:00:00Z'); // 08:00 on 11 July
    await tick(); // first sight of the jobs: remembers now
    clock = Date.parse('2026-07-12T02:00:00Z'); // 10:00 on 12 July: 11 and 12 July are due
    const ran = (await tick()).ran.filter((r) => r.job === 'billing-daily-dunning');
    expect(ran.map((r) => r.status)).toEqual(['done', 'done']);
    await tick();
    const before3 = await t.store.collection('dunning_attempts').count({ where: { step: 'before3' } });
    expect(before3).toBeGreaterThan(0);
    await runDunning(deps(), '2026-07-12');
    expect(await t.store.collection('dunning_attempts').count({ where: { step: 'before3' } })).toBe(before3);
  });

  it('gives staff a call list for households nobody can message, and records the call', async () => {
    await subscribeToReminders(t, 'demo-owner-1', 1);
    await runDunning(deps(), '2026-07-12');
    const list = await t.ok<{ items: CallListItem[]; next?: string }>(
      'demo-service',
      'billing',
      'dunning.callList',
      { estateId: ESTATE },
    );
    expect(list.items).toHaveLength(50);
    expect(list.next).toBeDefined();
    const item = list.items[0]!;
    expect(item).toMatchObject({ stepLabel: '到期前 3 天', dueDate: '2026-07-15', status: 'open' });
    expect(item.owners[0]!.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(list.items.some((i) => i.householdId === OWNER_HOME)).toBe(false);

    const called = await t.ok<CallListItem>('demo-service', 'billing', 'dunning.markCalled', {
      callId: item.callId,
      outcome: '已接通，业主承诺周末缴费',
    });
    expect(called).toMatchObject({ status: 'done', calledByName: '张客服' });
    expect(
      await t.errorCode('demo-service', 'billing', 'dunning.markCalled', {
        callId: item.callId,
        outcome: '再记一次',
      }),
    ).toBe('DUPLICATE');
    expect(await t.errorCode('demo-tech-lift', 'billing', 'dunning.callList', { estateId: ESTATE })).toBe(
      'FORBIDDEN',
    );
  });

  it('lets finance change the schedule, which the next run follows', async () => {
    const fresh = await t.ok<DunningScheduleView>('demo-service', 'billing', 'dunning.schedule', {});
    expect(fresh).toMatchObject({ offsets: [-3, 0, 7, 30], isDefault: true });
    const saved = await t.ok<DunningScheduleView>('demo-finance', 'billing', 'dunning.saveSchedule', {
      estateId: ESTATE,
      offsets: [14, -1],
    });
    expect(saved.steps.map((s) => s.label)).toEqual(['到期前 1 天', '逾期 14 天']);
    expect(
      await t.errorCode('demo-service', 'billing', 'dunning.saveSchedule', {
        estateId: ESTATE,
        offsets: [1],
      }),
    ).toBe('FORBIDDEN');
    expect(
      await t.errorCode('demo-finance', 'billing', 'dunning.saveSchedule', {
        estateId: ESTATE,
        offsets: [3, 3],
      }),
    ).toBe('VALIDATION');
    expect((await runDunning(deps(), '2026-07-12')).attempts).toBe(0);
    expect((await runDunning(deps(), '2026-07-14')).attempts).toBeGreaterThan(0);
  });
});

describe('the monthly bill run job', () => {
  it('bills the new month at 02:00 on the 1st, through the scheduler', async () => {
    let clock = Date.parse('2026-07-31T17:00:00Z'); // 01:00 on 1 August
    const t = await billingRuntime(() => clock);
    try {
      const tick = () => t.runtime.call('scheduler', 'tick', {}, { trigger: true });
      await tick();
      clock = Date.parse('2026-07-31T18:01:00Z'); // 02:01 on 1 August
      const result = await tick();
      expect(result).toMatchObject({ ok: true });
      const status = await t.ok<{ run: BillRunView }>('demo-finance', 'billing', 'run.status', {
        estateId: ESTATE,
        period: '2026-08',
      });
      expect(status.run).toMatchObject({ status: 'done', householdsDone: 600, startedByName: '定时任务' });
    } finally {
      await t.close();
    }
  });
});
