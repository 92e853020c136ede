import {
  ASSIGNED_STATES,
  FAIRNESS_WINDOW_MS,
  type DispatchCandidate,
  type Skill,
  type StaffMember,
} from '@linli/shared';
import { findAll } from '../../_lib/collections';
import type { ActionContext } from '../../_lib/define-function';
import { workorderCollections } from '../documents';

export type LoadedCandidate = DispatchCandidate & { accountId: string | null };

/** The estate's active technicians (staff rows hold estates as arrays, so filter after reading). */
export async function estateTechnicians(
  ctx: Pick<ActionContext, 'db'>,
  estateId: string,
): Promise<StaffMember[]> {
  const active = await findAll(ctx.db.staff, { where: { active: true } });
  return active.filter((m) => m.roles.includes('technician') && m.estateIds.includes(estateId));
}

/**
 * Everything dispatch reads, in two queries whatever the team size: the technicians, then the
 * orders held open (load and buildings) or given out within the fairness window by those who
 * have the skill asked for (the others are ranked out on skill alone, so their load is not read).
 * One query for both kinds of order, since most recent assignments are still open.
 */
export async function loadCandidates(
  ctx: Pick<ActionContext, 'db' | 'store' | 'now'>,
  estateId: string,
  skill?: Skill,
): Promise<LoadedCandidate[]> {
  const { workorders } = workorderCollections(ctx.store);
  const since = ctx.now() - FAIRNESS_WINDOW_MS;
  const held = new Set<string>(ASSIGNED_STATES);
  const technicians = await estateTechnicians(ctx, estateId);
  const able = technicians.filter((m) => !skill || m.skills.includes(skill)).map((m) => m._id);
  const touched = able.length
    ? await findAll(
        workorders,
        {
          where: { estateId, assigneeId: { in: able } },
          or: [{ state: { in: [...ASSIGNED_STATES] } }, { assignedAt: { gte: since } }],
        },
        { fields: ['assigneeId', 'buildingId', 'state', 'assignedAt'] },
      )
    : [];
  const open = touched.filter((o) => held.has(o.state));
  const recent = touched.filter((o) => o.assignedAt !== null && o.assignedAt >= since);

  const load = new Map<string, { count: number; buildings: Set<string> }>();
  for (const order of open) {
    if (!order.assigneeId) continue;
    const entry = load.get(order.assigneeId) ?? { count: 0, buildings: new Set<string>() };
    entry.count++;
    if (order.buildingId) entry.buildings.add(order.buildingId);
    load.set(order.assigneeId, entry);
  }
  const fairness = new Map<string, { count: number; last: number }>();
  for (const order of recent) {
    if (!order.assigneeId || order.assignedAt === null) continue;
    const entry = fairness.get(order.assigneeId) ?? { count: 0, last: 0 };
    entry.count++;
    entry.last = Math.max(entry.last, order.assignedAt);
    fairness.set(order.assigneeId, entry);
  }

  return technicians.map((m) => ({
    staffId: m._id,
    accountId: m.accountId,
    name: m.name,
    skills: m.skills,
    level: m.level,
    shifts: m.shifts,
    openOrders: load.get(m._id)?.count ?? 0,
    recentAssignments: fairness.get(m._id)?.count ?? 0,
    lastAssignedAt: fairness.get(m._id)?.last ?? null,
    activeBuildingIds: [...(load.get(m._id)?.buildings ?? [])],
  }));
}
