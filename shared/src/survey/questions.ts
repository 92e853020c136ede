import { z } from 'zod';

/** Service dimensions a satisfaction index is kept for (满意度维度). */
export const Dimension = z.enum(['cleaning', 'security', 'repairs', 'greenery', 'customer_service']);
export type Dimension = z.infer<typeof Dimension>;
export const dimensions = Dimension.options;
export const dimensionLabels: Record<Dimension, string> = {
  cleaning: '保洁',
  security: '安保',
  repairs: '维修',
  greenery: '绿化',
  customer_service: '客服',
};

export const QuestionType = z.enum(['rating', 'nps', 'single', 'multiple', 'text', 'matrix']);
export type QuestionType = z.infer<typeof QuestionType>;
export const questionTypeLabels: Record<QuestionType, string> = {
  rating: '星级评分',
  nps: '推荐度',
  single: '单选',
  multiple: '多选',
  text: '文字',
  matrix: '矩阵评分',
};

/** Short ids the builder makes up (q1, q2, o1…); answers and exports refer to them. */
const Key = z.string().regex(/^[a-z0-9_-]{1,20}$/, '编号只能含小写字母、数字、下划线和短横线');

const Title = z.string().trim().min(1, '请填写题目').max(100, '题目最多 100 字');
const Hint = z.string().trim().max(200, '说明最多 200 字');

const base = { id: Key, title: Title, hint: Hint.optional(), required: z.boolean() };

export const ChoiceOption = z
  .object({ id: Key, label: z.string().trim().min(1, '选项不能为空').max(40, '选项最多 40 字') })
  .strict();
export type ChoiceOption = z.infer<typeof ChoiceOption>;

const Options = z
  .array(ChoiceOption)
  .min(2, '至少 2 个选项')
  .max(20, '最多 20 个选项')
  .refine((options) => new Set(options.map((o) => o.id)).size === options.length, '选项编号重复');

export const MAX_TEXT_ANSWER = 500;

export const Question = z.discriminatedUnion('type', [
  /** 1–5 stars; with a dimension it counts toward that dimension's index. */
  z.object({ ...base, type: z.literal('rating'), dimension: Dimension.nullable() }).strict(),
  /** 0–10 "would you recommend us" (净推荐值). */
  z.object({ ...base, type: z.literal('nps') }).strict(),
  z.object({ ...base, type: z.literal('single'), options: Options }).strict(),
  z
    .object({
      ...base,
      type: z.literal('multiple'),
      options: Options,
      /** At most this many may be ticked; null allows all. */
      maxChoices: z.number().int().min(1).max(20).nullable(),
    })
    .strict(),
  z
    .object({ ...base, type: z.literal('text'), maxLength: z.number().int().min(1).max(MAX_TEXT_ANSWER) })
    .strict(),
  /** Several dimensions rated 1–5 in one grid. */
  z
    .object({
      ...base,
      type: z.literal('matrix'),
      rows: z
        .array(Dimension)
        .min(1, '至少选择 1 个评价维度')
        .refine((rows) => new Set(rows).size === rows.length, '评价维度重复'),
    })
    .strict(),
]);
export type Question = z.infer<typeof Question>;

export const MAX_QUESTIONS = 40;

export const Questions = z
  .array(Question)
  .min(1, '至少添加 1 道题')
  .max(MAX_QUESTIONS, `最多 ${MAX_QUESTIONS} 道题`)
  .refine((questions) => new Set(questions.map((q) => q.id)).size === questions.length, '题目编号重复');

export const RATING_MAX = 5;
export const NPS_MAX = 10;

/** The dimensions a question scores, for the satisfaction index. */
export function scoredDimensions(question: Question): Dimension[] {
  if (question.type === 'matrix') return question.rows;
  if (question.type === 'rating' && question.dimension) return [question.dimension];
  return [];
}
