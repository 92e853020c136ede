import {
  collectionStats,
  toLocalDate,
  type billingApi,
  type CollectionFigures,
  type CollectionGroupBy,
  type CollectionReport,
  type StatBill,
} from '@linli/shared';
import { findAll, type Collections } from '../../_lib/collections';
import type { Handler } from '../../_lib/define-function';
import { servedEstateId } from '../access';
import { loadStatBills } from '../stats/load-stat-bills';

export const COLLECTION_DEFINITIONS: CollectionReport['definitions'] = {
  byAmount:
    '按金额收缴率 =（应收 − 未收）÷ 应收；应收 = 账单金额 − 预缴优惠 − 减免；滞纳金单独列示，不计入收缴率',
  byHousehold: '按户数收缴率 = 已全部缴清的户数 ÷ 有应收的户数',
};

const keyOf: Record<CollectionGroupBy, (bill: StatBill) => string> = {
  estate: () => 'estate',
  building: (bill) => bill.buildingId,
  period: (bill) => bill.period,
  item: (bill) => bill.itemCode,
};

/** The collection report of an estate: both rates, grouped as asked, with a total. */
export async function collectionReport(
  db: Collections,
  estateId: string,
  range: { periodFrom: string; periodTo: string },
  groupBy: CollectionGroupBy,
  asOf: string,
): Promise<{ rows: Array<CollectionFigures & { key: string; label: string }>; total: CollectionFigures }> {
  const bills = await loadStatBills(db, estateId, range);
  const { groups, total } = collectionStats(bills, asOf, keyOf[groupBy]);
  const labels = new Map<string, string>();
  if (groupBy === 'building') {
    const buildings = await findAll(db.buildings, { where: { estateId } });
    for (const b of buildings) labels.set(b._id, b.name);
  } else if (groupBy === 'item') {
    for (const bill of bills) labels.set(bill.itemCode, bill.itemName);
  } else if (groupBy === 'estate') {
    labels.set('estate', (await db.estates.get(estateId))?.name ?? '');
  }
  const rows = [...groups.entries()]
    .map(([key, figures]) => ({ key, label: labels.get(key) ?? key, ...figures }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN', { numeric: true }));
  return { rows, total };
}

export const collectionStatsAction: Handler<(typeof billingApi)['stats.collection']> = async (input, ctx) => {
  const estateId = servedEstateId(ctx, input.estateId);
  const asOf = input.asOf ?? toLocalDate(ctx.now());
  const { rows, total } = await collectionReport(ctx.db, estateId, input, input.groupBy, asOf);
  return {
    estateId,
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
    asOf,
    groupBy: input.groupBy,
    rows,
    total,
    definitions: COLLECTION_DEFINITIONS,
  };
};
