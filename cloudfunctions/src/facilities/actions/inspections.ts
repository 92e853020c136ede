import {
  AppError,
  defaultChecklists,
  evaluateChecklist,
  newId,
  toLocalDate,
  type facilitiesApi,
} from '@linli/shared';
import { assertServesEstate } from '../../_lib/authorize';
import { findAll } from '../../_lib/collections';
import { identityOf, type Handler } from '../../_lib/define-function';
import { canFillInspections, loadDevice, loadInspection } from '../access';
import { facilityCollections, type InspectionDoc } from '../documents';
import { openRepairOrder } from '../open-repair';
import { toInspectionSummary, toInspectionView } from '../views';

/** 巡检任务: open ones (overdue first), only overdue, done, or all; newest due first otherwise. */
export const inspections: Handler<typeof facilitiesApi.inspections> = async (input, ctx) => {
  assertServesEstate(identityOf(ctx), input.estateId);
  const today = toLocalDate(ctx.now());
  const where = {
    estateId: input.estateId,
    ...(input.deviceId ? { deviceId: input.deviceId } : {}),
    ...(input.filter === 'open' ? { state: 'pending' } : {}),
    ...(input.filter === 'done' ? { state: 'done' } : {}),
    ...(input.filter === 'overdue' ? { state: 'pending', dueDate: { lt: today } } : {}),
  };
  const found = await findAll(
    facilityCollections(ctx.store).inspections,
    { where },
    { sort: [['dueDate', 'asc']] },
  );
  const ordered =
    input.filter === 'done' || input.filter === 'all'
      ? found.sort((a, b) => (b.doneAt ?? b.createdAt) - (a.doneAt ?? a.createdAt))
      : found;
  return ordered.slice(0, 300).map((i) => toInspectionSummary(i, today));
};

export const inspection: Handler<typeof facilitiesApi.inspection> = async (input, ctx) => {
  const found = await loadInspection(ctx, input.inspectionId);
  const device = await facilityCollections(ctx.store).devices.get(found.deviceId);
  return toInspectionView(found, device, identityOf(ctx), toLocalDate(ctx.now()));
};

/** 现场巡检: a visit not from a plan, with the device type's template. */
export const startInspection: Handler<typeof facilitiesApi.startInspection> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const device = await loadDevice(ctx, input.deviceId);
  if (device.status === 'retired') throw new AppError('PRECONDITION_FAILED', '设备已报废，无需巡检');
  const now = ctx.now();
  const created: InspectionDoc = {
    _id: newId('insp', now),
    estateId: device.estateId,
    deviceId: device._id,
    deviceName: device.name,
    deviceCode: device.code,
    deviceType: device.type,
    planId: null,
    planName: null,
    dueDate: toLocalDate(now),
    checklist: defaultChecklists[device.type],
    state: 'pending',
    results: [],
    outcome: null,
    failedKeys: [],
    note: '',
    maintenanceOrderId: null,
    maintenanceOrderNo: null,
    repairOrderId: null,
    repairOrderNo: null,
    doneAt: null,
    doneByAccountId: null,
    doneByName: null,
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
  await facilityCollections(ctx.store).inspections.insert(created);
  return toInspectionView(created, device, identity, toLocalDate(now));
};

/**
 * 提交巡检: every item must be answered. Marking the inspection done is a compare-and-set on
 * its version, so of two technicians submitting at once one wins and one repair order opens.
 */
export const submitInspection: Handler<typeof facilitiesApi.submitInspection> = async (input, ctx) => {
  const identity = identityOf(ctx);
  if (!canFillInspections(identity)) throw new AppError('FORBIDDEN');
  const current = await loadInspection(ctx, input.inspectionId);
  if (current.state !== 'pending') throw new AppError('PRECONDITION_FAILED', '该巡检已提交，不能重复提交');
  if (current.version !== input.version) throw new AppError('CONFLICT');
  const keys = new Set(current.checklist.map((i) => i.key));
  const unknown = input.results.find((r) => !keys.has(r.key));
  if (unknown) throw new AppError('VALIDATION', `检查项 ${unknown.key} 不在检查表中`);
  const evaluation = evaluateChecklist(current.checklist, input.results);
  if (evaluation.missing.length)
    throw new AppError(
      'VALIDATION',
      `还有 ${evaluation.missing.length} 项未填写：${evaluation.missing.map((m) => m.label).join('、')}`,
      {
        issues: evaluation.missing.map((m) => ({ path: `results.${m.key}`, message: '请填写此项' })),
      },
    );
  const now = ctx.now();
  const done: InspectionDoc = {
    ...current,
    state: 'done',
    results: input.results,
    outcome: evaluation.passed ? 'passed' : 'failed',
    failedKeys: evaluation.failed.map((f) => f.key),
    note: input.note,
    doneAt: now,
    doneByAccountId: identity.accountId,
    doneByName: identity.displayName,
    updatedAt: now,
    version: current.version + 1,
  };
  const { inspections: docs, devices } = facilityCollections(ctx.store);
  const claimed = await docs.update(
    current._id,
    {
      set: {
        state: done.state,
        results: done.results,
        outcome: done.outcome,
        failedKeys: done.failedKeys,
        note: done.note,
        doneAt: now,
        doneByAccountId: done.doneByAccountId,
        doneByName: done.doneByName,
        updatedAt: now,
        version: done.version,
      },
    },
    { version: current.version, state: 'pending' },
  );
  if (!claimed) throw new AppError('CONFLICT', '该巡检刚被他人提交，请刷新查看');
  const device = await devices.get(current.deviceId);
  if (done.outcome === 'failed' && device) {
    const order = await openRepairOrder(ctx, done, device, identity.displayName);
    done.repairOrderId = order._id;
    done.repairOrderNo = order.orderNo;
    ctx.log.log('info', 'facilities.inspection_failed', { inspectionId: done._id, orderId: order._id });
  }
  return toInspectionView(done, device, identity, toLocalDate(now));
};
