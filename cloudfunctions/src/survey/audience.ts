import type { NoticeAudience } from '@linli/shared';
import type { Collections } from '../_lib/collections';
import type { Store } from '../_lib/store/port';
import { boundAccounts } from '../messaging/bound-accounts';
import { countAudience } from '../notice/audience';
import { nextTargetHouseholds } from '../notice/target-households';
import type { SurveyDoc } from './documents';

const CHUNK = 500;

/**
 * Who can answer, per building: the response-rate denominators, fixed at publishing. One answer
 * per household counts households (counting queries, as notices do); one per account counts the
 * accounts bound to the targeted households.
 */
export async function surveyAudience(
  store: Store,
  db: Collections,
  survey: Pick<SurveyDoc, 'estateId' | 'target' | 'responseUnit'>,
): Promise<NoticeAudience> {
  if (survey.responseUnit === 'household') return countAudience(db, survey.estateId, survey.target);
  const byBuilding = new Map<string, number>();
  let after: string | null = null;
  for (;;) {
    const chunk = await nextTargetHouseholds(store, survey, after, CHUNK);
    if (chunk.last === null) break;
    const accounts = await boundAccounts(
      store,
      chunk.households.map((h) => h._id),
    );
    for (const household of chunk.households)
      byBuilding.set(
        household.buildingId,
        (byBuilding.get(household.buildingId) ?? 0) + (accounts.get(household._id)?.length ?? 0),
      );
    after = chunk.last;
  }
  const list = [...byBuilding].map(([buildingId, households]) => ({ buildingId, households }));
  return { households: list.reduce((n, b) => n + b.households, 0), byBuilding: list };
}
