import { divideRounded, multiplyDecimals, pow10, type ScaledInt } from '../money/decimal';
import { addFen, fen, formatYuan, ZERO, type Fen } from '../money/money';
import type { PropertyType } from '../schemas/property';
import type { Period } from '../time/period';
import type { LocalDate } from '../time/shanghai';
import type { BillLine } from './bill';
import { cycleOfRun, type Cycle, type CycleMonth } from './billing-cycle';
import { addDays, addMonths, dateRangeText, daysInclusive } from './calendar';
import type { ParkingKind } from '../property/import-sheet';
import { priceText, versionInForce, type FeeRule } from './fee-standard';
import { occupancyBreaks, vacantOn, type OccupancyChange } from './occupancy';

/** The monthly kinds: a price per month, prorated by days. */
export type MonthlyRule = Extract<FeeRule, { kind: 'area' | 'fixed' }>;

export interface ChargedHousehold {
  propertyType: PropertyType;
  buildingArea: string;
  innerArea: string;
  /** 交房日: the first day fees are owed; null for homes handed over before records began. */
  handoverDate: LocalDate | null;
}

export interface ChargedSpace {
  code: string;
  kind: ParkingKind;
  plates: string[];
}

export type SegmentMode = 'full' | 'vacant' | 'free';

/** Consecutive days of one cycle month charged under one version in one mode. */
export interface Segment<R extends MonthlyRule = MonthlyRule> {
  from: LocalDate;
  to: LocalDate;
  days: number;
  /** Days of the cycle month the segment lies in: the denominator of its proration. */
  monthDays: number;
  rule: R;
  mode: SegmentMode;
}

const freeUntil = (rule: MonthlyRule, handover: LocalDate | null): LocalDate | null =>
  handover && rule.freeMonthsAfterHandover > 0 ? addMonths(handover, rule.freeMonthsAfterHandover) : null;

/**
 * Split each month of a cycle into the stretches that are charged alike. A new stretch may
 * start on a price change (a version's effective date), on the handover date (nothing is owed
 * before it), where the free months end, and where the home becomes vacant or lived in.
 */
export function cycleSegments<R extends MonthlyRule>(
  months: readonly CycleMonth[],
  versions: readonly R[],
  household: ChargedHousehold,
  occupancy: readonly OccupancyChange[],
): Array<Segment<R>> {
  const handover = household.handoverDate;
  const breaks = new Set<LocalDate>(occupancyBreaks(occupancy));
  for (const rule of versions) {
    breaks.add(rule.effectiveFrom);
    const free = freeUntil(rule, handover);
    if (free) breaks.add(free);
  }
  if (handover) breaks.add(handover);

  const segments: Array<Segment<R>> = [];
  for (const month of months) {
    const ordered = [...new Set([month.from, ...breaks])]
      .filter((d) => d >= month.from && d <= month.to)
      .sort();
    const inMonth: Array<Segment<R>> = [];
    ordered.forEach((from, i) => {
      const next = ordered[i + 1];
      const to = next ? addDays(next, -1) : month.to;
      const rule = versionInForce(versions, from);
      if (!rule?.active || !rule.propertyTypes.includes(household.propertyType)) return;
      if (handover && from < handover) return;
      const free = freeUntil(rule, handover);
      const mode: SegmentMode =
        free && from < free
          ? 'free'
          : rule.vacantRatePercent < 100 && vacantOn(occupancy, from)
            ? 'vacant'
            : 'full';
      const days = daysInclusive(from, to);
      const previous = inMonth[inMonth.length - 1];
      if (previous && previous.rule === rule && previous.mode === mode && addDays(previous.to, 1) === from) {
        previous.to = to;
        previous.days += days;
      } else inMonth.push({ from, to, days, monthDays: month.days, rule, mode });
    });
    segments.push(...inMonth);
  }
  return segments;
}

/** The segments of a natural month. */
export function monthlySegments<R extends MonthlyRule>(
  period: Period,
  versions: readonly R[],
  household: ChargedHousehold,
  occupancy: readonly OccupancyChange[],
): Array<Segment<R>> {
  return cycleSegments(cycleOfRun('month', period, null)!.months, versions, household, occupancy);
}

/** What is charged per month for one unit (the home, or one parking space). */
interface ChargedUnit {
  label: string;
  /** '89.53 m² × ¥2.35/m²·月' or '¥10.00/户·月' */
  head: string;
  /** The exact monthly amount in fen, unrounded. */
  monthly: ScaledInt;
}

function unitsOf(
  rule: MonthlyRule,
  itemName: string,
  household: ChargedHousehold,
  spaces: readonly ChargedSpace[],
): ChargedUnit[] {
  if (rule.kind === 'area') {
    const area = rule.areaBasis === 'building' ? household.buildingArea : household.innerArea;
    return [
      {
        label: itemName,
        head: `${area} m² × ${priceText(rule.unitPrice)}/m²·月`,
        monthly: multiplyDecimals(area, rule.unitPrice, '100'),
      },
    ];
  }
  const monthly = { units: BigInt(rule.amountFen), scale: 0 };
  if (rule.basis === 'household')
    return [{ label: itemName, head: `${formatYuan(rule.amountFen)}/户·月`, monthly }];
  return spaces
    .filter((s) => rule.parkingKinds.includes(s.kind) && (!rule.requirePlates || s.plates.length > 0))
    .map((s) => ({
      label: `${itemName} ${s.code}${s.plates.length ? `（${s.plates.join('、')}）` : ''}`,
      head: `${formatYuan(rule.amountFen)}/个·月`,
      monthly,
    }));
}

/** A run of segments charged alike, possibly across the months of a cycle. */
interface Stretch<R extends MonthlyRule> {
  from: LocalDate;
  to: LocalDate;
  rule: R;
  mode: SegmentMode;
  parts: Array<{ days: number; monthDays: number }>;
}

function stretchesOf<R extends MonthlyRule>(segments: ReadonlyArray<Segment<R>>): Array<Stretch<R>> {
  const stretches: Array<Stretch<R>> = [];
  for (const s of segments) {
    const last = stretches[stretches.length - 1];
    if (last && last.rule === s.rule && last.mode === s.mode && addDays(last.to, 1) === s.from) {
      last.to = s.to;
      last.parts.push({ days: s.days, monthDays: s.monthDays });
    } else
      stretches.push({
        from: s.from,
        to: s.to,
        rule: s.rule,
        mode: s.mode,
        parts: [{ days: s.days, monthDays: s.monthDays }],
      });
  }
  return stretches;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/**
 * monthly × percent/100 × Σ days/monthDays, rounded once by the version's rule. The months'
 * fractions are added exactly over a common denominator, so a quarter is three months to the fen.
 */
function prorate(
  unit: ChargedUnit,
  percent: number,
  parts: ReadonlyArray<{ days: number; monthDays: number }>,
  rule: MonthlyRule,
): Fen {
  const single = parts.length === 1 ? parts[0]! : null;
  const common = single
    ? BigInt(single.monthDays)
    : parts.reduce((l, p) => (l * BigInt(p.monthDays)) / gcd(l, BigInt(p.monthDays)), 1n);
  const months = single
    ? BigInt(single.days)
    : parts.reduce((sum, p) => sum + (BigInt(p.days) * common) / BigInt(p.monthDays), 0n);
  const numerator = unit.monthly.units * BigInt(percent) * months;
  const denominator = pow10(unit.monthly.scale) * 100n * common;
  return fen(Number(divideRounded(numerator, denominator, rule.rounding)));
}

/** '3 个月', '14/30 天', '(2 + 12/31) 个月': how much of a month (or months) a line charges. */
function measureText(parts: ReadonlyArray<{ days: number; monthDays: number }>): string {
  const whole = parts.filter((p) => p.days === p.monthDays).length;
  const partial = parts.filter((p) => p.days !== p.monthDays).map((p) => `${p.days}/${p.monthDays}`);
  if (!partial.length) return `${whole} 个月`;
  if (!whole && partial.length === 1) return `${partial[0]} 天`;
  return `(${[...(whole ? [String(whole)] : []), ...partial].join(' + ')}) 个月`;
}

export interface MonthlyCharge<R extends MonthlyRule = MonthlyRule> {
  lines: BillLine[];
  /** The version of the last charged day: its due day, late fee and rounding govern the bill. */
  governing: R | null;
  amountFen: Fen;
  /** Full fee of the charged days minus what was charged: what vacant rate and free months took off. */
  reliefFen: Fen;
}

/** Who and what a monthly fee is charged for; the days come from a cycle or a period. */
interface ChargeInput<R extends MonthlyRule> {
  itemName: string;
  versions: readonly R[];
  household: ChargedHousehold;
  occupancy: readonly OccupancyChange[];
  parkingSpaces?: readonly ChargedSpace[];
}

/**
 * The lines of a monthly fee (property fee by area, garbage per household, parking per space)
 * for one household and cycle: a natural month, a month from the handover day, or the months
 * of a quarter or year billed in advance. A line runs as long as the price, the mode (full,
 * vacant, free) and the unit stay the same, so a price change inside a quarter splits it in
 * two. Each line is rounded once from exact figures, so its formula can be checked on a
 * calculator; the bill is the sum of its lines.
 */
export function cycleCharge<R extends MonthlyRule>(
  input: ChargeInput<R> & { cycle: Cycle },
): MonthlyCharge<R> {
  const { cycle } = input;
  const lines: BillLine[] = [];
  let relief = ZERO;
  const segments = cycleSegments(cycle.months, input.versions, input.household, input.occupancy);
  for (const stretch of stretchesOf(segments)) {
    const { rule, mode, from, to, parts } = stretch;
    // One whole month billed alone needs no span; anything else names its days.
    const whole = cycle.months.length === 1 && from === cycle.from && to === cycle.to;
    const percent = mode === 'free' ? 0 : mode === 'vacant' ? rule.vacantRatePercent : 100;
    for (const unit of unitsOf(rule, input.itemName, input.household, input.parkingSpaces ?? [])) {
      const amount = prorate(unit, percent, parts, rule);
      relief = addFen(relief, fen(prorate(unit, 100, parts, rule) - amount));
      const span = whole ? '' : ` × ${measureText(parts)}（${dateRangeText(from, to)}）`;
      const formula =
        mode === 'free'
          ? `交房后赠送 ${rule.freeMonthsAfterHandover} 个月：${dateRangeText(from, to)} 免收 = ${formatYuan(amount)}`
          : `${unit.head}${mode === 'vacant' ? ` × 空置 ${percent}%` : ''}${span}${span ? '' : ' '}= ${formatYuan(amount)}`;
      lines.push({
        label: `${unit.label}${mode === 'vacant' ? '（空置）' : mode === 'free' ? '（赠送）' : ''}`,
        formula,
        amountFen: amount,
        ...(whole ? {} : { from, to }),
      });
    }
  }
  return {
    lines,
    governing: segments[segments.length - 1]?.rule ?? null,
    amountFen: addFen(...lines.map((l) => l.amountFen)),
    reliefFen: relief,
  };
}

/** The lines of a monthly fee for one natural month. */
export function monthlyCharge<R extends MonthlyRule>(
  input: ChargeInput<R> & { period: Period },
): MonthlyCharge<R> {
  const { period, ...rest } = input;
  return cycleCharge({ ...rest, cycle: cycleOfRun('month', period, null)! });
}
