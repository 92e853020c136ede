import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { NoticeTarget } from '../notice/notice';
import type { NoticeAudience } from '../notice/notice';
import type { Question } from './questions';

/** Who a survey asks; the same targeting as notices (whole estate, buildings, units, households). */
export const SurveyTarget = NoticeTarget;
export type SurveyTarget = NoticeTarget;

/** One answer per household (any bound account may give it) or one per WeChat account. */
export const ResponseUnit = z.enum(['household', 'account']);
export type ResponseUnit = z.infer<typeof ResponseUnit>;
export const responseUnitLabels: Record<ResponseUnit, string> = {
  household: '每户一份',
  account: '每人一份',
};

/** general: a questionnaire staff write; post_repair: the short one after an accepted work order. */
export const SurveyKind = z.enum(['general', 'post_repair']);
export type SurveyKind = z.infer<typeof SurveyKind>;

/** Stored status; whether a published survey takes answers also depends on its dates (see phase). */
export const SurveyStatus = z.enum(['draft', 'published', 'closed']);
export type SurveyStatus = z.infer<typeof SurveyStatus>;

/** What people see: a published survey is upcoming, open or closed by its dates. */
export type SurveyPhase = 'draft' | 'upcoming' | 'open' | 'closed';
export const surveyPhaseLabels: Record<SurveyPhase, string> = {
  draft: '草稿',
  upcoming: '未开始',
  open: '进行中',
  closed: '已结束',
};

export interface SurveySchedule {
  status: SurveyStatus;
  opensAt: number;
  closesAt: number;
}

export function surveyPhase(survey: SurveySchedule, now: number): SurveyPhase {
  if (survey.status === 'draft') return 'draft';
  if (survey.status === 'closed' || now >= survey.closesAt) return 'closed';
  return now < survey.opensAt ? 'upcoming' : 'open';
}

/** Answers are taken (and drafts saved) only while open; after close nothing changes. */
export function assertSurveyOpen(survey: SurveySchedule, now: number): void {
  switch (surveyPhase(survey, now)) {
    case 'open':
      return;
    case 'upcoming':
      throw new AppError('PRECONDITION_FAILED', '问卷尚未开始，请在开始后填写');
    case 'closed':
      throw new AppError('PRECONDITION_FAILED', '问卷已结束，不能再提交或修改答案');
    case 'draft':
      throw new AppError('NOT_FOUND', '问卷不存在或已撤回');
  }
}

export const MIN_SURVEY_MS = 60 * 60 * 1000;
export const MAX_SURVEY_MS = 180 * 24 * 60 * 60 * 1000;

/** Dates a survey can be published with: closing after opening, at least an hour, at most 180 days. */
export function scheduleProblem(opensAt: number, closesAt: number, now: number): string | null {
  if (closesAt <= now) return '截止时间须晚于现在';
  if (closesAt - opensAt < MIN_SURVEY_MS) return '截止时间须比开始时间晚至少 1 小时';
  if (closesAt - opensAt > MAX_SURVEY_MS) return '问卷开放时间最长 180 天';
  return null;
}

/** A survey document (collection `surveys`). */
export interface Survey {
  _id: string;
  estateId: string;
  kind: SurveyKind;
  title: string;
  intro: string;
  questions: Question[];
  target: SurveyTarget;
  responseUnit: ResponseUnit;
  /** Nobody — staff included — can learn who gave which answers, or who answered at all. */
  anonymous: boolean;
  status: SurveyStatus;
  opensAt: number;
  closesAt: number;
  publishedAt: number | null;
  closedAt: number | null;
  /** Households targeted when published (response-rate denominators). */
  audience: NoticeAudience | null;
  /** Invitation messages, sent by the scheduler once the survey opens, chunk by chunk. */
  invite: { state: 'pending' | 'running' | 'done'; after: string | null; messages: number } | null;
  reminders: { rounds: number; lastRequestId: string | null; lastAt: number | null };
  /** Saved drafts are deleted once the survey closes (nothing may change after close). */
  draftsClearedAt: number | null;
  /** The work order a post-repair survey follows. */
  workOrderId: string | null;
  createdBy: string;
  createdByName: string;
  createdAt: number;
  updatedAt: number;
}

/** The mini-program page a survey invitation opens. */
export const surveyPage = (surveyId: string): string =>
  `pages/survey/index?id=${encodeURIComponent(surveyId)}`;

/**
 * Buildings with fewer responses than this show no score in an anonymous survey's results:
 * a score of one or two households would tell staff how those households answered.
 */
export const ANONYMOUS_MIN_GROUP = 5;
