import { createWorkOrder, transitionOrder, type WorkOrder } from './order';
import { workOrderStats } from './stats';

const MIN = 60_000;
const T0 = Date.parse('2026-11-30T02:00:00Z');
const system = { kind: 'system' as const, name: '系统' };

function order(n: number, fields: Partial<WorkOrder> = {}): WorkOrder {
  return createWorkOrder(
    {
      _id: `wo_${n}`,
      orderNo: `BX${n}`,
      estateId: 'est_1',
      householdId: 'hh_1',
      location: { kind: 'household', householdId: 'hh_1', roomCode: '1-1-1201' },
      locationLabel: '1-1-1201',
      locationKey: 'hh:hh_1',
      buildingId: null,
      category: 'plumbing',
      requiredSkill: 'plumbing',
      description: '漏水',
      subject: '漏水',
      photos: [],
      preferredTime: null,
      deviceId: null,
      deviceModel: null,
      source: 'owner',
      reporter: { accountId: null, name: '业主', phone: null },
      priority: 'urgent',
      prioritySource: 'auto',
      priorityReasons: [],
      createdAt: T0,
      ...fields,
    },
    system,
  );
}

function finish(
  o: WorkOrder,
  acceptedAfterMin: number,
  doneAfterMin: number,
  rating: number | null,
  tech = 'a',
) {
  const technician = { staffId: `staff_${tech}`, accountId: null, name: `${tech}师傅` };
  const actor = { kind: 'technician' as const, name: technician.name };
  let next = transitionOrder(o, { to: 'assigned', at: T0, actor: system, assignee: technician });
  next = transitionOrder(next, { to: 'accepted', at: T0 + acceptedAfterMin * MIN, actor });
  next = transitionOrder(next, { to: 'in_progress', at: T0 + acceptedAfterMin * MIN, actor });
  next = transitionOrder(next, {
    to: 'completed',
    at: T0 + doneAfterMin * MIN,
    actor,
    completion: {
      cause: '',
      actionsTaken: '',
      parts: [],
      photos: [],
      at: T0 + doneAfterMin * MIN,
      technicianId: technician.staffId,
      technicianName: technician.name,
    },
  });
  return transitionOrder(next, {
    to: 'closed',
    at: T0 + (doneAfterMin + 10) * MIN,
    actor: { kind: 'owner', name: '业主' },
    acceptance: { rating, comment: null, at: T0, auto: rating === null },
  });
}

describe('work order statistics', () => {
  it('measures times, SLA compliance, backlog, repeat places and ratings', () => {
    const orders = [
      finish(order(1), 10, 100, 5),
      finish(order(2), 20, 300, 2),
      finish(order(3, { category: 'lift', locationKey: 'dev:L1', locationLabel: '电梯 L1' }), 5, 60, 4, 'b'),
      finish(
        order(4, { category: 'lift', locationKey: 'dev:L1', locationLabel: '电梯 L1' }),
        5,
        60,
        null,
        'b',
      ),
      order(5, { category: 'electrical', locationKey: 'hh:2' }),
    ];
    const stats = workOrderStats(orders, [orders[4]!], T0 + 13 * MIN);
    expect(stats).toMatchObject({ total: 5, open: 1, done: 4, cancelled: 0 });
    expect(stats.response).toEqual({ count: 4, averageMinutes: 10, medianMinutes: 5, p90Minutes: 20 });
    expect(stats.completion).toMatchObject({ count: 4, medianMinutes: 60, p90Minutes: 300 });
    expect(stats.sla.response).toEqual({ met: 3, total: 4, rate: 0.75 });
    expect(stats.sla.completion).toEqual({ met: 3, total: 4, rate: 0.75 });
    expect(stats.backlogByCategory).toEqual([{ category: 'electrical', open: 1, atRisk: 1, breached: 0 }]);
    expect(stats.repeatFailures).toEqual([
      { locationKey: 'hh:hh_1', locationLabel: '1-1-1201', count: 2, orderNos: ['BX1', 'BX2'] },
      { locationKey: 'dev:L1', locationLabel: '电梯 L1', count: 2, orderNos: ['BX3', 'BX4'] },
    ]);
    expect(stats.ratings).toEqual([
      { technicianId: 'staff_b', name: 'b师傅', count: 1, average: 4, lowCount: 0 },
      { technicianId: 'staff_a', name: 'a师傅', count: 2, average: 3.5, lowCount: 1 },
    ]);
    expect(stats.byCategory).toEqual([
      { category: 'plumbing', count: 2 },
      { category: 'electrical', count: 1 },
      { category: 'lift', count: 2 },
    ]);
  });

  it('reads empty periods as no data rather than zero', () => {
    const stats = workOrderStats([], [], T0);
    expect(stats.response).toBeNull();
    expect(stats.sla.completion).toEqual({ met: 0, total: 0, rate: null });
  });
});
