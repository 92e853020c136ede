import { AppError, surveyPhase, type surveyApi } from '@linli/shared';
import { type Handler } from '../../_lib/define-function';
import { nextTargetHouseholds } from '../../notice/target-households';
import { remindEventKey, SURVEYS, type SurveyDoc } from '../documents';
import { accountsToNotify, notifyAccounts } from '../notify';
import { loadStaffSurvey } from '../views';

const CHUNK = 500;

/**
 * 提醒未填写: a reminder round to the accounts that have not answered (everyone bound, for an
 * anonymous survey). The tap's request id makes a retried tap return the same round; messages are
 * unique per round and account, so a retried round sends nothing twice.
 */
export const remindSurvey: Handler<typeof surveyApi.remind> = async (input, ctx) => {
  const survey = await loadStaffSurvey(ctx, input.surveyId);
  const now = ctx.now();
  if (surveyPhase(survey, now) !== 'open')
    throw new AppError('PRECONDITION_FAILED', '只有进行中的问卷可以提醒');
  const round = await ctx.store.transaction(async (tx) => {
    const current = await tx.collection<SurveyDoc>(SURVEYS).get(survey._id);
    if (!current) throw new AppError('NOT_FOUND', '问卷不存在');
    if (current.reminders.lastRequestId === input.requestId) return current.reminders.rounds;
    const next = current.reminders.rounds + 1;
    await tx.collection<SurveyDoc>(SURVEYS).update(survey._id, {
      set: { reminders: { rounds: next, lastRequestId: input.requestId, lastAt: now } },
    });
    return next;
  });
  let households = 0;
  let messages = 0;
  let after: string | null = null;
  for (;;) {
    const chunk = await nextTargetHouseholds(ctx.store, survey, after, CHUNK);
    if (chunk.last === null) break;
    const pairs = await accountsToNotify(ctx.store, survey, chunk.households);
    households += new Set(pairs.map((p) => p.householdId)).size;
    messages += await notifyAccounts(
      ctx.store,
      survey,
      pairs,
      { eventKey: remindEventKey(survey._id, round), kind: 'remind' },
      now,
    );
    after = chunk.last;
  }
  return { round, households, messages };
};
