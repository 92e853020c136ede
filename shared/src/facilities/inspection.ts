import type { ChecklistItem, ItemResult } from './checklist';
import type { DeviceType } from './device';

export type InspectionState = 'pending' | 'done';
export type InspectionOutcome = 'passed' | 'failed';
export const inspectionOutcomeLabels: Record<InspectionOutcome, string> = {
  passed: '合格',
  failed: '不合格',
};

/**
 * One inspection or maintenance visit of one device (巡检/保养记录, collection `inspections`):
 * opened by a plan occurrence (with its maintenance order) or started on site, filled once.
 */
export interface Inspection {
  _id: string;
  estateId: string;
  deviceId: string;
  deviceName: string;
  deviceCode: string;
  deviceType: DeviceType;
  planId: string | null;
  planName: string | null;
  /** Due date; past it and still pending, the inspection is overdue (逾期). */
  dueDate: string;
  checklist: ChecklistItem[];
  state: InspectionState;
  results: ItemResult[];
  outcome: InspectionOutcome | null;
  failedKeys: string[];
  note: string;
  /** The planned maintenance order this visit fulfils. */
  maintenanceOrderId: string | null;
  maintenanceOrderNo: string | null;
  /** The one repair order opened for its failed items. */
  repairOrderId: string | null;
  repairOrderNo: string | null;
  doneAt: number | null;
  doneByAccountId: string | null;
  doneByName: string | null;
  createdAt: number;
  updatedAt: number;
  version: number;
}

export function isOverdue(inspection: Pick<Inspection, 'state' | 'dueDate'>, today: string): boolean {
  return inspection.state === 'pending' && inspection.dueDate < today;
}

/** The repair order's description: which device, which items failed and why. */
export function repairDescription(
  inspection: Pick<Inspection, 'deviceName' | 'deviceCode' | 'planName'>,
  failed: ReadonlyArray<{ label: string; reason: string | null }>,
): string {
  const source = inspection.planName ? `「${inspection.planName}」` : '巡检';
  const lines = failed.map((f) => `${f.label}：${f.reason ?? '不合格'}`).join('；');
  return `${inspection.deviceName}（${inspection.deviceCode}）${source}发现不合格项：${lines}`.slice(0, 500);
}
