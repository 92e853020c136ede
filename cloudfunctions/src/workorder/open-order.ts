import {
  AppError,
  assessPriority,
  createWorkOrder,
  DAILY_REPORT_LIMIT,
  DUPLICATE_WINDOW_MS,
  keyId,
  locationKey,
  locationLabel,
  reportFingerprint,
  requiredSkillOf,
  shanghai,
  subjectOf,
  toLocalDate,
  type ActorKind,
  type Household,
  type Priority,
  type VisitSlot,
  type WorkOrder,
  type WorkOrderCategory,
  type WorkOrderLocation,
  type WorkOrderLocationInput,
  type WorkOrderSource,
  newId,
} from '@linli/shared';
import type { ActionContext } from '../_lib/define-function';
import {
  WORKORDER_GUARDS,
  WORKORDERS,
  type CounterGuard,
  type DailyGuard,
  type DuplicateGuard,
  type WorkOrderDoc,
} from './documents';

/** How far ahead an owner may ask for a visit. */
const PREFERRED_DAYS_AHEAD = 30;

/** Everything a new order needs, whoever opens it (owner, desk, later maintenance plans and alarms). */
export interface OpenOrderSpec {
  estateId: string;
  householdId: string | null;
  location: WorkOrderLocation;
  category: WorkOrderCategory;
  description: string;
  photos: string[];
  preferredTime: { date: string; slot: VisitSlot } | null;
  deviceModel?: string | null;
  source: WorkOrderSource;
  reporter: { accountId: string | null; name: string; phone: string | null };
  /** The building the fault is in (the household's, or the public area's); dispatch prefers technicians already there. */
  buildingId: string | null;
  /** A staff override of the computed priority. */
  priority?: Priority;
  /** Who stamps the first timeline entry. */
  actor: { kind: ActorKind; name: string };
  /**
   * Abuse limits: `dailyAccountId` counts against the daily limit; `duplicateScope` (an account
   * or household) refuses the same report again within a day.
   */
  dailyAccountId: string | null;
  duplicateScope: string;
}

/** The location as stored: the household's room, or a public area checked against the estate. */
export async function resolveLocation(
  ctx: Pick<ActionContext, 'db'>,
  household: Household,
  input: WorkOrderLocationInput,
): Promise<WorkOrderLocation> {
  if (input.kind === 'household')
    return { kind: 'household', householdId: household._id, roomCode: household.roomCode };
  let buildingName: string | null = null;
  if (input.buildingId) {
    const building = await ctx.db.buildings.get(input.buildingId);
    if (!building || building.estateId !== household.estateId)
      throw new AppError('VALIDATION', '所选楼栋不属于该小区', {
        issues: [{ path: 'location.buildingId', message: '所选楼栋不属于该小区' }],
      });
    buildingName = building.name;
  }
  return {
    kind: 'public',
    area: input.area,
    buildingId: input.buildingId ?? null,
    buildingName,
    deviceId: input.deviceId ?? null,
    note: input.note ?? null,
  };
}

export function assertPreferredTime(
  preferred: { date: string; slot: VisitSlot } | undefined,
  now: number,
): { date: string; slot: VisitSlot } | null {
  if (!preferred) return null;
  const today = toLocalDate(now);
  const last = toLocalDate(shanghai(now).add(PREFERRED_DAYS_AHEAD, 'day'));
  if (preferred.date < today || preferred.date > last)
    throw new AppError('VALIDATION', `期望上门日期须在今天起 ${PREFERRED_DAYS_AHEAD} 天内`, {
      issues: [{ path: 'preferredTime.date', message: `请选择今天起 ${PREFERRED_DAYS_AHEAD} 天内的日期` }],
    });
  return preferred;
}

/**
 * Open a work order. One transaction over documents addressed by id takes the day's order
 * number, counts the reporter's daily limit and claims the duplicate fingerprint, then inserts
 * the order: all of it or none (a refused report leaves nothing behind).
 */
export async function openWorkOrder(
  ctx: Pick<ActionContext, 'store' | 'now'>,
  spec: OpenOrderSpec,
): Promise<WorkOrder> {
  const now = ctx.now();
  const day = toLocalDate(now);
  const where = { location: spec.location };
  const key = locationKey(where.location);
  const assessed = assessPriority(spec.category, spec.description);
  const priority = spec.priority ?? assessed.priority;
  const fingerprint = reportFingerprint({
    category: spec.category,
    locationKey: key,
    description: spec.description,
  });
  const counterId = keyId('wono', spec.estateId, day);
  const dailyId = spec.dailyAccountId ? keyId('woday', spec.dailyAccountId, day) : null;
  const duplicateId = keyId('wodup', spec.duplicateScope, fingerprint);

  return ctx.store.transaction(async (tx) => {
    const guards = tx.collection<CounterGuard & DailyGuard & DuplicateGuard>(WORKORDER_GUARDS);
    const orders = tx.collection<WorkOrderDoc>(WORKORDERS);
    if (dailyId) {
      const daily = await guards.get(dailyId);
      if ((daily?.count ?? 0) >= DAILY_REPORT_LIMIT)
        throw new AppError(
          'RATE_LIMITED',
          `每天最多提交 ${DAILY_REPORT_LIMIT} 个报修，如有紧急情况请致电物业服务中心`,
        );
      await guards.set({ _id: dailyId, count: (daily?.count ?? 0) + 1 } as DailyGuard &
        CounterGuard &
        DuplicateGuard);
    }
    const duplicate = await guards.get(duplicateId);
    if (duplicate && now - duplicate.at < DUPLICATE_WINDOW_MS) {
      const earlier = await orders.get(duplicate.orderId);
      if (earlier && earlier.state !== 'cancelled')
        throw new AppError('DUPLICATE', `您已提交过相同的报修（工单 ${earlier.orderNo}），请勿重复提交`);
    }
    const counter = await guards.get(counterId);
    const seq = (counter?.seq ?? 0) + 1;
    const order = createWorkOrder(
      {
        _id: newId('wo', now),
        orderNo: `BX${day.replaceAll('-', '')}${String(seq).padStart(4, '0')}`,
        estateId: spec.estateId,
        householdId: spec.householdId,
        location: spec.location,
        locationLabel: locationLabel(spec.location),
        locationKey: key,
        buildingId: spec.buildingId,
        category: spec.category,
        requiredSkill: requiredSkillOf[spec.category],
        description: spec.description,
        subject: subjectOf(spec.description),
        photos: spec.photos,
        preferredTime: spec.preferredTime,
        deviceId: spec.location.kind === 'public' ? spec.location.deviceId : null,
        deviceModel: spec.deviceModel ?? null,
        source: spec.source,
        reporter: spec.reporter,
        priority,
        prioritySource: spec.priority ? 'staff' : 'auto',
        priorityReasons: spec.priority ? ['客服指定'] : assessed.reasons,
        createdAt: now,
      },
      spec.actor,
    );
    await guards.set({ _id: counterId, seq } as DailyGuard & CounterGuard & DuplicateGuard);
    await guards.set({ _id: duplicateId, orderId: order._id, at: now } as DailyGuard &
      CounterGuard &
      DuplicateGuard);
    await orders.insert(order as WorkOrderDoc);
    return order;
  });
}
