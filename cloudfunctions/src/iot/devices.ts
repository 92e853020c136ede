import { AppError, type Device } from '@linli/shared';
import { assertServesEstate } from '../_lib/authorize';
import { identityOf, type ActionContext } from '../_lib/define-function';
import type { Doc, Store } from '../_lib/store/port';

/** The device ledger is owned by Facilities; this context only reads it. */
export const deviceLedger = (store: Store) => store.collection<Device & Doc>('devices');

/** A device in an estate the calling staff member serves, or NOT_FOUND / FORBIDDEN. */
export async function loadStaffDevice(ctx: ActionContext, deviceId: string): Promise<Device & Doc> {
  const device = await deviceLedger(ctx.store).get(deviceId);
  if (!device) throw new AppError('NOT_FOUND', '设备不存在');
  assertServesEstate(identityOf(ctx), device.estateId);
  return device;
}
