import { surveyPage, type Household, type MessageFields } from '@linli/shared';
import { findByIds } from '../_lib/find-by-ids';
import type { Doc, Store } from '../_lib/store/port';
import { enqueueMany, type AnyEnqueueRequest } from '../messaging';
import { boundAccounts } from '../messaging/bound-accounts';
import { estateNameOf } from '../notice/fan-out';
import { surveyCollections, type SurveyDoc } from './documents';
import { existingRespondentKeys, respondentOf } from './respondent-key';

/**
 * Survey invitations use the notice template (社区公告通知, type 问卷调查): they are community
 * announcements to the same people, so one subscription covers both and no second template has
 * to be approved and configured in the WeChat console.
 */
export function surveyMessage(
  survey: Pick<SurveyDoc, 'title' | 'publishedAt' | 'createdAt' | '_id'>,
  estateName: string,
  purpose: 'invite' | 'remind',
): { fields: MessageFields<'notice_published'>; page: string } {
  return {
    fields: {
      title: `${purpose === 'remind' ? '【提醒】' : ''}邀您填写：${survey.title}`,
      categoryLabel: '问卷调查',
      publisher: `${estateName}物业服务中心`,
      publishedAt: survey.publishedAt ?? survey.createdAt,
    },
    page: surveyPage(survey._id),
  };
}

/**
 * Of these targeted households, the accounts to invite or remind: in a named survey those that
 * have not answered (per household: every account of a household nobody of which answered; per
 * account: each account that has not). An anonymous survey reminds everyone bound: the outbox is
 * visible to staff, and a list of who was reminded would be a list of who had not answered.
 */
export async function accountsToNotify(
  store: Store,
  survey: SurveyDoc,
  households: ReadonlyArray<Household & Doc>,
): Promise<Array<{ householdId: string; accountId: string }>> {
  const accounts = await boundAccounts(
    store,
    households.map((h) => h._id),
  );
  const pairs = households.flatMap((h) =>
    (accounts.get(h._id) ?? []).map((accountId) => ({ householdId: h._id, accountId })),
  );
  const keys = survey.anonymous ? null : await existingRespondentKeys(store, survey._id);
  if (!keys) return pairs;
  const idOf = (pair: { householdId: string; accountId: string }) =>
    keys.participantId(respondentOf(survey, pair));
  const answered = await findByIds(surveyCollections(store).participants, pairs.map(idOf), ['_id']);
  return pairs.filter((pair) => !answered.has(idOf(pair)));
}

/** Enqueue one message per account (an account with two targeted homes gets one). */
export async function notifyAccounts(
  store: Store,
  survey: SurveyDoc,
  pairs: ReadonlyArray<{ householdId: string; accountId: string }>,
  purpose: { eventKey: string; kind: 'invite' | 'remind' },
  now: number,
): Promise<number> {
  const { fields, page } = surveyMessage(survey, await estateNameOf(store, survey.estateId), purpose.kind);
  const seen = new Set<string>();
  const requests: AnyEnqueueRequest[] = [];
  for (const { householdId, accountId } of pairs) {
    if (seen.has(accountId)) continue;
    seen.add(accountId);
    requests.push({
      kind: 'notice_published',
      eventKey: purpose.eventKey,
      toAccountId: accountId,
      estateId: survey.estateId,
      householdId,
      fields,
      page,
    });
  }
  const outcomes = await enqueueMany(store, requests, { now });
  return outcomes.filter((o) => o.status !== 'duplicate').length;
}
