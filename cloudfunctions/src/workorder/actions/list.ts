import type { workorderApi } from '@linli/shared';
import { identityOf, type Handler } from '../../_lib/define-function';
import type { Filter } from '../../_lib/store/port';
import { deskEstate } from '../access';
import { workorderCollections } from '../documents';
import { toSummary } from '../views';

/** The desk's order list, newest first, filtered by state, priority, category, technician or SLA risk. */
export const list: Handler<(typeof workorderApi)['list']> = async (input, ctx) => {
  const estateId = deskEstate(identityOf(ctx), input.estateId);
  const now = ctx.now();
  const where: Filter = {
    estateId,
    ...(input.states ? { state: { in: [...input.states] } } : {}),
    ...(input.priority ? { priority: input.priority } : {}),
    ...(input.category ? { category: input.category } : {}),
    ...(input.technicianId ? { assigneeId: input.technicianId } : {}),
  };
  // The SLA marks are kept on the order (null once finished), so risk is a range query.
  if (input.slaRisk === 'breached') where.slaDueAt = { lte: now };
  if (input.slaRisk === 'any') where.slaAtRiskAt = { lte: now };
  if (input.slaRisk === 'at_risk') {
    where.slaAtRiskAt = { lte: now };
    where.slaDueAt = { gt: now };
  }
  const page = await workorderCollections(ctx.store).workorders.find(
    { where },
    { sort: [['createdAt', 'desc']], limit: input.limit, after: input.after },
  );
  return {
    items: page.items.map((order) => toSummary(order, now)),
    ...(page.next ? { next: page.next } : {}),
  };
};
