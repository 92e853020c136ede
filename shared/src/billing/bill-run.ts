import { keyId } from '../ids/ids';
import type { Fen } from '../money/money';
import type { Period } from '../time/period';

/**
 * 出账批次: the bills of one estate for one period, made in chunks of households taken in id
 * order. `cursor` is the last household done; the counters cover the households before it,
 * advanced together with it, so each chunk is counted exactly once however often it is retried.
 */
export type BillRun = {
  _id: string;
  estateId: string;
  period: Period;
  status: 'running' | 'done';
  cursor: string | null;
  chunkSize: number;
  householdsTotal: number;
  householdsDone: number;
  bills: number;
  lines: number;
  amountFen: Fen;
  prepaidFen: Fen;
  /** Metered items waiting for a reading's review, and items with no reading. */
  heldReadings: number;
  missingReadings: number;
  /** 1 for the first pass; each rescan (to bill households or readings added since) adds one. */
  pass: number;
  startedAt: number;
  /** When the current pass began: the issue time of its bills and prepayment draws. */
  passStartedAt: number;
  startedBy: string;
  startedByName: string;
  finishedAt: number | null;
  updatedAt: number;
};

export const billRunId = (estateId: string, period: Period): string => keyId('brun', estateId, period);

export const billRunStatusLabels: Record<BillRun['status'], string> = { running: '出账中', done: '已完成' };
