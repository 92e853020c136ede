import type { MyWorkOrder, WorkOrderDetail, WorkOrderStatsView, WorkOrderSummary } from '@linli/shared';
import { seedDemoWorkorders } from '@linli/cloudfunctions/src/local/seed/demo-workorders';
import { workorderCollections } from '@linli/cloudfunctions/src/workorder/documents';
import { accountOf, outboxMessages } from '../helpers/messaging';
import type { TestRuntime } from '../helpers/test-runtime';
import {
  OWNER,
  PLUMBER,
  SERVICE,
  staffIdOf,
  TUESDAY_8PM,
  reportRepair,
  workorderRuntime,
} from '../helpers/workorders';

const PHOTO = 'local://uploads/leak-under-sink.jpg';

describe('workorder: an owner reports a repair and follows it to acceptance', () => {
  let t: TestRuntime;
  let clock: { now: () => number; advance: (ms: number) => void };

  beforeEach(async () => {
    ({ t, clock } = await workorderRuntime(TUESDAY_8PM));
  });
  afterEach(() => t.close());

  const step = async (openid: string, action: string, input: Record<string, unknown>) => {
    clock.advance(5 * 60_000);
    return t.ok<WorkOrderDetail>(openid, 'workorder', action, input);
  };

  it('report → smart dispatch → accept → depart → start → complete → owner confirms and rates', async () => {
    const reported = await reportRepair(t, {
      description: '卫生间水管漏水，地面积水',
      photos: [PHOTO],
      preferredTime: { date: '2026-12-01', slot: 'evening' },
    });
    expect(reported.orderNo).toMatch(/^BX20261201\d{4}$/);
    expect(reported.priority).toBe('urgent');
    expect(reported.photos).toEqual([PHOTO]);
    expect(reported.locationLabel).toBe('1-1-1201');
    // 赵师傅 is the plumber on the evening shift: the order went straight to him.
    expect(reported.state).toBe('assigned');
    expect(reported.assigneeName).toBe('赵师傅');
    expect(reported.actions).toEqual(['cancel']);

    const desk = await t.ok<WorkOrderDetail>(SERVICE, 'workorder', 'detail', { orderId: reported.orderId });
    expect(desk.dispatch?.mode).toBe('auto');
    expect(desk.dispatch?.reasons[0]).toMatch(/^赵师傅: 水暖技能, 在班, 当前 0 单/);

    const id = { orderId: reported.orderId };
    expect((await step(PLUMBER, 'accept', id)).state).toBe('accepted');
    expect((await step(PLUMBER, 'depart', id)).state).toBe('en_route');
    expect((await step(PLUMBER, 'start', id)).state).toBe('in_progress');
    const completed = await step(PLUMBER, 'complete', {
      ...id,
      cause: '角阀老化破裂',
      actionsTaken: '关闭总阀，更换角阀并试水',
      parts: [{ name: '角阀', quantity: 1 }],
      photos: ['local://uploads/after-fix.jpg'],
    });
    expect(completed.state).toBe('completed');
    expect(completed.completion).toMatchObject({ cause: '角阀老化破裂', technicianName: '赵师傅' });

    const mine = await t.ok<{ items: MyWorkOrder[] }>(OWNER, 'workorder', 'mine', { scope: 'open' });
    const seen = mine.items.find((o) => o.orderId === reported.orderId)!;
    expect(seen.stateLabel).toBe('待验收');
    expect(seen.actions.sort()).toEqual(['confirm', 'reopen']);
    expect(seen.timeline.map((e) => e.label)).toEqual([
      expect.stringContaining('提交报修'),
      '系统派单给赵师傅',
      '赵师傅已接单',
      '赵师傅已出发',
      '赵师傅已到达，开始维修',
      '赵师傅已完工，待业主验收',
    ]);

    const closed = await step(OWNER, 'confirm', { ...id, rating: 5, comment: '师傅很专业' });
    expect(closed.state).toBe('closed');
    expect(closed.acceptance).toMatchObject({ rating: 5, comment: '师傅很专业', auto: false });
    expect(closed.timeline.at(-1)?.label).toBe('业主已验收');
    expect(closed.sla).toBeNull();

    // The household heard at assignment, departure and completion; nothing else.
    const toOwner = await outboxMessages(t, { toAccountId: accountOf(OWNER), kind: 'repair_progress' });
    expect(toOwner.map((m) => m.fields)).toEqual([
      expect.objectContaining({ 工单状态: '已派单' }),
      expect.objectContaining({ 工单状态: '师傅已出发' }),
      expect.objectContaining({ 工单状态: '待验收' }),
    ]);

    // The fix is in the knowledge base, verified by the owner's acceptance.
    const fixes = await workorderCollections(t.store).knowledge.find({
      where: { orderId: reported.orderId },
    });
    expect(fixes.items).toEqual([expect.objectContaining({ cause: '角阀老化破裂', verified: true })]);
    const search = await t.ok<{ items: Array<{ orderNo: string }> }>(
      PLUMBER,
      'workorder',
      'knowledgeSearch',
      {
        query: '卫生间水管漏水',
        category: 'plumbing',
      },
    );
    expect(search.items.map((h) => h.orderNo)).toContain(reported.orderNo);
  });

  it('reopen: a completed order goes back for dispatch with a fresh round, and the fix is marked failed', async () => {
    const order = await reportRepair(t, { description: '阳台地漏反水' });
    const id = { orderId: order.orderId };
    await step(PLUMBER, 'accept', id);
    await step(PLUMBER, 'start', id);
    await step(PLUMBER, 'complete', { ...id, cause: '地漏堵塞', actionsTaken: '疏通地漏' });
    const reopened = await step(OWNER, 'reopen', { ...id, reason: '第二天又反水了' });
    expect(reopened.reopenCount).toBe(1);
    expect(reopened.timeline.map((e) => e.label)).toContain('业主申请返修');
    // Dispatch mode is auto, so the reopened order is already with a technician again.
    expect(reopened.state).toBe('assigned');
    const fix = await workorderCollections(t.store).knowledge.find({ where: { orderId: order.orderId } });
    expect(fix.items[0]).toMatchObject({ failed: true, verified: false });
    expect(await t.errorCode(OWNER, 'workorder', 'confirm', { ...id, rating: 5 })).toBe(
      'PRECONDITION_FAILED',
    );
  });

  it('cancel: the owner before work starts (the technician is told), only the desk after', async () => {
    const early = await reportRepair(t);
    const cancelled = await step(OWNER, 'cancel', { orderId: early.orderId, reason: '已自行修好' });
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.timeline.at(-1)?.note).toBe('已自行修好');
    const withdrawn = await outboxMessages(t, { toAccountId: accountOf(PLUMBER) });
    expect(withdrawn.map((m) => m.fields['工单状态'])).toEqual(['新工单', '已撤回']);

    const started = await reportRepair(t);
    await step(PLUMBER, 'accept', { orderId: started.orderId });
    await step(PLUMBER, 'start', { orderId: started.orderId });
    expect(
      await t.errorCode(OWNER, 'workorder', 'cancel', { orderId: started.orderId, reason: '不修了' }),
    ).toBe('PRECONDITION_FAILED');
    const byDesk = await step(SERVICE, 'cancel', { orderId: started.orderId, reason: '业主电话要求取消' });
    expect(byDesk.state).toBe('cancelled');
  });

  it('pause stops the completion clock; reject returns the order and never to the same technician', async () => {
    const order = await reportRepair(t);
    const id = { orderId: order.orderId };
    await step(PLUMBER, 'accept', id);
    await step(PLUMBER, 'start', id);
    const paused = await step(PLUMBER, 'pause', { ...id, reason: '等待配件到货' });
    expect(paused.stateLabel).toBe('等待配件');
    expect((await step(PLUMBER, 'resume', id)).state).toBe('in_progress');

    const other = await reportRepair(t);
    const rejected = await step(PLUMBER, 'reject', { orderId: other.orderId, reason: '不在本片区' });
    // The only plumber returned it: it waits in the pool for the desk.
    expect(rejected.state).toBe('rejected');
    const pool = await t.ok<{ items: WorkOrderSummary[] }>(SERVICE, 'workorder', 'pool', {});
    expect(pool.items.map((o) => o.orderId)).toContain(other.orderId);
    const seenByPlumber = await t.ok<{ items: WorkOrderSummary[] }>(PLUMBER, 'workorder', 'pool', {});
    expect(seenByPlumber.items.map((o) => o.orderId)).not.toContain(other.orderId);
  });

  it('the technician queue lists open orders most urgent first', async () => {
    await reportRepair(t, { description: '客厅墙面有点渗水印', category: 'plumbing' });
    await reportRepair(t, { description: '厨房水管爆裂，正在跑水' });
    const queue = await t.ok<{ items: WorkOrderSummary[] }>(PLUMBER, 'workorder', 'queue', {});
    expect(queue.items.map((o) => o.priority)[0]).toBe('urgent');
    expect(queue.items.every((o) => o.assigneeId === staffIdOf(PLUMBER))).toBe(true);
  });
});

describe('workorder demo data', () => {
  it('seeds orders in every stage once, visible to the owner, the desk and the technicians', async () => {
    const { t } = await workorderRuntime(TUESDAY_8PM);
    try {
      expect(await seedDemoWorkorders(t.store, TUESDAY_8PM)).toBe(true);
      expect(await seedDemoWorkorders(t.store, TUESDAY_8PM)).toBe(false);
      const mine = await t.ok<{ items: MyWorkOrder[] }>(OWNER, 'workorder', 'mine', {});
      expect(mine.items.map((o) => o.stateLabel)).toEqual(['维修中', '待验收', '已完成']);
      const desk = await t.ok<{ items: WorkOrderSummary[] }>(SERVICE, 'workorder', 'list', {});
      expect(new Set(desk.items.map((o) => o.state))).toEqual(
        new Set(['submitted', 'assigned', 'in_progress', 'paused', 'completed', 'closed', 'cancelled']),
      );
      const queue = await t.ok<{ items: WorkOrderSummary[] }>(PLUMBER, 'workorder', 'queue', {});
      expect(queue.items.map((o) => o.stateLabel).sort()).toEqual(['等待配件', '维修中'].sort());
      const stats = await t.ok<WorkOrderStatsView>(SERVICE, 'workorder', 'stats', {
        from: '2026-11-01',
        to: '2026-12-01',
      });
      expect(stats.total).toBe(7);
      expect(stats.ratings).toEqual([expect.objectContaining({ name: '赵师傅', average: 5 })]);
    } finally {
      await t.close();
    }
  });
});
