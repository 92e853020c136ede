import type { NoticeAudience } from '../notice/notice';
import { readRate, type ReadRate } from '../notice/read-rate';
import type { Answers } from './answers';
import {
  dimensionLabels,
  dimensions,
  NPS_MAX,
  RATING_MAX,
  scoredDimensions,
  type Dimension,
  type Question,
} from './questions';

/** What aggregation needs of a response: where it came from and what it says. */
export interface ResponseRecord {
  buildingId: string;
  answers: Answers;
}

export interface OptionCount {
  id: string;
  label: string;
  count: number;
  /** Of the people who answered the question, one decimal. */
  percent: number;
}

interface ResultBase {
  questionId: string;
  title: string;
  required: boolean;
  /** Responses that answered it. */
  answered: number;
}

/** counts[i] is the number of answers scoring i + 1 (ratings) or i (NPS). */
export type QuestionResult = ResultBase &
  (
    | { type: 'rating'; counts: number[]; mean: number | null; dimension: Dimension | null }
    | ({ type: 'nps'; counts: number[] } & NpsScore)
    | { type: 'single' | 'multiple'; options: OptionCount[] }
    | { type: 'text'; texts: string[] }
    | {
        type: 'matrix';
        rows: Array<{ dimension: Dimension; label: string; counts: number[]; mean: number | null }>;
      }
  );

export interface NpsScore {
  /** Promoters % − detractors %, −100…100, null without answers. */
  score: number | null;
  promoters: number;
  passives: number;
  detractors: number;
}

export interface DimensionScore {
  dimension: Dimension;
  label: string;
  ratings: number;
  mean: number | null;
  /** (mean − 1) / 4 × 100: 0 when everyone gave 1 star, 100 when everyone gave 5. */
  index: number | null;
}

export interface BuildingScore {
  buildingId: string;
  responses: number;
  /** Responses of the building's targeted households. */
  rate: ReadRate;
  /** Satisfaction index over every dimension rating from the building; null when withheld or none. */
  index: number | null;
  /** Too few responses to show a score without revealing how those households answered. */
  withheld: boolean;
}

export interface SurveyResults {
  responses: number;
  rate: ReadRate;
  questions: QuestionResult[];
  dimensions: DimensionScore[];
  /** Index over every dimension rating of every response. */
  overallIndex: number | null;
  /** The first NPS question's score (the survey's NPS). */
  nps: NpsScore | null;
  buildings: BuildingScore[];
}

const round1 = (value: number): number => Math.round(value * 10) / 10;
const percentOf = (count: number, of: number): number => (of > 0 ? round1((count / of) * 100) : 0);
const meanOf = (sum: number, count: number): number | null => (count > 0 ? round1(sum / count) : null);

/** Satisfaction index from a mean rating. */
export function satisfactionIndex(sum: number, count: number): number | null {
  return count > 0 ? round1(((sum / count - 1) / (RATING_MAX - 1)) * 100) : null;
}

/** 9–10 promote, 7–8 are passive, 0–6 detract. */
export function npsScore(counts: readonly number[]): NpsScore {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  counts.forEach((n, score) => {
    if (score >= 9) promoters += n;
    else if (score >= 7) passives += n;
    else detractors += n;
  });
  const total = promoters + passives + detractors;
  return {
    score: total ? Math.round(((promoters - detractors) / total) * 100) : null,
    promoters,
    passives,
    detractors,
  };
}

interface Tally {
  answered: number;
  /** Scores or option counts, by position. */
  counts: number[];
  sum: number;
  texts: string[];
  /** Matrix rows: counts and sum per row. */
  rows: Array<{ counts: number[]; sum: number; answered: number }>;
}

export interface AggregateOptions {
  /** Text answers kept for the results view (the export reads them all). */
  textLimit?: number;
  /** Withhold per-building scores of small groups. */
  anonymous?: boolean;
  minGroup?: number;
}

/**
 * Results built one response at a time, so a large survey is aggregated while it is paged in
 * from the store, never held whole. Each response costs one pass over the questions.
 */
export class SurveyAggregator {
  private readonly tallies: Tally[];
  private readonly optionIndex: Array<Map<string, number> | null>;
  private readonly dimensionSum = new Map<Dimension, { sum: number; count: number }>();
  private readonly buildings = new Map<string, { responses: number; sum: number; count: number }>();
  private responses = 0;

  constructor(
    private readonly questions: readonly Question[],
    private readonly options: AggregateOptions = {},
  ) {
    this.tallies = questions.map((q) => ({
      answered: 0,
      counts: new Array<number>(
        q.type === 'rating'
          ? RATING_MAX
          : q.type === 'nps'
            ? NPS_MAX + 1
            : 'options' in q
              ? q.options.length
              : 0,
      ).fill(0),
      sum: 0,
      texts: [],
      rows:
        q.type === 'matrix'
          ? q.rows.map(() => ({ counts: new Array<number>(RATING_MAX).fill(0), sum: 0, answered: 0 }))
          : [],
    }));
    this.optionIndex = questions.map((q) =>
      'options' in q ? new Map(q.options.map((o, i) => [o.id, i])) : null,
    );
  }

  add(response: ResponseRecord): void {
    this.responses++;
    let building = this.buildings.get(response.buildingId);
    if (!building) {
      building = { responses: 0, sum: 0, count: 0 };
      this.buildings.set(response.buildingId, building);
    }
    building.responses++;
    const textLimit = this.options.textLimit ?? 200;
    for (let i = 0; i < this.questions.length; i++) {
      const question = this.questions[i]!;
      const value = response.answers[question.id];
      if (value === undefined) continue;
      const tally = this.tallies[i]!;
      switch (question.type) {
        case 'rating':
          if (typeof value !== 'number') continue;
          tally.counts[value - 1]!++;
          tally.sum += value;
          if (question.dimension) this.score(question.dimension, value, building);
          break;
        case 'nps':
          if (typeof value !== 'number') continue;
          tally.counts[value]!++;
          tally.sum += value;
          break;
        case 'single': {
          const at = typeof value === 'string' ? this.optionIndex[i]!.get(value) : undefined;
          if (at === undefined) continue;
          tally.counts[at]!++;
          break;
        }
        case 'multiple':
          if (!Array.isArray(value)) continue;
          for (const id of value) {
            const at = this.optionIndex[i]!.get(id);
            if (at !== undefined) tally.counts[at]!++;
          }
          break;
        case 'text':
          if (typeof value !== 'string') continue;
          if (tally.texts.length < textLimit) tally.texts.push(value);
          break;
        case 'matrix': {
          if (typeof value !== 'object' || Array.isArray(value)) continue;
          const rows = question.rows;
          for (let r = 0; r < rows.length; r++) {
            const score = value[rows[r]!];
            if (score === undefined) continue;
            const row = tally.rows[r]!;
            row.counts[score - 1]!++;
            row.sum += score;
            row.answered++;
            this.score(rows[r]!, score, building);
          }
          break;
        }
      }
      tally.answered++;
    }
  }

  private score(dimension: Dimension, value: number, building: { sum: number; count: number }): void {
    let total = this.dimensionSum.get(dimension);
    if (!total) {
      total = { sum: 0, count: 0 };
      this.dimensionSum.set(dimension, total);
    }
    total.sum += value;
    total.count++;
    building.sum += value;
    building.count++;
  }

  result(audience: NoticeAudience | null): SurveyResults {
    const questions = this.questions.map((q, i) => questionResult(q, this.tallies[i]!));
    const asked = new Set(this.questions.flatMap(scoredDimensions));
    const dimensionScores: DimensionScore[] = dimensions
      .filter((d) => asked.has(d))
      .map((dimension) => {
        const total = this.dimensionSum.get(dimension) ?? { sum: 0, count: 0 };
        return {
          dimension,
          label: dimensionLabels[dimension],
          ratings: total.count,
          mean: meanOf(total.sum, total.count),
          index: satisfactionIndex(total.sum, total.count),
        };
      });
    let sum = 0;
    let count = 0;
    for (const total of this.dimensionSum.values()) {
      sum += total.sum;
      count += total.count;
    }
    const firstNps = questions.find((q) => q.type === 'nps');
    const minGroup = this.options.anonymous ? (this.options.minGroup ?? 0) : 0;
    const buildingIds = new Set([
      ...(audience?.byBuilding.map((b) => b.buildingId) ?? []),
      ...this.buildings.keys(),
    ]);
    const buildings: BuildingScore[] = [...buildingIds].sort().map((buildingId) => {
      const tally = this.buildings.get(buildingId) ?? { responses: 0, sum: 0, count: 0 };
      const households = audience?.byBuilding.find((b) => b.buildingId === buildingId)?.households ?? 0;
      const withheld = tally.responses > 0 && tally.responses < minGroup;
      return {
        buildingId,
        responses: tally.responses,
        rate: readRate(tally.responses, households),
        index: withheld ? null : satisfactionIndex(tally.sum, tally.count),
        withheld,
      };
    });
    return {
      responses: this.responses,
      rate: readRate(this.responses, audience?.households ?? 0),
      questions,
      dimensions: dimensionScores,
      overallIndex: satisfactionIndex(sum, count),
      nps: firstNps?.type === 'nps' ? npsScore(firstNps.counts) : null,
      buildings,
    };
  }
}

function questionResult(question: Question, tally: Tally): QuestionResult {
  const base = {
    questionId: question.id,
    title: question.title,
    required: question.required,
    answered: tally.answered,
  };
  switch (question.type) {
    case 'rating':
      return {
        ...base,
        type: 'rating',
        counts: tally.counts,
        mean: meanOf(tally.sum, tally.answered),
        dimension: question.dimension,
      };
    case 'nps':
      return { ...base, type: 'nps', counts: tally.counts, ...npsScore(tally.counts) };
    case 'single':
    case 'multiple':
      return {
        ...base,
        type: question.type,
        options: question.options.map((option, i) => ({
          id: option.id,
          label: option.label,
          count: tally.counts[i]!,
          percent: percentOf(tally.counts[i]!, tally.answered),
        })),
      };
    case 'text':
      return { ...base, type: 'text', texts: tally.texts };
    case 'matrix':
      return {
        ...base,
        type: 'matrix',
        rows: question.rows.map((dimension, r) => {
          const row = tally.rows[r]!;
          return {
            dimension,
            label: dimensionLabels[dimension],
            counts: row.counts,
            mean: meanOf(row.sum, row.answered),
          };
        }),
      };
  }
}

/** Aggregate a whole list at once (tests, small surveys). */
export function aggregateSurvey(
  questions: readonly Question[],
  responses: Iterable<ResponseRecord>,
  audience: NoticeAudience | null,
  options: AggregateOptions = {},
): SurveyResults {
  const aggregator = new SurveyAggregator(questions, options);
  for (const response of responses) aggregator.add(response);
  return aggregator.result(audience);
}

export interface Change {
  current: number | null;
  previous: number | null;
  /** current − previous, one decimal; null when either is missing. */
  delta: number | null;
}

const change = (current: number | null, previous: number | null): Change => ({
  current,
  previous,
  delta: current !== null && previous !== null ? round1(current - previous) : null,
});

export interface SurveyComparison {
  overallIndex: Change;
  nps: Change;
  responseRate: Change;
  /** Dimensions either survey scored. */
  dimensions: Array<{ dimension: Dimension; label: string } & Change>;
}

/** How this survey's results moved since the previous one's. */
export function compareResults(current: SurveyResults, previous: SurveyResults): SurveyComparison {
  const indexOf = (results: SurveyResults, d: Dimension) =>
    results.dimensions.find((s) => s.dimension === d)?.index ?? null;
  const shown = dimensions.filter((d) =>
    [current, previous].some((r) => r.dimensions.some((s) => s.dimension === d)),
  );
  return {
    overallIndex: change(current.overallIndex, previous.overallIndex),
    nps: change(current.nps?.score ?? null, previous.nps?.score ?? null),
    responseRate: change(current.rate.percent, previous.rate.percent),
    dimensions: shown.map((dimension) => ({
      dimension,
      label: dimensionLabels[dimension],
      ...change(indexOf(current, dimension), indexOf(previous, dimension)),
    })),
  };
}
