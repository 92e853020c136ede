import '../schemas/zod-setup';
import {
  aggregateSurvey,
  compareResults,
  npsScore,
  satisfactionIndex,
  type ResponseRecord,
} from './aggregate';
import { answerProgress, checkAnswers } from './answers';
import { Question, Questions, type Question as QuestionT } from './questions';
import { assertSurveyOpen, scheduleProblem, surveyPhase } from './survey';
import { annualSurveyQuestions, postRepairQuestions } from './templates';

const questions: QuestionT[] = [
  { id: 'clean', type: 'rating', title: '保洁', required: true, dimension: 'cleaning' },
  { id: 'nps', type: 'nps', title: '推荐', required: true },
  {
    id: 'pick',
    type: 'single',
    title: '最常用的入口',
    required: false,
    options: [
      { id: 'n', label: '北门' },
      { id: 's', label: '南门' },
    ],
  },
  {
    id: 'many',
    type: 'multiple',
    title: '改进',
    required: false,
    maxChoices: 2,
    options: [
      { id: 'a', label: '卫生' },
      { id: 'b', label: '安保' },
      { id: 'c', label: '停车' },
    ],
  },
  { id: 'say', type: 'text', title: '建议', required: false, maxLength: 10 },
  { id: 'grid', type: 'matrix', title: '打分', required: true, rows: ['security', 'cleaning'] },
];

const full = {
  clean: 5,
  nps: 9,
  pick: 'n',
  many: ['a', 'c'],
  say: ' 很好 ',
  grid: { security: 4, cleaning: 3 },
};

describe('survey questions', () => {
  it('accept every question type and refuse duplicates, empty options and repeated dimensions', () => {
    expect(Questions.safeParse(questions).success).toBe(true);
    expect(Questions.safeParse(annualSurveyQuestions()).success).toBe(true);
    expect(Questions.safeParse(postRepairQuestions()).success).toBe(true);
    expect(Questions.safeParse([questions[0], questions[0]]).success).toBe(false);
    expect(Questions.safeParse([]).success).toBe(false);
    expect(
      Question.safeParse({
        id: 'x',
        type: 'single',
        title: 'x',
        required: true,
        options: [{ id: 'a', label: 'a' }],
      }).success,
    ).toBe(false);
    expect(
      Question.safeParse({
        id: 'x',
        type: 'matrix',
        title: 'x',
        required: true,
        rows: ['cleaning', 'cleaning'],
      }).success,
    ).toBe(false);
    expect(Question.safeParse({ id: 'X Y', type: 'nps', title: 'x', required: true }).success).toBe(false);
  });
});

describe('answers', () => {
  it('a complete, valid set passes, trimmed, with unanswered optional questions left out', () => {
    const { answers, issues } = checkAnswers(questions, { ...full, pick: '' }, { complete: true });
    expect(issues).toEqual([]);
    expect(answers).toEqual({
      clean: 5,
      nps: 9,
      many: ['a', 'c'],
      say: '很好',
      grid: { security: 4, cleaning: 3 },
    });
  });

  it('a submission names each required question left open; a draft may leave them', () => {
    expect(checkAnswers(questions, { clean: 4 }, { complete: true }).issues).toEqual([
      { path: 'nps', message: '此题必答' },
      { path: 'grid', message: '此题必答' },
    ]);
    expect(checkAnswers(questions, { clean: 4 }, { complete: false }).issues).toEqual([]);
  });

  it('refuse out-of-range scores, unknown options, too many choices, long texts, half grids and unknown questions', () => {
    const bad = checkAnswers(
      questions,
      {
        clean: 6,
        nps: -1,
        pick: 'x',
        many: ['a', 'b', 'c'],
        say: '一二三四五六七八九十十一',
        grid: { security: 4 },
        ghost: 1,
      },
      { complete: false },
    );
    expect(Object.fromEntries(bad.issues.map((i) => [i.path, i.message]))).toEqual({
      ghost: '该题不存在，请刷新后重试',
      clean: '请选择 1–5 星',
      nps: '请选择 0–10 分',
      pick: '请选择一项',
      many: '最多选择 2 项',
      say: '最多 10 字',
      grid: '请为每一项打分',
    });
    expect(checkAnswers(questions, { many: ['a', 'a'] }, { complete: false }).issues).toHaveLength(1);
    expect(checkAnswers(questions, { clean: 4.5 }, { complete: false }).issues).toHaveLength(1);
    expect(
      checkAnswers(questions, { grid: { security: 4, cleaning: 3, greenery: 2 } }, { complete: false })
        .issues,
    ).toHaveLength(1);
  });

  it('progress counts valid answers and the required ones still open', () => {
    expect(answerProgress(questions, { clean: 5, say: 'ok' })).toEqual({
      answered: 2,
      total: 6,
      requiredOpen: 2,
      percent: 33,
    });
    expect(answerProgress(questions, full).requiredOpen).toBe(0);
  });
});

describe('survey schedule', () => {
  const survey = { status: 'published' as const, opensAt: 100, closesAt: 200 };

  it('is upcoming, open, then closed by its dates; closing early closes it', () => {
    expect(surveyPhase(survey, 99)).toBe('upcoming');
    expect(surveyPhase(survey, 100)).toBe('open');
    expect(surveyPhase(survey, 200)).toBe('closed');
    expect(surveyPhase({ ...survey, status: 'closed' }, 150)).toBe('closed');
    expect(surveyPhase({ ...survey, status: 'draft' }, 150)).toBe('draft');
    expect(() => assertSurveyOpen(survey, 150)).not.toThrow();
    expect(() => assertSurveyOpen(survey, 250)).toThrow('问卷已结束');
    expect(() => assertSurveyOpen(survey, 50)).toThrow('尚未开始');
  });

  it('needs a close after now, at least an hour open, at most 180 days', () => {
    const hour = 3_600_000;
    expect(scheduleProblem(0, hour, 0)).toBeNull();
    expect(scheduleProblem(0, hour - 1, 0)).toBe('截止时间须比开始时间晚至少 1 小时');
    expect(scheduleProblem(0, 10, 20)).toBe('截止时间须晚于现在');
    expect(scheduleProblem(0, 181 * 24 * hour, 0)).toBe('问卷开放时间最长 180 天');
  });
});

describe('aggregation', () => {
  const audience = {
    households: 10,
    byBuilding: [
      { buildingId: 'b1', households: 6 },
      { buildingId: 'b2', households: 4 },
    ],
  };
  const responses: ResponseRecord[] = [
    { buildingId: 'b1', answers: full },
    { buildingId: 'b1', answers: { clean: 1, nps: 3, many: ['a'], grid: { security: 2, cleaning: 1 } } },
    {
      buildingId: 'b2',
      answers: { clean: 4, nps: 7, pick: 's', say: '电梯慢', grid: { security: 5, cleaning: 5 } },
    },
  ];

  it('counts the response rate, distributions, means, NPS and per-dimension indexes', () => {
    const results = aggregateSurvey(questions, responses, audience);
    expect(results.responses).toBe(3);
    expect(results.rate).toEqual({ read: 3, total: 10, percent: 30 });
    const [clean, nps, pick, many, say, grid] = results.questions;
    expect(clean).toMatchObject({ answered: 3, counts: [1, 0, 0, 1, 1], mean: 3.3 });
    expect(nps).toMatchObject({ answered: 3, promoters: 1, passives: 1, detractors: 1, score: 0 });
    expect(pick).toMatchObject({
      answered: 2,
      options: [
        { id: 'n', label: '北门', count: 1, percent: 50 },
        { id: 's', label: '南门', count: 1, percent: 50 },
      ],
    });
    expect(many).toMatchObject({
      answered: 2,
      options: [{ count: 2 }, { count: 0 }, { count: 1, percent: 50 }],
    });
    expect(say).toMatchObject({ answered: 2, texts: [' 很好 ', '电梯慢'] });
    expect(grid).toMatchObject({
      rows: [
        { dimension: 'security', label: '安保', counts: [0, 1, 0, 1, 1], mean: 3.7 },
        { dimension: 'cleaning', label: '保洁', counts: [1, 0, 1, 0, 1], mean: 3 },
      ],
    });
    // stored answers are already cleaned; aggregation keeps texts as stored.
    // cleaning: 5,1,4 (rating) + 3,1,5 (grid) = 19 / 6; security: 4,2,5 = 11 / 3
    expect(results.dimensions).toEqual([
      { dimension: 'cleaning', label: '保洁', ratings: 6, mean: 3.2, index: satisfactionIndex(19, 6) },
      { dimension: 'security', label: '安保', ratings: 3, mean: 3.7, index: 66.7 },
    ]);
    expect(results.overallIndex).toBe(satisfactionIndex(30, 9));
    expect(results.nps).toEqual({ score: 0, promoters: 1, passives: 1, detractors: 1 });
  });

  it('scores each building, and withholds small groups of an anonymous survey', () => {
    const named = aggregateSurvey(questions, responses, audience);
    expect(named.buildings).toEqual([
      {
        buildingId: 'b1',
        responses: 2,
        rate: { read: 2, total: 6, percent: 33.3 },
        index: 41.7,
        withheld: false,
      },
      {
        buildingId: 'b2',
        responses: 1,
        rate: { read: 1, total: 4, percent: 25 },
        index: 91.7,
        withheld: false,
      },
    ]);
    const anonymous = aggregateSurvey(questions, responses, audience, { anonymous: true, minGroup: 2 });
    expect(anonymous.buildings.map((b) => [b.buildingId, b.index, b.withheld])).toEqual([
      ['b1', 41.7, false],
      ['b2', null, true],
    ]);
  });

  it('has nothing to score without responses', () => {
    const empty = aggregateSurvey(questions, [], audience);
    expect(empty).toMatchObject({ responses: 0, overallIndex: null, nps: { score: null } });
    expect(empty.rate.percent).toBe(0);
    expect(empty.dimensions.every((d) => d.index === null)).toBe(true);
    expect(empty.buildings.map((b) => b.responses)).toEqual([0, 0]);
  });

  it('NPS and the index follow their definitions', () => {
    expect(npsScore([0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 3]).score).toBe(50);
    expect(satisfactionIndex(5, 1)).toBe(100);
    expect(satisfactionIndex(1, 1)).toBe(0);
    expect(satisfactionIndex(0, 0)).toBeNull();
  });

  it('compares with the previous survey, dimension by dimension', () => {
    const now = aggregateSurvey(questions, responses, audience);
    const before = aggregateSurvey(
      questions.slice(0, 2),
      [{ buildingId: 'b1', answers: { clean: 3, nps: 10 } }],
      audience,
    );
    const comparison = compareResults(now, before);
    expect(comparison.nps).toEqual({ current: 0, previous: 100, delta: -100 });
    expect(comparison.responseRate).toEqual({ current: 30, previous: 10, delta: 20 });
    expect(comparison.dimensions).toEqual([
      {
        dimension: 'cleaning',
        label: '保洁',
        current: 54.2,
        previous: 50,
        delta: 4.2,
      },
      { dimension: 'security', label: '安保', current: 66.7, previous: null, delta: null },
    ]);
  });
});
