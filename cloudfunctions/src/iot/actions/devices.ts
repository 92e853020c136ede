import type { iotApi } from '@linli/shared';
import { assertServesEstate } from '../../_lib/authorize';
import { findAll } from '../../_lib/collections';
import { identityOf, type Handler } from '../../_lib/define-function';
import { findByIds } from '../../_lib/find-by-ids';
import type { Filter } from '../../_lib/store/port';
import { latestStateOf, openAlarmsOf } from '../device-state';
import { deviceLedger, loadStaffDevice } from '../devices';
import { toAlarmViews } from '../views';

type Api = typeof iotApi;

export const listIotDevices: Handler<Api['devices']> = async (input, ctx) => {
  assertServesEstate(identityOf(ctx), input.estateId);
  const where: Filter = { estateId: input.estateId };
  if (input.deviceType) where.type = input.deviceType;
  const devices = (await findAll(deviceLedger(ctx.store), { where })).filter((d) => d.status !== 'retired');
  const ids = devices.map((d) => d._id);
  const [states, credentials] = await Promise.all([
    findByIds(ctx.db.deviceStates, ids),
    findByIds(ctx.db.iotCredentials, ids, ['version']),
  ]);
  return {
    items: devices
      .map((d) => {
        const state = states.get(d._id);
        return {
          deviceId: d._id,
          name: d.name,
          type: d.type,
          locationLabel: d.location.label,
          online: state ? state.online : null,
          lastSeenAt: state?.lastSeenAt ?? null,
          activeAlarms: state ? Object.keys(state.activeAlarms).length : 0,
          hasCredential: credentials.has(d._id),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  };
};

export const deviceState: Handler<Api['deviceState']> = async (input, ctx) => {
  const device = await loadStaffDevice(ctx, input.deviceId);
  const [state, alarms, credential] = await Promise.all([
    latestStateOf(ctx.db, device._id),
    openAlarmsOf(ctx.db, device._id),
    ctx.db.iotCredentials.get(device._id),
  ]);
  return {
    deviceId: device._id,
    online: state?.online ?? false,
    lastSeenAt: state?.lastSeenAt ?? null,
    metrics: state?.metrics ?? {},
    flags: state?.flags ?? {},
    faultCode: state?.faultCode ?? null,
    malformed: state?.malformed ?? 0,
    activeAlarms: await toAlarmViews(ctx.store, alarms),
    credential: credential ? { version: credential.version, issuedAt: credential.issuedAt } : null,
  };
};
