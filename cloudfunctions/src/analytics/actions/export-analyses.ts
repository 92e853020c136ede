import {
  formatYuan,
  type analyticsApi,
  type Fen,
  type FrequencyRow,
  type PaymentHabitsView,
} from '@linli/shared';
import type { Handler } from '../../_lib/define-function';
import { sheetOf, type Column } from '../export-sheet';
import { habitsReport } from './payment-habits';
import { repairFrequencyReport } from './repair-frequency';

type Api = typeof analyticsApi;

const HABIT_COLUMNS: Column<PaymentHabitsView['households'][number]>[] = [
  ['房号', (h) => h.roomCode],
  ['分群', (h) => h.label],
  ['计入账单数', (h) => h.bills],
  ['逾期账单数', (h) => h.lateBills],
  ['逾期天数中位数', (h) => h.medianDaysLate],
  ['最久未缴逾期天数', (h) => h.openOverdueDays],
];

/** One row per household: its segment and the figures that put it there. */
export const exportHabits: Handler<Api['export.habits']> = async ({ format, ...query }, ctx) => {
  const { view, households } = await habitsReport(ctx, query);
  return sheetOf(ctx, format, `缴费习惯分群-${view.periodFrom}至${view.periodTo}`, HABIT_COLUMNS, households);
};

type FrequencyLine = FrequencyRow & { group: string };

const FREQUENCY_COLUMNS: Column<FrequencyLine>[] = [
  ['维度', (r) => r.group],
  ['名称', (r) => r.label],
  ['报修次数', (r) => r.count],
  ['重复报修', (r) => r.repeats],
  ['平均故障间隔（天）', (r) => r.mtbfDays],
  ['维修费用（元）', (r) => (r.costFen === null ? '' : formatYuan(r.costFen as Fen, { symbol: false }))],
  ['更新提示', (r) => r.flags.join('；')],
];

/** The three tables of the repair-frequency page, one after another. */
export const exportRepairs: Handler<Api['export.repairs']> = async ({ format, ...window }, ctx) => {
  const report = await repairFrequencyReport(ctx, window);
  const lines: FrequencyLine[] = [
    ...report.byDevice.map((r) => ({ ...r, group: '设备' })),
    ...report.byCategory.map((r) => ({ ...r, group: '类别' })),
    ...report.byLocation.map((r) => ({ ...r, group: '位置' })),
  ];
  return sheetOf(ctx, format, `报修频次-${report.from}至${report.to}`, FREQUENCY_COLUMNS, lines);
};
