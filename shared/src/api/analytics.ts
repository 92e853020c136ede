import { z } from 'zod';
import type { DunningSegmentPlan, SegmentStrategy } from '../analytics/dunning-strategy';
import type { HouseholdHabit, PaymentSegment, SegmentSummary } from '../analytics/payment-segments';
import type { FrequencyRow } from '../analytics/repair-frequency';
import { Id } from '../schemas/property';
import { Period } from '../time/period';
import { LocalDate } from '../time/shanghai';
import { auditApi } from './audit';
import type { SheetExport } from './billing';
import { contract } from './contract';
import { iotApi } from './iot';
import { paymentApi } from './payment';
import { serviceApi } from './service';
import { workorderApi } from './workorder';

// ---------------------------------------------------------------------------------------------
// Views. Money is integer fen; dates are Shanghai 'YYYY-MM-DD'; instants epoch milliseconds.

export type AppliedPlanView = Pick<
  DunningSegmentPlan,
  'segment' | 'offsets' | 'callOffsets' | 'basisAsOf' | 'appliedAt' | 'appliedByName'
> & { households: number; description: string };

export interface SegmentView extends SegmentSummary {
  strategy: SegmentStrategy;
  /** The strategy staff applied to this segment, if any. */
  applied: AppliedPlanView | null;
}

export interface PaymentHabitsView {
  estateId: string;
  asOf: string;
  periodFrom: string;
  periodTo: string;
  withinDays: number;
  segments: SegmentView[];
  /** The estate's schedule, for households outside an applied segment: '到期前 3 天、…提醒'. */
  estateSchedule: { offsets: number[]; description: string };
  /** Households of the segment asked for, latest payers first (at most 100). */
  households: Array<HouseholdHabit & { roomCode: string; label: string }>;
}

export interface RepairFrequencyView {
  estateId: string;
  from: string;
  to: string;
  total: number;
  repeats: number;
  byDevice: FrequencyRow[];
  byCategory: FrequencyRow[];
  byLocation: FrequencyRow[];
  rules: { windowDays: number; maxRepairs: number; costSharePercent: number; repeatWithinDays: number };
}

// ---------------------------------------------------------------------------------------------
// Contracts

const Format = z.enum(['csv', 'xlsx']);
const managers = ['admin', 'finance'] as const;
const facilityViewers = ['admin', 'finance', 'service'] as const;
const Segment = z.enum([
  'early',
  'on_time',
  'slightly_late',
  'chronic',
  'new',
]) satisfies z.ZodType<PaymentSegment>;

const HabitsQuery = z
  .object({
    estateId: Id,
    periodFrom: Period.optional(),
    periodTo: Period.optional(),
    /** Paid within this many days after a reminder counts as moved by it. */
    withinDays: z.number().int().min(1).max(30).default(7),
  })
  .strict();

const RepairWindow = z
  .object({ estateId: Id, from: LocalDate.optional(), to: LocalDate.optional() })
  .strict()
  .refine((w) => !w.from || !w.to || w.from <= w.to, '开始日期不能晚于结束日期')
  .refine(
    (w) => !w.from || !w.to || Date.parse(w.to) - Date.parse(w.from) <= 731 * 86_400_000,
    '统计区间最长两年',
  );

/** An export takes the list's own filters (without paging) and a format. */
function exportOf<Shape extends z.ZodRawShape>(
  list: z.ZodObject<Shape>,
): z.ZodObject<Omit<Shape, 'after' | 'limit'> & { format: typeof Format }, z.core.$strict> {
  const paging = Object.fromEntries(
    ['after', 'limit'].filter((key) => key in list.shape).map((key) => [key, true]),
  );
  return list
    .omit(paging as never)
    .extend({ format: Format })
    .strict() as never;
}

/** `analytics`: payment-habit segments and dunning strategies, repair frequency, and list exports. */
export const analyticsApi = {
  'habits.segments': contract<PaymentHabitsView>()({
    input: HabitsQuery.extend({ segment: Segment.optional() }).strict(),
    access: { roles: managers },
    summary: '缴费习惯分群：各群户数、平均逾期天数、提醒前后的缴费变化与建议催缴策略',
  }),
  'habits.apply': contract<PaymentHabitsView>()({
    input: HabitsQuery.extend({ segment: Segment }).strict(),
    access: { roles: managers },
    summary: '把某一分群的建议催缴策略应用到本小区的催缴计划（记录审计）',
  }),
  'habits.reset': contract<PaymentHabitsView>()({
    input: HabitsQuery.extend({ segment: Segment }).strict(),
    access: { roles: managers },
    summary: '取消某一分群的催缴策略，恢复按小区催缴计划提醒',
  }),
  'repairs.frequency': contract<RepairFrequencyView>()({
    input: RepairWindow,
    access: { roles: facilityViewers },
    summary: '报修频次：按设备、类别、位置统计次数、重复报修、平均故障间隔与维修费用',
  }),
  'export.habits': contract<SheetExport>()({
    input: HabitsQuery.extend({ format: Format }).strict(),
    access: { roles: managers },
    summary: '导出缴费习惯分群（每户一行）',
  }),
  'export.repairs': contract<SheetExport>()({
    input: z
      .object({ estateId: Id, from: LocalDate.optional(), to: LocalDate.optional(), format: Format })
      .strict(),
    access: { roles: facilityViewers },
    summary: '导出报修频次（按设备、类别、位置）',
  }),
  'export.workorders': contract<SheetExport>()({
    input: exportOf(workorderApi.list.input),
    access: workorderApi.list.access,
    summary: '导出工单列表（与列表相同的筛选条件）',
  }),
  'export.payments': contract<SheetExport>()({
    input: exportOf(paymentApi.list.input),
    access: paymentApi.list.access,
    summary: '导出收款记录（与列表相同的筛选条件）',
  }),
  'export.alarms': contract<SheetExport>()({
    input: exportOf(iotApi.alarms.input),
    access: iotApi.alarms.access,
    summary: '导出告警列表（与列表相同的筛选条件）',
  }),
  'export.conversations': contract<SheetExport>()({
    input: exportOf(serviceApi.inbox.input),
    access: serviceApi.inbox.access,
    summary: '导出客服会话列表（与收件箱相同的筛选条件）',
  }),
  'export.complaints': contract<SheetExport>()({
    input: exportOf(serviceApi.complaints.input),
    access: serviceApi.complaints.access,
    summary: '导出投诉建议列表（与列表相同的筛选条件）',
  }),
  'export.audit': contract<SheetExport>()({
    input: exportOf(auditApi.list.input),
    access: auditApi.list.access,
    summary: '导出审计日志（与列表相同的筛选条件，管理员）',
  }),
};
