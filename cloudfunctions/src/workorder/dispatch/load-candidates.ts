import { ASSIGNED_STATES, FAIRNESS_WINDOW_MS, type DispatchCandidate, type StaffMember } from '@linli/shared';
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
 * Everything dispatch reads, in three queries whatever the team size: the technicians, the
 * open orders they hold (load and buildings), and who was given orders in the fairness window.
 */
export async function loadCandidates(
  ctx: Pick<ActionContext, 'db' | 'store' | 'now'>,
  estateId: string,
): Promise<LoadedCandidate[]> {
  const { workorders } = workorderCollections(ctx.store);
  const since = ctx.now() - FAIRNESS_WINDOW_MS;
  const [technicians, open, recent] = await Promise.all([
    estateTechnicians(ctx, estateId),
    findAll(
      workorders,
      { where: { estateId, state: { in: [...ASSIGNED_STATES] } } },
      { fields: ['assigneeId', 'buildingId'] },
    ),
    findAll(
      workorders,
      { where: { estateId, assignedAt: { gte: since } } },
      { fields: ['assigneeId', 'assignedAt'] },
    ),
  ]);

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
