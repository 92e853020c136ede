import { isOnShift, skillLabels, type Shift, type Skill } from '../schemas/staff';
import { shanghai } from '../time/shanghai';
import type { Priority } from './priority';

/** A technician as dispatch sees them: who, what they can do, and how busy they are. */
export interface DispatchCandidate {
  staffId: string;
  name: string;
  skills: readonly Skill[];
  /** 1 (apprentice) … 5 (master). */
  level: number;
  shifts: readonly Shift[];
  /** Orders the technician holds and has not finished. */
  openOrders: number;
  /** Orders assigned to them within FAIRNESS_WINDOW_MS. */
  recentAssignments: number;
  lastAssignedAt: number | null;
  /** Buildings where they hold open orders: a job there is a short walk. */
  activeBuildingIds: readonly string[];
}

export interface DispatchRequest {
  requiredSkill: Skill;
  priority: Priority;
  buildingId: string | null;
  /** Technicians who returned this order; it is not sent back to them. */
  excludeStaffIds?: readonly string[];
}

export interface RankedCandidate {
  staffId: string;
  name: string;
  onShift: boolean;
  /** Start of their next shift when off shift (null if they have none). */
  nextShiftAt: number | null;
  score: number;
  level: number;
  openOrders: number;
  recentAssignments: number;
  nearby: boolean;
  /** `李师傅: 电梯技能, 在班, 当前 1 单, 4 级, 24 小时内派 0 单`. */
  reason: string;
}

export interface DispatchDecision {
  chosen: RankedCandidate | null;
  /** Everyone who could take it, best first. */
  ranked: RankedCandidate[];
  /** Everyone who cannot, with why. */
  excluded: Array<{ staffId: string; name: string; reason: string }>;
  /** One sentence for the order's record and the desk. */
  summary: string;
}

export const FAIRNESS_WINDOW_MS = 24 * 60 * 60_000;

/** Points per open order; among technicians of equal standing the less loaded one wins. */
export const LOAD_WEIGHT = 10;
/** Already working in the same building. */
export const NEARBY_BONUS = 5;
/** Points per level: seniority matters more the more urgent the job. */
export const LEVEL_WEIGHT: Record<Priority, number> = { urgent: 4, high: 3, normal: 2, low: 1 };

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** The next instant one of the weekly shifts starts, within a week (Shanghai time). */
export function nextShiftStart(shifts: readonly Shift[], now: number): number | null {
  const today = shanghai(now).startOf('day');
  let best: number | null = null;
  for (let offset = 0; offset <= 7; offset++) {
    const day = today.add(offset, 'day');
    for (const shift of shifts) {
      if (shift.weekday !== day.day()) continue;
      const [h, m] = shift.start.split(':').map(Number);
      const start = day
        .hour(h ?? 0)
        .minute(m ?? 0)
        .valueOf();
      if (start > now && (best === null || start < best)) best = start;
    }
  }
  return best;
}

/** '今天 17:00' / '明天 08:00' / '周三 08:00'. */
export function shiftStartLabel(at: number, now: number): string {
  const days = shanghai(at).startOf('day').diff(shanghai(now).startOf('day'), 'day');
  const day = days === 0 ? '今天' : days === 1 ? '明天' : WEEKDAYS[shanghai(at).day()]!;
  return `${day} ${shanghai(at).format('HH:mm')}`;
}

function rankOne(request: DispatchRequest, c: DispatchCandidate, now: number): RankedCandidate {
  const onShift = isOnShift(c.shifts, now);
  const nextShiftAt = onShift ? null : nextShiftStart(c.shifts, now);
  const nearby = request.buildingId !== null && c.activeBuildingIds.includes(request.buildingId);
  const score =
    LEVEL_WEIGHT[request.priority] * c.level - LOAD_WEIGHT * c.openOrders + (nearby ? NEARBY_BONUS : 0);
  const shiftWords = onShift
    ? '在班'
    : nextShiftAt === null
      ? '不在班'
      : `不在班（${shiftStartLabel(nextShiftAt, now)} 上班）`;
  const reason = [
    `${c.name}: ${skillLabels[request.requiredSkill]}技能`,
    shiftWords,
    `当前 ${c.openOrders} 单`,
    ...(nearby ? ['正在本楼'] : []),
    `${c.level} 级`,
    `24 小时内派 ${c.recentAssignments} 单`,
  ].join(', ');
  return {
    staffId: c.staffId,
    name: c.name,
    onShift,
    nextShiftAt,
    score,
    level: c.level,
    openOrders: c.openOrders,
    recentAssignments: c.recentAssignments,
    nearby,
    reason,
  };
}

/**
 * Rank technicians for an order. Rules, in order:
 * 1. the required skill is a must: nobody is sent without it, nor back to someone who returned it;
 * 2. anyone on shift beats everyone off shift (off shift only when no one on shift can do it);
 * 3. score = level × weight(priority) − 10 × open orders (+5 when already in the building);
 * 4. ties go to fewer assignments in the last 24 hours, then to whoever waited longest.
 */
export function rankTechnicians(
  request: DispatchRequest,
  candidates: readonly DispatchCandidate[],
  now: number,
): DispatchDecision {
  const skill = skillLabels[request.requiredSkill];
  const excluded: DispatchDecision['excluded'] = [];
  const able: DispatchCandidate[] = [];
  for (const c of candidates) {
    if (!c.skills.includes(request.requiredSkill))
      excluded.push({ staffId: c.staffId, name: c.name, reason: `${c.name}: 无${skill}技能` });
    else if (request.excludeStaffIds?.includes(c.staffId))
      excluded.push({ staffId: c.staffId, name: c.name, reason: `${c.name}: 已退过此单` });
    else able.push(c);
  }
  const ranked = able
    .map((c) => ({ ranked: rankOne(request, c, now), lastAssignedAt: c.lastAssignedAt ?? -Infinity }))
    .sort(
      (a, b) =>
        Number(b.ranked.onShift) - Number(a.ranked.onShift) ||
        b.ranked.score - a.ranked.score ||
        a.ranked.recentAssignments - b.ranked.recentAssignments ||
        a.lastAssignedAt - b.lastAssignedAt ||
        a.ranked.staffId.localeCompare(b.ranked.staffId),
    )
    .map((r) => r.ranked);

  const chosen = ranked[0] ?? null;
  let summary: string;
  if (!chosen) summary = `没有可派的${skill}师傅，工单留在抢单池，请客服人工派单`;
  else if (chosen.onShift) summary = `派给${chosen.name}（${chosen.reason}）`;
  else
    summary = `当前没有在班的${skill}师傅，派给不在班的${chosen.name}${
      chosen.nextShiftAt === null ? '' : `，${shiftStartLabel(chosen.nextShiftAt, now)} 上班后处理`
    }（${chosen.reason}）`;
  return { chosen, ranked, excluded, summary };
}
