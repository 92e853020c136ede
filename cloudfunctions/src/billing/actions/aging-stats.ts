import {
  AGING_BUCKETS,
  agingBucketLabels,
  agingReport,
  fen,
  toLocalDate,
  type billingApi,
} from '@linli/shared';
import type { Handler } from '../../_lib/define-function';
import { servedEstateId } from '../access';
import { loadStatBills } from '../stats/load-stat-bills';

/** 账龄: open bills by how long they are overdue, and the households owing most. */
export const agingStats: Handler<(typeof billingApi)['stats.aging']> = async (input, ctx) => {
  const estateId = servedEstateId(ctx, input.estateId);
  const asOf = input.asOf ?? toLocalDate(ctx.now());
  const bills = await loadStatBills(ctx.db, estateId, { open: true, buildingId: input.buildingId });
  const report = agingReport(bills, asOf);
  const rooms = new Map(bills.map((b) => [b.householdId, b.roomCode]));
  return {
    estateId,
    asOf,
    totalOutstandingFen: fen(AGING_BUCKETS.reduce((sum, b) => sum + report.buckets[b].outstandingFen, 0)),
    buckets: AGING_BUCKETS.map((bucket) => ({
      bucket,
      label: agingBucketLabels[bucket],
      ...report.buckets[bucket],
    })),
    households: report.households.slice(0, input.limit).map((h) => ({
      ...h,
      roomCode: rooms.get(h.householdId) ?? '',
      bucketLabel: agingBucketLabels[h.bucket],
    })),
  };
};
