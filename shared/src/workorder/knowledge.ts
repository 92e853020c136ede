import type { WorkOrderCategory } from './category';

/**
 * The knowledge base (维修知识库): every finished order leaves fault → cause → fix → parts.
 * Similarity is lexical, which suits short Chinese fault descriptions: overlapping character
 * bigrams ("水管", "漏水") plus whole ASCII words for models and codes ("E31", "KONE").
 */
export interface KnowledgeEntry {
  category: WorkOrderCategory;
  deviceModel: string | null;
  fault: string;
  cause: string;
  fix: string;
  /** Owner accepted the fix (or it auto-closed); unverified fixes rank a little lower. */
  verified: boolean;
}

const CJK = /[\u3400-\u9fff]/;
const SKIP = /[\s\p{P}\p{S}]/u;

/** Bigrams of each run of Chinese characters (a lone character stands for itself), ASCII words. */
export function terms(text: string): Set<string> {
  const out = new Set<string>();
  let run = '';
  let word = '';
  const flushRun = () => {
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
    run = '';
  };
  const flushWord = () => {
    if (word) out.add(word.toLowerCase());
    word = '';
  };
  for (const ch of text) {
    if (CJK.test(ch)) {
      flushWord();
      run += ch;
    } else if (SKIP.test(ch)) {
      flushRun();
      flushWord();
    } else {
      flushRun();
      word += ch;
    }
  }
  flushRun();
  flushWord();
  return out;
}

/** Dice coefficient of two term sets: 1 for the same terms, 0 for none shared. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
}

export interface KnowledgeQuery {
  text: string;
  category?: WorkOrderCategory | null;
  deviceModel?: string | null;
}

export interface KnowledgeHit<E extends KnowledgeEntry> {
  entry: E;
  /** 0 … 1. */
  score: number;
  /** Why it matched: `描述相似 47%`, `同类别`, `同设备型号`. */
  why: string[];
}

/** Text carries most of the weight; category and model only lift fixes that already match. */
const TEXT_WEIGHT = 0.6;
const CATEGORY_WEIGHT = 0.25;
const MODEL_WEIGHT = 0.15;
const UNVERIFIED_FACTOR = 0.9;
export const MIN_KNOWLEDGE_SCORE = 0.3;

const sameModel = (a: string | null | undefined, b: string | null | undefined): boolean =>
  !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/** Past fixes most like the query, best first; weak matches are left out. */
export function rankKnowledge<E extends KnowledgeEntry>(
  query: KnowledgeQuery,
  entries: readonly E[],
  options: { limit?: number; minScore?: number } = {},
): Array<KnowledgeHit<E>> {
  const q = terms(query.text);
  const hits: Array<KnowledgeHit<E>> = [];
  for (const entry of entries) {
    const text = overlap(q, terms(`${entry.fault} ${entry.cause}`));
    const category = !!query.category && query.category === entry.category;
    const model = sameModel(query.deviceModel, entry.deviceModel);
    // Same category alone says nothing about the fault: demand some shared words or the model.
    if (text === 0 && !model) continue;
    const raw = TEXT_WEIGHT * text + (category ? CATEGORY_WEIGHT : 0) + (model ? MODEL_WEIGHT : 0);
    const score = Math.round(raw * (entry.verified ? 1 : UNVERIFIED_FACTOR) * 1000) / 1000;
    if (score < (options.minScore ?? MIN_KNOWLEDGE_SCORE)) continue;
    const why = [
      ...(text > 0 ? [`描述相似 ${Math.round(text * 100)}%`] : []),
      ...(category ? ['同类别'] : []),
      ...(model ? ['同设备型号'] : []),
      ...(entry.verified ? ['业主已验收'] : []),
    ];
    hits.push({ entry, score, why });
  }
  hits.sort((a, b) => b.score - a.score);
  return hits.slice(0, options.limit ?? 5);
}
