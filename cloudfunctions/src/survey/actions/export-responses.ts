import { toLocalDate, type surveyApi } from '@linli/shared';
import { type Handler } from '../../_lib/define-function';
import { findByIds } from '../../_lib/find-by-ids';
import { writeSheet } from '../../property/import/write-sheet';
import type { SurveyResponse } from '../documents';
import { exportTable } from '../export-table';
import { forEachResponse } from '../read-responses';
import { loadStaffSurvey } from '../views';

/** Every sheet as CSV or Excel; named sheets sorted by room, anonymous ones in random-id order. */
export const exportResponses: Handler<typeof surveyApi.export> = async (input, ctx) => {
  const survey = await loadStaffSurvey(ctx, input.surveyId);
  const sheets: SurveyResponse[] = [];
  await forEachResponse(ctx.store, survey._id, (page) => {
    sheets.push(...page);
  });
  if (!survey.anonymous)
    sheets.sort((a, b) => (a.roomCode ?? '').localeCompare(b.roomCode ?? '', 'zh-CN', { numeric: true }));
  const buildings = await findByIds(
    ctx.db.buildings,
    [...new Set(sheets.map((s) => s.buildingId))],
    ['name'],
  );
  const content = await writeSheet(
    input.format,
    exportTable(survey, sheets, (id) => buildings.get(id)?.name ?? ''),
  );
  const filename = `${survey.title}-答卷-${toLocalDate(ctx.now()).replace(/-/g, '')}.${input.format}`;
  return { filename, format: input.format, content };
};
