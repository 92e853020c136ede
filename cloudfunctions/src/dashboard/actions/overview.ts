import {
  addPeriods,
  arrearsTile,
  collectionTile,
  periodOf,
  rateOf,
  toLocalDate,
  workOrdersTile,
  type dashboardApi,
  type DashboardNotice,
  type Period,
} from '@linli/shared';
import { findAll } from '../../_lib/collections';
import type { ActionContext, Handler } from '../../_lib/define-function';
import { loadStatBills } from '../../billing/stats/load-stat-bills';
import { noticeCollections } from '../../notice/documents';
import { householdReads } from '../../notice/household-reads';
import { servedEstateId } from '../../property/actions/browse';
import { workorderCollections } from '../../workorder/documents';
import { targetPercentOf } from '../settings';

/** How many recent notices the tile shows. */
const RECENT_NOTICES = 3;

async function recentNotices(ctx: ActionContext, estateId: string): Promise<DashboardNotice[]> {
  const { items } = await noticeCollections(ctx.store).notices.find(
    { where: { estateId, status: 'published' } },
    { sort: [['publishedAt', 'desc']], limit: RECENT_NOTICES },
  );
  return Promise.all(
    items.map(async (notice) => {
      // The same count as the notice list and its statistics: read households of the audience.
      const reads = await householdReads(ctx.store, notice);
      return {
        noticeId: notice._id,
        title: notice.title,
        publishedAt: notice.publishedAt ?? notice.createdAt,
        readRate: rateOf(reads?.read ?? 0, reads?.total ?? 0),
      };
    }),
  );
}

/**
 * This month's bills; before this month's run (the first days of a month), last month's, so
 * the tile shows the collection in progress rather than an empty month.
 */
async function latestMonthBills(ctx: ActionContext, estateId: string, current: Period) {
  for (const period of [current, addPeriods(current, -1)]) {
    const bills = await loadStatBills(ctx.db, estateId, { periodFrom: period, periodTo: period });
    if (bills.length) return { period, bills };
  }
  return { period: current, bills: [] };
}

export const overview: Handler<typeof dashboardApi.overview> = async (input, ctx) => {
  const estateId = servedEstateId(ctx, input.estateId);
  const now = ctx.now();
  const today = toLocalDate(now);
  const [estate, { period, bills: monthBills }, openBills, openOrders, notices, targetPercent] =
    await Promise.all([
      ctx.db.estates.get(estateId),
      latestMonthBills(ctx, estateId, periodOf(now)),
      loadStatBills(ctx.db, estateId, { open: true }),
      findAll(
        workorderCollections(ctx.store).workorders,
        { where: { estateId, state: { nin: ['closed', 'cancelled'] } } },
        { fields: ['state', 'priority', 'respondedAt', 'completedAt', 'sla'] },
      ),
      recentNotices(ctx, estateId),
      targetPercentOf(ctx.store, estateId),
    ]);
  return {
    estateId,
    estateName: estate?.name ?? '',
    asOf: today,
    generatedAt: now,
    collection: collectionTile(monthBills, period, today, targetPercent),
    arrears: arrearsTile(openBills, today),
    workOrders: workOrdersTile(openOrders, now),
    notices,
  };
};
