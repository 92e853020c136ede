import { dimensionLabels, formatDateTime, type Question } from '@linli/shared';
import type { SurveyDoc, SurveyResponse } from './documents';

interface Column {
  header: string;
  cell(response: SurveyResponse): string;
}

function answerColumns(question: Question, index: number): Column[] {
  const header = `${index + 1}. ${question.title}`;
  const value = (r: SurveyResponse) => r.answers[question.id];
  const labelOf = (id: string) =>
    'options' in question ? (question.options.find((o) => o.id === id)?.label ?? id) : id;
  switch (question.type) {
    case 'rating':
    case 'nps':
      return [
        {
          header,
          cell: (r) => {
            const score = value(r);
            return typeof score === 'number' ? String(score) : '';
          },
        },
      ];
    case 'single':
      return [{ header, cell: (r) => (typeof value(r) === 'string' ? labelOf(value(r) as string) : '') }];
    case 'multiple':
      return [
        {
          header,
          cell: (r) => (Array.isArray(value(r)) ? (value(r) as string[]).map(labelOf).join('、') : ''),
        },
      ];
    case 'text':
      return [{ header, cell: (r) => (typeof value(r) === 'string' ? (value(r) as string) : '') }];
    case 'matrix':
      return question.rows.map((row) => ({
        header: `${header} - ${dimensionLabels[row]}`,
        cell: (r) => {
          const grid = value(r);
          const score = grid && typeof grid === 'object' && !Array.isArray(grid) ? grid[row] : undefined;
          return score === undefined ? '' : String(score);
        },
      }));
  }
}

/**
 * The sheets as a table, one row per sheet. An anonymous survey's export has no building, room,
 * name or time: a row with any of them could be traced back to a household.
 */
export function exportTable(
  survey: Pick<SurveyDoc, 'anonymous' | 'questions'>,
  responses: readonly SurveyResponse[],
  buildingName: (id: string) => string,
): string[][] {
  const who: Column[] = survey.anonymous
    ? [{ header: '提交日期', cell: (r) => r.submittedOn }]
    : [
        { header: '楼栋', cell: (r) => buildingName(r.buildingId) },
        { header: '房号', cell: (r) => r.roomCode ?? '' },
        { header: '答题人', cell: (r) => r.respondentName ?? '' },
        { header: '提交时间', cell: (r) => (r.submittedAt ? formatDateTime(r.submittedAt) : r.submittedOn) },
      ];
  const columns = [...who, ...survey.questions.flatMap(answerColumns)];
  return [
    ['序号', ...columns.map((c) => c.header)],
    ...responses.map((response, i) => [String(i + 1), ...columns.map((c) => c.cell(response))]),
  ];
}
