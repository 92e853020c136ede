import { z } from 'zod';
import { ItemResult, type ChecklistItem, type ItemOutcome } from '../facilities/checklist';
import {
  DeviceFields,
  DeviceStatus,
  DeviceType,
  type DeviceContact,
  type DeviceLocation,
} from '../facilities/device';
import type { InspectionOutcome, InspectionState } from '../facilities/inspection';
import type { DeviceLifecycle, WarrantyState } from '../facilities/lifecycle';
import { PlanFields, type PlanResponsible, type PlanTarget } from '../facilities/plan';
import type { Recurrence } from '../facilities/recurrence';
import { FenSchema } from '../money/money';
import { Id } from '../schemas/property';
import type { PublicArea, WorkOrderCategory } from '../workorder/category';
import { contract } from './contract';

// ---------------------------------------------------------------------------------------------
// Views. Instants are epoch milliseconds; money is fen; dates are Shanghai 'YYYY-MM-DD'.

/** A device in the ledger list (设备台账). */
export interface DeviceSummary {
  deviceId: string;
  estateId: string;
  type: DeviceType;
  typeLabel: string;
  name: string;
  code: string;
  model: string;
  locationLabel: string;
  buildingName: string | null;
  status: DeviceStatus;
  statusLabel: string;
  warrantyState: WarrantyState;
  warrantyLabel: string;
  installDate: string | null;
}

export interface DeviceListView {
  items: DeviceSummary[];
  next?: string;
  /** Devices matching the filter (all pages). */
  total: number;
}

export interface LifecycleView extends DeviceLifecycle {
  reasonLabels: string[];
}

/** One line of a device's history (设备履历): visits, orders and repair costs, newest first. */
export interface DeviceHistoryEntry {
  kind: 'inspection' | 'work_order' | 'repair_cost';
  at: number;
  title: string;
  detail: string;
  /** 待完成 / 合格 / 不合格 / 处理中 / 已完成 … */
  stateLabel: string;
  /** Inspection id or work order id, to open it. */
  refId: string | null;
  tone: 'ok' | 'warn' | 'bad' | 'info';
}

/** The device's latest readings and open alarms, as the IoT bridge last relayed them (实时状态). */
export interface DeviceTelemetryView {
  /** False until the bridge has relayed anything for this device. */
  connected: boolean;
  online: boolean | null;
  lastSeenAt: number | null;
  readings: Array<{ name: string; value: string }>;
  faultCode: string | null;
  openAlarms: Array<{
    alarmId: string;
    label: string;
    summary: string;
    severityLabel: string;
    raisedAt: number;
  }>;
}

/** A device opened by staff: the ledger card, plans, history, life and live state. */
export interface DeviceView extends DeviceSummary {
  manufacturer: string;
  serialNo: string;
  location: DeviceLocation;
  purchaseDate: string | null;
  warrantyUntil: string | null;
  serviceLifeYears: number | null;
  purchaseCost: number | null;
  supplier: DeviceContact | null;
  contractor: DeviceContact | null;
  photos: string[];
  documents: Array<{ name: string; fileId: string }>;
  note: string;
  version: number;
  lifecycle: LifecycleView;
  plans: PlanView[];
  pendingInspections: InspectionSummary[];
  history: DeviceHistoryEntry[];
  live: DeviceTelemetryView;
  labelPayload: string;
}

export interface PlanView {
  planId: string;
  estateId: string;
  name: string;
  target: PlanTarget;
  /** '电梯（全部）' or '1号楼1号电梯 LIFT-1-1' */
  targetLabel: string;
  recurrence: Recurrence;
  recurrenceLabel: string;
  checklist: ChecklistItem[];
  responsible: PlanResponsible;
  responsibleLabel: string;
  leadDays: number;
  active: boolean;
  /** The next due date not yet generated; null when paused. */
  nextDueDate: string | null;
  generatedThrough: string | null;
  deviceCount: number;
  version: number;
}

export interface InspectionSummary {
  inspectionId: string;
  deviceId: string;
  deviceName: string;
  deviceCode: string;
  planName: string | null;
  dueDate: string;
  state: InspectionState;
  outcome: InspectionOutcome | null;
  /** 待完成 / 已逾期 / 合格 / 不合格 */
  stateLabel: string;
  overdue: boolean;
  maintenanceOrderNo: string | null;
  repairOrderNo: string | null;
  doneAt: number | null;
  doneByName: string | null;
}

export interface InspectionItemView {
  item: ChecklistItem;
  /** '0.25–0.6 MPa' or '合格 / 不合格' */
  limitsLabel: string;
  result: ItemResult | null;
  outcome: ItemOutcome | null;
  reason: string | null;
}

export interface InspectionView extends InspectionSummary {
  estateId: string;
  deviceTypeLabel: string;
  locationLabel: string;
  items: InspectionItemView[];
  note: string;
  maintenanceOrderId: string | null;
  repairOrderId: string | null;
  version: number;
  /** The caller may fill it in now (pending, and a technician or admin). */
  canFill: boolean;
}

export interface DeviceLabel {
  deviceId: string;
  code: string;
  name: string;
  typeLabel: string;
  locationLabel: string;
  /** What the QR code encodes. */
  payload: string;
  /** The QR code as an SVG data URL, ready for an <Image>. */
  qrDataUrl: string;
}

/** What a scanned label opens: the device for staff, a prefilled repair form for owners. */
export type ScanResult =
  | { kind: 'device'; deviceId: string; estateId: string; name: string }
  | {
      kind: 'report';
      deviceId: string;
      estateId: string;
      name: string;
      householdId: string;
      prefill: {
        category: WorkOrderCategory;
        area: PublicArea;
        buildingId: string | null;
        deviceId: string;
        note: string;
      };
    };

export interface LifecycleRow {
  deviceId: string;
  name: string;
  code: string;
  typeLabel: string;
  locationLabel: string;
  lifecycle: LifecycleView;
}

export interface LifecycleReport {
  estateId: string;
  today: string;
  totals: { devices: number; failuresLastYear: number; repairCost: number };
  /** Most failures first (故障排行). */
  byFailures: LifecycleRow[];
  nearWarrantyEnd: LifecycleRow[];
  nearEndOfLife: LifecycleRow[];
  /** 更新改造计划: soonest year first. */
  replacementPlan: LifecycleRow[];
}

export interface MaintenanceRunReport {
  plans: number;
  created: number;
  /** Occurrences whose order existed already (a re-run). */
  existing: number;
}

const SheetFormat = z.enum(['csv', 'xlsx']);
const STAFF = ['admin', 'service', 'technician', 'finance'] as const;

export const facilitiesApi = {
  list: contract<DeviceListView>()({
    input: z
      .object({
        estateId: Id,
        type: DeviceType.optional(),
        status: DeviceStatus.optional(),
        buildingId: Id.optional(),
        /** Name, code, model or location words. */
        q: z.string().trim().max(30).optional(),
        after: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(100).default(30),
      })
      .strict(),
    access: { roles: STAFF },
    summary: '设备台账列表：按类型、状态、楼栋筛选与搜索',
  }),
  detail: contract<DeviceView>()({
    input: z.object({ deviceId: Id }).strict(),
    access: { roles: STAFF },
    summary: '设备详情：台账、维护计划、履历、寿命分析与实时状态',
  }),
  create: contract<DeviceView>()({
    input: z.object({ estateId: Id, device: DeviceFields }).strict(),
    access: { roles: ['admin'] },
    summary: '登记设备',
  }),
  update: contract<DeviceView>()({
    input: z.object({ deviceId: Id, version: z.number().int().min(0), device: DeviceFields }).strict(),
    access: { roles: ['admin'] },
    summary: '修改设备台账',
  }),
  labels: contract<DeviceLabel[]>()({
    input: z.object({ estateId: Id, deviceIds: z.array(Id).min(1).max(200).optional() }).strict(),
    access: { roles: STAFF },
    summary: '生成设备二维码标签',
  }),
  scan: contract<ScanResult>()({
    input: z.object({ text: z.string().trim().min(1).max(200) }).strict(),
    access: { roles: ['owner', ...STAFF] },
    summary: '扫描设备标签：员工打开设备，业主报修公共设备',
  }),
  plans: contract<PlanView[]>()({
    input: z.object({ estateId: Id, deviceId: Id.optional() }).strict(),
    access: { roles: STAFF },
    summary: '维护计划列表',
  }),
  savePlan: contract<PlanView>()({
    input: z
      .object({
        estateId: Id,
        planId: Id.optional(),
        /** Required when changing an existing plan. */
        version: z.number().int().min(0).optional(),
        plan: PlanFields,
      })
      .strict(),
    access: { roles: ['admin'] },
    summary: '新建或修改维护计划',
  }),
  runMaintenance: contract<MaintenanceRunReport>()({
    input: z.object({ estateId: Id }).strict(),
    access: { roles: ['admin'] },
    summary: '立即生成到期的保养工单（与定时任务相同，不会重复）',
  }),
  inspections: contract<InspectionSummary[]>()({
    input: z
      .object({
        estateId: Id,
        filter: z.enum(['open', 'overdue', 'done', 'all']).default('open'),
        deviceId: Id.optional(),
      })
      .strict(),
    access: { roles: STAFF },
    summary: '巡检保养任务列表（逾期标出）',
  }),
  inspection: contract<InspectionView>()({
    input: z.object({ inspectionId: Id }).strict(),
    access: { roles: STAFF },
    summary: '巡检记录详情',
  }),
  startInspection: contract<InspectionView>()({
    input: z.object({ deviceId: Id }).strict(),
    access: { roles: ['admin', 'technician'] },
    summary: '现场发起一次巡检（使用该类设备的巡检模板）',
  }),
  submitInspection: contract<InspectionView>()({
    input: z
      .object({
        inspectionId: Id,
        version: z.number().int().min(0),
        results: z.array(ItemResult).min(1).max(40),
        note: z.string().trim().max(500).default(''),
      })
      .strict(),
    access: { roles: ['admin', 'technician'] },
    summary: '提交巡检结果；不合格项自动生成维修工单',
  }),
  recordRepairCost: contract<DeviceView>()({
    input: z
      .object({
        deviceId: Id,
        orderId: Id.nullable().default(null),
        amount: FenSchema.refine((n) => n > 0, '金额必须大于 0'),
        note: z.string().trim().max(100).default(''),
      })
      .strict(),
    access: { roles: ['admin', 'finance'] },
    summary: '登记设备维修费用',
  }),
  lifecycle: contract<LifecycleReport>()({
    input: z.object({ estateId: Id }).strict(),
    access: { roles: ['admin', 'finance', 'service'] },
    summary: '设备全生命周期分析：故障、维修费用、MTBF、到期与更新计划',
  }),
  exportLedger: contract<{ filename: string; format: 'csv' | 'xlsx'; content: string }>()({
    input: z.object({ estateId: Id, format: SheetFormat }).strict(),
    access: { roles: ['admin', 'finance'] },
    summary: '导出设备台账（CSV / Excel）',
  }),
};
