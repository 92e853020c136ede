import { z } from 'zod';
import type { FieldIssue } from '../errors/app-error';
import { Dimension, NPS_MAX, RATING_MAX, type Question } from './questions';

/** One answer as it travels: a score, an option id, option ids, a text, or scores per dimension. */
export const AnswerValue = z.union([
  z.number().int(),
  z.string().max(2000),
  z.array(z.string().max(20)).max(20),
  z.partialRecord(Dimension, z.number().int()),
]);
export type AnswerValue = z.infer<typeof AnswerValue>;

/** Answers by question id. Unknown ids are refused when checked against the questions. */
export const Answers = z.record(z.string().max(20), AnswerValue);
export type Answers = z.infer<typeof Answers>;

// Control characters would break exports and rendering.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const isScore = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** Whether an answer holds anything (an empty text, list or grid counts as unanswered). */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** Why one answer does not fit its question, or null when it does. Unanswered is checked elsewhere. */
export function answerProblem(question: Question, value: AnswerValue): string | null {
  switch (question.type) {
    case 'rating':
      return isScore(value, 1, RATING_MAX) ? null : `请选择 1–${RATING_MAX} 星`;
    case 'nps':
      return isScore(value, 0, NPS_MAX) ? null : `请选择 0–${NPS_MAX} 分`;
    case 'single':
      return typeof value === 'string' && question.options.some((o) => o.id === value) ? null : '请选择一项';
    case 'multiple': {
      if (!Array.isArray(value) || new Set(value).size !== value.length) return '选项有误，请重新选择';
      if (!value.every((id) => question.options.some((o) => o.id === id))) return '选项有误，请重新选择';
      if (question.maxChoices !== null && value.length > question.maxChoices)
        return `最多选择 ${question.maxChoices} 项`;
      return null;
    }
    case 'text':
      if (typeof value !== 'string') return '请填写文字';
      return Array.from(value.trim()).length > question.maxLength ? `最多 ${question.maxLength} 字` : null;
    case 'matrix': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return '请为每一项打分';
      const keys = Object.keys(value);
      if (keys.some((k) => !question.rows.includes(k as Dimension))) return '评价项有误，请重新打分';
      if (question.rows.some((row) => value[row] === undefined)) return '请为每一项打分';
      return question.rows.every((row) => isScore(value[row], 1, RATING_MAX))
        ? null
        : `请选择 1–${RATING_MAX} 星`;
    }
  }
}

export interface AnswerCheck {
  /** Answers cleaned for storage: trimmed texts, unanswered questions left out. */
  answers: Answers;
  /** Per-question problems, path = question id. */
  issues: FieldIssue[];
}

/**
 * Check answers against the questions. A draft (`complete: false`) may leave required
 * questions open; a submission may not. Answers to unknown questions are always refused.
 */
export function checkAnswers(
  questions: readonly Question[],
  answers: Answers,
  options: { complete: boolean },
): AnswerCheck {
  const issues: FieldIssue[] = [];
  const cleaned: Answers = {};
  for (const id of Object.keys(answers))
    if (!questions.some((q) => q.id === id)) issues.push({ path: id, message: '该题不存在，请刷新后重试' });
  for (const question of questions) {
    let value = answers[question.id];
    if (typeof value === 'string') value = value.replace(CONTROL, '').trim();
    if (!isAnswered(value)) {
      if (options.complete && question.required) issues.push({ path: question.id, message: '此题必答' });
      continue;
    }
    const problem = answerProblem(question, value!);
    if (problem) issues.push({ path: question.id, message: problem });
    else cleaned[question.id] = value!;
  }
  return { answers: cleaned, issues };
}

/** How far through a questionnaire: answered questions of all, and required ones still open. */
export function answerProgress(
  questions: readonly Question[],
  answers: Answers,
): { answered: number; total: number; requiredOpen: number; percent: number } {
  let answered = 0;
  let requiredOpen = 0;
  for (const question of questions) {
    const value = answers[question.id];
    const ok = isAnswered(value) && answerProblem(question, value!) === null;
    if (ok) answered++;
    else if (question.required) requiredOpen++;
  }
  const total = questions.length;
  return { answered, total, requiredOpen, percent: total ? Math.round((answered / total) * 100) : 0 };
}
