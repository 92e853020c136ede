import type { Answers, Survey } from '@linli/shared';
import type { Doc, Store } from '../_lib/store/port';

/** Collection names of surveys (indexes: _lib/collections.ts). */
export const SURVEYS = 'surveys';
export const SURVEY_RESPONSES = 'survey_responses';
export const SURVEY_PARTICIPANTS = 'survey_participants';
export const SURVEY_DRAFTS = 'survey_drafts';
export const SURVEY_SALTS = 'survey_salts';

export type SurveyDoc = Survey & Doc;

/**
 * One submitted answer sheet. In an anonymous survey it carries no account, household, room or
 * exact time, and its id is random (not time-ordered), so nothing ties it to a participant.
 */
export interface SurveyResponse extends Doc {
  surveyId: string;
  estateId: string;
  buildingId: string;
  answers: Answers;
  /** Shanghai date of submission; kept for anonymous sheets instead of the instant. */
  submittedOn: string;
  /** Named surveys only (null when anonymous). */
  householdId: string | null;
  accountId: string | null;
  roomCode: string | null;
  respondentName: string | null;
  submittedAt: number | null;
}

/**
 * "This household (or account) has answered": the duplicate guard, written in the same
 * transaction as the sheet. Its id is a keyed hash of the respondent, so it can be checked for a
 * given respondent but never read back into one, and it holds no link to the sheet.
 */
export interface SurveyParticipant extends Doc {
  surveyId: string;
}

/** A half-filled sheet saved to continue later (id: keyed hash like the participant's). */
export interface SurveyDraft extends Doc {
  surveyId: string;
  answers: Answers;
  savedAt: number;
}

/** The survey's secret hash key, created by the first respondent: never in a staff write or view. */
export interface SurveySalt extends Doc {
  salt: string;
}

export function surveyCollections(store: Store) {
  return {
    surveys: store.collection<SurveyDoc>(SURVEYS),
    responses: store.collection<SurveyResponse>(SURVEY_RESPONSES),
    participants: store.collection<SurveyParticipant>(SURVEY_PARTICIPANTS),
    drafts: store.collection<SurveyDraft>(SURVEY_DRAFTS),
    salts: store.collection<SurveySalt>(SURVEY_SALTS),
  };
}

/** Message event keys: the invitation, and each reminder round. */
export const inviteEventKey = (surveyId: string): string => surveyId;
export const remindEventKey = (surveyId: string, round: number): string => `${surveyId}.r${round}`;
