import Papa from 'papaparse';
import {
  billStatusLabels,
  formatYuan,
  lateFeeOf,
  outstandingOf,
  toLocalDate,
  type billingApi,
  type CollectionFigures,
  type Fen,
  type LocalDate,
} from '@linli/shared';
import type { Handler } from '../../_lib/define-function';
import { servedEstateId } from '../access';
import { loadStatBills, type StatBillRow } from '../stats/load-stat-bills';
import { collectionReport } from './collection-stats';

/** Yuan as a plain number for spreadsheets: 123450 → '1234.50'. */
const yuan = (amount: number): string => formatYuan(amount as Fen, { symbol: false }).replace(/,/g, '');

const BILL_COLUMNS = [
  '房号',
  '账期',
  '收费项目',
  '状态',
  '到期日',
  '账单金额(元)',
  '空置/赠送优惠(元)',
  '预缴优惠(元)',
  '减免(元)',
  '已缴(元)',
  '未缴(元)',
  '滞纳金(元)',
  '缴清日期',
] as const;

function billRow(bill: StatBillRow, asOf: LocalDate): Record<(typeof BILL_COLUMNS)[number], string> {
  const outstanding = outstandingOf(bill);
  const lateFee = lateFeeOf({
    outstandingFen: outstanding,
    dueDate: bill.dueDate,
    asOf,
    rule: bill.lateFeeRule,
  });
  return {
    房号: bill.roomCode,
    账期: bill.period,
    收费项目: bill.itemName,
    状态: billStatusLabels[bill.status],
    到期日: bill.dueDate,
    '账单金额(元)': yuan(bill.amountFen),
    '空置/赠送优惠(元)': yuan(bill.reliefFen),
    '预缴优惠(元)': yuan(bill.discountFen),
    '减免(元)': yuan(bill.waivedFen),
    '已缴(元)': yuan(bill.paidFen),
    '未缴(元)': yuan(outstanding),
    '滞纳金(元)': yuan(lateFee?.amountFen ?? 0),
    缴清日期: bill.settledOn ?? '',
  };
}

function figureRow(period: string, f: CollectionFigures): Record<string, string | number> {
  return {
    账期: period,
    账单数: f.bills,
    作废账单数: f.voidedBills,
    '账单金额(元)': yuan(f.billedFen),
    '空置/赠送优惠(元)': yuan(f.reliefFen),
    '预缴优惠(元)': yuan(f.discountFen),
    '减免(元)': yuan(f.waivedFen),
    '应收(元)': yuan(f.receivableFen),
    '实收(元)': yuan(f.paidFen),
    '未收(元)': yuan(f.outstandingFen),
    '应收滞纳金(元)': yuan(f.lateFeeAccruedFen),
    '已收滞纳金(元)': yuan(f.lateFeePaidFen),
    按金额收缴率: f.collectionRateByAmount.percent ?? '',
    有应收户数: f.householdsBilled,
    缴清户数: f.householdsFullyPaid,
    按户数收缴率: f.collectionRateByHousehold.percent ?? '',
  };
}

const byRoom = (a: StatBillRow, b: StatBillRow): number =>
  a.period.localeCompare(b.period) ||
  a.roomCode.localeCompare(b.roomCode, 'en', { numeric: true }) ||
  a.itemCode.localeCompare(b.itemCode);

/**
 * CSV for finance: every bill of the range, or the collection figures per month with a total.
 * A UTF-8 byte-order mark lets Excel open the Chinese headers directly.
 */
export const exportStats: Handler<(typeof billingApi)['stats.export']> = async (input, ctx) => {
  const estateId = servedEstateId(ctx, input.estateId);
  const estate = await ctx.db.estates.get(estateId);
  const asOf = toLocalDate(ctx.now());
  let fields: string[];
  let rows: Array<Record<string, string | number>>;
  if (input.kind === 'bills') {
    const bills = await loadStatBills(ctx.db, estateId, input);
    fields = [...BILL_COLUMNS];
    rows = bills.sort(byRoom).map((bill) => billRow(bill, asOf));
  } else {
    const byMonth = await collectionReport(ctx.db, estateId, input, 'period', asOf);
    const total = figureRow('合计', byMonth.total);
    fields = Object.keys(total);
    rows = [...byMonth.rows.map((row) => figureRow(row.key, row)), total];
  }
  const csv = Papa.unparse(
    { fields, data: rows.map((row) => fields.map((f) => row[f] ?? '')) },
    { newline: '\r\n' },
  );
  const what = input.kind === 'bills' ? '账单明细' : '收缴率';
  return {
    filename: `${estate?.name ?? estateId}-${what}-${input.periodFrom}至${input.periodTo}.csv`,
    content: `\uFEFF${csv}`,
    rows: rows.length,
  };
};
