import { AppError, newId, scheduleProblem, type surveyApi } from '@linli/shared';
import { assertServesEstate } from '../../_lib/authorize';
import { identityOf, type Handler } from '../../_lib/define-function';
import { assertTargetInEstate } from '../../notice/audience';
import { surveyAudience } from '../audience';
import { surveyCollections, type SurveyDoc } from '../documents';
import { loadStaffSurvey, saveSurvey, toStaffView } from '../views';

function assertDates(opensAt: number, closesAt: number): void {
  if (closesAt <= opensAt)
    throw new AppError('VALIDATION', '截止时间须晚于开始时间', {
      issues: [{ path: 'closesAt', message: '截止时间须晚于开始时间' }],
    });
}

export const createSurvey: Handler<typeof surveyApi.create> = async (input, ctx) => {
  const identity = identityOf(ctx);
  assertServesEstate(identity, input.estateId);
  await assertTargetInEstate(ctx.db, input.estateId, input.target);
  assertDates(input.opensAt, input.closesAt);
  const now = ctx.now();
  const survey: SurveyDoc = {
    _id: newId('svy', now),
    estateId: input.estateId,
    kind: 'general',
    title: input.title,
    intro: input.intro,
    questions: input.questions,
    target: input.target,
    responseUnit: input.responseUnit,
    anonymous: input.anonymous,
    status: 'draft',
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    publishedAt: null,
    closedAt: null,
    audience: null,
    invite: null,
    reminders: { rounds: 0, lastRequestId: null, lastAt: null },
    draftsClearedAt: null,
    workOrderId: null,
    createdBy: identity.accountId,
    createdByName: identity.displayName,
    createdAt: now,
    updatedAt: now,
  };
  await surveyCollections(ctx.store).surveys.insert(survey);
  return toStaffView(ctx, survey);
};

/** Only drafts change: once people answer, the questions they answered must stay as they were. */
export const updateSurvey: Handler<typeof surveyApi.update> = async (input, ctx) => {
  const survey = await loadStaffSurvey(ctx, input.surveyId);
  if (survey.status !== 'draft') throw new AppError('PRECONDITION_FAILED', '问卷已发布，不能再修改');
  if (input.target) await assertTargetInEstate(ctx.db, survey.estateId, input.target);
  const { surveyId: _surveyId, ...fields } = input;
  assertDates(fields.opensAt ?? survey.opensAt, fields.closesAt ?? survey.closesAt);
  return toStaffView(ctx, await saveSurvey(ctx.store, survey, { ...fields, updatedAt: ctx.now() }));
};

/** Publish a draft: fix its audience; invitations go out from the scheduler once it opens. */
export const publishSurvey: Handler<typeof surveyApi.publish> = async (input, ctx) => {
  const survey = await loadStaffSurvey(ctx, input.surveyId);
  if (survey.status !== 'draft') throw new AppError('PRECONDITION_FAILED', '问卷已发布');
  const now = ctx.now();
  const opensAt = Math.max(survey.opensAt, now);
  const problem = scheduleProblem(opensAt, survey.closesAt, now);
  if (problem)
    throw new AppError('VALIDATION', problem, { issues: [{ path: 'closesAt', message: problem }] });
  const audience = await surveyAudience(ctx.store, ctx.db, survey);
  if (!audience.households)
    throw new AppError('PRECONDITION_FAILED', '所选范围内没有可以填写的住户，请调整发放范围');
  const published = await saveSurvey(ctx.store, survey, {
    status: 'published',
    publishedAt: now,
    opensAt,
    audience,
    invite: { state: 'pending', after: null, messages: 0 },
    updatedAt: now,
  });
  return toStaffView(ctx, published);
};

/** Close early: answers stop at once; saved drafts are cleared by the scheduler. */
export const closeSurvey: Handler<typeof surveyApi.close> = async (input, ctx) => {
  const survey = await loadStaffSurvey(ctx, input.surveyId);
  if (survey.status !== 'published') throw new AppError('PRECONDITION_FAILED', '只有进行中的问卷可以结束');
  const now = ctx.now();
  return toStaffView(
    ctx,
    await saveSurvey(ctx.store, survey, {
      status: 'closed',
      closedAt: now,
      closesAt: Math.min(survey.closesAt, now),
      updatedAt: now,
    }),
  );
};
