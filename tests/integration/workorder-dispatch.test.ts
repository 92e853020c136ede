import type { DispatchDecisionView, WorkOrderDetail, WorkOrderSettingsView } from '@linli/shared';
import type { TestRuntime } from '../helpers/test-runtime';
import {
  ADMIN,
  addTechnician,
  LIFT_TECH,
  NEVER,
  PLUMBER,
  reportRepair,
  retireDemoTechnicians,
  SERVICE,
  setDispatchMode,
  staffIdOf,
  TUESDAY_10AM,
  workorderRuntime,
} from '../helpers/workorders';

describe('workorder smart dispatch: skill, shift, load and fairness decide, with reasons in words', () => {
  let t: TestRuntime;
  let clock: { now: () => number; advance: (ms: number) => void };

  beforeEach(async () => {
    ({ t, clock } = await workorderRuntime(TUESDAY_10AM));
  });
  afterEach(() => t.close());

  it('never sends a technician without the skill: the order waits in the pool with the reason', async () => {
    await retireDemoTechnicians(t.store);
    await addTechnician(t.store, 'tech-electric', { name: '孙师傅', skills: ['electrical'], level: 5 });
    const order = await reportRepair(t, { description: '厨房下水管堵塞' });
    expect(order.state).toBe('submitted');
    expect(order.assigneeId).toBeNull();

    const preview = await t.ok<DispatchDecisionView>(SERVICE, 'workorder', 'candidates', {
      orderId: order.orderId,
    });
    expect(preview.chosen).toBeNull();
    expect(preview.excluded).toEqual([
      expect.objectContaining({ name: '孙师傅', reason: '孙师傅: 无水暖技能' }),
    ]);
    const desk = await t.ok<WorkOrderDetail>(SERVICE, 'workorder', 'detail', { orderId: order.orderId });
    expect(desk.dispatch?.summary).toBe('没有可派的水暖师傅，工单留在抢单池，请客服人工派单');

    expect(
      await t.errorCode(SERVICE, 'workorder', 'reassign', {
        orderId: order.orderId,
        staffId: staffIdOf('tech-electric'),
      }),
    ).toBe('PRECONDITION_FAILED');
  });

  it('does not send an off-shift technician when one on shift has the skill, even a more senior one', async () => {
    // 10:00 on a Tuesday: 赵师傅 (plumbing, level 3, evenings) is off shift.
    await addTechnician(t.store, 'tech-qian', { name: '钱师傅', skills: ['plumbing'], level: 1 });
    const order = await reportRepair(t, { description: '卫生间水龙头关不紧' });
    expect(order.assigneeName).toBe('钱师傅');
    const desk = await t.ok<WorkOrderDetail>(SERVICE, 'workorder', 'detail', { orderId: order.orderId });
    expect(desk.dispatch?.reasons).toEqual([
      '钱师傅: 水暖技能, 在班, 当前 0 单, 1 级, 24 小时内派 0 单',
      '赵师傅: 水暖技能, 不在班（今天 17:00 上班）, 当前 0 单, 3 级, 24 小时内派 0 单',
    ]);
  });

  it('sends an off-shift technician only when nobody on shift has the skill, and says when they start', async () => {
    const order = await reportRepair(t, { description: '阳台水管接口处渗水' });
    expect(order.assigneeName).toBe('赵师傅');
    const desk = await t.ok<WorkOrderDetail>(SERVICE, 'workorder', 'detail', { orderId: order.orderId });
    expect(desk.dispatch?.summary).toMatch(
      /^当前没有在班的水暖师傅，派给不在班的赵师傅，今天 17:00 上班后处理/,
    );
  });

  it('among equals the less loaded technician wins, then the one given fewer orders lately', async () => {
    await retireDemoTechnicians(t.store);
    const a = await addTechnician(t.store, 'tech-a', { name: '周师傅', skills: ['plumbing'], level: 3 });
    const b = await addTechnician(t.store, 'tech-b', { name: '吴师傅', skills: ['plumbing'], level: 3 });
    const first = await reportRepair(t);
    const firstTech = first.assigneeId;
    const other = firstTech === a ? b : a;
    // Load: the one holding an open order loses to the idle one.
    clock.advance(60_000);
    const second = await reportRepair(t);
    expect(second.assigneeId).toBe(other);

    // Both finish; neither holds an open order, and each was given one order today.
    for (const [order, openid] of [
      [first, firstTech === a ? 'tech-a' : 'tech-b'],
      [second, other === a ? 'tech-a' : 'tech-b'],
    ] as const) {
      await t.ok(openid, 'workorder', 'accept', { orderId: order.orderId });
      await t.ok(openid, 'workorder', 'start', { orderId: order.orderId });
      await t.ok(openid, 'workorder', 'complete', {
        orderId: order.orderId,
        cause: '阀芯磨损',
        actionsTaken: '更换阀芯',
      });
    }
    // Fairness: equal load and equal counts, so the one who waited longest since an assignment gets it.
    clock.advance(60_000);
    const third = await reportRepair(t);
    expect(third.assigneeId).toBe(firstTech);
    // Now firstTech has 1 open order: the next goes to the other.
    clock.advance(60_000);
    const fourth = await reportRepair(t);
    expect(fourth.assigneeId).toBe(other);
  });

  it('fairness: with equal load, fewer recent assignments wins', async () => {
    await retireDemoTechnicians(t.store);
    await addTechnician(t.store, 'tech-a', { name: '周师傅', skills: ['plumbing'], level: 3 });
    const first = await reportRepair(t);
    const busy = first.assigneeId!;
    await t.ok('tech-a', 'workorder', 'accept', { orderId: first.orderId });
    await t.ok('tech-a', 'workorder', 'start', { orderId: first.orderId });
    await t.ok('tech-a', 'workorder', 'complete', {
      orderId: first.orderId,
      cause: '老化',
      actionsTaken: '更换',
    });
    const fresh = await addTechnician(t.store, 'tech-b', { name: '吴师傅', skills: ['plumbing'], level: 3 });
    clock.advance(60_000);
    const next = await reportRepair(t);
    expect(next.assigneeId).toBe(fresh);
    expect(next.assigneeId).not.toBe(busy);
    const preview = await t.ok<DispatchDecisionView>(SERVICE, 'workorder', 'candidates', {
      orderId: next.orderId,
    });
    expect(preview.ranked.map((r) => r.reason)).toContain(
      '周师傅: 水暖技能, 在班, 当前 0 单, 3 级, 24 小时内派 1 单',
    );
  });

  it('lets the desk reassign to a named technician with the skill, telling both technicians', async () => {
    await addTechnician(t.store, 'tech-qian', {
      name: '钱师傅',
      skills: ['plumbing'],
      level: 2,
      shifts: NEVER,
    });
    const order = await reportRepair(t);
    expect(order.assigneeName).toBe('赵师傅');
    const moved = await t.ok<WorkOrderDetail>(SERVICE, 'workorder', 'reassign', {
      orderId: order.orderId,
      staffId: staffIdOf('tech-qian'),
      reason: '钱师傅离得近',
    });
    expect(moved.assigneeName).toBe('钱师傅');
    expect(moved.dispatch).toMatchObject({ mode: 'manual', summary: '张客服指派给钱师傅（钱师傅离得近）' });
    expect(moved.timeline.at(-1)?.label).toBe('张客服改派给钱师傅');
    expect(
      await t.errorCode(SERVICE, 'workorder', 'reassign', {
        orderId: order.orderId,
        staffId: staffIdOf(LIFT_TECH),
      }),
    ).toBe('PRECONDITION_FAILED');
    expect(await t.errorCode(PLUMBER, 'workorder', 'accept', { orderId: order.orderId })).toBe('FORBIDDEN');
    expect(
      (await t.ok<WorkOrderDetail>('tech-qian', 'workorder', 'accept', { orderId: order.orderId })).state,
    ).toBe('accepted');
  });

  it('the desk dispatches a waiting order on demand when the estate dispatches manually', async () => {
    await setDispatchMode(t.store, 'manual');
    const order = await reportRepair(t);
    expect(order.state).toBe('submitted');
    const { order: sent, decision } = await t.ok<{ order: WorkOrderDetail; decision: DispatchDecisionView }>(
      SERVICE,
      'workorder',
      'dispatch',
      { orderId: order.orderId },
    );
    expect(decision.assigned).toBe(true);
    expect(sent.assigneeName).toBe('赵师傅');
    expect(sent.timeline.at(-1)?.label).toBe('张客服派单给赵师傅');
    expect(await t.errorCode(SERVICE, 'workorder', 'dispatch', { orderId: order.orderId })).toBe(
      'PRECONDITION_FAILED',
    );
  });
});

describe('workorder settings', () => {
  it('the admin chooses how an estate dispatches; new reports follow it', async () => {
    const { t } = await workorderRuntime(TUESDAY_10AM);
    try {
      const initial = await t.ok<WorkOrderSettingsView>(SERVICE, 'workorder', 'settings', {});
      expect(initial).toMatchObject({
        dispatchMode: 'auto',
        dispatchModeLabel: '智能派单',
        autoCloseDays: 7,
      });
      const saved = await t.ok(ADMIN, 'workorder', 'saveSettings', {
        estateId: initial.estateId,
        dispatchMode: 'pool',
        autoCloseDays: 3,
      });
      expect(saved).toMatchObject({ dispatchModeLabel: '师傅抢单', autoCloseDays: 3 });
      expect((await reportRepair(t)).state).toBe('submitted');
    } finally {
      await t.close();
    }
  });
});

describe('workorder pool (抢单): exactly one winner', () => {
  let t: TestRuntime;

  beforeEach(async () => {
    ({ t } = await workorderRuntime(TUESDAY_10AM));
    await setDispatchMode(t.store, 'pool');
  });
  afterEach(() => t.close());

  it('50 technicians grab the same order at once: one wins, 49 are told it is gone', async () => {
    const openids = Array.from({ length: 50 }, (_, i) => `tech-grab-${String(i).padStart(2, '0')}`);
    for (const [i, openid] of openids.entries())
      await addTechnician(t.store, openid, { name: `抢单师傅${i}`, skills: ['plumbing'] });
    const order = await reportRepair(t);
    expect(order.state).toBe('submitted');

    const results = await Promise.all(
      openids.map((openid) => t.call(openid, 'workorder', 'grab', { orderId: order.orderId })),
    );
    const winners = results.flatMap((r, i) => (r.ok ? [openids[i]!] : []));
    expect(winners).toHaveLength(1);
    const losers = results.filter((r) => !r.ok);
    expect(losers.map((r) => (r.ok ? null : r.error.code))).toEqual(Array(49).fill('CONFLICT'));

    const final = await t.ok<WorkOrderDetail>(SERVICE, 'workorder', 'detail', { orderId: order.orderId });
    expect(final.assigneeId).toBe(staffIdOf(winners[0]!));
    expect(final.dispatch?.mode).toBe('grab');
    expect(final.timeline.filter((e) => e.state === 'assigned')).toHaveLength(1);
  });

  it('a technician without the skill cannot grab, and the pool shows them only what they can do', async () => {
    const order = await reportRepair(t);
    const liftPool = await t.ok<{ items: unknown[] }>(LIFT_TECH, 'workorder', 'pool', {});
    expect(liftPool.items).toEqual([]);
    expect(await t.errorCode(LIFT_TECH, 'workorder', 'grab', { orderId: order.orderId })).toBe('FORBIDDEN');
    const plumberPool = await t.ok<{ items: Array<{ orderId: string }> }>(PLUMBER, 'workorder', 'pool', {});
    expect(plumberPool.items.map((o) => o.orderId)).toEqual([order.orderId]);
    const grabbed = await t.ok<WorkOrderDetail>(PLUMBER, 'workorder', 'grab', { orderId: order.orderId });
    expect(grabbed.timeline.at(-1)?.label).toBe('赵师傅抢单');
  });
});
