import { yuanToFen, type Fen } from '../money/money';

/** One row of WeChat Pay's trade bill, as Formatter.castCsvBill gives it (strings, yuan). */
export type TradeBillRow = Record<string, string | undefined>;

/** What we hold for one out_trade_no on the bill's day. */
export interface OurTrade {
  outTradeNo: string;
  /** Received (before refunds), fen. */
  amountFen: Fen;
  transactionId: string | null;
}

export interface ReconcileDifference {
  outTradeNo: string;
  transactionId: string | null;
  ourFen: Fen | null;
  theirFen: Fen | null;
}

export interface ReconcileResult {
  matched: number;
  matchedFen: Fen;
  /** On WeChat's bill, not paid in our records. */
  missingOurs: ReconcileDifference[];
  /** Paid in our records, not on WeChat's bill. */
  missingTheirs: ReconcileDifference[];
  amountDiffs: ReconcileDifference[];
  theirTotalFen: Fen;
  ourTotalFen: Fen;
}

/** Only successful payments count; refund rows of the ALL bill are reconciled elsewhere. */
function paidRows(rows: readonly TradeBillRow[]): Map<string, { fen: Fen; transactionId: string | null }> {
  const byNo = new Map<string, { fen: Fen; transactionId: string | null }>();
  for (const row of rows) {
    const no = row['商户订单号']?.trim();
    const state = row['交易状态']?.trim();
    if (!no || state !== 'SUCCESS') continue;
    const amount = yuanToFen(row['订单金额']?.trim() || row['应结订单金额']?.trim() || '0');
    const previous = byNo.get(no);
    byNo.set(no, {
      fen: (previous ? previous.fen + amount : amount) as Fen,
      transactionId: row['微信订单号']?.trim() || null,
    });
  }
  return byNo;
}

/**
 * Compare WeChat Pay's trade bill for a day with our paid online orders of that day: every
 * fen is either matched or listed as missing on one side or different in amount.
 */
export function reconcileTrades(rows: readonly TradeBillRow[], ours: readonly OurTrade[]): ReconcileResult {
  const theirs = paidRows(rows);
  const result: ReconcileResult = {
    matched: 0,
    matchedFen: 0 as Fen,
    missingOurs: [],
    missingTheirs: [],
    amountDiffs: [],
    theirTotalFen: [...theirs.values()].reduce((s, t) => s + t.fen, 0) as Fen,
    ourTotalFen: ours.reduce((s, o) => s + o.amountFen, 0) as Fen,
  };
  const seen = new Set<string>();
  for (const our of ours) {
    seen.add(our.outTradeNo);
    const their = theirs.get(our.outTradeNo);
    if (!their) {
      result.missingTheirs.push({
        outTradeNo: our.outTradeNo,
        transactionId: our.transactionId,
        ourFen: our.amountFen,
        theirFen: null,
      });
    } else if (their.fen !== our.amountFen) {
      result.amountDiffs.push({
        outTradeNo: our.outTradeNo,
        transactionId: their.transactionId,
        ourFen: our.amountFen,
        theirFen: their.fen,
      });
    } else {
      result.matched += 1;
      result.matchedFen = (result.matchedFen + our.amountFen) as Fen;
    }
  }
  for (const [no, their] of theirs) {
    if (!seen.has(no))
      result.missingOurs.push({
        outTradeNo: no,
        transactionId: their.transactionId,
        ourFen: null,
        theirFen: their.fen,
      });
  }
  return result;
}

export const isCleanReconcile = (r: ReconcileResult): boolean =>
  r.missingOurs.length === 0 && r.missingTheirs.length === 0 && r.amountDiffs.length === 0;
