import type {
  EscalationLevel,
  KnowledgeEntry,
  PriceItem,
  RepairWarranty,
  SlaClock,
  WorkOrder,
  WorkOrderSettings,
} from '@linli/shared';
import type { Doc, Store } from '../_lib/store/port';

/** Collection names of the work-order context (indexes: _lib/collections.ts). */
export const WORKORDERS = 'workorders';
export const WORKORDER_ESCALATIONS = 'workorder_escalations';
export const WORKORDER_KNOWLEDGE = 'workorder_knowledge';
export const WORKORDER_SETTINGS = 'workorder_settings';
/** 有偿维修收费标准, one per estate (id = estate id). */
export const WORKORDER_PRICE_LISTS = 'workorder_price_lists';
/** Per-day order numbers, daily report counts and duplicate fingerprints: read and written by id. */
export const WORKORDER_GUARDS = 'workorder_guards';

export type WorkOrderDoc = WorkOrder & Doc;

/** One SLA escalation of one order, level and round; its id makes it happen at most once. */
export interface EscalationDoc extends Doc {
  orderId: string;
  orderNo: string;
  estateId: string;
  round: number;
  level: EscalationLevel;
  clock: SlaClock;
  dueAt: number;
  at: number;
  /** Staff accounts a message was queued for (0 for a lesser level escalated together). */
  notified: number;
}

/** A finished order's fault → cause → fix, one per order and round. */
export interface KnowledgeDoc extends Doc, KnowledgeEntry {
  estateId: string;
  orderId: string;
  orderNo: string;
  round: number;
  locationLabel: string;
  parts: string[];
  technicianName: string;
  completedAt: number;
  /** The owner reopened the order: this fix did not hold. */
  failed: boolean;
}

export interface SettingsDoc extends Doc, WorkOrderSettings {
  updatedAt: number;
}

export interface PriceListDoc extends Doc {
  items: PriceItem[];
  warranty: RepairWarranty;
  updatedAt: number;
}

export interface CounterGuard extends Doc {
  seq: number;
}
export interface DailyGuard extends Doc {
  count: number;
}
export interface DuplicateGuard extends Doc {
  orderId: string;
  at: number;
}

export function workorderCollections(store: Store) {
  return {
    workorders: store.collection<WorkOrderDoc>(WORKORDERS),
    escalations: store.collection<EscalationDoc>(WORKORDER_ESCALATIONS),
    knowledge: store.collection<KnowledgeDoc>(WORKORDER_KNOWLEDGE),
    settings: store.collection<SettingsDoc>(WORKORDER_SETTINGS),
    priceLists: store.collection<PriceListDoc>(WORKORDER_PRICE_LISTS),
  };
}
