import {
  keyId,
  type MessagePreferencesView,
  type MessageTemplatesView,
  type OutboxListView,
} from '@linli/shared';
import { createMemoryLogger } from '@linli/cloudfunctions/src/_lib/logger';
import { deliverOutbox } from '@linli/cloudfunctions/src/messaging/deliver-outbox';
import { enqueue, type EnqueueRequest } from '@linli/cloudfunctions/src/messaging';
import { simulatorFor, transportFor } from '@linli/cloudfunctions/src/messaging/transport/resolve';
import { renderOutboxPage } from '@linli/cloudfunctions/src/local/outbox-page';
import { answerSubscribePrompt } from '@linli/cloudfunctions/src/local/subscribe-simulator';
import { DEMO_ESTATE_ID } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { createTestRuntime, type TestRuntime } from '../helpers/test-runtime';
import {
  acceptSubscription,
  accountOf,
  outboxMessages,
  quotaLeft,
  runJob,
  templateIdOf,
  testClock,
} from '../helpers/messaging';

const OWNER = 'demo-owner-1';
const HOUSEHOLD = keyId('hh', DEMO_ESTATE_ID, '1-1-1201');

const billDue = (billId: string): EnqueueRequest<'bill_due'> => ({
  kind: 'bill_due',
  eventKey: billId,
  toAccountId: accountOf(OWNER),
  estateId: DEMO_ESTATE_ID,
  householdId: HOUSEHOLD,
  fields: { house: '邻里花园 1-1-1201', itemName: '物业费', amountFen: 21040, dueDate: '2026-12-15' },
  page: 'pages/bills/index',
});

describe('subscription messages: quota, outbox, sender', () => {
  let t: TestRuntime;
  let clock: ReturnType<typeof testClock>;
  const deliver = () =>
    deliverOutbox({
      store: t.store,
      transport: transportFor(t.store, undefined, clock.now),
      now: clock.now,
      log: createMemoryLogger(),
    });

  beforeEach(async () => {
    clock = testClock();
    t = await createTestRuntime({ now: clock.now });
  });
  afterEach(() => t.close());

  it('sends nothing without quota: the message is kept as no_quota for the call list', async () => {
    const outcome = await enqueue(t.store, billDue('bill_1'), { now: clock.now() });
    expect(outcome).toMatchObject({
      status: 'no_quota',
      reason: expect.stringContaining('订阅额度') as unknown,
    });
    expect(await deliver()).toMatchObject({ sent: 0, retry: 0, refused: 0, failed: 0 });
    const [message] = await outboxMessages(t);
    expect(message).toMatchObject({ status: 'no_quota', attempts: [], toOpenid: OWNER });
    expect(await simulatorFor(t.store).credits(OWNER, templateIdOf('bill_due'))).toBe(0);
  });

  it('one accept allows exactly one send', async () => {
    const grant = await acceptSubscription(t, OWNER, ['bill_due']);
    expect(grant).toMatchObject({
      applied: true,
      quota: [{ templateId: templateIdOf('bill_due'), available: 1 }],
    });
    expect((await enqueue(t.store, billDue('bill_1'), { now: clock.now() })).status).toBe('pending');
    expect(await quotaLeft(t, OWNER, 'bill_due')).toBe(0);
    expect((await enqueue(t.store, billDue('bill_2'), { now: clock.now() })).status).toBe('no_quota');
    expect(await deliver()).toMatchObject({ sent: 1 });
    const sent = (await outboxMessages(t)).find((m) => m.eventKey === 'bill_1')!;
    expect(sent).toMatchObject({
      status: 'sent',
      sentAt: clock.now(),
      templateTitle: '缴费提醒',
      fields: {
        缴费项目: '物业费',
        房屋: '邻里花园 1-1-1201',
        待缴金额: '¥210.40',
        缴费期限: '2026年12月15日',
      },
      attempts: [{ no: 1, errcode: 0, outcome: 'sent' }],
    });
    expect(await simulatorFor(t.store).credits(OWNER, templateIdOf('bill_due'))).toBe(0);
  });

  it('the same event twice makes one message and uses one unit of quota, even at the same time', async () => {
    await acceptSubscription(t, OWNER, ['bill_due']);
    await acceptSubscription(t, OWNER, ['bill_due']);
    const outcomes = await Promise.all([
      enqueue(t.store, billDue('bill_1'), { now: clock.now() }),
      enqueue(t.store, billDue('bill_1'), { now: clock.now() }),
      enqueue(t.store, billDue('bill_1'), { now: clock.now() }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['duplicate', 'duplicate', 'pending']);
    expect(await enqueue(t.store, billDue('bill_1'), { now: clock.now() })).toMatchObject({
      status: 'duplicate',
    });
    expect(await outboxMessages(t)).toHaveLength(1);
    expect(await quotaLeft(t, OWNER, 'bill_due')).toBe(1);
  });

  it('a refused send (43101) is recorded once and never retried', async () => {
    // Our ledger believes in a grant WeChat never saw (a forged or lost prompt).
    await acceptSubscription(t, OWNER, ['bill_due'], { tellWechat: false });
    await enqueue(t.store, billDue('bill_1'), { now: clock.now() });
    expect(await deliver()).toMatchObject({ refused: 1 });
    clock.advance(3 * 3_600_000);
    expect(await deliver()).toMatchObject({ refused: 0, sent: 0, retry: 0 });
    const [message] = await outboxMessages(t);
    expect(message).toMatchObject({
      status: 'refused',
      nextAttemptAt: null,
      attempts: [{ no: 1, errcode: 43101, outcome: 'refused' }],
    });
    expect(message!.attempts).toHaveLength(1);
    // WeChat is believed over our ledger, so the next message goes to the call list.
    expect(await quotaLeft(t, OWNER, 'bill_due')).toBe(0);
  });

  it('a transient failure is retried with backoff, every attempt recorded, until it is sent', async () => {
    await acceptSubscription(t, OWNER, ['bill_due']);
    await simulatorFor(t.store).failNext({ errcode: -1, errmsg: 'system error', times: 2 });
    await enqueue(t.store, billDue('bill_1'), { now: clock.now() });

    expect(await deliver()).toMatchObject({ retry: 1 });
    let [message] = await outboxMessages(t);
    expect(message).toMatchObject({ status: 'pending', nextAttemptAt: clock.now() + 60_000 });
    expect(await deliver()).toMatchObject({ retry: 0, sent: 0 }); // not due yet
    clock.advance(61_000);
    expect(await deliver()).toMatchObject({ retry: 1 });
    clock.advance(5 * 60_000);
    expect(await deliver()).toMatchObject({ sent: 1 });
    [message] = await outboxMessages(t);
    expect(message!.status).toBe('sent');
    expect(message!.attempts.map((a) => [a.errcode, a.outcome])).toEqual([
      [-1, 'retry'],
      [-1, 'retry'],
      [0, 'sent'],
    ]);
  });

  it('gives up after the attempt limit and records the message as failed', async () => {
    await acceptSubscription(t, OWNER, ['bill_due']);
    await simulatorFor(t.store).failNext({ errcode: -1, times: 99 });
    await enqueue(t.store, billDue('bill_1'), { now: clock.now() });
    for (let i = 0; i < 8; i++) {
      await deliver();
      clock.advance(3 * 3_600_000);
    }
    const [message] = await outboxMessages(t);
    expect(message).toMatchObject({ status: 'failed', attemptCount: 5 });
    expect(message!.attempts.map((a) => a.outcome)).toEqual(['retry', 'retry', 'retry', 'retry', 'failed']);
    expect(message!.statusReason).toContain('-1');
  });

  it('treats a network error as transient and a bad template as permanent', async () => {
    await acceptSubscription(t, OWNER, ['bill_due', 'bill_issued']);
    await enqueue(t.store, billDue('bill_1'), { now: clock.now() });
    const report = await deliverOutbox({
      store: t.store,
      transport: { name: 'down', send: () => Promise.reject(new Error('connect ETIMEDOUT')) },
      now: clock.now,
      log: createMemoryLogger(),
    });
    expect(report.retry).toBe(1);
    expect((await outboxMessages(t))[0]!.attempts[0]).toMatchObject({
      errcode: null,
      errmsg: 'connect ETIMEDOUT',
    });

    await simulatorFor(t.store).failNext({ errcode: 40037, errmsg: 'invalid template_id' });
    clock.advance(61_000);
    expect(await deliver()).toMatchObject({ failed: 1 });
  });

  it('two senders running at once send each message once', async () => {
    for (let i = 0; i < 5; i++) await acceptSubscription(t, OWNER, ['bill_due']);
    for (let i = 0; i < 5; i++) await enqueue(t.store, billDue(`bill_${i}`), { now: clock.now() });
    const [a, b] = await Promise.all([deliver(), deliver()]);
    expect(a.sent + b.sent).toBe(5);
    for (const message of await outboxMessages(t)) expect(message.attempts).toHaveLength(1);
  });

  it('respects preferences: a kind turned off is recorded as opted_out and uses no quota', async () => {
    await acceptSubscription(t, OWNER, ['bill_due', 'notice_published']);
    const prefs = await t.ok<MessagePreferencesView>(OWNER, 'message', 'setPreferences', {
      kinds: { bill_due: false },
    });
    expect(prefs.kinds.find((k) => k.kind === 'bill_due')?.enabled).toBe(false);
    expect(prefs.kinds.find((k) => k.kind === 'notice_published')?.enabled).toBe(true);
    expect((await enqueue(t.store, billDue('bill_1'), { now: clock.now() })).status).toBe('opted_out');
    expect(await quotaLeft(t, OWNER, 'bill_due')).toBe(1);

    const templates = await t.ok<MessageTemplatesView>(OWNER, 'message', 'templates');
    expect(templates.templates.find((x) => x.kind === 'bill_due')).toMatchObject({
      enabled: false,
      quota: 1,
    });
    expect(templates.moments.after_payment).not.toContain(templateIdOf('bill_due'));
    expect(templates.templates.some((x) => x.kind === 'alarm_raised')).toBe(false); // staff only

    await t.ok(OWNER, 'message', 'setPreferences', { kinds: { bill_due: true } });
    expect((await enqueue(t.store, billDue('bill_2'), { now: clock.now() })).status).toBe('pending');
  });

  it('a grant is applied once per prompt, counts only accepted templates of ours', async () => {
    const input = {
      requestId: 'prompt-abcdef01',
      result: {
        errMsg: 'requestSubscribeMessage:ok',
        [templateIdOf('bill_due')]: 'accept',
        [templateIdOf('payment_received')]: 'reject',
        'someone-elses-template': 'accept',
      },
    };
    const first = await t.ok<{ applied: boolean }>(OWNER, 'message', 'grantQuota', input);
    const again = await t.ok<{ applied: boolean }>(OWNER, 'message', 'grantQuota', input);
    expect([first.applied, again.applied]).toEqual([true, false]);
    expect(await quotaLeft(t, OWNER, 'bill_due')).toBe(1);
    expect(await quotaLeft(t, OWNER, 'payment_received')).toBe(0);
    expect(await t.errorCode(OWNER, 'message', 'grantQuota', { ...input, requestId: 'x' })).toBe(
      'VALIDATION',
    );
  });

  it('a value WeChat would refuse is recorded as invalid, never sent, and uses no quota', async () => {
    await acceptSubscription(t, OWNER, ['repair_progress']);
    const outcome = await enqueue(
      t.store,
      {
        kind: 'repair_progress',
        eventKey: 'wo_1.accepted',
        toAccountId: accountOf(OWNER),
        estateId: DEMO_ESTATE_ID,
        fields: { orderNo: 'WO-1', subject: '厨房漏水', status: '师傅正在路上', at: clock.now() },
      },
      { now: clock.now() },
    );
    expect(outcome).toMatchObject({ status: 'invalid', reason: '工单状态：须为 5 个以内的汉字' });
    expect(await quotaLeft(t, OWNER, 'repair_progress')).toBe(1);
    expect(await deliver()).toMatchObject({ sent: 0 });
  });

  it('staff list the outbox of their estate by status; others are refused', async () => {
    await acceptSubscription(t, OWNER, ['bill_due']);
    await enqueue(t.store, billDue('bill_1'), { now: clock.now() });
    await enqueue(t.store, billDue('bill_2'), { now: clock.now() });
    await deliver();
    const all = await t.ok<OutboxListView>('demo-service', 'message', 'outbox', {});
    expect(all.counts).toMatchObject({ sent: 1, no_quota: 1, pending: 0 });
    const noQuota = await t.ok<OutboxListView>('demo-service', 'message', 'outbox', { status: ['no_quota'] });
    expect(noQuota.items).toEqual([
      expect.objectContaining({
        status: 'no_quota',
        statusLabel: '无订阅额度',
        roomCode: '1-1-1201',
        recipientAccountId: accountOf(OWNER),
        rows: expect.arrayContaining([{ label: '待缴金额', value: '¥210.40' }]) as unknown,
      }),
    ]);
    const sent = await t.ok<OutboxListView>('demo-admin', 'message', 'outbox', { status: ['sent'] });
    expect(sent.items[0]?.attempts).toEqual([
      expect.objectContaining({ no: 1, outcome: 'sent', errcode: 0 }),
    ]);
    expect(await t.errorCode('demo-admin-maple', 'message', 'outbox', { estateId: DEMO_ESTATE_ID })).toBe(
      'FORBIDDEN',
    );
    expect(await t.errorCode(OWNER, 'message', 'outbox', {})).toBe('FORBIDDEN');
  });

  it('the scheduler runs the sender every minute', async () => {
    await acceptSubscription(t, OWNER, ['bill_due']);
    await enqueue(t.store, billDue('bill_1'), { now: clock.now() });
    await runJob(t, 'deliverOutbox', clock.now);
    expect((await outboxMessages(t))[0]?.status).toBe('sent');
  });

  it('the local outbox page draws the WeChat card with every attempt', async () => {
    await acceptSubscription(t, OWNER, ['bill_due']);
    await simulatorFor(t.store).failNext({ errcode: -1, errmsg: 'system error' });
    await enqueue(t.store, billDue('bill_1'), { now: clock.now() });
    await deliver();
    const html = await renderOutboxPage(t.store);
    expect(html).toContain('缴费提醒');
    expect(html).toContain('<dt>待缴金额</dt><dd>¥210.40</dd>');
    expect(html).toContain('system error');
    expect(html).toContain('待发送');
    expect(await renderOutboxPage(t.store, { status: 'sent' })).not.toContain('<dt>待缴金额</dt>');
  });

  it('the local subscribe prompt plays WeChat: at most 3 templates, known ids only', async () => {
    const ids = [templateIdOf('bill_due'), templateIdOf('bill_issued')];
    expect(await answerSubscribePrompt(t.store, OWNER, { templateIds: ids, accept: true })).toEqual([
      200,
      { errMsg: 'requestSubscribeMessage:ok', results: { [ids[0]!]: 'accept', [ids[1]!]: 'accept' } },
    ]);
    expect(await simulatorFor(t.store).credits(OWNER, ids[0]!)).toBe(1);
    const tooMany = await answerSubscribePrompt(t.store, OWNER, {
      templateIds: ['bill_due', 'bill_issued', 'payment_received', 'repair_progress'].map((k) =>
        templateIdOf(k as 'bill_due'),
      ),
      accept: true,
    });
    expect(tooMany).toMatchObject([400, { ok: false, errCode: 20003 }]);
    expect((await answerSubscribePrompt(t.store, null, { templateIds: ids, accept: true }))[0]).toBe(401);
  });
});
