import {
  AppError,
  deviceDefaultArea,
  deviceTypeLabels,
  keyId,
  labelPayload,
  parseLabel,
  type DeviceLabel,
  type facilitiesApi,
} from '@linli/shared';
import QRCode from 'qrcode';
import { assertServesEstate } from '../../_lib/authorize';
import { findAll } from '../../_lib/collections';
import { identityOf, type Handler } from '../../_lib/define-function';
import { deviceCategory } from '../device-order';
import { facilityCollections, type DeviceDoc } from '../documents';

/** The QR code as an SVG data URL: crisp at any print size, no canvas needed on the server. */
async function qrDataUrl(payload: string): Promise<string> {
  const svg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** Printable QR labels (设备标签) for some or all devices of an estate. */
export const labels: Handler<typeof facilitiesApi.labels> = async (input, ctx) => {
  assertServesEstate(identityOf(ctx), input.estateId);
  const { devices } = facilityCollections(ctx.store);
  let chosen: DeviceDoc[];
  if (input.deviceIds) {
    const found = await Promise.all(input.deviceIds.map((id) => devices.get(id)));
    chosen = found.filter((d): d is DeviceDoc => d !== null && d.estateId === input.estateId);
    if (chosen.length !== input.deviceIds.length)
      throw new AppError('NOT_FOUND', '部分设备不存在或不属于该小区');
  } else {
    chosen = await findAll(devices, { where: { estateId: input.estateId } }, { sort: [['code', 'asc']] });
  }
  const result: DeviceLabel[] = [];
  for (const device of chosen.filter((d) => d.status !== 'retired')) {
    const payload = labelPayload(device.estateId, device.code);
    result.push({
      deviceId: device._id,
      code: device.code,
      name: device.name,
      typeLabel: deviceTypeLabels[device.type],
      locationLabel: device.location.label,
      payload,
      qrDataUrl: await qrDataUrl(payload),
    });
  }
  return result;
};

/**
 * 扫码: staff serving the estate get the device; an owner of a household in the estate gets a
 * repair form prefilled for it, but only for devices in public areas. A bare code is looked up
 * in the caller's own estates.
 */
export const scan: Handler<typeof facilitiesApi.scan> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const label = parseLabel(input.text);
  if (!label) throw new AppError('NOT_FOUND', '这不是邻里设备标签');
  const ownerEstates = new Map<string, string>();
  for (const householdId of identity.householdIds) {
    const household = await ctx.db.households.get(householdId);
    if (household && !ownerEstates.has(household.estateId))
      ownerEstates.set(household.estateId, household._id);
  }
  const estates = label.estateId ? [label.estateId] : [...identity.staffEstateIds, ...ownerEstates.keys()];
  const { deviceCodes, devices } = facilityCollections(ctx.store);
  let device: DeviceDoc | null = null;
  for (const estateId of estates) {
    const code = await deviceCodes.get(keyId('devcode', estateId, label.code));
    if (code) {
      device = await devices.get(code.deviceId);
      if (device) break;
    }
  }
  if (!device || device.status === 'retired') throw new AppError('NOT_FOUND', '未找到该设备，标签可能已失效');
  if (identity.staffEstateIds.includes(device.estateId))
    return { kind: 'device', deviceId: device._id, estateId: device.estateId, name: device.name };
  const householdId = ownerEstates.get(device.estateId);
  if (!householdId) throw new AppError('FORBIDDEN', '该设备不属于您所在的小区');
  if (!device.location.publicAreaId)
    throw new AppError('FORBIDDEN', '该设备不在公共区域，如需报修请联系物业服务中心');
  return {
    kind: 'report',
    deviceId: device._id,
    estateId: device.estateId,
    name: device.name,
    householdId,
    prefill: {
      category: deviceCategory(device),
      area: device.location.publicAreaId ?? deviceDefaultArea[device.type],
      buildingId: device.location.buildingId,
      deviceId: device._id,
      note: `${device.name}（${device.code}）${device.location.label}`,
    },
  };
};
