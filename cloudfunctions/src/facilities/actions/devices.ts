import { AppError, keyId, newId, toLocalDate, type DeviceFields, type facilitiesApi } from '@linli/shared';
import { assertServesEstate } from '../../_lib/authorize';
import { findAll } from '../../_lib/collections';
import { identityOf, type ActionContext, type Handler } from '../../_lib/define-function';
import { loadDevice } from '../access';
import { DEVICE_CODES, DEVICES, facilityCollections, type DeviceCodeDoc, type DeviceDoc } from '../documents';
import { buildingNamesOf, toDeviceView, toSummary } from '../views';

const codeKey = (estateId: string, code: string) => keyId('devcode', estateId, code);

function duplicateCode(code: string): AppError {
  return new AppError('DUPLICATE', `设备编码 ${code} 已被本小区其他设备使用`, {
    issues: [{ path: 'device.code', message: '设备编码已被使用' }],
  });
}

async function assertBuildingInEstate(
  ctx: ActionContext,
  estateId: string,
  fields: DeviceFields,
): Promise<void> {
  const buildingId = fields.location.buildingId;
  if (!buildingId) return;
  const building = await ctx.db.buildings.get(buildingId);
  if (!building || building.estateId !== estateId)
    throw new AppError('VALIDATION', '所选楼栋不属于该小区', {
      issues: [{ path: 'device.location.buildingId', message: '所选楼栋不属于该小区' }],
    });
}

/** 设备台账: filter by type, status and building; search name, code, model and place. */
export const list: Handler<typeof facilitiesApi.list> = async (input, ctx) => {
  assertServesEstate(identityOf(ctx), input.estateId);
  const { devices } = facilityCollections(ctx.store);
  const all = await findAll(
    devices,
    {
      where: {
        estateId: input.estateId,
        ...(input.type ? { type: input.type } : {}),
        ...(input.status ? { status: input.status } : {}),
      },
    },
    { sort: [['code', 'asc']] },
  );
  const words = input.q?.toLowerCase();
  const matching = all.filter(
    (d) =>
      (!input.buildingId || d.location.buildingId === input.buildingId) &&
      (!words ||
        [d.name, d.code, d.model, d.manufacturer, d.location.label].some((text) =>
          text.toLowerCase().includes(words),
        )),
  );
  // The ledger of one estate is hundreds of devices: filter in memory, page by offset.
  const offset = input.after ? Number(/^o(\d+)$/.exec(input.after)?.[1] ?? 0) : 0;
  const page = matching.slice(offset, offset + input.limit);
  const buildings = await buildingNamesOf(ctx.db, input.estateId);
  const today = toLocalDate(ctx.now());
  return {
    items: page.map((d) => toSummary(d, buildings, today)),
    ...(offset + input.limit < matching.length ? { next: `o${offset + input.limit}` } : {}),
    total: matching.length,
  };
};

export const detail: Handler<typeof facilitiesApi.detail> = async (input, ctx) =>
  toDeviceView(ctx, await loadDevice(ctx, input.deviceId));

/** 登记设备: the label code is claimed together with the device, so it stays unique. */
export const create: Handler<typeof facilitiesApi.create> = async (input, ctx) => {
  assertServesEstate(identityOf(ctx), input.estateId);
  await assertBuildingInEstate(ctx, input.estateId, input.device);
  const now = ctx.now();
  const device: DeviceDoc = {
    ...input.device,
    _id: newId('dev', now),
    estateId: input.estateId,
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
  await ctx.store.transaction(async (tx) => {
    const codes = tx.collection<DeviceCodeDoc>(DEVICE_CODES);
    const codeId = codeKey(input.estateId, device.code);
    if (await codes.get(codeId)) throw duplicateCode(device.code);
    await codes.insert({ _id: codeId, estateId: input.estateId, deviceId: device._id });
    await tx.collection<DeviceDoc>(DEVICES).insert(device);
  });
  ctx.log.log('info', 'facilities.device_created', { deviceId: device._id });
  return toDeviceView(ctx, device);
};

/** 修改台账: compare-and-set on the version; a new code is claimed and the old one released. */
export const update: Handler<typeof facilitiesApi.update> = async (input, ctx) => {
  const current = await loadDevice(ctx, input.deviceId);
  await assertBuildingInEstate(ctx, current.estateId, input.device);
  const updated = await ctx.store.transaction(async (tx) => {
    const devices = tx.collection<DeviceDoc>(DEVICES);
    const codes = tx.collection<DeviceCodeDoc>(DEVICE_CODES);
    const device = await devices.get(input.deviceId);
    if (!device || device.version !== input.version) throw new AppError('CONFLICT');
    if (device.code !== input.device.code) {
      const newCode = codeKey(device.estateId, input.device.code);
      if (await codes.get(newCode)) throw duplicateCode(input.device.code);
      await codes.insert({ _id: newCode, estateId: device.estateId, deviceId: device._id });
      await codes.remove(codeKey(device.estateId, device.code));
    }
    const next: DeviceDoc = {
      ...device,
      ...input.device,
      updatedAt: ctx.now(),
      version: device.version + 1,
    };
    await devices.set(next);
    return next;
  });
  return toDeviceView(ctx, updated);
};
