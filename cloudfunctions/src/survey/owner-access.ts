import { AppError, targetsHousehold, type Household } from '@linli/shared';
import { identityOf, type ActionContext } from '../_lib/define-function';
import { findByIds } from '../_lib/find-by-ids';
import type { Doc } from '../_lib/store/port';
import { surveyCollections, type SurveyDoc } from './documents';

export interface OwnerSurvey {
  survey: SurveyDoc;
  /** The caller's homes the survey is for, by room. */
  homes: Array<Household & Doc>;
}

/**
 * A published survey and the caller's homes it targets. A draft, a survey of another estate
 * and a survey for other buildings all look alike from outside: not for you.
 */
export async function loadOwnerSurvey(ctx: ActionContext, surveyId: string): Promise<OwnerSurvey> {
  const identity = identityOf(ctx);
  const survey = await surveyCollections(ctx.store).surveys.get(surveyId);
  if (!survey || survey.status === 'draft') throw new AppError('NOT_FOUND', '问卷不存在或已撤回');
  const homes = [...(await findByIds(ctx.db.households, identity.householdIds)).values()]
    .filter((h) => h.estateId === survey.estateId && targetsHousehold(survey.target, h))
    .sort((a, b) => a.roomCode.localeCompare(b.roomCode));
  if (!homes.length) throw new AppError('FORBIDDEN', '该问卷不面向您的房屋，无需填写');
  return { survey, homes };
}

/** The home answers are given for: the one asked for, which must be one of the caller's targeted homes. */
export function homeOf(owner: OwnerSurvey, householdId: string): Household & Doc {
  const home = owner.homes.find((h) => h._id === householdId);
  if (!home) throw new AppError('FORBIDDEN', '该问卷不面向所选房屋');
  return home;
}
