import { AppError, type SurveyListItem, type surveyApi } from '@linli/shared';
import { assertServesEstate } from '../../_lib/authorize';
import { identityOf, type Handler } from '../../_lib/define-function';
import { surveyCollections } from '../documents';
import { loadStaffSurvey, toStaffView } from '../views';

export const listSurveys: Handler<typeof surveyApi.list> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const estateId = input.estateId ?? identity.staffEstateIds[0];
  if (!estateId) throw new AppError('FORBIDDEN', '您还没有负责的小区');
  assertServesEstate(identity, estateId);
  const page = await surveyCollections(ctx.store).surveys.find(
    { where: { estateId, ...(input.status ? { status: input.status } : {}) } },
    { sort: [['createdAt', 'desc']], limit: 20, after: input.after },
  );
  const items: SurveyListItem[] = await Promise.all(
    page.items.map(async (survey) => {
      const { questions, ...view } = await toStaffView(ctx, survey);
      return { ...view, questionCount: questions.length };
    }),
  );
  return { items, ...(page.next ? { next: page.next } : {}) };
};

export const surveyDetail: Handler<typeof surveyApi.detail> = async (input, ctx) =>
  toStaffView(ctx, await loadStaffSurvey(ctx, input.surveyId));
