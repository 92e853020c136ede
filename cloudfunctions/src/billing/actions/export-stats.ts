import {
  billStatusLabels,
  lateFeeOf,
  outstandingOf,
  toLocalDate,
  type billingApi,
  type CollectionFigures,
  type LocalDate,
  type SheetExport,
} from '@linli/shared';
import type { ActionContext, Handler } from '../../_lib/define-function';
import type { SheetFormat } from '../../property/import/read-sheet';
import { servedEstateId } from '../access';
import { exportTable, yuanCell, type ExportCell } from '../stats/export-table';
import { loadStatBills, type StatBillRow } from '../stats/load-stat-bills';
import { agingStats } from './aging-stats';
import { collectionReport } from './collection-stats';

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
];

function billRow(bill: StatBillRow, asOf: LocalDate, yuan: (fen: number) => ExportCell): ExportCell[] {
  const outstanding = outstandingOf(bill);
  const lateFee = lateFeeOf({
    outstandingFen: outstanding,
    dueDate: bill.dueDate,
    asOf,
    rule: bill.lateFeeRule,
  });
  return [
    bill.roomCode,
    bill.period,
    bill.itemName,
    billStatusLabels[bill.status],
    bill.dueDate,
    yuan(bill.amountFen),
    yuan(bill.reliefFen),
    yuan(bill.discountFen),
    yuan(bill.waivedFen),
    yuan(bill.paidFen),
    yuan(outstanding),
    yuan(lateFee?.amountFen ?? 0),
    bill.settledOn ?? '',
  ];
}

const FIGURE_COLUMNS = [
  '账单数',
  '作废账单数',
  '账单金额(元)',
  '空置/赠送优惠(元)',
  '预缴优惠(元)',
  '减免(元)',
  '应收(元)',
  '实收(元)',
  '未收(元)',
  '应收滞纳金(元)',
  '已收滞纳金(元)',
  '按金额收缴率',
  '有应收户数',
  '缴清户数',
  '按户数收缴率',
];

function figureRow(label: string, f: CollectionFigures, yuan: (fen: number) => ExportCell): ExportCell[] {
  return [
    label,
    f.bills,
    f.voidedBills,
    yuan(f.billedFen),
    yuan(f.reliefFen),
    yuan(f.discountFen),
    yuan(f.waivedFen),
    yuan(f.receivableFen),
    yuan(f.paidFen),
    yuan(f.outstandingFen),
    yuan(f.lateFeeAccruedFen),
    yuan(f.lateFeePaidFen),
    f.collectionRateByAmount.percent ?? '',
    f.householdsBilled,
    f.householdsFullyPaid,
    f.collectionRateByHousehold.percent ?? '',
  ];
}

const groupHeaders = { period: '账期', building: '楼栋', item: '收费项目' } as const;

const byRoom = (a: StatBillRow, b: StatBillRow): number =>
  a.period.localeCompare(b.period) ||
  a.roomCode.localeCompare(b.roomCode, 'en', { numeric: true }) ||
  a.itemCode.localeCompare(b.itemCode);

/** A finished export: the file named after the estate and what it holds. */
export async function sheetExport(
  ctx: ActionContext,
  estateId: string,
  what: string,
  format: SheetFormat,
  fields: readonly string[],
  rows: ReadonlyArray<readonly ExportCell[]>,
): Promise<SheetExport> {
  const estate = await ctx.db.estates.get(estateId);
  return {
    filename: `${estate?.name ?? estateId}-${what}.${format}`,
    format,
    content: await exportTable(format, what.split('-')[0]!, fields, rows),
    rows: rows.length,
  };
}

/**
 * For finance: every bill of the range, or the collection figures grouped as on screen with a
 * total. CSV carries a UTF-8 byte-order mark so Excel opens the Chinese headers directly; the
 * workbook keeps amounts as numbers.
 */
export const exportStats: Handler<(typeof billingApi)['stats.export']> = async (input, ctx) => {
  const estateId = servedEstateId(ctx, input.estateId);
  const asOf = toLocalDate(ctx.now());
  const yuan = yuanCell(input.format);
  const range = `${input.periodFrom}至${input.periodTo}`;
  if (input.kind === 'bills') {
    const bills = await loadStatBills(ctx.db, estateId, input);
    const rows = bills.sort(byRoom).map((bill) => billRow(bill, asOf, yuan));
    return sheetExport(ctx, estateId, `账单明细-${range}`, input.format, BILL_COLUMNS, rows);
  }
  const report = await collectionReport(ctx.db, estateId, input, input.groupBy, asOf);
  const rows = [
    ...report.rows.map((row) => figureRow(input.groupBy === 'period' ? row.key : row.label, row, yuan)),
    figureRow('合计', report.total, yuan),
  ];
  const fields = [groupHeaders[input.groupBy], ...FIGURE_COLUMNS];
  return sheetExport(ctx, estateId, `收缴率-${range}`, input.format, fields, rows);
};

/** 欠费账龄 for finance: each bucket's totals, then every household in arrears, largest first. */
export const exportAging: Handler<(typeof billingApi)['stats.exportAging']> = async (input, ctx) => {
  const estateId = servedEstateId(ctx, input.estateId);
  const report = await agingStats({ ...input, estateId, limit: Number.MAX_SAFE_INTEGER }, ctx);
  const yuan = yuanCell(input.format);
  const fields = ['房号', '账龄', '欠费账单数', '欠费(元)', '最早到期日', '最长逾期天数'];
  const rows: ExportCell[][] = [
    ...report.households.map((h) => [
      h.roomCode,
      h.bucketLabel,
      h.bills,
      yuan(h.outstandingFen),
      h.oldestDueDate,
      h.maxOverdueDays,
    ]),
    ...report.buckets.map((b) => [
      `合计：${b.label}`,
      b.label,
      b.bills,
      yuan(b.outstandingFen),
      '',
      `${b.households} 户`,
    ]),
  ];
  return sheetExport(ctx, estateId, `欠费账龄-${report.asOf}`, input.format, fields, rows);
};
