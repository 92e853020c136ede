import type { WorkOrderDetail } from '@linli/shared';
import { workorderCollections } from '@linli/cloudfunctions/src/workorder/documents';
import { accountOf, outboxMessages, runJob } from '../helpers/messaging';
import type { TestRuntime } from '../helpers/test-runtime';
import {
  ADMIN,
  OWNER,
  PLUMBER,
  reportRepair,
  SERVICE,
  setDispatchMode,
  TUESDAY_8PM,
  workorderRuntime,
} from '../helpers/workorders';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('workorder jobs: SLA escalation and auto-close', () => {
  let t: TestRuntime;
  let clock: { now: () => number; advance: (ms: number) => void };

  beforeEach(async () => {
    ({ t, clock } = await workorderRuntime(TUESDAY_8PM));
  });
  afterEach(() => t.close());

  const escalationsOf = async (orderId: string) =>
    (await workorderCollections(t.store).escalations.find({ where: { orderId } }, { sort: [['at', 'asc']] }))
      .items;
  const deskMessages = async () =>
    (await outboxMessages(t, { kind: 'repair_progress' })).filter((m) =>
      [accountOf(ADMIN), accountOf(SERVICE)].includes(m.toAccountId),
    );

  it('warns the desk once when a deadline is about to be missed, and once more when it is missed', async () => {
    await setDispatchMode(t.store, 'manual');
    // Urgent: respond within 15 minutes; at risk after 11¼.
    const order = await reportRepair(t, { description: '厨房水管爆裂，正在跑水' });
    expect(order.priority).toBe('urgent');

    clock.advance(10 * MINUTE);
    await runJob(t, 'workorder-sla-escalation', clock.now);
    expect(await escalationsOf(order.orderId)).toEqual([]);

    clock.advance(2 * MINUTE);
    await runJob(t, 'workorder-sla-escalation', clock.now);
    await runJob(t, 'workorder-sla-escalation', clock.now);
    expect((await escalationsOf(order.orderId)).map((e) => e.level)).toEqual(['response_at_risk']);
    const warned = await deskMessages();
    expect(warned.map((m) => m.toAccountId).sort()).toEqual([accountOf(ADMIN), accountOf(SERVICE)].sort());
    expect(warned[0]?.fields['工单状态']).toBe('即将超时');

    clock.advance(4 * MINUTE);
    await runJob(t, 'workorder-sla-escalation', clock.now);
    await runJob(t, 'workorder-sla-escalation', clock.now);
    expect((await escalationsOf(order.orderId)).map((e) => e.level)).toEqual([
      'response_at_risk',
      'response_breached',
    ]);
    expect(await deskMessages()).toHaveLength(4);

    const desk = await t.ok<WorkOrderDetail>(SERVICE, 'workorder', 'detail', { orderId: order.orderId });
    expect(desk.escalations.map((e) => e.label)).toEqual(['即将超时未接单', '超时未接单']);
    expect(desk.sla).toMatchObject({ status: 'breached', statusLabel: '已超时', clockLabel: '响应' });
    const risky = await t.ok<{ items: Array<{ orderId: string }> }>(SERVICE, 'workorder', 'list', {
      slaRisk: 'breached',
    });
    expect(risky.items.map((o) => o.orderId)).toEqual([order.orderId]);
  });

  it('escalates levels reached together once, messaging only the most severe', async () => {
    await setDispatchMode(t.store, 'manual');
    const order = await reportRepair(t, { description: '厨房水管爆裂，正在跑水' });
    // The job was down for an hour: both response levels are due at once.
    clock.advance(60 * MINUTE);
    await runJob(t, 'workorder-sla-escalation', clock.now);
    const levels = await escalationsOf(order.orderId);
    expect(levels.map((e) => [e.level, e.notified])).toEqual([
      ['response_at_risk', 0],
      ['response_breached', 2],
    ]);
    expect(await deskMessages()).toHaveLength(2);
  });

  it('a responded order is not escalated for response; its completion clock still runs', async () => {
    const order = await reportRepair(t, { description: '厨房水管爆裂，正在跑水' });
    await t.ok(PLUMBER, 'workorder', 'accept', { orderId: order.orderId });
    clock.advance(14 * MINUTE);
    await runJob(t, 'workorder-sla-escalation', clock.now);
    expect(await escalationsOf(order.orderId)).toEqual([]);
    // Urgent completion: 4 hours, at risk after 3.
    clock.advance(3 * 60 * MINUTE);
    await runJob(t, 'workorder-sla-escalation', clock.now);
    expect((await escalationsOf(order.orderId)).map((e) => e.level)).toEqual(['completion_at_risk']);
  });

  it('closes completed orders the owner left unaccepted after the configured days, once', async () => {
    await setDispatchMode(t.store, 'auto', 3);
    const order = await reportRepair(t, { description: '阳台地漏反味' });
    const id = { orderId: order.orderId };
    await t.ok(PLUMBER, 'workorder', 'accept', id);
    await t.ok(PLUMBER, 'workorder', 'start', id);
    await t.ok(PLUMBER, 'workorder', 'complete', {
      ...id,
      cause: '存水弯干涸',
      actionsTaken: '更换防臭地漏芯',
    });

    clock.advance(2 * DAY);
    await runJob(t, 'workorder-auto-close', clock.now);
    expect((await t.ok<WorkOrderDetail>(OWNER, 'workorder', 'detail', id)).state).toBe('completed');

    clock.advance(DAY + MINUTE);
    await runJob(t, 'workorder-auto-close', clock.now);
    await runJob(t, 'workorder-auto-close', clock.now);
    const closed = await t.ok<WorkOrderDetail>(OWNER, 'workorder', 'detail', id);
    expect(closed.state).toBe('closed');
    expect(closed.acceptance).toMatchObject({ rating: null, auto: true });
    expect(closed.timeline.filter((e) => e.state === 'closed').map((e) => e.label)).toEqual([
      '业主未在期限内验收，系统自动验收',
    ]);
    const fix = await workorderCollections(t.store).knowledge.find({ where: { orderId: order.orderId } });
    expect(fix.items[0]?.verified).toBe(true);
  });
});
