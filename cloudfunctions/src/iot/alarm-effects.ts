import {
  isAppError,
  isOnShift,
  keyId,
  severityLabels,
  type Alarm,
  type DeviceType,
  type PublicArea,
  type StaffMember,
  type WorkOrderCategory,
} from '@linli/shared';
import { collections, findAll } from '../_lib/collections';
import type { ActionContext } from '../_lib/define-function';
import { enqueueMany } from '../messaging';
import { openWorkOrder } from '../workorder/open-order';
import { deviceLedger } from './devices';

type Ctx = Pick<ActionContext, 'store' | 'now' | 'log'>;

export const STAFF_ALARM_PAGE = 'admin/alarms/index';

/** Which trade repairs a device type (the work order's category decides the technician skill). */
const repairCategoryOf: Record<DeviceType, WorkOrderCategory> = {
  lift: 'lift',
  fire_pump: 'plumbing',
  water_pump: 'plumbing',
  water_tank: 'plumbing',
  transformer: 'electrical',
  generator: 'electrical',
  power_meter: 'electrical',
  camera: 'electrical',
  hvac: 'hvac',
  access_gate: 'locks',
  extinguisher: 'other',
};

const areaOf: Record<DeviceType, PublicArea> = {
  lift: 'lift',
  fire_pump: 'pump_room',
  water_pump: 'pump_room',
  water_tank: 'pump_room',
  transformer: 'power_room',
  generator: 'power_room',
  power_meter: 'power_room',
  camera: 'other',
  hvac: 'other',
  access_gate: 'gate',
  extinguisher: 'other',
};

/** Staff of the estate who should hear of an alarm now: those on shift, else its admins. */
async function alarmRecipients(ctx: Ctx, estateId: string, at: number): Promise<StaffMember[]> {
  const staff = (await findAll(collections(ctx.store).staff, { where: { active: true } })).filter(
    (s) => s.accountId && s.estateIds.includes(estateId),
  );
  const onShift = staff.filter((s) => s.roles.some((r) => r !== 'finance') && isOnShift(s.shifts, at));
  return onShift.length ? onShift : staff.filter((s) => s.roles.includes('admin'));
}

/**
 * Tell people about an alarm (设备告警通知). `round` names the occasion (`raised`, `escalated`):
 * with the alarm id it is the message's event key, so a retried ingest notifies nobody twice.
 * Best effort: the alarm is already recorded, so a failure is logged, never thrown.
 */
export async function notifyAlarm(
  ctx: Ctx,
  alarm: Alarm,
  round: 'raised' | 'escalated',
  recipients?: StaffMember[],
): Promise<number> {
  try {
    const to = recipients ?? (await alarmRecipients(ctx, alarm.estateId, ctx.now()));
    const prefix = round === 'escalated' ? '【超时未确认】' : '';
    const outcomes = await enqueueMany(
      ctx.store,
      to.map((member) => ({
        kind: 'alarm_raised' as const,
        eventKey: `${alarm._id}.${round}`,
        toAccountId: member.accountId!,
        estateId: alarm.estateId,
        fields: {
          device: alarm.deviceName,
          summary: `${prefix}${alarm.summary}`.slice(0, 200),
          level: severityLabels[alarm.severity],
          location: alarm.locationLabel,
          at: alarm.raisedAt,
        },
        page: `${STAFF_ALARM_PAGE}?id=${alarm._id}`,
      })),
      { now: ctx.now() },
    );
    return outcomes.filter((o) => o.status !== 'duplicate').length;
  } catch (error) {
    ctx.log.log('error', 'iot.notify_failed', { alarmId: alarm._id, round, error });
    return 0;
  }
}

/** The estate's admins, for escalation. */
export async function estateAdmins(ctx: Ctx, estateId: string): Promise<StaffMember[]> {
  const staff = await findAll(collections(ctx.store).staff, { where: { active: true } });
  return staff.filter((s) => s.accountId && s.estateIds.includes(estateId) && s.roles.includes('admin'));
}

/**
 * Open the repair order for a critical alarm, exactly once: the work-order context refuses a
 * second identical report in the same duplicate scope (the alarm id), and the alarm keeps the
 * order's id. A crash between the two is healed by the alarm job, which retries alarms that
 * lack an order and finds the first one through the refusal.
 */
export async function openAlarmWorkOrder(ctx: Ctx, alarm: Alarm): Promise<string | null> {
  if (alarm.workOrderId) return alarm.workOrderId;
  const db = collections(ctx.store);
  const device = await deviceLedger(ctx.store).get(alarm.deviceId);
  const building = device?.location.buildingId ? await db.buildings.get(device.location.buildingId) : null;
  const description = `【设备告警】${alarm.deviceName}（${alarm.locationLabel}）${alarm.summary}`.slice(
    0,
    500,
  );
  let orderId: string;
  try {
    const order = await openWorkOrder(ctx, {
      estateId: alarm.estateId,
      householdId: null,
      location: {
        kind: 'public',
        area: device?.location.publicAreaId ?? areaOf[alarm.deviceType],
        buildingId: building?._id ?? null,
        buildingName: building?.name ?? null,
        deviceId: alarm.deviceId,
        note: alarm.locationLabel,
      },
      category: repairCategoryOf[alarm.deviceType],
      description,
      photos: [],
      preferredTime: null,
      deviceModel: device?.model || null,
      source: 'alarm',
      reporter: { accountId: null, name: '设备告警', phone: null },
      buildingId: building?._id ?? null,
      priority: 'urgent',
      actor: { kind: 'system', name: '设备告警' },
      dailyAccountId: null,
      duplicateScope: alarm._id,
    });
    orderId = order._id;
  } catch (error) {
    if (!isAppError(error) || error.code !== 'DUPLICATE') throw error;
    const guards = await ctx.store
      .collection<{ _id: string; orderId?: string }>('workorder_guards')
      .find(
        { where: { _id: { gte: keyId('wodup', alarm._id), lt: `${keyId('wodup', alarm._id)}~` } } },
        { limit: 1 },
      );
    const found = guards.items[0]?.orderId;
    if (!found) throw error;
    orderId = found;
  }
  await collections(ctx.store).alarms.update(
    alarm._id,
    { set: { workOrderId: orderId } },
    { workOrderId: null },
  );
  return orderId;
}
