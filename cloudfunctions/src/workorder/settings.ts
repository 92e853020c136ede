import { defaultWorkOrderSettings, type WorkOrderSettings } from '@linli/shared';
import type { Store } from '../_lib/store/port';
import { workorderCollections } from './documents';

/** An estate's work-order settings; estates nobody configured get the defaults. */
export async function settingsOf(store: Store, estateId: string): Promise<WorkOrderSettings> {
  const saved = await workorderCollections(store).settings.get(estateId);
  return saved
    ? { dispatchMode: saved.dispatchMode, autoCloseDays: saved.autoCloseDays }
    : defaultWorkOrderSettings;
}
