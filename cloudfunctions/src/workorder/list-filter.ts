import type { Priority, WorkOrderCategory, WorkOrderState } from '@linli/shared';
import type { Filter } from '../_lib/store/port';

export interface DeskOrderQuery {
  states?: readonly WorkOrderState[];
  priority?: Priority;
  category?: WorkOrderCategory;
  technicianId?: string;
  /** at_risk: about to miss a deadline; breached: missed one; any: either. */
  slaRisk?: 'at_risk' | 'breached' | 'any';
}

/** The desk list's filter; the 工作台 counts with the same one, so a tile and its list agree. */
export function deskOrderFilter(estateId: string, query: DeskOrderQuery, now: number): Filter {
  const where: Filter = {
    estateId,
    ...(query.states ? { state: { in: [...query.states] } } : {}),
    ...(query.priority ? { priority: query.priority } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.technicianId ? { assigneeId: query.technicianId } : {}),
  };
  // The SLA marks are kept on the order (null once finished), so risk is a range query.
  if (query.slaRisk === 'breached') where.slaDueAt = { lte: now };
  if (query.slaRisk === 'any') where.slaAtRiskAt = { lte: now };
  if (query.slaRisk === 'at_risk') {
    where.slaAtRiskAt = { lte: now };
    where.slaDueAt = { gt: now };
  }
  return where;
}
