import { reprioritizeOrder, subjectOf, transitionOrder, type WorkOrder } from './order';
import { reportedOrder } from './order.fixture';

const MIN = 60_000;
const T0 = Date.parse('2026-11-30T11:00:00Z');
const owner = { kind: 'owner' as const, name: '陈先生' };
const zhao = { kind: 'technician' as const, name: '赵师傅' };

const reported = (): WorkOrder => reportedOrder(T0);

const assignee = { staffId: 'staff_zhao', accountId: 'acct_zhao', name: '赵师傅' };

describe('work order transitions', () => {
  it('starts submitted with running clocks and a first timeline entry', () => {
    const order = reported();
    expect(order).toMatchObject({ state: 'submitted', version: 0, slaDueAt: T0 + 15 * MIN });
    expect(order.slaAlertAt).toBe(T0 + 11.25 * MIN);
    expect(order.timeline).toEqual([
      { seq: 0, at: T0, from: null, to: 'submitted', actor: owner, label: '陈先生提交报修', note: null },
    ]);
  });

  it('stamps each step with who, when and what, and bumps the version', () => {
    let order = transitionOrder(reported(), {
      to: 'assigned',
      at: T0 + MIN,
      actor: { kind: 'system', name: '系统' },
      assignee,
    });
    order = transitionOrder(order, { to: 'accepted', at: T0 + 5 * MIN, actor: zhao });
    order = transitionOrder(order, { to: 'en_route', at: T0 + 6 * MIN, actor: zhao });
    order = transitionOrder(order, { to: 'in_progress', at: T0 + 20 * MIN, actor: zhao });
    order = transitionOrder(order, { to: 'paused', at: T0 + 30 * MIN, actor: zhao, note: '等阀门配件' });
    order = transitionOrder(order, { to: 'in_progress', at: T0 + 90 * MIN, actor: zhao });
    order = transitionOrder(order, { to: 'completed', at: T0 + 120 * MIN, actor: zhao });
    order = transitionOrder(order, {
      to: 'closed',
      at: T0 + 200 * MIN,
      actor: owner,
      acceptance: { rating: 5, comment: '很及时', at: T0 + 200 * MIN, auto: false },
    });
    expect(order.timeline.map((e) => e.label)).toEqual([
      '陈先生提交报修',
      '系统派单给赵师傅',
      '赵师傅已接单',
      '赵师傅已出发',
      '赵师傅已到达，开始维修',
      '赵师傅暂停维修，等待配件',
      '赵师傅继续维修',
      '赵师傅已完工，待业主验收',
      '业主已验收',
    ]);
    expect(order.timeline[5]?.note).toBe('等阀门配件');
    expect(order).toMatchObject({
      state: 'closed',
      version: 8,
      respondedAt: T0 + 5 * MIN,
      startedAt: T0 + 20 * MIN,
      completedAt: T0 + 120 * MIN,
      closedAt: T0 + 200 * MIN,
      slaAtRiskAt: null,
      slaAlertAt: null,
    });
    expect(order.sla.pausedMs).toBe(60 * MIN);
  });

  it('on a return, frees the order and remembers who returned it', () => {
    let order = transitionOrder(reported(), { to: 'assigned', at: T0, actor: zhao, assignee });
    order = transitionOrder(order, { to: 'rejected', at: T0 + MIN, actor: zhao, note: '不在本片区' });
    expect(order).toMatchObject({ state: 'rejected', assigneeId: null, rejectedBy: ['staff_zhao'] });
    expect(order.timeline.at(-1)?.label).toBe('赵师傅退单，等待重新派单');
  });

  it('on a reopen, starts a new round with fresh deadlines and keeps the failed fix on record', () => {
    let order = transitionOrder(reported(), { to: 'assigned', at: T0, actor: zhao, assignee });
    order = transitionOrder(order, { to: 'accepted', at: T0 + MIN, actor: zhao });
    order = transitionOrder(order, { to: 'in_progress', at: T0 + 2 * MIN, actor: zhao });
    order = transitionOrder(order, {
      to: 'completed',
      at: T0 + 60 * MIN,
      actor: zhao,
      completion: {
        cause: '接头老化',
        actionsTaken: '更换接头',
        parts: [{ name: '接头', quantity: 1 }],
        photos: [],
        at: T0 + 60 * MIN,
        technicianId: 'staff_zhao',
        technicianName: '赵师傅',
      },
    });
    const reopenAt = T0 + 24 * 60 * MIN;
    order = transitionOrder(order, { to: 'reopened', at: reopenAt, actor: owner, note: '还在滴水' });
    expect(order).toMatchObject({
      state: 'reopened',
      reopenCount: 1,
      assigneeId: null,
      respondedAt: null,
      completedAt: null,
      sla: { round: 1, startedAt: reopenAt, respondBy: reopenAt + 15 * MIN },
    });
    expect(order.completion?.cause).toBe('接头老化');
  });

  it('labels grabs and reassignments distinctly', () => {
    const grabbed = transitionOrder(reported(), {
      to: 'assigned',
      at: T0,
      actor: zhao,
      assignee,
      dispatch: { mode: 'grab', at: T0, byName: '赵师傅', summary: '', reasons: [] },
    });
    expect(grabbed.timeline.at(-1)?.label).toBe('赵师傅抢单');
    const moved = transitionOrder(grabbed, {
      to: 'assigned',
      at: T0 + MIN,
      actor: { kind: 'staff', name: '张客服' },
      assignee: { staffId: 'staff_li', accountId: null, name: '李师傅' },
    });
    expect(moved.timeline.at(-1)?.label).toBe('张客服改派给李师傅');
  });

  it('moves deadlines when staff override the priority', () => {
    const order = reprioritizeOrder(reported(), {
      priority: 'normal',
      at: T0 + MIN,
      actor: { kind: 'staff', name: '张客服' },
      note: '业主说只是轻微渗水',
      label: '张客服将优先级改为“一般”',
    });
    expect(order).toMatchObject({
      priority: 'normal',
      prioritySource: 'staff',
      slaDueAt: T0 + 120 * MIN,
      version: 1,
    });
  });

  it('shortens long descriptions into a subject', () => {
    expect(subjectOf('厨房  水管漏水')).toBe('厨房 水管漏水');
    expect(subjectOf('一二三四五六七八九十一二三四五六七八九十一二三')).toBe(
      '一二三四五六七八九十一二三四五六七八九…',
    );
  });
});
