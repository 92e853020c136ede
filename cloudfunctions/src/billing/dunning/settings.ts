import {
  billingSettingsId,
  DEFAULT_DUNNING_SCHEDULE,
  dunningStepKey,
  dunningStepLabel,
  type DunningScheduleView,
} from '@linli/shared';
import type { Collections } from '../../_lib/collections';

/** An estate's reminder offsets, or the default schedule when none was saved. */
export async function dunningScheduleOf(db: Collections, estateId: string): Promise<DunningScheduleView> {
  const settings = await db.billingSettings.get(billingSettingsId(estateId));
  const offsets = settings?.dunningOffsets ?? DEFAULT_DUNNING_SCHEDULE;
  return {
    estateId,
    offsets,
    steps: offsets.map((offsetDays) => ({
      offsetDays,
      key: dunningStepKey(offsetDays),
      label: dunningStepLabel(offsetDays),
    })),
    isDefault: !settings,
  };
}
