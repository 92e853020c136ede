import { z } from 'zod';
import type { ReadRate } from '../notice/read-rate';
import { Id } from '../schemas/property';
import type { SurveyComparison, SurveyResults, BuildingScore } from '../survey/aggregate';
import { Answers } from '../survey/answers';
import { Questions, type Question } from '../survey/questions';
import {
  ResponseUnit,
  SurveyStatus,
  SurveyTarget,
  type SurveyKind,
  type SurveyPhase,
  type SurveyStatus as SurveyStatusT,
} from '../survey/survey';
import { contract } from './contract';

// ---------------------------------------------------------------------------------------------
// Views. Instants are epoch milliseconds; format them in Shanghai time at the edge.

/** A survey as staff see and edit it. */
export interface SurveyStaffView {
  surveyId: string;
  estateId: string;
  estateName: string;
  kind: SurveyKind;
  title: string;
  intro: string;
  questions: Question[];
  target: SurveyTarget;
  /** 全体住户 / 2号楼 / 指定 1 户 */
  targetLabel: string;
  responseUnit: ResponseUnit;
  responseUnitLabel: string;
  anonymous: boolean;
  status: SurveyStatusT;
  phase: SurveyPhase;
  phaseLabel: string;
  opensAt: number;
  closesAt: number;
  publishedAt: number | null;
  closedAt: number | null;
  /** Households targeted when published (null before). */
  audienceHouseholds: number | null;
  responses: number;
  /** Responses of targeted households; null before publishing. */
  rate: ReadRate | null;
  invitations: number;
  reminderRounds: number;
  workOrderId: string | null;
  createdByName: string;
  createdAt: number;
  updatedAt: number;
  /** Questions, target and dates can still change (a draft). */
  canEdit: boolean;
}

export type SurveyListItem = Omit<SurveyStaffView, 'questions'> & { questionCount: number };

export interface SurveyResultsView {
  survey: Omit<SurveyStaffView, 'questions'>;
  results: Omit<SurveyResults, 'buildings'> & {
    buildings: Array<BuildingScore & { buildingName: string }>;
  };
  /** The estate's survey published before this one, and how the scores moved since. */
  previous: { surveyId: string; title: string; publishedAt: number } | null;
  comparison: SurveyComparison | null;
}

/** A survey on an owner's home page. */
export interface SurveyCard {
  surveyId: string;
  title: string;
  intro: string;
  questionCount: number;
  anonymous: boolean;
  closesAt: number;
  /** Already answered (by this account, or by the household when one answer per household). */
  answered: boolean;
  /** Half-filled and saved. */
  hasDraft: boolean;
}

/** A questionnaire opened to answer. */
export interface SurveyFormView {
  surveyId: string;
  title: string;
  intro: string;
  questions: Question[];
  anonymous: boolean;
  responseUnit: ResponseUnit;
  phase: SurveyPhase;
  closesAt: number;
  /** The caller's homes the survey is for; answers are given for one of them. */
  homes: Array<{ householdId: string; roomCode: string; answered: boolean }>;
  householdId: string;
  submitted: boolean;
  draft: { answers: Answers; savedAt: number } | null;
}

// ---------------------------------------------------------------------------------------------
// Inputs

const Title = z.string().trim().min(1, '请填写问卷标题').max(40, '标题最多 40 字');
const Intro = z.string().trim().max(500, '说明最多 500 字');
const Instant = z.number().int().positive();

const SurveyContent = {
  title: Title,
  intro: Intro,
  questions: Questions,
  target: SurveyTarget,
  responseUnit: ResponseUnit,
  anonymous: z.boolean(),
  opensAt: Instant,
  closesAt: Instant,
};

const writers = ['admin', 'service'] as const;
const RequestId = z.string().regex(/^[\w-]{8,64}$/);

/** `survey`: 满意度调查 — staff build, target and follow up questionnaires; owners answer. */
export const surveyApi = {
  create: contract<SurveyStaffView>()({
    input: z
      .object({ estateId: Id, ...SurveyContent, intro: Intro.default('') })
      .strict()
      .refine((s) => s.closesAt > s.opensAt, { message: '截止时间须晚于开始时间', path: ['closesAt'] }),
    access: { roles: writers },
    summary: '员工新建问卷（草稿）',
  }),
  update: contract<SurveyStaffView>()({
    input: z
      .object({ surveyId: Id, ...SurveyContent })
      .partial()
      .required({ surveyId: true })
      .strict(),
    access: { roles: writers },
    summary: '员工修改草稿问卷',
  }),
  publish: contract<SurveyStaffView>()({
    input: z.object({ surveyId: Id }).strict(),
    access: { roles: writers },
    summary: '发布问卷（到开始时间后发出邀请）',
  }),
  close: contract<SurveyStaffView>()({
    input: z.object({ surveyId: Id }).strict(),
    access: { roles: writers },
    summary: '提前结束问卷',
  }),
  list: contract<{ items: SurveyListItem[]; next?: string }>()({
    input: z
      .object({
        estateId: Id.optional(),
        status: SurveyStatus.optional(),
        after: z.string().max(500).optional(),
      })
      .strict(),
    access: { roles: writers },
    summary: '员工查看问卷列表（含回收率）',
  }),
  detail: contract<SurveyStaffView>()({
    input: z.object({ surveyId: Id }).strict(),
    access: { roles: writers },
    summary: '员工查看一份问卷',
  }),
  results: contract<SurveyResultsView>()({
    input: z.object({ surveyId: Id }).strict(),
    access: { roles: writers },
    summary: '问卷结果：回收率、各题分布、满意度指数、NPS、与上次对比',
  }),
  export: contract<{ filename: string; format: 'csv' | 'xlsx'; content: string }>()({
    input: z.object({ surveyId: Id, format: z.enum(['csv', 'xlsx']) }).strict(),
    access: { roles: writers },
    summary: '导出答卷（匿名问卷不含房号和答题人）',
  }),
  remind: contract<{ round: number; households: number; messages: number }>()({
    input: z.object({ surveyId: Id, requestId: RequestId }).strict(),
    access: { roles: writers },
    summary: '提醒尚未填写的住户（订阅消息）',
  }),
  mine: contract<{ items: SurveyCard[] }>()({
    input: z.object({}).strict(),
    access: { roles: ['owner'] },
    summary: '业主待填写的问卷',
  }),
  open: contract<SurveyFormView>()({
    input: z.object({ surveyId: Id, householdId: Id.optional() }).strict(),
    access: { roles: ['owner'] },
    summary: '业主打开问卷（含已保存的草稿）',
    unaudited: true,
  }),
  saveDraft: contract<{ savedAt: number }>()({
    input: z.object({ surveyId: Id, householdId: Id, answers: Answers }).strict(),
    access: { roles: ['owner'] },
    summary: '保存未完成的答卷，稍后继续',
    unaudited: true,
  }),
  submit: contract<{ submittedAt: number }>()({
    input: z.object({ surveyId: Id, householdId: Id, answers: Answers }).strict(),
    access: { roles: ['owner'] },
    summary: '提交答卷（每户或每人一次，提交后不能修改）',
    unaudited: true,
  }),
};
