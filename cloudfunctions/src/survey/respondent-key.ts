import { isAppError } from '@linli/shared';
import { createHmac, randomBytes } from 'node:crypto';
import type { Store } from '../_lib/store/port';
import { surveyCollections, type SurveyDoc } from './documents';

/** Who a response counts for: the household, or the account (per the survey's response unit). */
export function respondentOf(
  survey: Pick<SurveyDoc, 'responseUnit'>,
  who: { householdId: string; accountId: string },
): string {
  return survey.responseUnit === 'household' ? `hh:${who.householdId}` : `acct:${who.accountId}`;
}

/**
 * The keyed hashes of one survey. Participant and draft ids are HMACs of the respondent under a
 * per-survey secret, so the store holds no respondent ids for a survey; staff tools never read
 * the secret, and staff writes never touch it (it is made by a respondent's call, which is not
 * audited), so it appears in no audit entry.
 */
export interface RespondentKeys {
  participantId(respondent: string): string;
  draftId(respondent: string): string;
}

function keysFrom(surveyId: string, salt: string): RespondentKeys {
  const mac = (purpose: string, respondent: string) =>
    createHmac('sha256', salt)
      .update(`${purpose}\u0000${surveyId}\u0000${respondent}`)
      .digest('hex')
      .slice(0, 40);
  return {
    participantId: (respondent) => `svp_${mac('participant', respondent)}`,
    draftId: (respondent) => `svd_${mac('draft', respondent)}`,
  };
}

/** The survey's keys, creating its secret on first use (two first users agree on one). */
export async function respondentKeys(store: Store, surveyId: string): Promise<RespondentKeys> {
  const { salts } = surveyCollections(store);
  const existing = await salts.get(surveyId);
  if (existing) return keysFrom(surveyId, existing.salt);
  try {
    await salts.insert({ _id: surveyId, salt: randomBytes(32).toString('hex') });
  } catch (error) {
    if (!isAppError(error) || error.code !== 'DUPLICATE') throw error;
  }
  const salt = await salts.get(surveyId);
  if (!salt) throw new Error(`survey salt missing for ${surveyId}`);
  return keysFrom(surveyId, salt.salt);
}

/** The keys if anyone has answered or saved yet; null means nobody has. Never creates the secret. */
export async function existingRespondentKeys(store: Store, surveyId: string): Promise<RespondentKeys | null> {
  const salt = await surveyCollections(store).salts.get(surveyId);
  return salt ? keysFrom(surveyId, salt.salt) : null;
}
