import {
  alarmStateLabels,
  deviceTypeLabels,
  severityLabels,
  type Alarm,
  type AlarmView,
} from '@linli/shared';
import { findByIds } from '../_lib/find-by-ids';
import type { Store } from '../_lib/store/port';

/** Alarm documents as staff see them, with the work-order numbers looked up in one read. */
export async function toAlarmViews(store: Store, alarms: Alarm[]): Promise<AlarmView[]> {
  const orderIds = alarms.map((a) => a.workOrderId).filter((id): id is string => id !== null);
  const orders = orderIds.length
    ? await findByIds(store.collection<{ _id: string; orderNo: string }>('workorders'), orderIds)
    : new Map<string, { _id: string; orderNo: string }>();
  return alarms.map((a) => ({
    alarmId: a._id,
    deviceId: a.deviceId,
    deviceType: a.deviceType,
    deviceTypeLabel: deviceTypeLabels[a.deviceType],
    deviceName: a.deviceName,
    locationLabel: a.locationLabel,
    ruleId: a.ruleId,
    label: a.label,
    severity: a.severity,
    severityLabel: severityLabels[a.severity],
    state: a.state,
    stateLabel: alarmStateLabels[a.state],
    summary: a.summary,
    raisedAt: a.raisedAt,
    repeats: a.repeats,
    ackedAt: a.ackedAt,
    ackedBy: a.ackedBy,
    clearedAt: a.clearedAt,
    clearedBy: a.clearedBy,
    clearNote: a.clearNote,
    escalatedAt: a.escalatedAt,
    workOrderId: a.workOrderId,
    workOrderNo: a.workOrderId ? (orders.get(a.workOrderId)?.orderNo ?? null) : null,
    flapping: Boolean(a.flapOf),
  }));
}
