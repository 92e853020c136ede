import { surveyApi } from '@linli/shared';
import { defineFunction } from '../_lib/define-function';
import { openSurvey, saveDraft, submitSurvey } from './actions/answer';
import { exportResponses } from './actions/export-responses';
import { listSurveys, surveyDetail } from './actions/list-surveys';
import { mySurveys } from './actions/mine';
import { remindSurvey } from './actions/remind';
import { surveyResults } from './actions/results';
import { closeSurvey, createSurvey, publishSurvey, updateSurvey } from './actions/write-survey';

export { startPostRepairSurvey } from './post-repair';

/** `survey`: 满意度调查 — staff build, target and follow up questionnaires; owners answer. */
export const survey = defineFunction('survey', surveyApi, {
  create: createSurvey,
  update: updateSurvey,
  publish: publishSurvey,
  close: closeSurvey,
  list: listSurveys,
  detail: surveyDetail,
  results: surveyResults,
  export: exportResponses,
  remind: remindSurvey,
  mine: mySurveys,
  open: openSurvey,
  saveDraft,
  submit: submitSurvey,
});
