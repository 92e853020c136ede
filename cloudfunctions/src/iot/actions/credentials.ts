import type { iotApi } from '@linli/shared';
import { AppError, type IotCredential } from '@linli/shared';
import { identityOf, type Handler } from '../../_lib/define-function';
import { hashDeviceSecret, newDeviceSecret } from '../device-secret';
import { loadStaffDevice } from '../devices';

type Api = typeof iotApi;

const topic = (estateId: string, deviceId: string, kind: string) =>
  `estates/${estateId}/devices/${deviceId}/${kind}`;

/**
 * Issue a device's MQTT secret, or rotate it (the old one stops working once the bridge syncs,
 * within a minute). Only the scrypt hash is stored; the secret is in this answer and nowhere else.
 */
export const issueCredential: Handler<Api['issueCredential']> = async (input, ctx) => {
  const device = await loadStaffDevice(ctx, input.deviceId);
  if (device.status === 'retired') throw new AppError('CONFLICT', '设备已报废，不能签发接入密钥');
  const existing = await ctx.db.iotCredentials.get(device._id);
  if (existing && !input.rotate) throw new AppError('CONFLICT', '该设备已有接入密钥，如需更换请选择轮换');
  if (!existing && input.rotate) throw new AppError('NOT_FOUND', '该设备还没有接入密钥，请先签发');
  const secret = newDeviceSecret();
  const credential: IotCredential = {
    _id: device._id,
    estateId: device.estateId,
    deviceType: device.type,
    secretHash: await hashDeviceSecret(secret),
    version: (existing?.version ?? 0) + 1,
    issuedAt: ctx.now(),
    issuedBy: identityOf(ctx).displayName,
  };
  if (existing) {
    // Compare-and-set on the version: two admins rotating at once cannot both hand out a secret.
    const moved = await ctx.db.iotCredentials.update(
      device._id,
      {
        set: {
          secretHash: credential.secretHash,
          version: credential.version,
          issuedAt: credential.issuedAt,
          issuedBy: credential.issuedBy,
        },
      },
      { version: existing.version },
    );
    if (!moved) throw new AppError('CONFLICT', '密钥刚被他人轮换，请刷新后重试');
  } else await ctx.db.iotCredentials.insert(credential);
  return {
    deviceId: device._id,
    estateId: device.estateId,
    clientId: device._id,
    username: device._id,
    password: secret,
    version: credential.version,
    telemetryTopic: topic(device.estateId, device._id, 'telemetry'),
    statusTopic: topic(device.estateId, device._id, 'status'),
    commandTopic: topic(device.estateId, device._id, 'commands'),
  };
};
