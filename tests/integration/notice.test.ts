import type { NoticeFeedView, NoticeReadView, NoticeStaffView, TickResult } from '@linli/shared';
import { OTHER_ESTATE_ID } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { noticeCollections } from '@linli/cloudfunctions/src/notice/documents';
import { createTestRuntime, type TestRuntime } from '../helpers/test-runtime';
import { acceptSubscription, accountOf, outboxMessages, runJob, testClock } from '../helpers/messaging';
import {
  bindAccount,
  buildingIdOf,
  householdIdOf,
  noticeInput,
  publishNow,
  simpleBody,
} from '../helpers/notices';

const OWNER_B1 = 'demo-owner-1'; // 1-1-1201
const OWNER_B2 = 'demo-owner-2'; // 2-1-0802

describe('notices: writing, targeting, scheduling, the owner feed', () => {
  let t: TestRuntime;
  let clock: ReturnType<typeof testClock>;
  const work = async () => {
    await runJob(t, 'notices', clock.now);
    await runJob(t, 'deliverOutbox', clock.now);
  };

  beforeEach(async () => {
    clock = testClock();
    t = await createTestRuntime({ now: clock.now });
  });
  afterEach(() => t.close());

  it('a notice for building 2 reaches exactly building 2’s bound accounts', async () => {
    const building2 = [
      accountOf(OWNER_B2),
      await bindAccount(t, 'b2-spouse', '2-1-0802'),
      await bindAccount(t, 'b2-a', '2-2-1504'),
      await bindAccount(t, 'b2-b', '2-1-0101'),
    ];
    await bindAccount(t, 'b1-a', '1-2-0303');
    await bindAccount(t, 'b3-a', '3-1-2504');
    await bindAccount(t, 'maple-b2', '1-1-0101', OTHER_ESTATE_ID);
    for (const openid of [OWNER_B1, OWNER_B2, 'b2-a', 'b1-a', 'b3-a'])
      await acceptSubscription(t, openid, ['notice_published']);

    const notice = await publishNow(t, 'demo-admin');
    expect(notice).toMatchObject({ status: 'published', audienceHouseholds: 200, targetLabel: '2号楼' });
    await work();

    const messages = await outboxMessages(t, { kind: 'notice_published' });
    expect(messages.map((m) => m.toAccountId).sort()).toEqual([...building2].sort());
    expect(Object.fromEntries(messages.map((m) => [m.toAccountId, m.status]))).toEqual({
      [accountOf(OWNER_B2)]: 'sent',
      [accountOf('b2-a')]: 'sent',
      [accountOf('b2-spouse')]: 'no_quota',
      [accountOf('b2-b')]: 'no_quota',
    });
    expect(messages[0]).toMatchObject({
      templateTitle: '社区公告通知',
      fields: { 公告标题: '二号楼停水通知', 公告类型: '停水停电', 发布单位: '邻里花园物业服务中心' },
      page: `pages/notice-detail/index?id=${notice.noticeId}`,
    });
    const { targets } = noticeCollections(t.store);
    expect(await targets.count({ where: { noticeId: notice.noticeId } })).toBe(200);
    expect(await targets.count({ where: { noticeId: notice.noticeId, buildingId: buildingIdOf(2) } })).toBe(
      200,
    );
    const detail = await t.ok<NoticeStaffView>('demo-admin', 'notice', 'detail', {
      noticeId: notice.noticeId,
    });
    expect(detail.fanout).toMatchObject({ state: 'done', households: 200, messages: 4 });
  });

  it('an owner elsewhere never sees it; an owner there sees it unread, then read', async () => {
    const notice = await publishNow(t, 'demo-service');
    const elsewhere = await t.ok<NoticeFeedView>(OWNER_B1, 'notice', 'feed', {});
    expect([...elsewhere.pinned, ...elsewhere.items]).toEqual([]);
    expect(elsewhere.unreadCount).toBe(0);
    expect(await t.errorCode(OWNER_B1, 'notice', 'open', { noticeId: notice.noticeId })).toBe('NOT_FOUND');
    expect(await t.errorCode('demo-owner-3', 'notice', 'open', { noticeId: notice.noticeId })).toBe(
      'NOT_FOUND',
    );

    const there = await t.ok<NoticeFeedView>(OWNER_B2, 'notice', 'feed', {});
    expect(there.unreadCount).toBe(1);
    expect(there.items).toEqual([
      expect.objectContaining({
        noticeId: notice.noticeId,
        read: false,
        roomCodes: ['2-1-0802'],
        categoryLabel: '停水停电',
        importanceLabel: '重要',
        excerpt: '明日 9:00–17:00 二号楼停水检修，请提前储水。',
      }),
    ]);
    const opened = await t.ok<NoticeReadView>(OWNER_B2, 'notice', 'open', { noticeId: notice.noticeId });
    expect(opened).toMatchObject({ read: true, body: simpleBody(), estateName: '邻里花园', expired: false });
    const after = await t.ok<NoticeFeedView>(OWNER_B2, 'notice', 'feed', {});
    expect(after.unreadCount).toBe(0);
    expect(after.items[0]?.read).toBe(true);
  });

  it('the feed puts pinned notices first, hides expired and withdrawn ones, and pages', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      clock.advance(60_000);
      ids.push(
        (await publishNow(t, 'demo-admin', { title: `通知 ${i}`, target: { scope: 'estate' } })).noticeId,
      );
    }
    await t.ok('demo-admin', 'notice', 'pin', { noticeId: ids[0], pinned: true });
    await t.ok('demo-admin', 'notice', 'setExpiry', { noticeId: ids[1], expiresAt: clock.now() + 60_000 });
    await t.ok('demo-admin', 'notice', 'withdraw', { noticeId: ids[2], reason: '内容有误' });

    let feed = await t.ok<NoticeFeedView>(OWNER_B1, 'notice', 'feed', {});
    expect(feed.pinned.map((c) => c.noticeId)).toEqual([ids[0]]);
    expect(feed.items.map((c) => c.noticeId)).toEqual([ids[3], ids[1]]);
    expect(feed.unreadCount).toBe(3);
    expect(await t.errorCode(OWNER_B1, 'notice', 'open', { noticeId: ids[2] })).toBe('NOT_FOUND');

    clock.advance(120_000);
    feed = await t.ok<NoticeFeedView>(OWNER_B1, 'notice', 'feed', { limit: 1 });
    expect(feed.items.map((c) => c.noticeId)).toEqual([ids[3]]);
    expect(feed.next).toBeUndefined();
    expect(feed.unreadCount).toBe(2);
    // An expired notice still opens from an old message, marked expired.
    expect(await t.ok<NoticeReadView>(OWNER_B1, 'notice', 'open', { noticeId: ids[1] })).toMatchObject({
      expired: true,
    });
  });

  it('an owner cannot write or publish notices', async () => {
    expect(await t.errorCode(OWNER_B2, 'notice', 'create', noticeInput())).toBe('FORBIDDEN');
    const draft = await t.ok<NoticeStaffView>('demo-admin', 'notice', 'create', noticeInput());
    expect(await t.errorCode(OWNER_B2, 'notice', 'publish', { noticeId: draft.noticeId })).toBe('FORBIDDEN');
    expect(await t.errorCode(OWNER_B2, 'notice', 'stats', { noticeId: draft.noticeId })).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-tech-lift', 'notice', 'publish', { noticeId: draft.noticeId })).toBe(
      'FORBIDDEN',
    );
    expect(await t.errorCode('demo-new-user', 'notice', 'feed', {})).toBe('NOT_BOUND');
  });

  it('staff of another estate are refused', async () => {
    expect(await t.errorCode('demo-admin-maple', 'notice', 'create', noticeInput())).toBe('FORBIDDEN');
    const notice = await publishNow(t, 'demo-admin');
    for (const action of ['publish', 'detail', 'stats', 'unread', 'withdraw'])
      expect(await t.errorCode('demo-admin-maple', 'notice', action, { noticeId: notice.noticeId })).toBe(
        'FORBIDDEN',
      );
    expect(await t.errorCode('demo-admin-maple', 'notice', 'list', { estateId: notice.estateId })).toBe(
      'FORBIDDEN',
    );
    // A target in another estate is refused even for staff of both.
    expect(
      await t.errorCode(
        'demo-admin',
        'notice',
        'create',
        noticeInput({
          target: { scope: 'households', householdIds: [householdIdOf('1-1-0101', OTHER_ESTATE_ID)] },
        }),
      ),
    ).toBe('VALIDATION');
  });

  it('a scheduled notice publishes once, even if the job runs twice', async () => {
    for (const openid of [OWNER_B2]) await acceptSubscription(t, openid, ['notice_published']);
    const draft = await t.ok<NoticeStaffView>('demo-admin', 'notice', 'create', noticeInput());
    const publishAt = clock.now() + 3_600_000;
    const scheduled = await t.ok<NoticeStaffView>('demo-admin', 'notice', 'publish', {
      noticeId: draft.noticeId,
      publishAt,
    });
    expect(scheduled).toMatchObject({
      status: 'scheduled',
      publishAt,
      allowedMoves: ['draft', 'published', 'withdrawn'],
    });
    const tick = async () => {
      const result = await t.runtime.call('scheduler', 'tick', {}, { trigger: true });
      if (!result.ok) throw new Error(result.error.message);
      return result.data as TickResult;
    };
    await tick(); // the scheduler's first sight of its jobs
    clock.advance(30 * 60_000);
    await tick();
    expect((await t.ok<NoticeFeedView>(OWNER_B2, 'notice', 'feed', {})).items).toEqual([]);

    clock.advance(31 * 60_000);
    await Promise.all([tick(), tick(), runJob(t, 'notices', clock.now)]);
    await tick();
    const published = await t.ok<NoticeStaffView>('demo-admin', 'notice', 'detail', {
      noticeId: draft.noticeId,
    });
    expect(published).toMatchObject({ status: 'published', fanout: { state: 'done', messages: 1 } });
    const publishedAt = published.publishedAt;
    clock.advance(60_000);
    await tick();
    await runJob(t, 'notices', clock.now);
    expect(
      (await t.ok<NoticeStaffView>('demo-admin', 'notice', 'detail', { noticeId: draft.noticeId }))
        .publishedAt,
    ).toBe(publishedAt);
    const messages = await outboxMessages(t, { kind: 'notice_published' });
    expect(messages.map((m) => [m.toAccountId, m.status])).toEqual([[accountOf(OWNER_B2), 'sent']]);
    expect(messages[0]!.attempts).toHaveLength(1);
    expect((await t.ok<NoticeFeedView>(OWNER_B2, 'notice', 'feed', {})).items).toHaveLength(1);
  });

  it('a schedule can be cancelled back to a draft, and only drafts and scheduled notices are edited', async () => {
    const draft = await t.ok<NoticeStaffView>('demo-admin', 'notice', 'create', noticeInput());
    await t.ok('demo-admin', 'notice', 'publish', {
      noticeId: draft.noticeId,
      publishAt: clock.now() + 3_600_000,
    });
    const edited = await t.ok<NoticeStaffView>('demo-admin', 'notice', 'update', {
      noticeId: draft.noticeId,
      title: '二号楼停水通知（更正）',
      pinned: true,
    });
    expect(edited).toMatchObject({ status: 'scheduled', title: '二号楼停水通知（更正）', pinned: true });
    expect(
      await t.ok<NoticeStaffView>('demo-admin', 'notice', 'cancelSchedule', { noticeId: draft.noticeId }),
    ).toMatchObject({
      status: 'draft',
      publishAt: null,
    });
    clock.advance(2 * 3_600_000);
    await runJob(t, 'notices', clock.now);
    expect(
      (await t.ok<NoticeStaffView>('demo-admin', 'notice', 'detail', { noticeId: draft.noticeId })).status,
    ).toBe('draft');

    await t.ok('demo-admin', 'notice', 'publish', { noticeId: draft.noticeId });
    expect(
      await t.errorCode('demo-admin', 'notice', 'update', { noticeId: draft.noticeId, title: '改' }),
    ).toBe('PRECONDITION_FAILED');
    expect(await t.errorCode('demo-admin', 'notice', 'publish', { noticeId: draft.noticeId })).toBe(
      'PRECONDITION_FAILED',
    );
  });

  it('checks the body, the target and the expiry', async () => {
    const bad = async (overrides: Record<string, unknown>) =>
      t.errorCode('demo-admin', 'notice', 'create', noticeInput(overrides));
    expect(await bad({ body: { blocks: [] } })).toBe('VALIDATION');
    expect(await bad({ body: { blocks: [{ type: 'html', html: '<script>alert(1)</script>' }] } })).toBe(
      'VALIDATION',
    );
    expect(await bad({ body: { blocks: [{ type: 'image', fileId: 'javascript:alert(1)' }] } })).toBe(
      'VALIDATION',
    );
    expect(await bad({ target: { scope: 'buildings', buildingIds: ['bld_nowhere'] } })).toBe('VALIDATION');
    expect(await bad({ expiresAt: clock.now() - 1 })).toBe('VALIDATION');
    expect(await bad({ category: 'gossip' })).toBe('VALIDATION');

    const rich = await t.ok<NoticeStaffView>(
      'demo-admin',
      'notice',
      'create',
      noticeInput({
        body: {
          blocks: [
            { type: 'paragraph', runs: [{ text: '停水时间：', bold: true }, { text: '<b>明日</b> 上午' }] },
            { type: 'list', ordered: true, items: [[{ text: '提前储水' }], [{ text: '关闭水龙头' }]] },
            { type: 'image', fileId: 'cloud://env-1.bucket/notices/map.jpg', alt: '停水范围' },
          ],
        },
      }),
    );
    // Markup in text is just text: the body is a tree, never HTML.
    expect(rich.excerpt).toBe('停水时间：<b>明日</b> 上午 提前储水 关闭水龙头');
  });

  it('an urgent notice says so in the message title, shortened to WeChat’s 20 characters', async () => {
    await acceptSubscription(t, OWNER_B2, ['notice_published']);
    await publishNow(t, 'demo-admin', {
      importance: 'urgent',
      title: '二号楼二单元电梯故障停运，请住户改走楼梯并注意安全',
    });
    await work();
    const [message] = await outboxMessages(t, { kind: 'notice_published' });
    expect(message?.fields['公告标题']).toBe('【紧急】二号楼二单元电梯故障停运，请住…');
    expect(message?.status).toBe('sent');
  });

  it('withdrawing stops the fan-out and cancels unsent messages', async () => {
    await acceptSubscription(t, OWNER_B2, ['notice_published']);
    const notice = await publishNow(t, 'demo-admin');
    await runJob(t, 'notices', clock.now); // messages enqueued, not yet sent
    const withdrawn = await t.ok<NoticeStaffView>('demo-admin', 'notice', 'withdraw', {
      noticeId: notice.noticeId,
    });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', allowedMoves: [] });
    await runJob(t, 'deliverOutbox', clock.now);
    expect((await outboxMessages(t, { kind: 'notice_published' })).map((m) => m.status)).toEqual([
      'cancelled',
    ]);
    expect((await t.ok<NoticeFeedView>(OWNER_B2, 'notice', 'feed', {})).items).toEqual([]);
  });
});
