import type { Period, StatBill } from '@linli/shared';
import { findAll, type Collections } from '../../_lib/collections';
import type { Filter } from '../../_lib/store/port';

/** The fields statistics need, so reading a year of bills does not parse every line. */
const STAT_FIELDS: Array<keyof StatBill | 'roomCode'> = [
  'householdId',
  'roomCode',
  'buildingId',
  'period',
  'itemCode',
  'itemName',
  'amountFen',
  'reliefFen',
  'discountFen',
  'waivedFen',
  'paidFen',
  'lateFeePaidFen',
  'status',
  'dueDate',
  'lateFeeRule',
  'settledOn',
  'void',
];

export type StatBillRow = StatBill & { roomCode: string };

/** An estate's bills of a period range (or open ones only), page by page. */
export async function loadStatBills(
  db: Collections,
  estateId: string,
  scope: { periodFrom: Period; periodTo: Period } | { open: true; buildingId?: string },
): Promise<StatBillRow[]> {
  if ('open' in scope) {
    // One query per status rather than `in`: each pages in _id order along an index.
    const pages = await Promise.all(
      (['unpaid', 'partial'] as const).map((status) =>
        findAll(
          db.bills,
          { where: { estateId, status, ...(scope.buildingId ? { buildingId: scope.buildingId } : {}) } },
          { fields: STAT_FIELDS },
        ),
      ),
    );
    return pages.flat();
  }
  const period: Filter[string] =
    scope.periodFrom === scope.periodTo ? scope.periodFrom : { gte: scope.periodFrom, lte: scope.periodTo };
  // Projected documents: only STAT_FIELDS are present, which is all StatBillRow promises.
  return findAll(db.bills, { where: { estateId, period } }, { fields: STAT_FIELDS });
}
