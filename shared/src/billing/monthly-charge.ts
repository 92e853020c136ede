import { divideRounded, multiplyDecimals, pow10, type ScaledInt } from '../money/decimal';
import { addFen, fen, formatYuan, ZERO, type Fen } from '../money/money';
import type { PropertyType } from '../schemas/property';
import { daysInPeriod, type Period } from '../time/period';
import type { LocalDate } from '../time/shanghai';
import type { BillLine } from './bill';
import { addDays, addMonths, dateRangeText, dayOfMonth, firstDayOf, lastDayOf } from './calendar';
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

/** Consecutive days of a period charged under one version in one mode. */
export interface Segment<R extends MonthlyRule = MonthlyRule> {
  from: LocalDate;
  to: LocalDate;
  days: number;
  rule: R;
  mode: SegmentMode;
}

const freeUntil = (rule: MonthlyRule, handover: LocalDate | null): LocalDate | null =>
  handover && rule.freeMonthsAfterHandover > 0 ? addMonths(handover, rule.freeMonthsAfterHandover) : null;

/**
 * Split a period into the stretches that are charged alike. A new stretch may start on a
 * price change (a version's effective date), on the handover date (nothing is owed before
 * it), where the free months end, and where the home becomes vacant or lived in.
 */
export function monthlySegments<R extends MonthlyRule>(
  period: Period,
  versions: readonly R[],
  household: ChargedHousehold,
  occupancy: readonly OccupancyChange[],
): Array<Segment<R>> {
  const first = firstDayOf(period);
  const last = lastDayOf(period);
  const handover = household.handoverDate;
  const starts = new Set<LocalDate>([first, ...occupancyBreaks(occupancy)]);
  for (const rule of versions) {
    starts.add(rule.effectiveFrom);
    const free = freeUntil(rule, handover);
    if (free) starts.add(free);
  }
  if (handover) starts.add(handover);
  const ordered = [...starts].filter((d) => d >= first && d <= last).sort();

  const segments: Array<Segment<R>> = [];
  ordered.forEach((from, i) => {
    const next = ordered[i + 1];
    const to = next ? addDays(next, -1) : last;
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
    const days = dayOfMonth(to) - dayOfMonth(from) + 1;
    const previous = segments[segments.length - 1];
    if (previous && previous.rule === rule && previous.mode === mode && addDays(previous.to, 1) === from) {
      previous.to = to;
      previous.days += days;
    } else segments.push({ from, to, days, rule, mode });
  });
  return segments;
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

/** monthly × percent/100 × days/daysInMonth, rounded once by the version's rule. */
function prorate(
  unit: ChargedUnit,
  percent: number,
  days: number,
  monthDays: number,
  rule: MonthlyRule,
): Fen {
  const numerator = unit.monthly.units * BigInt(percent) * BigInt(days);
  const denominator = pow10(unit.monthly.scale) * 100n * BigInt(monthDays);
  return fen(Number(divideRounded(numerator, denominator, rule.rounding)));
}

export interface MonthlyCharge<R extends MonthlyRule = MonthlyRule> {
  lines: BillLine[];
  /** The version of the last charged day: its due day, late fee and rounding govern the bill. */
  governing: R | null;
  amountFen: Fen;
  /** Full fee of the charged days minus what was charged: what vacant rate and free months took off. */
  reliefFen: Fen;
}

/**
 * The lines of a monthly fee (property fee by area, garbage per household, parking per space)
 * for one household and period. Each line is rounded once from exact figures, so its formula
 * can be checked on a calculator; the bill is the sum of its lines.
 */
export function monthlyCharge<R extends MonthlyRule>(input: {
  period: Period;
  itemName: string;
  versions: readonly R[];
  household: ChargedHousehold;
  occupancy: readonly OccupancyChange[];
  parkingSpaces?: readonly ChargedSpace[];
}): MonthlyCharge<R> {
  const monthDays = daysInPeriod(input.period);
  const lines: BillLine[] = [];
  let relief = ZERO;
  const segments = monthlySegments(input.period, input.versions, input.household, input.occupancy);
  for (const segment of segments) {
    const { rule, mode, days, from, to } = segment;
    const whole = days === monthDays;
    const percent = mode === 'free' ? 0 : mode === 'vacant' ? rule.vacantRatePercent : 100;
    for (const unit of unitsOf(rule, input.itemName, input.household, input.parkingSpaces ?? [])) {
      const amount = prorate(unit, percent, days, monthDays, rule);
      relief = addFen(relief, fen(prorate(unit, 100, days, monthDays, rule) - amount));
      const span = whole ? '' : ` × ${days}/${monthDays} 天（${dateRangeText(from, to)}）`;
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
