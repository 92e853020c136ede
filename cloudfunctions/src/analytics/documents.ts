import type { DunningSegmentPlan } from '@linli/shared';
import type { Doc, Store } from '../_lib/store/port';

/** Applied per-segment dunning strategies (indexes: _lib/collections.ts); the dunning job reads them. */
export const DUNNING_SEGMENTS = 'dunning_segments';

export type DunningSegmentDoc = DunningSegmentPlan & Doc;

export const dunningSegmentPlans = (store: Store) => store.collection<DunningSegmentDoc>(DUNNING_SEGMENTS);
