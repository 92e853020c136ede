import { SurveyAggregator, type Answers, type Question } from '@linli/shared';
import { ensureAllIndexes } from '@linli/cloudfunctions/src/_lib/collections';
import { createSqliteStore } from '@linli/cloudfunctions/src/_lib/store/sqlite';
import {
  SURVEY_RESPONSES,
  type SurveyDoc,
  type SurveyResponse,
} from '@linli/cloudfunctions/src/survey/documents';
import { aggregateStored, forEachResponse } from '@linli/cloudfunctions/src/survey/read-responses';
import { medianMs, type Benchmark } from '../harness';

const RESPONSES = 10_000;
const SURVEY_ID = 'svy_bench';
const BUILDINGS = 10;

/** Twelve questions of every type: 6 ratings, 2 NPS-like, 1 single, 1 multiple, 1 text, 1 matrix. */
function benchQuestions(): Question[] {
  const options = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, label: `选项${id}` }));
  return [
    ...(['cleaning', 'security', 'repairs', 'greenery', 'customer_service', null] as const).map(
      (dimension, i): Question => ({
        id: `r${i}`,
        type: 'rating',
        title: `评分${i}`,
        required: true,
        dimension,
      }),
    ),
    { id: 'n0', type: 'nps', title: '推荐', required: true },
    { id: 'n1', type: 'nps', title: '续约', required: true },
    { id: 's0', type: 'single', title: '单选', required: true, options },
    { id: 'm0', type: 'multiple', title: '多选', required: false, options, maxChoices: null },
    { id: 't0', type: 'text', title: '建议', required: false, maxLength: 200 },
    {
      id: 'x0',
      type: 'matrix',
      title: '矩阵',
      required: true,
      rows: ['cleaning', 'security', 'repairs', 'greenery', 'customer_service'],
    },
  ];
}

/** Deterministic answers (a small LCG), so every run aggregates the same data. */
function benchResponses(): SurveyResponse[] {
  let seed = 42;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  return Array.from({ length: RESPONSES }, (_, i) => {
    const answers: Answers = {};
    for (let r = 0; r < 6; r++) answers[`r${r}`] = 1 + next(5);
    answers.n0 = next(11);
    answers.n1 = next(11);
    answers.s0 = 'abcde'[next(5)]!;
    answers.m0 = ['a', 'c', 'e'].slice(0, 1 + next(3));
    if (next(4) === 0) answers.t0 = `第 ${i} 条建议：电梯保养要及时`;
    answers.x0 = {
      cleaning: 1 + next(5),
      security: 1 + next(5),
      repairs: 1 + next(5),
      greenery: 1 + next(5),
      customer_service: 1 + next(5),
    };
    return {
      _id: `svr_${String(i).padStart(8, '0')}`,
      surveyId: SURVEY_ID,
      estateId: 'est_bench',
      buildingId: `bld_${i % BUILDINGS}`,
      answers,
      submittedOn: '2026-11-29',
      householdId: null,
      accountId: null,
      roomCode: null,
      respondentName: null,
      submittedAt: null,
    };
  });
}

function benchSurvey(questions: Question[]): SurveyDoc {
  return {
    _id: SURVEY_ID,
    estateId: 'est_bench',
    kind: 'general',
    title: '基准调查',
    intro: '',
    questions,
    target: { scope: 'estate' },
    responseUnit: 'household',
    anonymous: true,
    status: 'closed',
    opensAt: 0,
    closesAt: 1,
    publishedAt: 0,
    closedAt: 1,
    audience: {
      households: 20_000,
      byBuilding: Array.from({ length: BUILDINGS }, (_, b) => ({ buildingId: `bld_${b}`, households: 2000 })),
    },
    invite: null,
    reminders: { rounds: 0, lastRequestId: null, lastAt: null },
    draftsClearedAt: 1,
    workOrderId: null,
    createdBy: 'bench',
    createdByName: '基准',
    createdAt: 0,
    updatedAt: 0,
  };
}

export const surveyBenchmarks: Benchmark[] = [
  {
    // Results are aggregated on every call from the stored sheets: the aggregation should cost
    // little next to reading the sheets, which any results page must do anyway.
    name: 'survey.results.10k×12',
    unit: 'ms',
    higherIsBetter: false,
    async run() {
      const store = createSqliteStore({ file: ':memory:' });
      await ensureAllIndexes(store);
      const questions = benchQuestions();
      const survey = benchSurvey(questions);
      const responses = benchResponses();
      const collection = store.collection<SurveyResponse>(SURVEY_RESPONSES);
      for (let i = 0; i < responses.length; i += 1000)
        await collection.insertMany(responses.slice(i, i + 1000));

      const readOnly = () => forEachResponse(store, SURVEY_ID, () => undefined, ['buildingId', 'answers']);
      const baseline = await medianMs(5, readOnly);
      let checked = 0;
      const value = await medianMs(5, async () => {
        const results = await aggregateStored(store, survey);
        checked = results.responses;
      });
      if (checked !== RESPONSES) throw new Error(`aggregated ${checked} responses, expected ${RESPONSES}`);
      // The aggregation alone, over sheets already in memory.
      const inMemory = await medianMs(5, () => {
        const aggregator = new SurveyAggregator(questions, { anonymous: true, minGroup: 5 });
        for (const response of responses) aggregator.add(response);
        aggregator.result(survey.audience);
      });
      await store.close();
      return {
        value,
        baseline,
        notes: `aggregation alone ${inMemory.toFixed(1)} ms; read + aggregate is ${((value / baseline - 1) * 100).toFixed(0)}% over read`,
      };
    },
  },
];
