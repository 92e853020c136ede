import { compareResults, type surveyApi, type SurveyResultsView } from '@linli/shared';
import { type Handler } from '../../_lib/define-function';
import { findByIds } from '../../_lib/find-by-ids';
import { type SurveyDoc } from '../documents';
import { latestGeneralSurvey } from '../latest';
import { aggregateStored } from '../read-responses';
import { loadStaffSurvey, toStaffView } from '../views';

/** The estate's general survey published last before this one, to compare scores with. */
async function previousSurvey(ctx: Parameters<Handler<typeof surveyApi.results>>[1], survey: SurveyDoc) {
  if (survey.kind !== 'general' || survey.publishedAt === null) return null;
  return latestGeneralSurvey(ctx.store, survey.estateId, survey.publishedAt);
}

/**
 * Results: response rate, distributions, indexes per dimension and building, NPS, free texts,
 * and the movement since the previous survey. Aggregated from the sheets on each call, so they
 * are current while the survey runs.
 */
export const surveyResults: Handler<typeof surveyApi.results> = async (input, ctx) => {
  const survey = await loadStaffSurvey(ctx, input.surveyId);
  const [view, results, previous] = await Promise.all([
    toStaffView(ctx, survey),
    aggregateStored(ctx.store, survey),
    previousSurvey(ctx, survey),
  ]);
  const before = previous ? await aggregateStored(ctx.store, previous, 0) : null;
  const names = await findByIds(
    ctx.db.buildings,
    results.buildings.map((b) => b.buildingId),
    ['name'],
  );
  const { questions: _questions, ...summary } = view;
  const shaped: SurveyResultsView['results'] = {
    ...results,
    buildings: results.buildings.map((b) => ({ ...b, buildingName: names.get(b.buildingId)?.name ?? '' })),
  };
  return {
    survey: summary,
    results: shaped,
    previous:
      previous && previous.publishedAt !== null
        ? { surveyId: previous._id, title: previous.title, publishedAt: previous.publishedAt }
        : null,
    comparison: before ? compareResults(results, before) : null,
  };
};
