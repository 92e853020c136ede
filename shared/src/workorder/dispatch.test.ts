import { Skill, type Shift } from '../schemas/staff';
import { nextShiftStart, rankTechnicians, type DispatchCandidate, type DispatchRequest } from './dispatch';

// Monday 2026-11-30 10:00 in Shanghai.
const MONDAY_10AM = Date.parse('2026-11-30T02:00:00Z');
const DAY: Shift[] = [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '08:00', end: '17:30' }));
const EVENING: Shift[] = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '17:00', end: '08:30' }));

function tech(name: string, overrides: Partial<DispatchCandidate> = {}): DispatchCandidate {
  return {
    staffId: `staff_${name}`,
    name,
    skills: ['plumbing'],
    level: 3,
    shifts: DAY,
    openOrders: 0,
    recentAssignments: 0,
    lastAssignedAt: null,
    activeBuildingIds: [],
    ...overrides,
  };
}

const leak: DispatchRequest = { requiredSkill: 'plumbing', priority: 'normal', buildingId: 'bld_1' };

/** A small deterministic generator, so the property checks below are repeatable. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

function randomCandidates(next: () => number, count: number): DispatchCandidate[] {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  return Array.from({ length: count }, (_, i) =>
    tech(`t${i}`, {
      skills: Skill.options.filter(() => next() < 0.3),
      level: 1 + Math.floor(next() * 5),
      shifts: pick([DAY, EVENING, []]),
      openOrders: Math.floor(next() * 6),
      recentAssignments: Math.floor(next() * 4),
      lastAssignedAt: next() < 0.5 ? null : MONDAY_10AM - Math.floor(next() * 1e7),
      activeBuildingIds: next() < 0.2 ? ['bld_1'] : [],
    }),
  );
}

describe('dispatch scoring', () => {
  it('never assigns a technician without the required skill (1,000 random teams)', () => {
    const next = random(42);
    for (let round = 0; round < 1000; round++) {
      const candidates = randomCandidates(next, 1 + Math.floor(next() * 12));
      const skill = Skill.options[round % Skill.options.length]!;
      const decision = rankTechnicians({ ...leak, requiredSkill: skill }, candidates, MONDAY_10AM);
      const skilled = candidates.filter((c) => c.skills.includes(skill));
      expect(decision.ranked.map((r) => r.staffId).sort()).toEqual(skilled.map((c) => c.staffId).sort());
      if (decision.chosen) expect(skilled.map((c) => c.staffId)).toContain(decision.chosen.staffId);
      else expect(skilled).toHaveLength(0);
      expect(decision.excluded).toHaveLength(candidates.length - skilled.length);
    }
  });

  it('never sends an order off shift while someone on shift can do it (1,000 random teams)', () => {
    const next = random(7);
    for (let round = 0; round < 1000; round++) {
      const decision = rankTechnicians(leak, randomCandidates(next, 8), MONDAY_10AM);
      if (decision.ranked.some((r) => r.onShift)) expect(decision.chosen?.onShift).toBe(true);
    }
  });

  it('prefers an idle apprentice on shift to an idle master off shift', () => {
    const decision = rankTechnicians(
      leak,
      [tech('老师傅', { level: 5, shifts: EVENING }), tech('小王', { level: 1, openOrders: 4 })],
      MONDAY_10AM,
    );
    expect(decision.chosen?.name).toBe('小王');
  });

  it('sends off shift only when nobody on shift fits, and says when they start', () => {
    const decision = rankTechnicians(
      leak,
      [tech('赵师傅', { shifts: EVENING }), tech('李师傅', { skills: ['lift', 'electrical'] })],
      MONDAY_10AM,
    );
    expect(decision.chosen).toMatchObject({ name: '赵师傅', onShift: false });
    expect(decision.summary).toBe(
      '当前没有在班的水暖师傅，派给不在班的赵师傅，今天 17:00 上班后处理（赵师傅: 水暖技能, 不在班（今天 17:00 上班）, 当前 0 单, 3 级, 24 小时内派 0 单）',
    );
    expect(decision.excluded).toEqual([
      { staffId: 'staff_李师傅', name: '李师傅', reason: '李师傅: 无水暖技能' },
    ]);
  });

  it('among equals, the lighter load wins, then fewer recent assignments, then the longest wait', () => {
    const byLoad = rankTechnicians(
      leak,
      [tech('甲', { openOrders: 2 }), tech('乙', { openOrders: 1 })],
      MONDAY_10AM,
    );
    expect(byLoad.ranked.map((r) => r.name)).toEqual(['乙', '甲']);

    const byFairness = rankTechnicians(
      leak,
      [
        tech('甲', { openOrders: 1, recentAssignments: 3 }),
        tech('乙', { openOrders: 1, recentAssignments: 1 }),
      ],
      MONDAY_10AM,
    );
    expect(byFairness.chosen?.name).toBe('乙');

    const byWait = rankTechnicians(
      leak,
      [
        tech('甲', { lastAssignedAt: MONDAY_10AM - 1000 }),
        tech('乙', { lastAssignedAt: MONDAY_10AM - 9000 }),
      ],
      MONDAY_10AM,
    );
    expect(byWait.chosen?.name).toBe('乙');
  });

  it('load outweighs fairness: one open order more loses to three recent assignments more', () => {
    const decision = rankTechnicians(
      leak,
      [
        tech('甲', { openOrders: 2, recentAssignments: 0 }),
        tech('乙', { openOrders: 1, recentAssignments: 3 }),
      ],
      MONDAY_10AM,
    );
    expect(decision.chosen?.name).toBe('乙');
  });

  it('weighs seniority by urgency and prefers someone already in the building', () => {
    const team = [tech('资深', { level: 5, openOrders: 1 }), tech('新人', { level: 2, openOrders: 0 })];
    expect(rankTechnicians({ ...leak, priority: 'urgent' }, team, MONDAY_10AM).chosen?.name).toBe('资深');
    expect(rankTechnicians({ ...leak, priority: 'low' }, team, MONDAY_10AM).chosen?.name).toBe('新人');
    const nearby = rankTechnicians(
      leak,
      [tech('远', { openOrders: 0 }), tech('近', { openOrders: 0, activeBuildingIds: ['bld_1'] })],
      MONDAY_10AM,
    );
    expect(nearby.chosen).toMatchObject({ name: '近', nearby: true });
  });

  it('explains each candidate in words', () => {
    const decision = rankTechnicians(
      { requiredSkill: 'lift', priority: 'high', buildingId: null },
      [tech('李师傅', { skills: ['lift', 'electrical'], level: 4, openOrders: 1 })],
      MONDAY_10AM,
    );
    expect(decision.chosen?.reason).toBe('李师傅: 电梯技能, 在班, 当前 1 单, 4 级, 24 小时内派 0 单');
    expect(decision.summary).toBe('派给李师傅（李师傅: 电梯技能, 在班, 当前 1 单, 4 级, 24 小时内派 0 单）');
  });

  it('leaves the order in the pool when nobody has the skill, or only those who returned it', () => {
    expect(rankTechnicians(leak, [tech('李师傅', { skills: ['lift'] })], MONDAY_10AM)).toMatchObject({
      chosen: null,
      summary: '没有可派的水暖师傅，工单留在抢单池，请客服人工派单',
    });
    const returned = rankTechnicians(
      { ...leak, excludeStaffIds: ['staff_赵师傅'] },
      [tech('赵师傅')],
      MONDAY_10AM,
    );
    expect(returned.chosen).toBeNull();
    expect(returned.excluded[0]?.reason).toBe('赵师傅: 已退过此单');
  });

  it('finds the next shift start across midnight and the week end', () => {
    expect(nextShiftStart(EVENING, MONDAY_10AM)).toBe(Date.parse('2026-11-30T09:00:00Z'));
    // Saturday 18:00: the weekday shift next starts Monday 08:00.
    expect(nextShiftStart(DAY, Date.parse('2026-12-05T10:00:00Z'))).toBe(Date.parse('2026-12-07T00:00:00Z'));
    expect(nextShiftStart([], MONDAY_10AM)).toBeNull();
  });
});
