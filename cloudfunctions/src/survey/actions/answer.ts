import {
  AppError,
  assertSurveyOpen,
  checkAnswers,
  isAppError,
  keyId,
  newId,
  surveyPhase,
  toLocalDate,
  type Answers,
  type surveyApi,
} from '@linli/shared';
import { randomBytes } from 'node:crypto';
import { identityOf, type ActionContext, type Handler } from '../../_lib/define-function';
import {
  SURVEY_DRAFTS,
  SURVEY_PARTICIPANTS,
  SURVEY_RESPONSES,
  SURVEYS,
  surveyCollections,
  type SurveyDoc,
  type SurveyDraft,
  type SurveyParticipant,
  type SurveyResponse,
} from '../documents';
import { homeOf, loadOwnerSurvey } from '../owner-access';
import { existingRespondentKeys, respondentKeys, respondentOf } from '../respondent-key';

const ALREADY = '您已提交过该问卷，不能重复提交';

function checked(survey: SurveyDoc, answers: Answers, complete: boolean): Answers {
  const check = checkAnswers(survey.questions, answers, { complete });
  if (check.issues.length)
    throw new AppError('VALIDATION', check.issues[0]!.message, { issues: check.issues });
  return check.answers;
}

/** Open a questionnaire: its questions, the caller's homes it is for, a saved draft, whether answered. */
export const openSurvey: Handler<typeof surveyApi.open> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const owner = await loadOwnerSurvey(ctx, input.surveyId);
  const { survey } = owner;
  const phase = surveyPhase(survey, ctx.now());
  const keys =
    phase === 'open'
      ? await respondentKeys(ctx.store, survey._id)
      : await existingRespondentKeys(ctx.store, survey._id);
  const { participants, drafts } = surveyCollections(ctx.store);
  const answeredFor = async (householdId: string) =>
    !!keys &&
    !!(await participants.get(
      keys.participantId(respondentOf(survey, { householdId, accountId: identity.accountId })),
    ));
  const homes = await Promise.all(
    owner.homes.map(async (h) => ({
      householdId: h._id,
      roomCode: h.roomCode,
      answered: await answeredFor(h._id),
    })),
  );
  const chosen = input.householdId
    ? homeOf(owner, input.householdId)._id
    : (homes.find((h) => !h.answered) ?? homes[0]!).householdId;
  const respondent = respondentOf(survey, { householdId: chosen, accountId: identity.accountId });
  const draft = keys && phase === 'open' ? await drafts.get(keys.draftId(respondent)) : null;
  return {
    surveyId: survey._id,
    title: survey.title,
    intro: survey.intro,
    questions: survey.questions,
    anonymous: survey.anonymous,
    responseUnit: survey.responseUnit,
    phase,
    closesAt: survey.closesAt,
    homes,
    householdId: chosen,
    submitted: homes.find((h) => h.householdId === chosen)!.answered,
    draft: draft ? { answers: draft.answers, savedAt: draft.savedAt } : null,
  };
};

/** Save a half-filled sheet to continue later (only while open, only before submitting). */
export const saveDraft: Handler<typeof surveyApi.saveDraft> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const owner = await loadOwnerSurvey(ctx, input.surveyId);
  const home = homeOf(owner, input.householdId);
  const now = ctx.now();
  assertSurveyOpen(owner.survey, now);
  const answers = checked(owner.survey, input.answers, false);
  const keys = await respondentKeys(ctx.store, owner.survey._id);
  const respondent = respondentOf(owner.survey, { householdId: home._id, accountId: identity.accountId });
  const { participants, drafts } = surveyCollections(ctx.store);
  if (await participants.get(keys.participantId(respondent))) throw new AppError('DUPLICATE', ALREADY);
  await drafts.set({ _id: keys.draftId(respondent), surveyId: owner.survey._id, answers, savedAt: now });
  return { savedAt: now };
};

/** A response sheet; anonymous ones say nothing of who or exactly when. */
function responseOf(
  ctx: ActionContext,
  survey: SurveyDoc,
  home: { _id: string; buildingId: string; roomCode: string },
  answers: Answers,
  now: number,
): SurveyResponse {
  const identity = identityOf(ctx);
  const common = {
    surveyId: survey._id,
    estateId: survey.estateId,
    buildingId: home.buildingId,
    answers,
    submittedOn: toLocalDate(now),
  };
  if (survey.anonymous)
    return {
      _id: keyId('svr', randomBytes(12).toString('hex')),
      ...common,
      householdId: null,
      accountId: null,
      roomCode: null,
      respondentName: null,
      submittedAt: null,
    };
  return {
    _id: newId('svr', now),
    ...common,
    householdId: home._id,
    accountId: identity.accountId,
    roomCode: home.roomCode,
    respondentName: identity.displayName,
    submittedAt: now,
  };
}

/**
 * Submit: the participant mark, the sheet and the draft's removal in one transaction. The mark's
 * id is fixed per respondent, so of two submissions (two taps, two family members of one
 * household) exactly one is written; the other is refused as a duplicate.
 */
export const submitSurvey: Handler<typeof surveyApi.submit> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const owner = await loadOwnerSurvey(ctx, input.surveyId);
  const home = homeOf(owner, input.householdId);
  assertSurveyOpen(owner.survey, ctx.now());
  const answers = checked(owner.survey, input.answers, true);
  const keys = await respondentKeys(ctx.store, owner.survey._id);
  const respondent = respondentOf(owner.survey, { householdId: home._id, accountId: identity.accountId });
  const participantId = keys.participantId(respondent);
  const now = ctx.now();
  try {
    await ctx.store.transaction(async (tx) => {
      const survey = await tx.collection<SurveyDoc>(SURVEYS).get(owner.survey._id);
      if (!survey) throw new AppError('NOT_FOUND', '问卷不存在或已撤回');
      // Closing may have happened since the first check: the transaction decides.
      assertSurveyOpen(survey, now);
      const participantsTx = tx.collection<SurveyParticipant>(SURVEY_PARTICIPANTS);
      if (await participantsTx.get(participantId)) throw new AppError('DUPLICATE', ALREADY);
      await participantsTx.insert({ _id: participantId, surveyId: survey._id });
      await tx
        .collection<SurveyResponse>(SURVEY_RESPONSES)
        .insert(responseOf(ctx, survey, home, answers, now));
      await tx.collection<SurveyDraft>(SURVEY_DRAFTS).remove(keys.draftId(respondent));
    });
  } catch (error) {
    if (isAppError(error) && error.code === 'DUPLICATE') throw new AppError('DUPLICATE', ALREADY);
    throw error;
  }
  return { submittedAt: now };
};
