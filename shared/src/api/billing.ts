import { z } from 'zod';
import type { AgingBucket } from '../billing/aging';
import type { BillLine, BillStatus, BillUsage } from '../billing/bill';
import type { BillRun } from '../billing/bill-run';
import type { CollectionFigures } from '../billing/collection-stats';
import { DunningSchedule } from '../billing/dunning-schedule';
import { FeeItemCode, FeeRule, MeterKind, type FeeKind } from '../billing/fee-standard';
import { MeterReplacement, ReadingValue, type ReadingStatus } from '../billing/meter-reading';
import type { ReadingOutcome } from '../billing/reading-sheet';
import type { PaymentHabit } from '../billing/payment-habits';
import type { PrepayMovementKind } from '../billing/prepayment';
import { FenSchema, type Fen } from '../money/money';
import { Id } from '../schemas/property';
import { Period } from '../time/period';
import { LocalDate } from '../time/shanghai';
import { contract } from './contract';

// ---------------------------------------------------------------------------------------------
// Views. Money is integer fen (format with formatYuan at the edge); dates are 'YYYY-MM-DD'.

export interface FeeStandardView {
  standardId: string;
  itemCode: string;
  name: string;
  kind: FeeKind;
  kindLabel: string;
  effectiveFrom: string;
  active: boolean;
  /** The rule in words: '¥2.35/m²·月 × 建筑面积；适用住宅；空置房按 50% 收取；…' */
  description: string;
  /** The full rule, e.g. to prefill the form for the next version. */
  rule: FeeRule;
  createdAt: number;
  createdByName: string;
}

export interface FeeItemView {
  itemCode: string;
  name: string;
  kind: FeeKind;
  kindLabel: string;
  /** The version in force today (null before the first one starts). */
  current: FeeStandardView | null;
  /** Versions that start after today, soonest first. */
  upcoming: FeeStandardView[];
  /** Every version, newest first. */
  versions: FeeStandardView[];
}

export interface MeterReadingView {
  readingId: string;
  householdId: string;
  roomCode: string;
  meter: 'water' | 'electricity' | 'gas';
  meterLabel: string;
  unit: string;
  /** The usage month; the run of the following month bills it. */
  period: string;
  reading: string;
  previousReading: string | null;
  /** null for a meter's first reading (a baseline). */
  consumption: string | null;
  replacement: { oldFinal: string; newInitial: string } | null;
  status: ReadingStatus;
  statusLabel: string;
  /** Why it waits for review. */
  flag: string | null;
  readOn: string;
  recordedByName: string;
  recordedAt: number;
  reviewNote: string | null;
}

export interface ReadingImportRow {
  /** The sheet's row number, as Excel shows it. */
  row: number;
  roomCode: string | null;
  meter: 'water' | 'electricity' | 'gas' | null;
  meterLabel: string | null;
  reading: string | null;
  previousReading: string | null;
  consumption: string | null;
  outcome: ReadingOutcome;
  outcomeLabel: string;
  /** Why a row is refused or held for review. */
  message: string | null;
}

export interface ReadingImportReport {
  dryRun: boolean;
  period: string;
  /** Data rows read, blank readings included. */
  rows: number;
  /** Rows whose 本次读数 was left empty (not read this month). */
  blank: number;
  counts: Record<ReadingOutcome, number>;
  /** Readings this call wrote (0 for a dry run or a file imported before). */
  written: number;
  /** Every row with a reading or a problem, in sheet order. */
  items: ReadingImportRow[];
}

/** An export for finance: the file and how many data rows it holds. */
export interface SheetExport extends SheetDownload {
  rows: number;
}

export interface SheetDownload {
  filename: string;
  format: 'csv' | 'xlsx';
  /** CSV text, or an .xlsx file in base64. */
  content: string;
}

export interface BillRunView {
  runId: string;
  estateId: string;
  period: string;
  status: BillRun['status'];
  statusLabel: string;
  householdsTotal: number;
  householdsDone: number;
  /** 0–100, for a progress bar. */
  progressPercent: number;
  bills: number;
  lines: number;
  amountFen: Fen;
  /** Drawn from prepayment accounts when the bills were made. */
  prepaidFen: Fen;
  heldReadings: number;
  missingReadings: number;
  pass: number;
  startedAt: number;
  startedByName: string;
  finishedAt: number | null;
}

export interface PreviewBill {
  billId: string;
  itemCode: string;
  itemName: string;
  amountFen: Fen;
  dueDate: string;
  lines: BillLine[];
  usage: BillUsage | null;
  /** Already issued by an earlier commit (a commit would not create it again). */
  issued: boolean;
}

export interface RunPreview {
  estateId: string;
  period: string;
  households: number;
  /** Households that would get at least one bill. */
  billedHouseholds: number;
  bills: number;
  lines: number;
  amountFen: Fen;
  /** Taken off by vacant rates and free months. */
  reliefFen: Fen;
  /** Bills of this preview that already exist; a commit creates only the rest. */
  alreadyIssued: number;
  newBills: number;
  heldReadings: number;
  missingReadings: number;
  byItem: Array<{ itemCode: string; itemName: string; bills: number; lines: number; amountFen: Fen }>;
  /** A few households in full, the unusual ones (prorated, vacant, tiers) first. */
  samples: Array<{ householdId: string; roomCode: string; bills: PreviewBill[] }>;
  /** More households follow (estates above the preview limit): pass it as `after` to continue. */
  next?: string;
}

export interface LateFeeView {
  amountFen: Fen;
  overdueDays: number;
  formula: string;
}

export interface BillView {
  billId: string;
  householdId: string;
  roomCode: string;
  period: string;
  itemCode: string;
  itemName: string;
  kind: FeeKind;
  status: BillStatus;
  statusLabel: string;
  /** 应收: the sum of the lines. */
  amountFen: Fen;
  /** Taken off by vacant rate / free months (already inside amountFen). */
  reliefFen: Fen;
  discountFen: Fen;
  /** 预缴优惠 in words, for a quarter or year billed in advance. */
  discountFormula: string | null;
  waivedFen: Fen;
  paidFen: Fen;
  prepaidFen: Fen;
  outstandingFen: Fen;
  /** 滞纳金 as of today, computed when read; null when none is due. */
  lateFee: LateFeeView | null;
  /** What settling the bill today costs: outstanding + late fee. */
  payableFen: Fen;
  dueDate: string;
  /** Days past the due date today (0 when not overdue). */
  overdueDays: number;
  lines: BillLine[];
  usage: BillUsage | null;
  issuedAt: number;
  settledAt: number | null;
  waivers: Array<{ amountFen: Fen; reason: string; approvedByName: string; at: number }>;
  void: { reason: string; byName: string; at: number } | null;
}

export interface HouseholdBills {
  householdId: string;
  roomCode: string;
  estateName: string;
  prepayBalanceFen: Fen;
  /** Open bills (unpaid, partial), oldest due first. */
  unpaid: BillView[];
  /** Settled bills (paid, waived), newest period first, one page. */
  paid: BillView[];
  /** Pass as `paidAfter` (with householdId) for more paid bills. */
  paidNext?: string;
  totals: { unpaidBills: number; outstandingFen: Fen; lateFeeFen: Fen; payableFen: Fen };
}

export interface PrepayMovementView {
  movementId: string;
  at: number;
  kind: PrepayMovementKind;
  kindLabel: string;
  /** Signed: credits positive, draws negative. */
  amountFen: Fen;
  balanceAfterFen: Fen;
  billId: string | null;
  reference: string;
  note: string;
}

export interface PrepayStatement {
  householdId: string;
  roomCode: string;
  balanceFen: Fen;
  /** Newest first. */
  movements: PrepayMovementView[];
  next?: string;
}

export type CollectionGroupBy = 'estate' | 'building' | 'period' | 'item';

export interface CollectionRow extends CollectionFigures {
  /** Building id, period, item code, or the estate id. */
  key: string;
  label: string;
}

export interface CollectionReport {
  estateId: string;
  periodFrom: string;
  periodTo: string;
  asOf: string;
  groupBy: CollectionGroupBy;
  rows: CollectionRow[];
  total: CollectionFigures;
  /** The two definitions in words, to show next to the figures. */
  definitions: { byAmount: string; byHousehold: string };
}

export interface AgingReportView {
  estateId: string;
  asOf: string;
  totalOutstandingFen: Fen;
  buckets: Array<{
    bucket: AgingBucket;
    label: string;
    bills: number;
    households: number;
    outstandingFen: Fen;
  }>;
  /** Households in arrears, largest amount first (at most `limit`). */
  households: Array<{
    householdId: string;
    roomCode: string;
    bills: number;
    outstandingFen: Fen;
    oldestDueDate: string;
    maxOverdueDays: number;
    bucket: AgingBucket;
    bucketLabel: string;
  }>;
}

export interface HabitReport {
  estateId: string;
  asOf: string;
  periodFrom: string;
  periodTo: string;
  summary: Array<{ habit: PaymentHabit; label: string; households: number }>;
  /** Worst first (latest median), at most `limit`. */
  households: Array<{
    householdId: string;
    roomCode: string;
    habit: PaymentHabit;
    habitLabel: string;
    billsCounted: number;
    lateBills: number;
    medianDaysLate: number | null;
    maxDaysLate: number | null;
    howLate: string | null;
  }>;
}

export interface DunningScheduleView {
  estateId: string;
  offsets: number[];
  steps: Array<{ offsetDays: number; key: string; label: string }>;
  isDefault: boolean;
}

export interface CallListItem {
  callId: string;
  householdId: string;
  roomCode: string;
  /** The open bills the call is about (due the same day). */
  billIds: string[];
  stepLabel: string;
  dueDate: string;
  scheduledOn: string;
  outstandingFen: Fen;
  /** Registered owners; phones masked (reveal through property.revealContact, audited). */
  owners: Array<{ personId: string; name: string; phone: string | null }>;
  status: 'open' | 'done';
  outcome: string | null;
  calledByName: string | null;
}

// ---------------------------------------------------------------------------------------------
// Contracts

const billingStaff = ['admin', 'finance'] as const;
const billViewers = ['admin', 'finance', 'service'] as const;
const allStaff = ['admin', 'finance', 'service', 'technician'] as const;
const After = z.string().max(500);
const SheetFormat = z.enum(['csv', 'xlsx']);
const Reason = z.string().trim().min(2, '请填写原因').max(200);

/** Bill and attempt ids derive from household ids, so they run longer than other ids. */
const DocId = z.string().min(1).max(160);

/** At most two years per report: statistics read every bill of the range. */
const MAX_REPORT_MONTHS = 24;
function periodRangeIssue(r: { periodFrom: string; periodTo: string }): string | null {
  if (r.periodFrom > r.periodTo) return '起始账期不能晚于结束账期';
  const months = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7));
  return months(r.periodTo) - months(r.periodFrom) >= MAX_REPORT_MONTHS
    ? `一次最多统计 ${MAX_REPORT_MONTHS} 个月`
    : null;
}
const checkPeriodRange = (r: { periodFrom: string; periodTo: string }, ctx: z.RefinementCtx): void => {
  const issue = periodRangeIssue(r);
  if (issue) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: issue });
};

export const billingApi = {
  'standards.list': contract<{ estateId: string; items: FeeItemView[] }>()({
    input: z.object({ estateId: Id.optional() }).strict(),
    access: { roles: allStaff },
    summary: '收费标准列表（含历史与待生效版本）',
  }),
  'standards.save': contract<FeeStandardView>()({
    input: z.object({ estateId: Id, rule: FeeRule }).strict(),
    access: { roles: billingStaff },
    summary: '新增收费标准版本（自生效日起适用，不改动已出账单）',
  }),

  'readings.record': contract<MeterReadingView>()({
    input: z
      .object({
        householdId: Id,
        meter: MeterKind,
        /** The usage month the reading closes. */
        period: Period,
        reading: ReadingValue,
        readOn: LocalDate.optional(),
        replacement: MeterReplacement.optional(),
      })
      .strict(),
    access: { roles: allStaff },
    summary: '录入抄表读数（校验上次读数；异常用量待复核）',
  }),
  'readings.approve': contract<MeterReadingView>()({
    input: z
      .object({
        readingId: Id,
        decision: z.enum(['approve', 'reject']),
        note: z.string().trim().max(100).optional(),
      })
      .strict(),
    access: { roles: billingStaff },
    summary: '复核异常读数：确认后参与出账，驳回后需重新录入',
  }),
  'readings.list': contract<{ items: MeterReadingView[]; next?: string }>()({
    input: z
      .object({
        estateId: Id.optional(),
        period: Period.optional(),
        /** One household's readings, newest first (the reading form shows the last one). */
        householdId: Id.optional(),
        meter: MeterKind.optional(),
        status: z.enum(['approved', 'pending_review', 'rejected']).optional(),
        after: After.optional(),
      })
      .strict()
      .refine((r) => r.period !== undefined || r.householdId !== undefined, {
        path: ['period'],
        message: '请选择账期或房屋',
      }),
    access: { roles: allStaff },
    summary: '按账期或房屋查看抄表读数（可筛选待复核）',
  }),

  'readings.template': contract<SheetDownload>()({
    input: z
      .object({
        estateId: Id.optional(),
        period: Period,
        /** One meter; by default every meter the estate's standards bill. */
        meter: MeterKind.optional(),
        format: SheetFormat,
      })
      .strict(),
    access: { roles: allStaff },
    summary: '下载抄表导入模板（每户一行，已填上次读数）',
  }),
  'readings.import': contract<ReadingImportReport>()({
    input: z
      .object({
        estateId: Id,
        period: Period,
        format: SheetFormat,
        /** CSV text, or an .xlsx file in base64. */
        content: z.string().min(1).max(10_000_000),
        dryRun: z.boolean().default(false),
      })
      .strict(),
    access: { roles: allStaff },
    summary: '批量导入抄表读数（先预览逐行结果；只写入有效行，重复导入不会重复录入）',
  }),

  'run.preview': contract<RunPreview>()({
    input: z.object({ estateId: Id, period: Period, after: After.optional() }).strict(),
    access: { roles: billingStaff },
    summary: '预览出账：户数、金额、样例明细（不写入任何数据）',
  }),
  'run.commit': contract<{
    run: BillRunView;
    chunk: { households: number; billsCreated: number; linesCreated: number; billsExisting: number };
    done: boolean;
  }>()({
    input: z
      .object({
        estateId: Id,
        period: Period,
        /** After a finished run: bill households and readings added since (creates only what is missing). */
        rescan: z.boolean().default(false),
        chunkSize: z.number().int().min(1).max(1000).default(500),
      })
      .strict(),
    access: { roles: billingStaff },
    summary: '出账（分批执行，重复调用直到 done；可中断续跑，不会重复出账）',
  }),
  'run.status': contract<{ run: BillRunView | null; recent: BillRunView[] }>()({
    input: z.object({ estateId: Id.optional(), period: Period.optional() }).strict(),
    access: { roles: billingStaff },
    summary: '出账进度与最近的出账批次',
  }),

  'bills.mine': contract<{ households: HouseholdBills[] }>()({
    input: z.object({ householdId: Id.optional(), paidAfter: After.optional() }).strict(),
    access: { roles: ['owner'] },
    summary: '业主查看自己房屋的待缴与已缴账单',
  }),
  'bills.get': contract<BillView>()({
    input: z.object({ billId: DocId }).strict(),
    access: { roles: ['owner', ...billViewers] },
    summary: '账单详情（逐行计算公式）',
  }),
  'bills.list': contract<{ items: BillView[]; next?: string }>()({
    input: z
      .object({
        estateId: Id.optional(),
        period: Period.optional(),
        status: z.enum(['unpaid', 'partial', 'paid', 'waived', 'void']).optional(),
        buildingId: Id.optional(),
        itemCode: FeeItemCode.optional(),
        householdId: Id.optional(),
        after: After.optional(),
      })
      .strict(),
    access: { roles: billViewers },
    summary: '员工按小区、账期、状态、楼栋查询账单',
  }),
  'bills.void': contract<BillView>()({
    input: z.object({ billId: DocId, reason: Reason }).strict(),
    access: { roles: billingStaff },
    summary: '作废账单（须填写原因，记录审计，不删除；预存抵扣的金额退回预存）',
  }),
  'bills.waive': contract<BillView>()({
    input: z
      .object({
        billId: DocId,
        amountFen: FenSchema.refine((v) => v > 0, '减免金额必须大于 0'),
        reason: Reason,
        /** A client-made id per submission: the same one twice is refused as DUPLICATE. */
        submissionId: z.string().regex(/^[\w-]{8,64}$/, '提交编号格式不正确'),
      })
      .strict(),
    access: { roles: billingStaff },
    summary: '减免（审批人为当前操作的财务或管理员，记录审计）',
  }),

  'prepay.statement': contract<PrepayStatement>()({
    input: z.object({ householdId: Id, after: After.optional() }).strict(),
    access: { roles: ['owner', ...billViewers] },
    summary: '预存账户余额与每一笔收支',
  }),

  'stats.collection': contract<CollectionReport>()({
    input: z
      .object({
        estateId: Id.optional(),
        periodFrom: Period,
        periodTo: Period,
        groupBy: z.enum(['estate', 'building', 'period', 'item']).default('estate'),
        asOf: LocalDate.optional(),
      })
      .strict()
      .superRefine(checkPeriodRange),
    access: { roles: billingStaff },
    summary: '收缴率：按金额与按户数（分开统计），可按楼栋、月份、收费项目分组',
  }),
  'stats.aging': contract<AgingReportView>()({
    input: z
      .object({
        estateId: Id.optional(),
        buildingId: Id.optional(),
        asOf: LocalDate.optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    access: { roles: billingStaff },
    summary: '欠费账龄：未到期、0–30、31–90、90 天以上',
  }),
  'stats.habits': contract<HabitReport>()({
    input: z
      .object({
        estateId: Id.optional(),
        periodFrom: Period.optional(),
        periodTo: Period.optional(),
        habit: z.enum(['early', 'on_time', 'late', 'no_history']).optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    access: { roles: billingStaff },
    summary: '住户缴费习惯：提前、按时、逾期及逾期天数',
  }),
  'stats.export': contract<SheetExport>()({
    input: z
      .object({
        estateId: Id.optional(),
        periodFrom: Period,
        periodTo: Period,
        kind: z.enum(['bills', 'collection']).default('bills'),
        /** Collection rows grouped as on screen. */
        groupBy: z.enum(['period', 'building', 'item']).default('period'),
        format: SheetFormat.default('csv'),
      })
      .strict()
      .superRefine(checkPeriodRange),
    access: { roles: billingStaff },
    summary: '导出账单明细或收缴率（Excel 或 CSV）',
  }),
  'stats.exportAging': contract<SheetExport>()({
    input: z
      .object({
        estateId: Id.optional(),
        buildingId: Id.optional(),
        asOf: LocalDate.optional(),
        format: SheetFormat.default('csv'),
      })
      .strict(),
    access: { roles: billingStaff },
    summary: '导出欠费账龄：各账龄段合计与每户欠费（Excel 或 CSV）',
  }),

  'dunning.schedule': contract<DunningScheduleView>()({
    input: z.object({ estateId: Id.optional() }).strict(),
    access: { roles: billViewers },
    summary: '查看催缴提醒时间表',
  }),
  'dunning.saveSchedule': contract<DunningScheduleView>()({
    input: z.object({ estateId: Id, offsets: DunningSchedule }).strict(),
    access: { roles: billingStaff },
    summary: '设置催缴提醒时间（相对到期日的天数）',
  }),
  'dunning.callList': contract<{ items: CallListItem[]; next?: string }>()({
    input: z
      .object({
        estateId: Id.optional(),
        status: z.enum(['open', 'done']).default('open'),
        after: After.optional(),
      })
      .strict(),
    access: { roles: billViewers },
    summary: '电话催缴清单：无法发送订阅消息的住户',
  }),
  'dunning.exportCalls': contract<SheetExport>()({
    input: z
      .object({
        estateId: Id.optional(),
        status: z.enum(['open', 'done']).default('open'),
        format: SheetFormat.default('csv'),
      })
      .strict(),
    access: { roles: billViewers },
    summary: '导出电话催缴清单（手机号隐去中间四位；Excel 或 CSV）',
  }),
  'dunning.revealPhone': contract<{ phone: string | null }>()({
    input: z.object({ callId: DocId, personId: Id }).strict(),
    access: { roles: billViewers },
    summary: '查看催缴住户业主的完整手机号以便拨打（记录审计）',
  }),
  'dunning.markCalled': contract<CallListItem>()({
    input: z.object({ callId: DocId, outcome: z.string().trim().min(1).max(200) }).strict(),
    access: { roles: billViewers },
    summary: '记录电话催缴结果',
  }),
};
