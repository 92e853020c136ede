import { surveyPhase } from '@linli/shared';
import type { Logger } from '../_lib/logger';
import type { Store } from '../_lib/store/port';
import { nextTargetHouseholds } from '../notice/target-households';
import { inviteEventKey, surveyCollections } from './documents';
import { accountsToNotify, notifyAccounts } from './notify';

export interface SurveyWorkDeps {
  store: Store;
  now: () => number;
  log: Logger;
  /** When to stop taking new chunks. */
  deadline: number;
  chunkSize?: number;
}

export interface SurveyWorkReport {
  invitedHouseholds: number;
  draftsCleared: number;
}

const CHUNK = 200;

/**
 * Invite the households of an open survey, chunk by chunk from the survey's cursor. Each step is
 * idempotent (messages are unique per survey and account), and the cursor moves by
 * compare-and-set, so a crash or a second runner repeats work, never messages.
 */
export async function inviteChunks(deps: SurveyWorkDeps, surveyId: string): Promise<number> {
  const { surveys } = surveyCollections(deps.store);
  let done = 0;
  while (deps.now() < deps.deadline) {
    const survey = await surveys.get(surveyId);
    if (!survey?.invite || survey.invite.state === 'done') break;
    if (surveyPhase(survey, deps.now()) !== 'open') break;
    const { after } = survey.invite;
    const chunk = await nextTargetHouseholds(deps.store, survey, after, deps.chunkSize ?? CHUNK);
    if (chunk.last === null) {
      await surveys.update(surveyId, { set: { 'invite.state': 'done' } }, { 'invite.after': after });
      break;
    }
    const pairs = await accountsToNotify(deps.store, survey, chunk.households);
    const messages = await notifyAccounts(
      deps.store,
      survey,
      pairs,
      { eventKey: inviteEventKey(surveyId), kind: 'invite' },
      deps.now(),
    );
    const moved = await surveys.update(
      surveyId,
      {
        set: { 'invite.after': chunk.last, 'invite.state': 'running' },
        inc: { 'invite.messages': messages },
      },
      { 'invite.after': after },
    );
    if (!moved) break;
    done += chunk.households.length;
  }
  return done;
}

/**
 * The background half of surveys, every minute: send invitations of surveys that have opened,
 * and delete the saved drafts of surveys that have closed.
 */
export async function runSurveyWork(deps: SurveyWorkDeps): Promise<SurveyWorkReport> {
  const { surveys, drafts } = surveyCollections(deps.store);
  const report: SurveyWorkReport = { invitedHouseholds: 0, draftsCleared: 0 };
  const inviting = await surveys.find(
    { where: { 'invite.state': { in: ['pending', 'running'] }, opensAt: { lte: deps.now() } } },
    { limit: 50, fields: ['_id'] },
  );
  for (const { _id } of inviting.items) {
    if (deps.now() >= deps.deadline) break;
    report.invitedHouseholds += await inviteChunks(deps, _id);
  }
  const ended = await surveys.find(
    {
      or: [
        { status: 'closed', draftsClearedAt: null },
        { status: 'published', closesAt: { lte: deps.now() }, draftsClearedAt: null },
      ],
    },
    { limit: 50, fields: ['_id'] },
  );
  for (const { _id } of ended.items) {
    report.draftsCleared += await drafts.removeMany({ where: { surveyId: _id } });
    await surveys.update(_id, { set: { draftsClearedAt: deps.now() } });
  }
  return report;
}
