import { addFen, formatYuan, ZERO } from '../money/money';
import type { Occupancy } from '../schemas/property';
import { addPeriods, type Period } from '../time/period';
import { billId, type Bill, type BillLine, type BillUsage } from './bill';
import { dueDateOf, firstDayOf, lastDayOf } from './calendar';
import { meterUnits, versionInForce, type FeeStandard, type MeterKind } from './fee-standard';
import type { MeterReading } from './meter-reading';
import { tieredCharge } from './metered-charge';
import { advanceBillDiscount } from './advance-discount';
import { cycleOfRun, type BillingCycle, type Cycle } from './billing-cycle';
import { cycleCharge, type ChargedHousehold, type ChargedSpace } from './monthly-charge';
import { occupancyInRange, type OccupancyChange } from './occupancy';

type Versioned<K extends FeeStandard['kind']> = Extract<FeeStandard, { kind: K }>;

/** One fee item of an estate with all its versions, oldest first. */
export interface FeeItem {
  itemCode: string;
  kind: FeeStandard['kind'];
  versions: FeeStandard[];
}

/** Group an estate's standard versions by item (once per run, not per household). */
export function feeItemsOf(standards: readonly FeeStandard[]): FeeItem[] {
  const byCode = new Map<string, FeeStandard[]>();
  for (const s of standards) {
    const versions = byCode.get(s.itemCode);
    if (versions) versions.push(s);
    else byCode.set(s.itemCode, [s]);
  }
  return [...byCode.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([itemCode, versions]) => ({
      itemCode,
      kind: versions[0]!.kind,
      versions: versions.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1)),
    }));
}

export interface BilledHousehold extends ChargedHousehold {
  _id: string;
  estateId: string;
  buildingId: string;
  roomCode: string;
  occupancy: Occupancy;
}

export interface PlanInput {
  period: Period;
  household: BilledHousehold;
  residents: ReadonlyArray<{ movedInOn: string | null; movedOutOn: string | null }>;
  parkingSpaces: readonly ChargedSpace[];
  /** The household's readings of the usage month (the month before the period). */
  readings: readonly MeterReading[];
  items: readonly FeeItem[];
  run: { runId: string; issuedAt: number };
}

export interface HouseholdPlan {
  bills: Bill[];
  /** Metered items waiting for a reading to be approved. */
  held: Array<{ itemCode: string; meter: MeterKind; readingId: string }>;
  /** Metered items with no usable reading for the usage month. */
  missing: Array<{ itemCode: string; meter: MeterKind }>;
}

function newBill(
  input: PlanInput,
  governing: FeeStandard,
  lines: BillLine[],
  extra: {
    reliefFen?: Bill['reliefFen'];
    usage?: BillUsage;
    discount?: { discountFen: Bill['discountFen']; formula: string } | null;
  },
): Bill {
  const { household, period } = input;
  const amountFen = addFen(...lines.map((line) => line.amountFen));
  return {
    _id: billId(household._id, period, governing.itemCode),
    estateId: household.estateId,
    buildingId: household.buildingId,
    householdId: household._id,
    roomCode: household.roomCode,
    period,
    itemCode: governing.itemCode,
    itemName: governing.name,
    kind: governing.kind,
    standardId: governing._id,
    lines,
    usage: extra.usage ?? null,
    amountFen,
    reliefFen: extra.reliefFen ?? ZERO,
    discountFen: extra.discount?.discountFen ?? ZERO,
    ...(extra.discount ? { discountFormula: extra.discount.formula } : {}),
    waivedFen: ZERO,
    paidFen: ZERO,
    prepaidFen: ZERO,
    lateFeePaidFen: ZERO,
    status: 'unpaid',
    dueDate: dueDateOf(period, governing.dueDay),
    lateFeeRule: governing.lateFee,
    runId: input.run.runId,
    issuedAt: input.run.issuedAt,
    settledAt: null,
    settledOn: null,
    waivers: [],
    void: null,
  };
}

/** The cycle an item bills by in a period: that of the version in force when the period starts. */
function cycleIn(versions: ReadonlyArray<Versioned<'area' | 'fixed'>>, period: Period): BillingCycle {
  const rule = versionInForce(versions, firstDayOf(period)) ?? versionInForce(versions, lastDayOf(period));
  return rule?.cycle ?? 'month';
}

/**
 * Every bill one household owes for one period, one per fee item, each line explained. Bills
 * that would be zero (free months, a vacant rate of 0%, no consumption) are not issued.
 *
 * Monthly fees are for the period itself; metered fees bill the consumption of the month
 * before (read at its end), priced by the version in force on that month's last day.
 */
export function planHouseholdBills(input: PlanInput): HouseholdPlan {
  const { period, household } = input;
  const plan: HouseholdPlan = { bills: [], held: [], missing: [] };
  // Items of one cycle (usually all: the natural month) share the household's occupancy.
  const occupancies = new Map<string, OccupancyChange[]>();
  const occupancyOf = (cycle: Cycle): OccupancyChange[] => {
    const key = `${cycle.from}/${cycle.to}`;
    let changes = occupancies.get(key);
    if (!changes) {
      changes = occupancyInRange(household, input.residents, cycle.from, cycle.to);
      occupancies.set(key, changes);
    }
    return changes;
  };
  for (const item of input.items) {
    if (item.kind === 'area' || item.kind === 'fixed') {
      const versions = item.versions as Array<Versioned<'area' | 'fixed'>>;
      const cycle = cycleOfRun(cycleIn(versions, period), period, household.handoverDate);
      if (!cycle) continue; // a quarter or year billed by an earlier run
      const charge = cycleCharge({
        cycle,
        itemName: (versionInForce(versions, cycle.to) ?? versions[versions.length - 1]!).name,
        versions,
        household,
        occupancy: occupancyOf(cycle),
        parkingSpaces: input.parkingSpaces,
      });
      if (charge.governing && charge.amountFen > 0) {
        const months = cycle.months.length;
        const discount =
          months > 1
            ? advanceBillDiscount(charge.amountFen, months, charge.governing.advanceDiscounts)
            : null;
        plan.bills.push(
          newBill(input, charge.governing, charge.lines, { reliefFen: charge.reliefFen, discount }),
        );
      }
    } else if (item.kind === 'metered') {
      const usagePeriod = addPeriods(period, -1);
      const rule = versionInForce(item.versions as Array<Versioned<'metered'>>, lastDayOf(usagePeriod));
      if (!rule?.active || !rule.propertyTypes.includes(household.propertyType)) continue;
      const reading = input.readings.find((r) => r.meter === rule.meter && r.period === usagePeriod);
      if (!reading || reading.status === 'rejected') {
        plan.missing.push({ itemCode: item.itemCode, meter: rule.meter });
        continue;
      }
      if (reading.status === 'pending_review') {
        plan.held.push({ itemCode: item.itemCode, meter: rule.meter, readingId: reading._id });
        continue;
      }
      if (reading.consumption === null) continue; // a baseline: nothing measured yet
      const unit = meterUnits[rule.meter];
      const charge = tieredCharge({
        quantity: reading.consumption,
        unit,
        tiers: rule.tiers,
        rounding: rule.rounding,
        itemName: rule.name,
      });
      if (charge.amountFen <= 0) continue;
      plan.bills.push(
        newBill(input, rule, charge.lines, {
          usage: {
            meter: rule.meter,
            usagePeriod,
            previousReading: reading.previousReading ?? '',
            currentReading: reading.reading,
            quantity: reading.consumption,
            unit,
            meterReplaced: reading.replacement !== null,
            readingId: reading._id,
          },
        }),
      );
    } else {
      const rule = versionInForce(item.versions as Array<Versioned<'one_off'>>, firstDayOf(period));
      if (
        !rule?.active ||
        rule.billingPeriod !== period ||
        !rule.propertyTypes.includes(household.propertyType) ||
        (rule.householdIds.length > 0 && !rule.householdIds.includes(household._id))
      )
        continue;
      plan.bills.push(
        newBill(
          input,
          rule,
          [
            {
              label: rule.name,
              formula: `一次性收费 ${formatYuan(rule.amountFen)}`,
              amountFen: rule.amountFen,
            },
          ],
          {},
        ),
      );
    }
  }
  return plan;
}
