import { z } from 'zod';
import { compareDecimals, DecimalString } from '../money/decimal';
import { FenSchema, formatYuan } from '../money/money';
import { ParkingSpace, PropertyType, Id, propertyTypeLabels } from '../schemas/property';
import { Period } from '../time/period';
import { LocalDate } from '../time/shanghai';
import { keyId } from '../ids/ids';
import { parkingKindLabels } from '../property/import-sheet';
import { BillingCycle, describeCycle } from './billing-cycle';

/** 收费项目代码: one item (property fee, water, ...) keeps its code across price versions. */
export const FeeItemCode = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,29}$/, '收费项目代码为 2–30 位小写字母、数字或连字符，以字母开头');

export const FeeKind = z.enum(['area', 'fixed', 'metered', 'one_off']);
export type FeeKind = z.infer<typeof FeeKind>;
export const feeKindLabels: Record<FeeKind, string> = {
  area: '按面积',
  fixed: '固定月费',
  metered: '按表计量',
  one_off: '一次性',
};

export const MeterKind = z.enum(['water', 'electricity', 'gas']);
export type MeterKind = z.infer<typeof MeterKind>;
export const meterLabels: Record<MeterKind, string> = { water: '水', electricity: '电', gas: '燃气' };
export const meterUnits: Record<MeterKind, string> = { water: 'm³', electricity: 'kWh', gas: 'm³' };

export const RoundingRule = z.enum(['half-up', 'half-even', 'down', 'up']);
export const roundingLabels: Record<z.infer<typeof RoundingRule>, string> = {
  'half-up': '四舍五入',
  'half-even': '银行家舍入',
  down: '舍去',
  up: '进一',
};

/** A unit price in yuan, exact, never negative (e.g. '2.35' per m² per month). */
export const PriceYuan = DecimalString.refine((v) => !v.startsWith('-'), '单价不能为负数');
const PositiveFen = FenSchema.refine((v) => v > 0, '金额必须大于 0');

/**
 * 滞纳金 late fee. `daily`: outstanding × rate per day for each day beyond the grace days,
 * capped; `fixed`: one amount once the grace days have passed. Always rounded down (舍去),
 * so a resident is never charged a fraction of a fen more than the rule says.
 */
export const LateFeeRule = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('daily'),
      /** Percent of the outstanding amount per day: '0.05' is 万分之五. */
      dailyRatePercent: DecimalString.refine(
        (v) => compareDecimals(v, '0') > 0 && compareDecimals(v, '1') <= 0,
        '日费率须大于 0 且不超过 1%',
      ),
      graceDays: z.number().int().min(0).max(365),
      /** Cap as a percentage of the outstanding amount (100 = never more than the fee itself). */
      capPercentOfPrincipal: z.number().int().min(1).max(100).nullable(),
      capFen: PositiveFen.nullable(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('fixed'),
      amountFen: PositiveFen,
      graceDays: z.number().int().min(0).max(365),
    })
    .strict(),
]);
export type LateFeeRule = z.output<typeof LateFeeRule>;

/** 预缴优惠: pay `months` in advance, get `percentOff` off (applied by the Payments flow). */
export const AdvanceDiscount = z
  .object({ months: z.number().int().min(2).max(36), percentOff: z.number().int().min(1).max(50) })
  .strict();
export type AdvanceDiscount = z.infer<typeof AdvanceDiscount>;

/** One tier of 阶梯 pricing: consumption up to `upTo` (the last tier has none) at `unitPrice`. */
export const Tier = z.object({ upTo: DecimalString.nullable(), unitPrice: PriceYuan }).strict();
export type Tier = z.infer<typeof Tier>;

/** Rules every kind shares. Vacant rate and free months apply to the monthly kinds (area, fixed). */
const common = {
  itemCode: FeeItemCode,
  name: z.string().trim().min(1).max(20),
  /** The first day this version applies; earlier days keep the earlier version's price. */
  effectiveFrom: LocalDate,
  /** false: the item is no longer charged from `effectiveFrom`. */
  active: z.boolean().default(true),
  propertyTypes: z.array(PropertyType).min(1).default(['residential']),
  /** Bills of a period fall due on this day of the month (the last day in shorter months). */
  dueDay: z.number().int().min(1).max(31).default(15),
  rounding: RoundingRule.default('half-up'),
  lateFee: LateFeeRule.nullable().default(null),
  /** 空置房: percent of the fee charged for the days a home stands empty. */
  vacantRatePercent: z.number().int().min(0).max(100).default(100),
  /** 赠送: months free from the handover date. */
  freeMonthsAfterHandover: z.number().int().min(0).max(36).default(0),
  advanceDiscounts: z.array(AdvanceDiscount).max(6).default([]),
  note: z.string().trim().max(100).default(''),
};

/** Monthly kinds may bill by another cycle than the natural month (absent: the natural month). */
const cyclic = { cycle: BillingCycle.optional() };

function tiersAscend(tiers: Tier[], ctx: z.RefinementCtx): void {
  tiers.forEach((tier, i) => {
    const last = i === tiers.length - 1;
    if (last !== (tier.upTo === null))
      ctx.addIssue({ code: 'custom', path: ['tiers', i, 'upTo'], message: '只有最后一档不设上限' });
    const previous = tiers[i - 1]?.upTo;
    if (tier.upTo !== null && compareDecimals(tier.upTo, previous ?? '0') <= 0)
      ctx.addIssue({ code: 'custom', path: ['tiers', i, 'upTo'], message: '各档上限须依次增大' });
  });
}

export const FeeRule = z.discriminatedUnion('kind', [
  z
    .object({
      ...common,
      kind: z.literal('area'),
      ...cyclic,
      areaBasis: z.enum(['building', 'inner']),
      /** Yuan per m² per month. */
      unitPrice: PriceYuan,
    })
    .strict(),
  z
    .object({
      ...common,
      kind: z.literal('fixed'),
      ...cyclic,
      /** Per household (garbage) or per parking space the household holds. */
      basis: z.enum(['household', 'parking']),
      amountFen: PositiveFen,
      parkingKinds: z.array(ParkingSpace.shape.kind).min(1).default(['owned']),
      /** Only spaces with a registered plate are charged. */
      requirePlates: z.boolean().default(false),
    })
    .strict(),
  z
    .object({ ...common, kind: z.literal('metered'), meter: MeterKind, tiers: z.array(Tier).min(1).max(5) })
    .strict()
    .superRefine((rule, ctx) => tiersAscend(rule.tiers, ctx)),
  z
    .object({
      ...common,
      kind: z.literal('one_off'),
      amountFen: PositiveFen,
      /** The one period whose run bills it. */
      billingPeriod: Period,
      /** Only these households; empty means every household of the property types. */
      householdIds: z.array(Id).max(1000).default([]),
    })
    .strict(),
]);
export type FeeRuleInput = z.input<typeof FeeRule>;
export type FeeRule = z.output<typeof FeeRule>;

/** A saved version of a fee standard. Versions are never edited: a new price is a new version. */
export type FeeStandard = FeeRule & {
  _id: string;
  estateId: string;
  createdAt: number;
  createdBy: string;
  createdByName: string;
};

export const feeStandardId = (estateId: string, itemCode: string, effectiveFrom: LocalDate): string =>
  keyId('fstd', estateId, itemCode, effectiveFrom);

/** The version in force on a date: the latest one whose effective date is not after it. */
export function versionInForce<T extends { effectiveFrom: LocalDate }>(
  versions: readonly T[],
  date: LocalDate,
): T | null {
  let found: T | null = null;
  for (const version of versions)
    if (version.effectiveFrom <= date && (!found || version.effectiveFrom > found.effectiveFrom))
      found = version;
  return found;
}

/** '¥2.35' / '¥2.355': a price as entered, with at least two decimals. */
/** The cycle a version bills by: monthly kinds may choose one, metered and one-off bill monthly. */
export function cycleOfRule(rule: FeeRule): BillingCycle {
  return rule.kind === 'area' || rule.kind === 'fixed' ? (rule.cycle ?? 'month') : 'month';
}

const QUARTER_STARTS = ['01-01', '04-01', '07-01', '10-01'];

/**
 * Why a version billing by `next` may not take over on `effectiveFrom` from one billing by
 * `before` (null: no earlier version), or null when it may. An advance bill covers its whole
 * quarter or year, so a change to or from such a cycle starts where one begins: a quarterly
 * version from mid-quarter would leave the quarter's remaining months unbilled, a monthly one
 * after a quarter billed in advance would bill its months twice.
 */
export function cycleChangeProblem(
  before: BillingCycle | null,
  next: BillingCycle,
  effectiveFrom: LocalDate,
): string | null {
  const from = before ?? 'month';
  if (from === next) return null;
  const day = effectiveFrom.slice(5);
  if ((from === 'year' || next === 'year') && day !== '01-01')
    return '涉及按年预收的计费周期变更只能从 1 月 1 日起生效';
  if ((from === 'quarter' || next === 'quarter') && !QUARTER_STARTS.includes(day))
    return '涉及按季度预收的计费周期变更只能从季度首日（1、4、7、10 月 1 日）起生效';
  return null;
}

export function priceText(yuan: string): string {
  const [whole, fraction = ''] = yuan.split('.');
  return `¥${whole}.${fraction.padEnd(2, '0')}`;
}

/** The rule as finance staff would read it aloud. */
export function describeFeeRule(rule: FeeRule): string {
  const parts: string[] = [];
  switch (rule.kind) {
    case 'area':
      parts.push(
        `${priceText(rule.unitPrice)}/m²·月 × ${rule.areaBasis === 'building' ? '建筑面积' : '套内面积'}`,
      );
      break;
    case 'fixed':
      parts.push(
        rule.basis === 'household'
          ? `${formatYuan(rule.amountFen)}/户·月`
          : `${formatYuan(rule.amountFen)}/个·月（${rule.parkingKinds.map((k) => parkingKindLabels[k]).join('、')}车位${rule.requirePlates ? '，已登记车牌' : ''}）`,
      );
      break;
    case 'metered':
      parts.push(
        rule.tiers
          .map((t, i) => {
            const from = rule.tiers[i - 1]?.upTo ?? '0';
            const unit = meterUnits[rule.meter];
            const range = t.upTo === null ? `${from} ${unit} 以上` : `${from}–${t.upTo} ${unit}`;
            return `${rule.tiers.length > 1 ? `${range} ` : ''}${priceText(t.unitPrice)}/${unit}`;
          })
          .join('；'),
      );
      break;
    case 'one_off':
      parts.push(`一次性 ${formatYuan(rule.amountFen)}，于 ${rule.billingPeriod} 出账`);
      break;
  }
  if (!rule.active) return `自 ${rule.effectiveFrom} 起停止收取`;
  parts.push(`适用${rule.propertyTypes.map((t) => propertyTypeLabels[t]).join('、')}`);
  if ((rule.kind === 'area' || rule.kind === 'fixed') && rule.vacantRatePercent < 100)
    parts.push(`空置房按 ${rule.vacantRatePercent}% 收取`);
  if ((rule.kind === 'area' || rule.kind === 'fixed') && rule.freeMonthsAfterHandover > 0)
    parts.push(`交房后赠送 ${rule.freeMonthsAfterHandover} 个月`);
  const cycle = cycleOfRule(rule);
  const cycleText = describeCycle(cycle);
  if (cycleText) parts.push(cycleText);
  parts.push(
    cycle === 'quarter' || cycle === 'year' ? `首月 ${rule.dueDay} 日前缴清` : `每月 ${rule.dueDay} 日前缴清`,
  );
  if (rule.lateFee) parts.push(describeLateFee(rule.lateFee));
  for (const d of rule.advanceDiscounts) parts.push(`预缴 ${d.months} 个月优惠 ${d.percentOff}%`);
  return parts.join('；');
}

export function describeLateFee(rule: LateFeeRule): string {
  if (rule.kind === 'fixed') return `逾期超过 ${rule.graceDays} 天收取滞纳金 ${formatYuan(rule.amountFen)}`;
  const caps = [
    rule.capPercentOfPrincipal !== null ? `本金的 ${rule.capPercentOfPrincipal}%` : null,
    rule.capFen !== null ? formatYuan(rule.capFen) : null,
  ].filter(Boolean);
  return `逾期按欠费 ${rule.dailyRatePercent}%/天 收取滞纳金（宽限 ${rule.graceDays} 天${caps.length ? `，封顶 ${caps.join('与')}` : ''}）`;
}
