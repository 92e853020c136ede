import { keyId } from '@linli/shared';
import type { Doc, Store } from '../_lib/store/port';

export const DASHBOARD_SETTINGS = 'dashboard_settings';

/** Until an admin sets one, the common industry target for 收缴率 by amount. */
export const DEFAULT_TARGET_PERCENT = 95;

export interface DashboardSettings extends Doc {
  estateId: string;
  targetPercent: number;
  updatedAt: number;
  updatedBy: string;
}

export const dashboardSettingsId = (estateId: string): string => keyId('dash', estateId);

export async function targetPercentOf(store: Store, estateId: string): Promise<number> {
  const settings = await store
    .collection<DashboardSettings>(DASHBOARD_SETTINGS)
    .get(dashboardSettingsId(estateId));
  return settings?.targetPercent ?? DEFAULT_TARGET_PERCENT;
}
