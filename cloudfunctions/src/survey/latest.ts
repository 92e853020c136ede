import type { Store } from '../_lib/store/port';
import { surveyCollections, type SurveyDoc } from './documents';

/**
 * The estate's general survey published last (before `before` when given): what results compare
 * with, and the one whose index the 工作台 shows. Post-repair surveys are per order, not an index.
 */
export async function latestGeneralSurvey(
  store: Store,
  estateId: string,
  before?: number,
): Promise<SurveyDoc | null> {
  const page = await surveyCollections(store).surveys.find(
    {
      where: {
        estateId,
        kind: 'general',
        status: { in: ['published', 'closed'] },
        ...(before !== undefined ? { publishedAt: { lt: before } } : {}),
      },
    },
    { sort: [['publishedAt', 'desc']], limit: 1 },
  );
  return page.items[0] ?? null;
}
