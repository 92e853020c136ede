import type {
  ComplaintView,
  ConversationThreadView,
  ConversationView,
  InboxView,
  ServiceMessageView,
} from '@linli/shared';
import { serviceCollections } from '@linli/cloudfunctions/src/service/documents';
import { createTestRuntime, type TestRuntime } from '../helpers/test-runtime';
import { acceptSubscription, outboxMessages, testClock } from '../helpers/messaging';
import { bindAccount, householdIdOf } from '../helpers/notices';
import { DEMO_ESTATE_ID } from '@linli/cloudfunctions/src/local/seed/demo-estate';

const OWNER_1 = 'demo-owner-1'; // 邻里花园 1-1-1201
const OWNER_2 = 'demo-owner-2'; // 邻里花园 2-1-0802
const AGENT = 'demo-service'; // 张客服, 邻里花园
const ADMIN = 'demo-admin'; // 王经理, both estates
const MAPLE_ADMIN = 'demo-admin-maple'; // 周主管, 枫林苑 only
const HOME_1 = householdIdOf('1-1-1201');

let requests = 0;
const requestId = () => `req-${String(++requests).padStart(6, '0')}`;
const text = (value: string) => ({ type: 'text', text: value });

describe('service desk: conversations', () => {
  let t: TestRuntime;
  let clock: ReturnType<typeof testClock>;
  const start = (openid = OWNER_1, householdId = HOME_1) =>
    t.ok<ConversationView>(openid, 'service', 'start', { householdId });
  const send = (openid: string, conversationId: string, body: unknown, id = requestId()) =>
    t.ok<ServiceMessageView>(openid, 'service', 'send', { conversationId, requestId: id, body });
  const inbox = (openid = AGENT, filter = 'all') =>
    t.ok<InboxView>(openid, 'service', 'inbox', { estateId: DEMO_ESTATE_ID, filter });

  beforeEach(async () => {
    clock = testClock();
    t = await createTestRuntime({ now: clock.now });
  });
  afterEach(() => t.close());

  it('an owner writes, the desk sees it unread, replies, and the owner sees the reply unread', async () => {
    const conversation = await start();
    expect(await start()).toMatchObject({ conversationId: conversation.conversationId }); // one thread per home
    await send(OWNER_1, conversation.conversationId, text('楼道灯不亮了'));
    clock.advance(1000);
    await send(OWNER_1, conversation.conversationId, { type: 'image', fileId: 'local://uploads/light.jpg' });

    const box = await inbox();
    expect(box.unreadConversations).toBe(1);
    expect(box.items).toEqual([
      expect.objectContaining({ roomCode: '1-1-1201', unread: 2, lastPreview: '[图片]', lastSide: 'owner' }),
    ]);

    const seen = await t.ok<ConversationThreadView>(AGENT, 'service', 'thread', {
      conversationId: conversation.conversationId,
    });
    expect(seen.messages.map((m) => [m.seq, m.side, m.mine])).toEqual([
      [1, 'owner', false],
      [2, 'owner', false],
    ]);
    await t.ok(AGENT, 'service', 'markRead', { conversationId: conversation.conversationId });
    expect((await inbox()).unreadConversations).toBe(0);

    await send(AGENT, conversation.conversationId, text('收到，马上安排电工'));
    expect(await t.ok(OWNER_1, 'service', 'unread', {})).toEqual({ messages: 1, conversations: 1 });
    const polled = await t.ok<ConversationThreadView>(OWNER_1, 'service', 'thread', {
      conversationId: conversation.conversationId,
      afterSeq: 2,
    });
    expect(polled.messages).toEqual([
      expect.objectContaining({ seq: 3, side: 'staff', senderName: '客服张客服', mine: false }),
    ]);
    await t.ok(OWNER_1, 'service', 'markRead', { conversationId: conversation.conversationId });
    expect(await t.ok(OWNER_1, 'service', 'unread', {})).toEqual({ messages: 0, conversations: 0 });
  });

  it('another household cannot read, write to or mark another’s conversation', async () => {
    const conversation = await start();
    await send(OWNER_1, conversation.conversationId, text('我家的事'));
    const id = conversation.conversationId;
    expect(await t.errorCode(OWNER_2, 'service', 'thread', { conversationId: id })).toBe('NOT_FOUND');
    expect(
      await t.errorCode(OWNER_2, 'service', 'send', {
        conversationId: id,
        requestId: requestId(),
        body: text('x'),
      }),
    ).toBe('NOT_FOUND');
    expect(await t.errorCode(OWNER_2, 'service', 'markRead', { conversationId: id })).toBe('NOT_FOUND');
    expect(await t.errorCode(OWNER_2, 'service', 'start', { householdId: HOME_1 })).toBe('FORBIDDEN');
    expect((await t.ok<{ items: unknown[] }>(OWNER_2, 'service', 'mine', {})).items).toEqual([]);
  });

  it('staff of another estate are refused; owners cannot use the desk’s actions', async () => {
    const conversation = await start();
    await send(OWNER_1, conversation.conversationId, text('你好'));
    const id = conversation.conversationId;
    expect(await t.errorCode(MAPLE_ADMIN, 'service', 'thread', { conversationId: id })).toBe('NOT_FOUND');
    expect(
      await t.errorCode(MAPLE_ADMIN, 'service', 'send', {
        conversationId: id,
        requestId: requestId(),
        body: text('x'),
      }),
    ).toBe('NOT_FOUND');
    expect(await t.errorCode(MAPLE_ADMIN, 'service', 'inbox', { estateId: DEMO_ESTATE_ID })).toBe(
      'FORBIDDEN',
    );
    expect(await t.errorCode(MAPLE_ADMIN, 'service', 'householdHistory', { householdId: HOME_1 })).toBe(
      'FORBIDDEN',
    );
    expect(await t.errorCode(OWNER_1, 'service', 'inbox', { estateId: DEMO_ESTATE_ID })).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-tech-lift', 'service', 'thread', { conversationId: id })).toBe(
      'FORBIDDEN',
    );
  });

  it('a retried send writes one message; concurrent sends get distinct numbers', async () => {
    const conversation = await start();
    const same = requestId();
    const [a, b] = await Promise.all([
      send(OWNER_1, conversation.conversationId, text('重复点击'), same),
      send(OWNER_1, conversation.conversationId, text('重复点击'), same),
    ]);
    expect(a.messageId).toBe(b.messageId);
    await Promise.all(
      ['一', '二', '三'].map((word) => send(OWNER_1, conversation.conversationId, text(word))),
    );
    const all = await t.ok<ConversationThreadView>(AGENT, 'service', 'thread', {
      conversationId: conversation.conversationId,
    });
    expect(all.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(all.conversation.unread).toBe(4);
  });

  it('pages back through a long conversation', async () => {
    const conversation = await start();
    for (let i = 1; i <= 35; i++) await send(OWNER_1, conversation.conversationId, text(`第${i}条`));
    const latest = await t.ok<ConversationThreadView>(OWNER_1, 'service', 'thread', {
      conversationId: conversation.conversationId,
    });
    expect(latest.messages.map((m) => m.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 6));
    expect(latest.hasOlder).toBe(true);
    const older = await t.ok<ConversationThreadView>(OWNER_1, 'service', 'thread', {
      conversationId: conversation.conversationId,
      beforeSeq: 6,
    });
    expect(older.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(older.hasOlder).toBe(false);
  });

  it('assigns: an agent takes it, a colleague cannot take it over, an admin can hand it on', async () => {
    const conversation = await start();
    await send(OWNER_1, conversation.conversationId, text('你好'));
    const id = conversation.conversationId;
    expect((await inbox(AGENT, 'unassigned')).items).toHaveLength(1);
    const taken = await t.ok<ConversationView>(AGENT, 'service', 'assign', { conversationId: id });
    expect(taken).toMatchObject({ assigneeName: '张客服' });
    expect((await inbox(AGENT, 'unassigned')).items).toHaveLength(0);
    expect((await inbox(AGENT, 'mine')).items).toHaveLength(1);

    await bindAccount(t, 'not-staff', '1-1-0101');
    const agents = await t.ok<{ items: Array<{ accountId: string; name: string }> }>(
      ADMIN,
      'service',
      'agents',
      { estateId: DEMO_ESTATE_ID },
    );
    expect(agents.items.map((a) => a.name).sort()).toEqual(['张客服', '王经理'].sort());
    const admin = agents.items.find((a) => a.name === '王经理')!;
    expect(
      await t.errorCode(ADMIN, 'service', 'assign', { conversationId: id, assigneeId: 'acct_not-staff' }),
    ).toBe('VALIDATION');
    const handed = await t.ok<ConversationView>(ADMIN, 'service', 'assign', { conversationId: id });
    expect(handed.assigneeId).toBe(admin.accountId);
    expect(await t.errorCode(AGENT, 'service', 'assign', { conversationId: id })).toBe('PRECONDITION_FAILED');
  });

  it('notifies the owner once per burst of replies, through the outbox', async () => {
    await acceptSubscription(t, OWNER_1, ['service_reply']);
    const conversation = await start();
    await send(OWNER_1, conversation.conversationId, text('你好'));
    await send(AGENT, conversation.conversationId, text('您好，请讲'));
    await send(AGENT, conversation.conversationId, text('还在吗？'));
    let messages = await outboxMessages(t, { kind: 'service_reply' });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ status: 'pending' });
    await t.ok(OWNER_1, 'service', 'markRead', { conversationId: conversation.conversationId });
    await send(AGENT, conversation.conversationId, text('已处理好了'));
    messages = await outboxMessages(t, { kind: 'service_reply' });
    expect(messages.map((m) => m.status).sort()).toEqual(['no_quota', 'pending']);
  });

  it('keeps quick replies per estate: defaults, then the admin’s list', async () => {
    const defaults = await t.ok<{ items: string[] }>(AGENT, 'service', 'quickReplies', {
      estateId: DEMO_ESTATE_ID,
    });
    expect(defaults.items.length).toBeGreaterThan(0);
    expect(
      await t.errorCode(AGENT, 'service', 'setQuickReplies', { estateId: DEMO_ESTATE_ID, items: ['好的'] }),
    ).toBe('FORBIDDEN');
    expect(
      await t.errorCode(ADMIN, 'service', 'setQuickReplies', {
        estateId: DEMO_ESTATE_ID,
        items: ['好', '好'],
      }),
    ).toBe('VALIDATION');
    await t.ok(ADMIN, 'service', 'setQuickReplies', { estateId: DEMO_ESTATE_ID, items: ['您好', '稍等'] });
    expect(await t.ok(AGENT, 'service', 'quickReplies', { estateId: DEMO_ESTATE_ID })).toEqual({
      items: ['您好', '稍等'],
    });
  });
});

describe('service desk: complaints and suggestions', () => {
  let t: TestRuntime;
  const submit = (openid = OWNER_1, id = requestId(), overrides: Record<string, unknown> = {}) =>
    t.ok<ComplaintView>(openid, 'service', 'submitComplaint', {
      householdId: HOME_1,
      requestId: id,
      kind: 'complaint',
      content: '楼下商铺夜间噪音很大，影响休息',
      ...overrides,
    });
  const handle = (complaintId: string, change: Record<string, unknown>, openid = AGENT) =>
    t.ok<ComplaintView>(openid, 'service', 'handleComplaint', { complaintId, ...change });

  beforeEach(async () => {
    t = await createTestRuntime();
  });
  afterEach(() => t.close());

  it('go submitted → accepted → resolved with a reply the owner reads', async () => {
    const filed = await submit();
    expect(filed).toMatchObject({
      status: 'submitted',
      statusLabel: '待受理',
      allowedMoves: ['accepted', 'closed'],
    });
    await handle(filed.complaintId, { to: 'accepted', reply: '已受理，今晚派人查看' });
    expect(
      await t.errorCode(AGENT, 'service', 'handleComplaint', {
        complaintId: filed.complaintId,
        to: 'resolved',
      }),
    ).toBe('VALIDATION');
    const done = await handle(filed.complaintId, { to: 'resolved', reply: '已与商铺沟通，22 点后停止营业' });
    expect(done).toMatchObject({ status: 'resolved', handlerName: '张客服', allowedMoves: [] });

    const mine = await t.ok<{ items: ComplaintView[] }>(OWNER_1, 'service', 'myComplaints', {});
    expect(mine.items).toEqual([
      expect.objectContaining({ status: 'resolved', latestReply: '已与商铺沟通，22 点后停止营业' }),
    ]);
    expect(mine.items[0]!.events.map((e) => e.status)).toEqual(['accepted', 'resolved']);
    expect(
      await t.errorCode(AGENT, 'service', 'handleComplaint', {
        complaintId: filed.complaintId,
        to: 'accepted',
      }),
    ).toBe('PRECONDITION_FAILED');

    const list = await t.ok<{ counts: Record<string, number> }>(AGENT, 'service', 'complaints', {
      estateId: DEMO_ESTATE_ID,
    });
    expect(list.counts).toEqual({ submitted: 0, accepted: 0, resolved: 1, closed: 0 });
  });

  it('a double-tapped submit files once, even concurrently', async () => {
    const id = requestId();
    const [a, b] = await Promise.all([submit(OWNER_1, id), submit(OWNER_1, id)]);
    expect(a.complaintId).toBe(b.complaintId);
    await submit(OWNER_1, id);
    expect(await serviceCollections(t.store).complaints.count({})).toBe(1);
  });

  it('is filed only for the caller’s own home and handled only by the desk of its estate', async () => {
    expect(
      await t.errorCode(OWNER_2, 'service', 'submitComplaint', {
        householdId: HOME_1,
        requestId: requestId(),
        kind: 'suggestion',
        content: '建议增加快递柜',
      }),
    ).toBe('FORBIDDEN');
    expect(
      await t.errorCode(OWNER_1, 'service', 'submitComplaint', {
        householdId: HOME_1,
        requestId: requestId(),
        kind: 'complaint',
        content: '差',
      }),
    ).toBe('VALIDATION');
    const filed = await submit();
    expect(
      await t.errorCode(MAPLE_ADMIN, 'service', 'handleComplaint', {
        complaintId: filed.complaintId,
        to: 'accepted',
      }),
    ).toBe('NOT_FOUND');
    expect(await t.errorCode(MAPLE_ADMIN, 'service', 'complaints', { estateId: DEMO_ESTATE_ID })).toBe(
      'FORBIDDEN',
    );
    expect((await t.ok<{ items: unknown[] }>(OWNER_2, 'service', 'myComplaints', {})).items).toEqual([]);
  });

  it('shows the desk a household’s conversations and complaints together', async () => {
    const conversation = await t.ok<ConversationView>(OWNER_1, 'service', 'start', { householdId: HOME_1 });
    await t.ok(OWNER_1, 'service', 'send', {
      conversationId: conversation.conversationId,
      requestId: requestId(),
      body: text('咨询停车'),
    });
    await submit();
    const history = await t.ok<{ conversations: ConversationView[]; complaints: ComplaintView[] }>(
      AGENT,
      'service',
      'householdHistory',
      { householdId: HOME_1 },
    );
    expect(history.conversations).toHaveLength(1);
    expect(history.complaints).toHaveLength(1);
  });
});
