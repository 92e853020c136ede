import type { workorderApi } from '@linli/shared';
import { identityOf, type Handler } from '../../_lib/define-function';
import { deskEstate } from '../access';
import { workorderCollections } from '../documents';
import { deskOrderFilter } from '../list-filter';
import { toSummary } from '../views';

/** The desk's order list, newest first, filtered by state, priority, category, technician or SLA risk. */
export const list: Handler<(typeof workorderApi)['list']> = async (input, ctx) => {
  const estateId = deskEstate(identityOf(ctx), input.estateId);
  const now = ctx.now();
  const where = deskOrderFilter(estateId, input, now);
  const page = await workorderCollections(ctx.store).workorders.find(
    { where },
    { sort: [['createdAt', 'desc']], limit: input.limit, after: input.after },
  );
  return {
    items: page.items.map((order) => toSummary(order, now)),
    ...(page.next ? { next: page.next } : {}),
  };
};
