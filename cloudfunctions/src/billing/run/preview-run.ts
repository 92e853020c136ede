import { feeItemsOf, fen, type Bill, type Period, type PreviewBill, type RunPreview } from '@linli/shared';
import { findAll, type Collections } from '../../_lib/collections';
import { loadChunk } from './load-chunk';
import { planChunk } from './plan-chunk';

/** Households planned per preview call; an estate beyond it is previewed over several calls. */
export const PREVIEW_LIMIT = 20_000;
const PREVIEW_CHUNK = 1000;
const SAMPLES = 5;

/** Why a household is worth showing: the first one, then one of each unusual kind of line. */
function sampleTraits(bills: readonly Bill[]): string[] {
  const traits: string[] = [];
  for (const bill of bills) {
    if (bill.lines.some((l) => l.from)) traits.push('prorated');
    if (bill.lines.some((l) => l.label.endsWith('（空置）'))) traits.push('vacant');
    if (bill.lines.some((l) => l.label.endsWith('（赠送）'))) traits.push('free');
    if (bill.usage && bill.lines.length > 1) traits.push('tiers');
  }
  return traits;
}

/**
 * What a commit would create, computed exactly as the commit does but written nowhere:
 * counts, totals per item, bills already issued, and a few households in full.
 */
export async function previewRun(
  db: Collections,
  estateId: string,
  period: Period,
  after: string | null,
  now: number,
): Promise<RunPreview> {
  const items = feeItemsOf(await findAll(db.feeStandards, { where: { estateId } }));
  const run = { runId: 'preview', issuedAt: now };
  const preview: RunPreview = {
    estateId,
    period,
    households: 0,
    billedHouseholds: 0,
    bills: 0,
    lines: 0,
    amountFen: fen(0),
    reliefFen: fen(0),
    alreadyIssued: 0,
    newBills: 0,
    heldReadings: 0,
    missingReadings: 0,
    byItem: [],
    samples: [],
  };
  const byItem = new Map<string, RunPreview['byItem'][number]>();
  const seenTraits = new Set<string>();
  let cursor = after;
  for (;;) {
    const chunk = await loadChunk(db, estateId, period, cursor, PREVIEW_CHUNK);
    const plan = planChunk(chunk, period, items, run);
    preview.households += chunk.households.length;
    preview.bills += plan.bills.length;
    preview.lines += plan.lines;
    preview.amountFen = fen(preview.amountFen + plan.amountFen);
    preview.reliefFen = fen(preview.reliefFen + plan.reliefFen);
    preview.heldReadings += plan.held;
    preview.missingReadings += plan.missing;
    for (const household of plan.households) {
      if (household.bills.length) preview.billedHouseholds++;
      for (const bill of household.bills) {
        const issued = chunk.existingBillIds.has(bill._id);
        if (issued) preview.alreadyIssued++;
        else preview.newBills++;
        const item = byItem.get(bill.itemCode) ?? {
          itemCode: bill.itemCode,
          itemName: bill.itemName,
          bills: 0,
          lines: 0,
          amountFen: fen(0),
        };
        item.bills++;
        item.lines += bill.lines.length;
        item.amountFen = fen(item.amountFen + bill.amountFen);
        byItem.set(bill.itemCode, item);
      }
      const traits =
        preview.samples.length === 0
          ? ['first']
          : sampleTraits(household.bills).filter((t) => !seenTraits.has(t));
      if (household.bills.length && traits.length && preview.samples.length < SAMPLES) {
        traits.forEach((t) => seenTraits.add(t));
        preview.samples.push({
          householdId: household.householdId,
          roomCode: household.roomCode,
          bills: household.bills.map((bill): PreviewBill => ({
            billId: bill._id,
            itemCode: bill.itemCode,
            itemName: bill.itemName,
            amountFen: bill.amountFen,
            dueDate: bill.dueDate,
            lines: bill.lines,
            usage: bill.usage,
            issued: chunk.existingBillIds.has(bill._id),
          })),
        });
      }
    }
    cursor = chunk.last ?? cursor;
    if (chunk.end) break;
    if (preview.households >= PREVIEW_LIMIT) {
      if (cursor) preview.next = cursor;
      break;
    }
  }
  preview.byItem = [...byItem.values()];
  return preview;
}
