import { z } from 'zod';
import { FileId } from '../notice/rich-text';
import { Id } from '../schemas/property';
import { LocalDate } from '../time/shanghai';
import {
  PublicArea,
  VisitSlot,
  WorkOrderCategory,
  type WorkOrderLocation,
  type WorkOrderSource,
} from '../workorder/category';
import type { PartUsed } from '../workorder/order';
import {
  PriceListInput,
  QuoteQuantity,
  type ChargeOverride,
  type PriceItem,
  type RepairQuote,
  type RepairWarranty,
} from '../workorder/charge';
import { Priority } from '../workorder/priority';
import { DispatchMode } from '../workorder/settings';
import type { EscalationLevel, SlaClock, SlaStatus } from '../workorder/sla';
import { MAX_PHOTOS } from '../workorder/report-limits';
import type { WorkOrderStats } from '../workorder/stats';
import { WorkOrderState, type ActorKind, type WorkOrderVerb } from '../workorder/states';
import type { Fen } from '../money/money';
import { contract } from './contract';

// ---------------------------------------------------------------------------------------------
// Views. Instants are epoch milliseconds; format them in Shanghai time at the edge.

/** Where an open order stands against its deadlines (null once finished). */
export interface SlaView {
  status: SlaStatus;
  /** 正常 / 即将超时 / 已超时 */
  statusLabel: string;
  clock: SlaClock | null;
  /** 响应 / 完工 */
  clockLabel: string | null;
  dueAt: number | null;
}

/** A work order in a list. */
export interface WorkOrderSummary {
  orderId: string;
  /** BX202611300007: the number people quote on the phone. */
  orderNo: string;
  estateId: string;
  category: WorkOrderCategory;
  categoryLabel: string;
  subject: string;
  locationLabel: string;
  state: WorkOrderState;
  stateLabel: string;
  priority: Priority;
  priorityLabel: string;
  source: WorkOrderSource;
  sourceLabel: string;
  assigneeId: string | null;
  assigneeName: string | null;
  /** 2026-12-01 上午 9:00–12:00 */
  preferredTimeLabel: string | null;
  sla: SlaView | null;
  createdAt: number;
  updatedAt: number;
}

/** One stamped step of the order, as the owner's progress timeline shows it. */
export interface TimelineEntryView {
  seq: number;
  at: number;
  state: WorkOrderState;
  stateLabel: string;
  /** 系统派单给赵师傅 / 赵师傅已出发 / 业主已验收 */
  label: string;
  note: string | null;
  actorKind: ActorKind;
  actorName: string;
}

export interface CompletionView {
  cause: string;
  actionsTaken: string;
  parts: PartUsed[];
  photos: string[];
  at: number;
  technicianName: string;
}

export interface AcceptanceView {
  /** 1–5; null when the order closed itself. */
  rating: number | null;
  comment: string | null;
  at: number;
  auto: boolean;
}

/** How the technician got the order (staff only). */
export interface DispatchView {
  mode: 'auto' | 'manual' | 'grab';
  /** 智能派单 / 人工派单 / 抢单 */
  modeLabel: string;
  at: number;
  byName: string;
  summary: string;
  /** `李师傅: 电梯技能, 在班, 当前 1 单, 4 级, 24 小时内派 0 单`, best first. */
  reasons: string[];
}

export interface EscalationView {
  level: EscalationLevel;
  /** 即将超时未接单 / 超时未完工 … */
  label: string;
  at: number;
  /** Staff accounts a message was queued for. */
  notified: number;
}

/** A similar past fix from the knowledge base. */
export interface KnowledgeHitView {
  entryId: string;
  orderId: string;
  orderNo: string;
  category: WorkOrderCategory;
  categoryLabel: string;
  deviceModel: string | null;
  locationLabel: string;
  fault: string;
  cause: string;
  fix: string;
  parts: string[];
  technicianName: string;
  completedAt: number;
  verified: boolean;
  /** 0 … 1 */
  score: number;
  /** 描述相似 67% / 同类别 / 同设备型号 / 业主已验收 */
  why: string[];
}

/** A quote as shown: each line with its formula, the total, and where it stands. */
export interface QuoteView extends RepairQuote {
  /** 待业主确认 / 业主已确认 / 业主已拒绝 */
  statusLabel: string;
}

/** 有偿维修 on one order: whether it may be charged and why, its quotes, and what is still owed. */
export interface RepairChargeView {
  /** The household that pays (the order's). */
  householdId: string;
  chargeable: boolean;
  /** 入户维修，按收费标准收费 / 公共区域维修，免费 / 王客服设为免费：… */
  reason: string;
  override: ChargeOverride | null;
  quotes: QuoteView[];
  /** Confirmed but not yet paid. */
  unpaidFen: Fen;
}

/** An estate's 收费标准 for paid repairs. */
export interface PriceListView {
  estateId: string;
  items: PriceItem[];
  warranty: RepairWarranty;
  /** Null until someone saves the estate's list. */
  updatedAt: number | null;
}

/** One order in full, as the caller may see it. */
export interface WorkOrderDetail extends WorkOrderSummary {
  description: string;
  photos: string[];
  location: WorkOrderLocation;
  preferredTime: { date: string; slot: VisitSlot } | null;
  deviceId: string | null;
  deviceModel: string | null;
  reporterName: string;
  /** Full for the household, the desk and the assigned technician; masked for others. */
  contactPhone: string | null;
  prioritySource: 'auto' | 'staff';
  /** Why this priority: 关键词“漏水” … */
  priorityReasons: string[];
  reopenCount: number;
  timeline: TimelineEntryView[];
  completion: CompletionView | null;
  acceptance: AcceptanceView | null;
  /** What the caller may do now: the buttons to show. */
  actions: WorkOrderVerb[];
  /** Staff only (null for owners). */
  dispatch: DispatchView | null;
  /** Staff only (empty for owners). */
  escalations: EscalationView[];
  /** Similar past fixes for technicians and the desk; filled by `detail` only. */
  suggestions: KnowledgeHitView[];
  /** 有偿维修: chargeability and quotes (null for orders of no household). */
  charge: RepairChargeView | null;
}

/** An owner's order with its progress. */
export interface MyWorkOrder extends WorkOrderSummary {
  timeline: TimelineEntryView[];
  actions: WorkOrderVerb[];
}

export interface CandidateView {
  staffId: string;
  name: string;
  onShift: boolean;
  nextShiftAt: number | null;
  level: number;
  openOrders: number;
  recentAssignments: number;
  nearby: boolean;
  score: number;
  reason: string;
}

export interface DispatchDecisionView {
  /** Whether the order was given to `chosen` (false for a preview or when nobody fits). */
  assigned: boolean;
  summary: string;
  chosen: CandidateView | null;
  ranked: CandidateView[];
  excluded: Array<{ staffId: string; name: string; reason: string }>;
}

export interface WorkOrderStatsView extends Omit<WorkOrderStats, 'byCategory' | 'backlogByCategory'> {
  estateId: string;
  from: string;
  to: string;
  byCategory: Array<WorkOrderStats['byCategory'][number] & { categoryLabel: string }>;
  backlogByCategory: Array<WorkOrderStats['backlogByCategory'][number] & { categoryLabel: string }>;
}

export interface WorkOrderSettingsView {
  estateId: string;
  dispatchMode: DispatchMode;
  dispatchModeLabel: string;
  autoCloseDays: number;
}

// ---------------------------------------------------------------------------------------------
// Inputs

const OrderRef = { orderId: Id };
const Reason = z.string().trim().min(2, '请填写原因（至少 2 个字）').max(200, '原因最多 200 字');
const Description = z.string().trim().min(2, '请描述遇到的问题').max(500, '问题描述最多 500 字');
const Photos = z.array(FileId).max(MAX_PHOTOS, `最多上传 ${MAX_PHOTOS} 张照片`).default([]);
/** As printed in a device's QR code. */
const DeviceId = z
  .string()
  .trim()
  .regex(/^[\w.:-]{1,64}$/, '设备编号格式不正确');
const Phone = z.string().regex(/^1\d{10}$/, '手机号格式不正确');

/** The reporting household's own room, or a public area (optionally a device). */
export const WorkOrderLocationInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('household') }).strict(),
  z
    .object({
      kind: z.literal('public'),
      area: PublicArea,
      buildingId: Id.optional(),
      deviceId: DeviceId.optional(),
      note: z.string().trim().max(30, '位置说明最多 30 字').optional(),
    })
    .strict(),
]);
export type WorkOrderLocationInput = z.infer<typeof WorkOrderLocationInput>;

export const PreferredTimeInput = z.object({ date: LocalDate, slot: VisitSlot }).strict();

const reportFields = {
  category: WorkOrderCategory,
  description: Description,
  location: WorkOrderLocationInput.default({ kind: 'household' }),
  photos: Photos,
  preferredTime: PreferredTimeInput.optional(),
};

const Part = z
  .object({
    name: z.string().trim().min(1, '请填写配件名称').max(30),
    quantity: z.number().int().min(1).max(999),
  })
  .strict();

const desk = ['admin', 'service'] as const;
const technician = ['technician'] as const;

/** `workorder`: 报事报修 — report, dispatch, field work, acceptance, SLA, knowledge, statistics. */
export const workorderApi = {
  // --- owners ---------------------------------------------------------------------------------
  report: contract<WorkOrderDetail>()({
    input: z
      .object({
        /** Which of the caller's homes; may be left out when they have only one. */
        householdId: Id.optional(),
        ...reportFields,
        /** Defaults to the phone registered for the caller. */
        contactPhone: Phone.optional(),
      })
      .strict(),
    access: { roles: ['owner'] },
    summary: '业主报修（每天最多 10 单，同样的报修一天内不能重复提交）',
  }),
  mine: contract<{ items: MyWorkOrder[]; next?: string }>()({
    input: z
      .object({
        scope: z.enum(['open', 'finished', 'all']).default('all'),
        after: z.string().max(500).optional(),
      })
      .strict(),
    access: { roles: ['owner'] },
    summary: '我家的报修与进度',
  }),
  detail: contract<WorkOrderDetail>()({
    input: z.object(OrderRef).strict(),
    access: { roles: ['owner', 'admin', 'service', 'technician'] },
    summary: '工单详情与进度（业主看自家的，员工看所负责小区的）',
  }),
  confirm: contract<WorkOrderDetail>()({
    input: z
      .object({
        ...OrderRef,
        rating: z.number().int().min(1, '评分为 1–5 星').max(5, '评分为 1–5 星'),
        comment: z.string().trim().max(200, '评价最多 200 字').optional(),
      })
      .strict(),
    access: { roles: ['owner'] },
    summary: '业主验收并评价',
  }),
  reopen: contract<WorkOrderDetail>()({
    input: z.object({ ...OrderRef, reason: Reason }).strict(),
    access: { roles: ['owner'] },
    summary: '业主对完工工单申请返修',
  }),
  cancel: contract<WorkOrderDetail>()({
    input: z.object({ ...OrderRef, reason: Reason }).strict(),
    access: { roles: ['owner', ...desk] },
    summary: '取消工单（业主在开始维修前，客服任何未完成时）',
  }),

  approveQuote: contract<WorkOrderDetail>()({
    input: z.object(OrderRef).strict(),
    access: { roles: ['owner'] },
    summary: '业主确认维修报价（生成维修费账单，在“缴费”中支付）',
  }),
  declineQuote: contract<WorkOrderDetail>()({
    input: z.object({ ...OrderRef, reason: Reason }).strict(),
    access: { roles: ['owner'] },
    summary: '业主拒绝维修报价（师傅可重新报价，或不收费完工）',
  }),

  // --- service desk ---------------------------------------------------------------------------
  createForOwner: contract<WorkOrderDetail>()({
    input: z
      .object({
        householdId: Id,
        ...reportFields,
        channel: z.enum(['phone', 'walk_in']).default('phone'),
        contactName: z.string().trim().min(1).max(30).optional(),
        contactPhone: Phone.optional(),
        /** Overrides the priority read from category and description. */
        priority: Priority.optional(),
        deviceModel: z.string().trim().min(1).max(50).optional(),
      })
      .strict(),
    access: { roles: desk },
    summary: '客服代业主登记报修（电话、前台）',
  }),
  list: contract<{ items: WorkOrderSummary[]; next?: string }>()({
    input: z
      .object({
        estateId: Id.optional(),
        states: z.array(WorkOrderState).min(1).max(WorkOrderState.options.length).optional(),
        priority: Priority.optional(),
        category: WorkOrderCategory.optional(),
        technicianId: Id.optional(),
        /** at_risk: about to miss a deadline; breached: missed one; any: either. */
        slaRisk: z.enum(['at_risk', 'breached', 'any']).optional(),
        after: z.string().max(500).optional(),
        limit: z.number().int().min(1).max(100).default(20),
      })
      .strict(),
    access: { roles: desk },
    summary: '工单列表（按状态、优先级、类别、师傅、超时风险筛选，最新在前）',
  }),
  dispatch: contract<{ order: WorkOrderDetail; decision: DispatchDecisionView }>()({
    input: z.object(OrderRef).strict(),
    access: { roles: desk },
    summary: '智能派单：按技能、在班、级别、负荷、公平与楼栋为工单选出师傅并派单',
  }),
  candidates: contract<DispatchDecisionView>()({
    input: z.object(OrderRef).strict(),
    access: { roles: desk },
    summary: '查看派单候选师傅及理由（不派单）',
  }),
  reassign: contract<WorkOrderDetail>()({
    input: z.object({ ...OrderRef, staffId: Id, reason: z.string().trim().max(200).optional() }).strict(),
    access: { roles: desk },
    summary: '指派或改派给指定师傅（须具备所需技能）',
  }),
  setPriority: contract<WorkOrderDetail>()({
    input: z.object({ ...OrderRef, priority: Priority, reason: Reason }).strict(),
    access: { roles: desk },
    summary: '调整工单优先级（时限随之重算）',
  }),
  stats: contract<WorkOrderStatsView>()({
    input: z.object({ estateId: Id.optional(), from: LocalDate, to: LocalDate }).strict(),
    access: { roles: desk },
    summary: '报修统计：响应与完工时长、时限达成率、分类积压、重复报修位置、师傅评分',
  }),
  settings: contract<WorkOrderSettingsView>()({
    input: z.object({ estateId: Id.optional() }).strict(),
    access: { roles: desk },
    summary: '小区的派单方式与自动验收天数',
  }),
  saveSettings: contract<WorkOrderSettingsView>()({
    input: z
      .object({
        estateId: Id,
        dispatchMode: DispatchMode,
        autoCloseDays: z.number().int().min(1, '至少 1 天').max(30, '最多 30 天'),
      })
      .strict(),
    access: { roles: ['admin'] },
    summary: '设置派单方式与自动验收天数',
  }),

  setChargeable: contract<WorkOrderDetail>()({
    input: z.object({ ...OrderRef, chargeable: z.boolean(), reason: Reason }).strict(),
    access: { roles: desk },
    summary: '将工单改为收费或免费（须说明原因，记入审计）',
  }),
  priceList: contract<PriceListView>()({
    input: z.object({ estateId: Id.optional() }).strict(),
    access: { roles: [...desk, ...technician] },
    summary: '有偿维修收费标准：人工与配件单价、保修期',
  }),
  savePriceList: contract<PriceListView>()({
    input: z.object({ estateId: Id }).extend(PriceListInput.shape).strict(),
    access: { roles: ['admin'] },
    summary: '编辑有偿维修收费标准（单价以分计）',
  }),

  // --- technicians ----------------------------------------------------------------------------
  queue: contract<{ items: WorkOrderSummary[] }>()({
    input: z.object({ scope: z.enum(['open', 'finished']).default('open') }).strict(),
    access: { roles: technician },
    summary: '我的工单：未完成的按紧急程度与时限排序，已完成的最近在前',
  }),
  pool: contract<{ items: WorkOrderSummary[] }>()({
    input: z.object({ estateId: Id.optional() }).strict(),
    access: { roles: [...technician, ...desk] },
    summary: '抢单池：等待接单的工单（师傅只看到自己有技能的）',
  }),
  grab: contract<WorkOrderDetail>()({
    input: z.object(OrderRef).strict(),
    access: { roles: technician },
    summary: '抢单（同一工单只有一位师傅能抢到）',
  }),
  accept: contract<WorkOrderDetail>()({
    input: z.object(OrderRef).strict(),
    access: { roles: technician },
    summary: '接单',
  }),
  reject: contract<WorkOrderDetail>()({
    input: z.object({ ...OrderRef, reason: Reason }).strict(),
    access: { roles: technician },
    summary: '退单（工单回到派单或抢单池）',
  }),
  depart: contract<WorkOrderDetail>()({
    input: z.object(OrderRef).strict(),
    access: { roles: technician },
    summary: '出发',
  }),
  start: contract<WorkOrderDetail>()({
    input: z.object(OrderRef).strict(),
    access: { roles: technician },
    summary: '到达并开始维修',
  }),
  pause: contract<WorkOrderDetail>()({
    input: z.object({ ...OrderRef, reason: Reason }).strict(),
    access: { roles: technician },
    summary: '暂停维修（如等待配件，暂停期间不计完工时限）',
  }),
  resume: contract<WorkOrderDetail>()({
    input: z.object(OrderRef).strict(),
    access: { roles: technician },
    summary: '继续维修',
  }),
  complete: contract<WorkOrderDetail>()({
    input: z
      .object({
        ...OrderRef,
        cause: z.string().trim().min(2, '请填写故障原因').max(200),
        actionsTaken: z.string().trim().min(2, '请填写处理措施').max(500),
        parts: z.array(Part).max(30).default([]),
        photos: Photos,
      })
      .strict(),
    access: { roles: technician },
    summary: '完工：填写原因、处理措施、更换配件与照片',
  }),
  quote: contract<WorkOrderDetail>()({
    input: z
      .object({
        ...OrderRef,
        lines: z
          .array(z.object({ code: z.string().min(1).max(30), quantity: QuoteQuantity }).strict())
          .min(1, '请至少选择一项人工或配件')
          .max(30, '最多 30 项'),
      })
      .strict(),
    access: { roles: technician },
    summary: '有偿维修报价：从收费标准选择人工与配件，发给业主确认',
  }),
  knowledgeSearch: contract<{ items: KnowledgeHitView[] }>()({
    input: z
      .object({
        query: z.string().trim().min(2, '请输入至少 2 个字').max(100),
        category: WorkOrderCategory.optional(),
        deviceModel: z.string().trim().max(50).optional(),
        limit: z.number().int().min(1).max(20).default(10),
      })
      .strict(),
    access: { roles: [...technician, ...desk] },
    summary: '维修知识库检索：相似故障的原因、处理与配件',
  }),
};
