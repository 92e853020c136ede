import { planHouseholdBills, type Bill, type FeeItem, type Period } from '@linli/shared';
import type { Chunk } from './load-chunk';

export interface ChunkPlan {
  /** Per household, its bills in item order. */
  households: Array<{ householdId: string; roomCode: string; bills: Bill[] }>;
  bills: Bill[];
  lines: number;
  amountFen: number;
  reliefFen: number;
  held: number;
  missing: number;
}

/** The bills a chunk of households owes for the period (pure: reads only what was loaded). */
export function planChunk(
  chunk: Chunk,
  period: Period,
  items: readonly FeeItem[],
  run: { runId: string; issuedAt: number },
): ChunkPlan {
  const plan: ChunkPlan = {
    households: [],
    bills: [],
    lines: 0,
    amountFen: 0,
    reliefFen: 0,
    held: 0,
    missing: 0,
  };
  for (const household of chunk.households) {
    const result = planHouseholdBills({
      period,
      household,
      residents: chunk.residents.get(household._id) ?? [],
      parkingSpaces: chunk.spaces.get(household._id) ?? [],
      readings: chunk.readings.get(household._id) ?? [],
      items,
      run,
    });
    plan.households.push({ householdId: household._id, roomCode: household.roomCode, bills: result.bills });
    plan.held += result.held.length;
    plan.missing += result.missing.length;
    for (const bill of result.bills) {
      plan.bills.push(bill);
      plan.lines += bill.lines.length;
      plan.amountFen += bill.amountFen;
      plan.reliefFen += bill.reliefFen;
    }
  }
  return plan;
}
