import { surveyPhase, targetsHousehold, type SurveyCard, type surveyApi } from '@linli/shared';
import { findAll } from '../../_lib/collections';
import { identityOf, type Handler } from '../../_lib/define-function';
import { findByIds } from '../../_lib/find-by-ids';
import { surveyCollections } from '../documents';
import { existingRespondentKeys, respondentOf } from '../respondent-key';

const CARD_FIELDS = [
  'estateId',
  'title',
  'intro',
  'questions',
  'anonymous',
  'target',
  'status',
  'opensAt',
  'closesAt',
  'responseUnit',
  'publishedAt',
];

/** The open surveys for any of the owner's homes, soonest to close first, marked answered or not. */
export const mySurveys: Handler<typeof surveyApi.mine> = async (_input, ctx) => {
  const identity = identityOf(ctx);
  const homes = [...(await findByIds(ctx.db.households, identity.householdIds)).values()];
  const now = ctx.now();
  const { surveys, participants, drafts } = surveyCollections(ctx.store);
  const items: Array<SurveyCard & { closesAt: number }> = [];
  for (const estateId of new Set(homes.map((h) => h.estateId))) {
    const published = await findAll(
      surveys,
      { where: { estateId, status: 'published' } },
      { sort: [['publishedAt', 'desc']], fields: CARD_FIELDS },
    );
    for (const survey of published) {
      if (surveyPhase(survey, now) !== 'open') continue;
      const targeted = homes.filter((h) => h.estateId === estateId && targetsHousehold(survey.target, h));
      if (!targeted.length) continue;
      const keys = await existingRespondentKeys(ctx.store, survey._id);
      const respondents = targeted.map((h) =>
        respondentOf(survey, { householdId: h._id, accountId: identity.accountId }),
      );
      const [answered, saved] = keys
        ? await Promise.all([
            findByIds(
              participants,
              respondents.map((r) => keys.participantId(r)),
              ['_id'],
            ),
            findByIds(
              drafts,
              respondents.map((r) => keys.draftId(r)),
              ['_id'],
            ),
          ])
        : [new Map(), new Map()];
      items.push({
        surveyId: survey._id,
        title: survey.title,
        intro: survey.intro,
        questionCount: survey.questions.length,
        anonymous: survey.anonymous,
        closesAt: survey.closesAt,
        // Answered once every targeted home (or this account) has answered.
        answered: answered.size === new Set(respondents).size,
        hasDraft: saved.size > 0,
      });
    }
  }
  return { items: items.sort((a, b) => Number(a.answered) - Number(b.answered) || a.closesAt - b.closesAt) };
};
