import type { NoticeStaffView, NoticeStatsView, RemindRoundView, UnreadListView } from '@linli/shared';
import { createMemoryLogger } from '@linli/cloudfunctions/src/_lib/logger';
import { noticeCollections } from '@linli/cloudfunctions/src/notice/documents';
import { ensureTargets, fanOutNotice, notifyHouseholds } from '@linli/cloudfunctions/src/notice/fan-out';
import { nextTargetHouseholds } from '@linli/cloudfunctions/src/notice/target-households';
import { createTestRuntime, type TestRuntime } from '../helpers/test-runtime';
import { acceptSubscription, accountOf, outboxMessages, runJob, testClock } from '../helpers/messaging';
import { bindAccount, buildingIdOf, householdIdOf, publishNow } from '../helpers/notices';

const OWNER_B1 = 'demo-owner-1'; // 1-1-1201
const OWNER_B2 = 'demo-owner-2'; // 2-1-0802

describe('notice read tracking, read rates, the call list and reminders', () => {
  let t: TestRuntime;
  let clock: ReturnType<typeof testClock>;
  const work = async () => {
    await runJob(t, 'notices', clock.now);
    await runJob(t, 'deliverOutbox', clock.now);
  };
  const stats = (noticeId: string) => t.ok<NoticeStatsView>('demo-admin', 'notice', 'stats', { noticeId });

  beforeEach(async () => {
    clock = testClock();
    t = await createTestRuntime({ now: clock.now });
  });
  afterEach(() => t.close());

  it('counts households, not accounts: two accounts of one home reading make one read household', async () => {
    await bindAccount(t, 'b2-spouse', '2-1-0802');
    await bindAccount(t, 'b2-a', '2-2-1504');
    await acceptSubscription(t, OWNER_B2, ['notice_published']);
    await acceptSubscription(t, 'b2-spouse', ['notice_published']);
    const notice = await publishNow(t, 'demo-admin');
    await work();

    await t.ok(OWNER_B2, 'notice', 'open', { noticeId: notice.noticeId });
    await t.ok('b2-spouse', 'notice', 'open', { noticeId: notice.noticeId });
    await t.ok('b2-spouse', 'notice', 'open', { noticeId: notice.noticeId }); // opening again changes nothing
    let figures = await stats(notice.noticeId);
    expect(figures.households).toEqual({ read: 1, total: 200, percent: 0.5 });
    expect(figures.accounts).toEqual({ read: 2, total: 3, percent: 66.7 });
    expect(figures.byBuilding).toEqual([
      { buildingId: buildingIdOf(2), buildingName: '2号楼', read: 1, total: 200, percent: 0.5 },
    ]);
    expect(figures.messages).toMatchObject({ sent: 2, no_quota: 1 });

    await t.ok('b2-a', 'notice', 'open', { noticeId: notice.noticeId });
    figures = await stats(notice.noticeId);
    expect(figures.households).toEqual({ read: 2, total: 200, percent: 1 });
    expect(figures.accounts.read).toBe(3);
    const target = await noticeCollections(t.store).targets.get(
      `ntgt_${notice.noticeId}_${householdIdOf('2-1-0802')}`,
    );
    expect(target).toMatchObject({ read: true, firstReaderId: accountOf(OWNER_B2) });
  });

  it('read rates by building for an estate-wide notice', async () => {
    const notice = await publishNow(t, 'demo-admin', { target: { scope: 'estate' } });
    await t.ok(OWNER_B1, 'notice', 'open', { noticeId: notice.noticeId });
    await t.ok(OWNER_B2, 'notice', 'open', { noticeId: notice.noticeId });
    const figures = await stats(notice.noticeId);
    expect(figures.households).toEqual({ read: 2, total: 600, percent: 0.3 });
    expect(figures.byBuilding.map((b) => [b.buildingName, b.read, b.total])).toEqual([
      ['1号楼', 1, 200],
      ['2号楼', 1, 200],
      ['3号楼', 0, 200],
    ]);
  });

  it('an open before the fan-out reaches the household still counts, and the fan-out keeps it read', async () => {
    const notice = await publishNow(t, 'demo-admin');
    await t.ok(OWNER_B2, 'notice', 'open', { noticeId: notice.noticeId });
    await work();
    expect((await stats(notice.noticeId)).households).toMatchObject({ read: 1, total: 200 });
    const { targets } = noticeCollections(t.store);
    expect(await targets.count({ where: { noticeId: notice.noticeId } })).toBe(200);
  });

  it('lists unread households with how they are reached; those no message reaches come with masked phones', async () => {
    await bindAccount(t, 'b2-a', '2-2-0102'); // bound, no quota
    await bindAccount(t, 'b2-b', '2-2-0103'); // bound, with quota
    await acceptSubscription(t, 'b2-b', ['notice_published']);
    const notice = await publishNow(t, 'demo-service', {
      target: { scope: 'units', unitIds: ['unit_est_linli_garden_2_2'] },
    });
    await work();
    expect(
      (await t.ok<NoticeStaffView>('demo-service', 'notice', 'detail', { noticeId: notice.noticeId }))
        .targetLabel,
    ).toBe('2号楼2单元');

    const all = await t.ok<UnreadListView>('demo-service', 'notice', 'unread', { noticeId: notice.noticeId });
    expect(all.unreadHouseholds).toBe(100);
    const calls = await t.ok<UnreadListView>('demo-service', 'notice', 'unread', {
      noticeId: notice.noticeId,
      needsCall: true,
    });
    expect(calls.items.every((i) => i.needsCall)).toBe(true);
    expect(calls.items.find((i) => i.roomCode === '2-2-0102')).toMatchObject({
      reach: 'no_quota',
      reachLabel: '无订阅额度',
      boundAccounts: 1,
    });
    expect(all.items.find((i) => i.roomCode === '2-2-0103')).toMatchObject({
      reach: 'sent',
      needsCall: false,
      contacts: [],
    });
    expect(calls.items.some((i) => i.roomCode === '2-2-0103')).toBe(false);
    const unbound = calls.items.find((i) => i.roomCode === '2-2-0101')!;
    expect(unbound).toMatchObject({ reach: 'no_account', needsCall: true });
    expect(unbound.contacts.length).toBeGreaterThan(0);
    for (const contact of unbound.contacts) expect(contact.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);

    // 2-1-0802 is in unit 1, so not in this notice at all.
    expect(all.items.some((i) => i.roomCode === '2-1-0802')).toBe(false);
  });

  it('one-click reminder goes to unread households only, once per round', async () => {
    await bindAccount(t, 'b2-a', '2-2-1504');
    for (let i = 0; i < 2; i++) {
      await acceptSubscription(t, OWNER_B2, ['notice_published']);
      await acceptSubscription(t, 'b2-a', ['notice_published']);
    }
    const notice = await publishNow(t, 'demo-admin');
    expect(
      await t.errorCode('demo-admin', 'notice', 'remind', {
        noticeId: notice.noticeId,
        requestId: 'tap-00000001',
      }),
    ).toBe('PRECONDITION_FAILED'); // still fanning out
    await work();
    await t.ok(OWNER_B2, 'notice', 'open', { noticeId: notice.noticeId });

    const round = await t.ok<RemindRoundView>('demo-admin', 'notice', 'remind', {
      noticeId: notice.noticeId,
      requestId: 'tap-00000001',
    });
    expect(round).toMatchObject({ round: 1, state: 'pending', requestedByName: '王经理' });
    // The same tap again is the same round; another tap waits for this round to finish.
    expect(
      await t.ok<RemindRoundView>('demo-admin', 'notice', 'remind', {
        noticeId: notice.noticeId,
        requestId: 'tap-00000001',
      }),
    ).toMatchObject({ round: 1 });
    expect(
      await t.errorCode('demo-admin', 'notice', 'remind', {
        noticeId: notice.noticeId,
        requestId: 'tap-00000002',
      }),
    ).toBe('PRECONDITION_FAILED');

    await work();
    await work();
    const reminders = (await outboxMessages(t, { kind: 'notice_published' })).filter((m) =>
      m.eventKey.endsWith('.r1'),
    );
    expect(reminders.map((m) => [m.toAccountId, m.status, m.fields['公告标题']])).toEqual([
      [accountOf('b2-a'), 'sent', '【提醒】二号楼停水通知'],
    ]);
    const figures = await stats(notice.noticeId);
    expect(figures.reminders).toEqual([
      expect.objectContaining({ round: 1, state: 'done', households: 199, messages: 1 }),
    ]);

    const second = await t.ok<RemindRoundView>('demo-admin', 'notice', 'remind', {
      noticeId: notice.noticeId,
      requestId: 'tap-00000002',
    });
    expect(second.round).toBe(2);
    await work();
    expect(
      (await outboxMessages(t, { kind: 'notice_published' })).filter((m) => m.eventKey.endsWith('.r2')),
    ).toHaveLength(1);
  });

  it('fans out in chunks, resumes where it stopped, and a crash midway repeats nothing', async () => {
    for (const [openid, room] of [
      ['x1', '2-1-0101'],
      ['x2', '2-1-1304'],
      ['x3', '2-2-2504'],
    ] as const) {
      await bindAccount(t, openid, room);
      await acceptSubscription(t, openid, ['notice_published']);
    }
    const notice = await publishNow(t, 'demo-admin');
    const deps = { store: t.store, now: clock.now, log: createMemoryLogger(), chunkSize: 50 };
    const { notices, targets } = noticeCollections(t.store);

    // A runner that gets one chunk done before its time is up.
    let chunks = 0;
    const oneChunk = {
      ...deps,
      get deadline() {
        return chunks++ < 1 ? Infinity : 0;
      },
    };
    expect(await fanOutNotice(oneChunk, notice.noticeId)).toBe(50);
    expect((await notices.get(notice.noticeId))?.fanout).toMatchObject({ state: 'running', households: 50 });

    // A runner that crashed after writing the next chunk but before moving the cursor.
    const stored = (await notices.get(notice.noticeId))!;
    const chunk = await nextTargetHouseholds(t.store, stored, stored.fanout!.after, 50);
    await ensureTargets(t.store, stored, chunk.households, clock.now());
    await notifyHouseholds(
      deps,
      stored,
      '邻里花园',
      chunk.households.map((h) => h._id),
      {
        eventKey: notice.noticeId,
        kind: 'publish',
      },
    );

    expect(await fanOutNotice({ ...deps, deadline: Infinity }, notice.noticeId)).toBe(150);
    expect((await notices.get(notice.noticeId))?.fanout).toMatchObject({ state: 'done', households: 200 });
    expect(await targets.count({ where: { noticeId: notice.noticeId } })).toBe(200);
    const messages = await outboxMessages(t, { kind: 'notice_published' });
    expect(messages.map((m) => m.toAccountId).sort()).toEqual(
      [accountOf(OWNER_B2), accountOf('x1'), accountOf('x2'), accountOf('x3')].sort(),
    );
    expect(await fanOutNotice({ ...deps, deadline: Infinity }, notice.noticeId)).toBe(0);
  });

  it('staff of another estate cannot see read figures or remind', async () => {
    const notice = await publishNow(t, 'demo-admin');
    expect(await t.errorCode('demo-admin-maple', 'notice', 'stats', { noticeId: notice.noticeId })).toBe(
      'FORBIDDEN',
    );
    expect(
      await t.errorCode('demo-admin-maple', 'notice', 'remind', {
        noticeId: notice.noticeId,
        requestId: 'tap-00000009',
      }),
    ).toBe('FORBIDDEN');
    expect(await t.errorCode(OWNER_B2, 'notice', 'unread', { noticeId: notice.noticeId })).toBe('FORBIDDEN');
  });
});
