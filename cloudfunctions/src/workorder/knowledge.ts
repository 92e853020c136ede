import {
  keyId,
  rankKnowledge,
  workOrderCategoryLabels,
  type KnowledgeHitView,
  type KnowledgeQuery,
  type WorkOrder,
} from '@linli/shared';
import type { ActionContext } from '../_lib/define-function';
import { workorderCollections, type KnowledgeDoc } from './documents';

/** Most recent fixes considered per search; older ones rarely beat them and cost reads. */
const SEARCH_WINDOW = 1000;

const entryId = (orderId: string, round: number) => keyId('wokb', orderId, round);

/** A completion feeds the knowledge base (unverified until the owner accepts). */
export async function recordFix(ctx: Pick<ActionContext, 'store'>, order: WorkOrder): Promise<void> {
  const completion = order.completion;
  if (!completion) return;
  const entry: KnowledgeDoc = {
    _id: entryId(order._id, order.sla.round),
    estateId: order.estateId,
    orderId: order._id,
    orderNo: order.orderNo,
    round: order.sla.round,
    category: order.category,
    deviceModel: order.deviceModel,
    locationLabel: order.locationLabel,
    fault: order.description,
    cause: completion.cause,
    fix: completion.actionsTaken,
    parts: completion.parts.map((p) => `${p.name} ×${p.quantity}`),
    technicianName: completion.technicianName,
    completedAt: completion.at,
    verified: false,
    failed: false,
  };
  // set, not insert: a retried completion rewrites the same entry.
  await workorderCollections(ctx.store).knowledge.set(entry);
}

/** The owner's verdict on a round's fix: accepted (or auto-closed), or reopened. */
export async function settleFix(
  ctx: Pick<ActionContext, 'store'>,
  orderId: string,
  round: number,
  verdict: 'verified' | 'failed',
): Promise<void> {
  await workorderCollections(ctx.store).knowledge.update(entryId(orderId, round), {
    set: verdict === 'verified' ? { verified: true } : { failed: true },
  });
}

/** Past fixes in these estates most like the query; fixes that did not hold are left out. */
export async function searchKnowledge(
  ctx: Pick<ActionContext, 'store'>,
  estateIds: readonly string[],
  query: KnowledgeQuery,
  options: { limit: number; excludeOrderId?: string },
): Promise<KnowledgeHitView[]> {
  if (!estateIds.length) return [];
  const page = await workorderCollections(ctx.store).knowledge.find(
    {
      where: {
        estateId: { in: [...estateIds] },
        failed: false,
        ...(query.category ? { category: query.category } : {}),
      },
    },
    { sort: [['completedAt', 'desc']], limit: SEARCH_WINDOW },
  );
  const entries = page.items.filter((e) => e.orderId !== options.excludeOrderId);
  return rankKnowledge(query, entries, { limit: options.limit }).map(({ entry, score, why }) => ({
    entryId: entry._id,
    orderId: entry.orderId,
    orderNo: entry.orderNo,
    category: entry.category,
    categoryLabel: workOrderCategoryLabels[entry.category],
    deviceModel: entry.deviceModel,
    locationLabel: entry.locationLabel,
    fault: entry.fault,
    cause: entry.cause,
    fix: entry.fix,
    parts: entry.parts,
    technicianName: entry.technicianName,
    completedAt: entry.completedAt,
    verified: entry.verified,
    score,
    why,
  }));
}
