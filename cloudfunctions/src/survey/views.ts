import {
  AppError,
  readRate,
  responseUnitLabels,
  surveyPhase,
  surveyPhaseLabels,
  type SurveyStaffView,
} from '@linli/shared';
import { assertServesEstate } from '../_lib/authorize';
import type { Collections } from '../_lib/collections';
import { identityOf, type ActionContext } from '../_lib/define-function';
import { targetLabel } from '../notice/audience';
import { surveyCollections, type SurveyDoc } from './documents';
import type { Store } from '../_lib/store/port';

/** A survey the calling staff member serves, or NOT_FOUND / FORBIDDEN. */
export async function loadStaffSurvey(ctx: ActionContext, surveyId: string): Promise<SurveyDoc> {
  const survey = await surveyCollections(ctx.store).surveys.get(surveyId);
  if (!survey) throw new AppError('NOT_FOUND', '问卷不存在');
  assertServesEstate(identityOf(ctx), survey.estateId);
  return survey;
}

export const countResponses = (store: Store, surveyId: string): Promise<number> =>
  surveyCollections(store).responses.count({ where: { surveyId } });

export async function toStaffView(
  ctx: Pick<ActionContext, 'db' | 'store' | 'now'>,
  survey: SurveyDoc,
  db: Collections = ctx.db,
): Promise<SurveyStaffView> {
  const [estate, label, responses] = await Promise.all([
    db.estates.get(survey.estateId),
    targetLabel(db, survey.target),
    survey.status === 'draft' ? Promise.resolve(0) : countResponses(ctx.store, survey._id),
  ]);
  const phase = surveyPhase(survey, ctx.now());
  return {
    surveyId: survey._id,
    estateId: survey.estateId,
    estateName: estate?.name ?? '',
    kind: survey.kind,
    title: survey.title,
    intro: survey.intro,
    questions: survey.questions,
    target: survey.target,
    targetLabel: label,
    responseUnit: survey.responseUnit,
    responseUnitLabel: responseUnitLabels[survey.responseUnit],
    anonymous: survey.anonymous,
    status: survey.status,
    phase,
    phaseLabel: surveyPhaseLabels[phase],
    opensAt: survey.opensAt,
    closesAt: survey.closesAt,
    publishedAt: survey.publishedAt,
    closedAt: survey.closedAt,
    audienceHouseholds: survey.audience?.households ?? null,
    responses,
    rate: survey.audience ? readRate(responses, survey.audience.households) : null,
    invitations: survey.invite?.messages ?? 0,
    reminderRounds: survey.reminders.rounds,
    workOrderId: survey.workOrderId,
    createdByName: survey.createdByName,
    createdAt: survey.createdAt,
    updatedAt: survey.updatedAt,
    canEdit: survey.status === 'draft',
  };
}

/**
 * Write staff changes only if nobody changed the survey since it was read (compare-and-set on
 * status and version), so two editors never overwrite each other silently.
 */
export async function saveSurvey(
  store: Store,
  survey: SurveyDoc,
  changes: Partial<SurveyDoc> & { updatedAt: number },
): Promise<SurveyDoc> {
  const saved = await surveyCollections(store).surveys.update(
    survey._id,
    { set: changes },
    { status: survey.status, updatedAt: survey.updatedAt },
  );
  if (!saved) throw new AppError('CONFLICT');
  return { ...survey, ...changes };
}
