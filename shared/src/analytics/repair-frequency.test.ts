import { repairFlagsOf, repairFrequency, withRepairFrequency, type RepairOrder } from './repair-frequency';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-29T12:00:00+08:00');
let seq = 0;
const lift = {
  kind: 'public',
  area: 'lift',
  buildingId: 'b1',
  buildingName: '1号楼',
  deviceId: 'd1',
  note: null,
} as const;
const home = { kind: 'household', householdId: 'h1', roomCode: '2-1-0802' } as const;

function order(daysAgo: number, over: Partial<RepairOrder> = {}): RepairOrder {
  seq++;
  return {
    orderId: `o${seq}`,
    orderNo: `BX${seq}`,
    createdAt: NOW - daysAgo * DAY,
    category: 'lift',
    source: 'owner',
    state: 'closed',
    location: lift,
    deviceId: 'd1',
    ...over,
  };
}

const base = {
  costs: [],
  now: NOW,
  devices: new Map([['d1', { name: '1号楼1号电梯', purchaseCost: 1_000_000 }]]),
  buildingNames: new Map([
    ['b1', '1号楼'],
    ['b2', '2号楼'],
  ]),
  buildingIdOfHousehold: new Map([['h1', 'b2']]),
};

describe('repairFrequency', () => {
  it('counts by device, category and location, with repeats inside 30 days and MTBF', () => {
    const orders = [
      order(80),
      order(60), // 20 days after the last: a repeat
      order(20), // 40 days: not a repeat
      order(10, { category: 'plumbing', location: home, deviceId: null }),
    ];
    const report = repairFrequency({ ...base, orders, from: NOW - 90 * DAY, to: NOW + 1 });
    expect(report.total).toBe(4);
    expect(report.repeats).toBe(1);
    expect(report.byDevice).toEqual([
      { key: 'd1', label: '1号楼1号电梯', count: 3, repeats: 1, mtbfDays: 30, costFen: null, flags: [] },
    ]);
    expect(report.byCategory.map((r) => [r.label, r.count])).toEqual([
      ['电梯', 3],
      ['水管水暖', 1],
    ]);
    expect(report.byLocation.map((r) => [r.label, r.count])).toEqual([
      ['1号楼 电梯', 3],
      ['2号楼 1单元（住户）', 1],
    ]);
  });

  it('leaves out cancelled orders and planned maintenance', () => {
    const orders = [order(5, { state: 'cancelled' }), order(4, { source: 'maintenance' }), order(3)];
    const report = repairFrequency({ ...base, orders, from: NOW - 30 * DAY, to: NOW + 1 });
    expect(report.total).toBe(1);
    expect(report.byDevice[0]!.mtbfDays).toBeNull();
  });

  it('judges a repeat against a repair just before the window', () => {
    const orders = [order(35), order(25)];
    const report = repairFrequency({ ...base, orders, from: NOW - 30 * DAY, to: NOW + 1 });
    expect(report).toMatchObject({ total: 1, repeats: 1 });
  });

  it('sums recorded costs inside the window only, and flags a device over the rules', () => {
    const orders = [order(80), order(60), order(40), order(20), order(5)];
    const costs = [
      { deviceId: 'd1', amount: 300_000, at: NOW - 50 * DAY },
      { deviceId: 'd1', amount: 300_000, at: NOW - 200 * DAY },
    ];
    const report = repairFrequency({ ...base, orders, costs, from: NOW - 90 * DAY, to: NOW + 1 });
    expect(report.byDevice[0]).toMatchObject({
      costFen: 300_000,
      flags: ['近 90 天报修 5 次，超过阈值 3 次', '累计维修费 ¥6,000.00，达到购置价 ¥10,000.00 的 50%'],
    });
  });
});

describe('repairFlagsOf', () => {
  it('does not flag a device at the frequency threshold, only above it', () => {
    const three = [10, 20, 30].map((d) => NOW - d * DAY);
    expect(repairFlagsOf(three, [{ amount: 499_999, at: NOW - DAY }], 1_000_000, NOW)).toEqual([]);
    expect(repairFlagsOf([...three, NOW - 89 * DAY], [], null, NOW)).toEqual([
      '近 90 天报修 4 次，超过阈值 3 次',
    ]);
  });

  it('forgets repairs older than the rule window, and needs a purchase cost for the cost rule', () => {
    expect(
      repairFlagsOf(
        [10, 20, 30, 100].map((d) => NOW - d * DAY),
        [],
        null,
        NOW,
      ),
    ).toEqual([]);
    expect(repairFlagsOf([], [{ amount: 9_999_999, at: NOW - DAY }], null, NOW)).toEqual([]);
  });
});

describe('withRepairFrequency', () => {
  const quiet = { replacementReasons: [], replaceInYear: null };
  const often = [5, 15, 25, 35].map((d) => NOW - d * DAY);

  it("puts a device over the rule in next year's plan with the rule in words", () => {
    expect(withRepairFrequency(quiet, often, NOW, '2026-11-29')).toEqual({
      replacementReasons: ['repair_frequency'],
      replaceInYear: 2027,
      repairFrequencyFlag: '近 90 天报修 4 次，超过阈值 3 次',
    });
  });

  it('keeps an earlier renewal year and leaves quiet devices alone', () => {
    const worn = { replacementReasons: ['end_of_life' as const], replaceInYear: 2026 };
    expect(withRepairFrequency(worn, often, NOW, '2026-11-29').replaceInYear).toBe(2026);
    expect(withRepairFrequency(quiet, often.slice(1), NOW, '2026-11-29')).toEqual({
      ...quiet,
      repairFrequencyFlag: null,
    });
  });
});
