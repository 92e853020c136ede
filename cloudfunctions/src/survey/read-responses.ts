import { ANONYMOUS_MIN_GROUP, SurveyAggregator, type SurveyResults } from '@linli/shared';
import type { Store } from '../_lib/store/port';
import { surveyCollections, type SurveyDoc, type SurveyResponse } from './documents';

const PAGE = 1000;

/** Visit every sheet of a survey, a page at a time (CloudBase caps a page at 1000). */
export async function forEachResponse(
  store: Store,
  surveyId: string,
  visit: (page: SurveyResponse[]) => void | Promise<void>,
  fields?: string[],
): Promise<number> {
  const { responses } = surveyCollections(store);
  let after: string | undefined;
  let count = 0;
  do {
    const page = await responses.find(
      { where: { surveyId } },
      { sort: [['_id', 'asc']], limit: PAGE, after, fields },
    );
    await visit(page.items);
    count += page.items.length;
    after = page.next;
  } while (after);
  return count;
}

/** Aggregate a survey's results while paging its sheets in. */
export async function aggregateStored(
  store: Store,
  survey: SurveyDoc,
  textLimit = 200,
): Promise<SurveyResults> {
  const aggregator = new SurveyAggregator(survey.questions, {
    textLimit,
    anonymous: survey.anonymous,
    minGroup: ANONYMOUS_MIN_GROUP,
  });
  await forEachResponse(
    store,
    survey._id,
    (page) => {
      for (const response of page) aggregator.add(response);
    },
    ['buildingId', 'answers'],
  );
  return aggregator.result(survey.audience);
}
