import {
  addPeriods,
  FeeRule,
  fen,
  firstDayOf,
  periodOf,
  type BillingCycle,
  type FeeKind,
  type FeeRuleInput,
  type MeterKind,
  type PropertyType,
} from '@linli/shared';

/** The form's state: text as typed, turned into a FeeRule (and checked by its schema) on submit. */
export interface RuleDraft {
  itemCode: string;
  name: string;
  kind: FeeKind;
  effectiveFrom: string;
  active: boolean;
  propertyTypes: PropertyType[];
  dueDay: string;
  areaBasis: 'building' | 'inner';
  unitPrice: string;
  basis: 'household' | 'parking';
  /** Yuan, for fixed and one-off fees. */
  amount: string;
  parkingKinds: Array<'owned' | 'rented' | 'temporary'>;
  requirePlates: boolean;
  meter: MeterKind;
  tiers: Array<{ upTo: string; unitPrice: string }>;
  billingPeriod: string;
  lateFee: 'none' | 'daily' | 'fixed';
  dailyRatePercent: string;
  graceDays: string;
  capPercent: string;
  lateFeeAmount: string;
  vacantRatePercent: string;
  freeMonths: string;
  discounts: Array<{ months: string; percentOff: string }>;
  /** 计费周期 of a monthly fee. */
  cycle: BillingCycle;
  note: string;
}

/** A price change usually starts on the 1st of next month. */
export const nextMonthStart = (now = Date.now()): string => firstDayOf(addPeriods(periodOf(now), 1));

const yuanText = (amountFen: number): string => (amountFen / 100).toFixed(2);

export function emptyDraft(): RuleDraft {
  return {
    itemCode: '',
    name: '',
    kind: 'area',
    effectiveFrom: nextMonthStart(),
    active: true,
    propertyTypes: ['residential'],
    dueDay: '15',
    areaBasis: 'building',
    unitPrice: '',
    basis: 'household',
    amount: '',
    parkingKinds: ['owned'],
    requirePlates: false,
    meter: 'water',
    tiers: [{ upTo: '', unitPrice: '' }],
    billingPeriod: addPeriods(periodOf(Date.now()), 1),
    lateFee: 'none',
    dailyRatePercent: '0.05',
    graceDays: '15',
    capPercent: '100',
    lateFeeAmount: '',
    vacantRatePercent: '100',
    freeMonths: '0',
    discounts: [],
    cycle: 'month',
    note: '',
  };
}

/** The next version of a rule: everything as it is, from a new date. */
export function draftFromRule(rule: FeeRule, effectiveFrom: string): RuleDraft {
  const draft: RuleDraft = {
    ...emptyDraft(),
    itemCode: rule.itemCode,
    name: rule.name,
    kind: rule.kind,
    effectiveFrom,
    active: true,
    propertyTypes: [...rule.propertyTypes],
    dueDay: String(rule.dueDay),
    vacantRatePercent: String(rule.vacantRatePercent),
    freeMonths: String(rule.freeMonthsAfterHandover),
    discounts: rule.advanceDiscounts.map((d) => ({
      months: String(d.months),
      percentOff: String(d.percentOff),
    })),
    note: rule.note,
  };
  if (rule.lateFee?.kind === 'daily') {
    draft.lateFee = 'daily';
    draft.dailyRatePercent = rule.lateFee.dailyRatePercent;
    draft.graceDays = String(rule.lateFee.graceDays);
    draft.capPercent =
      rule.lateFee.capPercentOfPrincipal === null ? '' : String(rule.lateFee.capPercentOfPrincipal);
  } else if (rule.lateFee?.kind === 'fixed') {
    draft.lateFee = 'fixed';
    draft.lateFeeAmount = yuanText(rule.lateFee.amountFen);
    draft.graceDays = String(rule.lateFee.graceDays);
  }
  switch (rule.kind) {
    case 'area':
      return { ...draft, areaBasis: rule.areaBasis, unitPrice: rule.unitPrice, cycle: rule.cycle ?? 'month' };
    case 'fixed':
      return {
        ...draft,
        cycle: rule.cycle ?? 'month',
        basis: rule.basis,
        amount: yuanText(rule.amountFen),
        parkingKinds: [...rule.parkingKinds],
        requirePlates: rule.requirePlates,
      };
    case 'metered':
      return {
        ...draft,
        meter: rule.meter,
        tiers: rule.tiers.map((t) => ({ upTo: t.upTo ?? '', unitPrice: t.unitPrice })),
      };
    case 'one_off':
      return { ...draft, amount: yuanText(rule.amountFen), billingPeriod: rule.billingPeriod };
  }
}

/** '12.5' yuan → 1250 fen; anything else → NaN, which the schema reports on its field. */
function yuanToFenOrNaN(text: string): number {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return Number.NaN;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

const int = (text: string): number => (/^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

function ruleInput(draft: RuleDraft): FeeRuleInput {
  const common = {
    itemCode: draft.itemCode.trim(),
    name: draft.name.trim(),
    effectiveFrom: draft.effectiveFrom.trim(),
    active: draft.active,
    propertyTypes: draft.propertyTypes,
    dueDay: int(draft.dueDay),
    vacantRatePercent: int(draft.vacantRatePercent),
    freeMonthsAfterHandover: int(draft.freeMonths),
    advanceDiscounts: draft.discounts.map((d) => ({ months: int(d.months), percentOff: int(d.percentOff) })),
    note: draft.note.trim(),
    lateFee:
      draft.lateFee === 'daily'
        ? {
            kind: 'daily' as const,
            dailyRatePercent: draft.dailyRatePercent.trim(),
            graceDays: int(draft.graceDays),
            capPercentOfPrincipal: draft.capPercent.trim() ? int(draft.capPercent) : null,
            capFen: null,
          }
        : draft.lateFee === 'fixed'
          ? {
              kind: 'fixed' as const,
              amountFen: fen(yuanToFenOrNaN(draft.lateFeeAmount)),
              graceDays: int(draft.graceDays),
            }
          : null,
  };
  switch (draft.kind) {
    case 'area':
      return {
        ...common,
        kind: 'area',
        cycle: draft.cycle,
        areaBasis: draft.areaBasis,
        unitPrice: draft.unitPrice.trim(),
      };
    case 'fixed':
      return {
        ...common,
        kind: 'fixed',
        cycle: draft.cycle,
        basis: draft.basis,
        amountFen: fen(yuanToFenOrNaN(draft.amount)),
        parkingKinds: draft.parkingKinds,
        requirePlates: draft.requirePlates,
      };
    case 'metered':
      return {
        ...common,
        kind: 'metered',
        meter: draft.meter,
        tiers: draft.tiers.map((t, i) => ({
          upTo: i === draft.tiers.length - 1 ? null : t.upTo.trim(),
          unitPrice: t.unitPrice.trim(),
        })),
      };
    case 'one_off':
      return {
        ...common,
        kind: 'one_off',
        amountFen: fen(yuanToFenOrNaN(draft.amount)),
        billingPeriod: draft.billingPeriod.trim(),
      };
  }
}

/** Form field key → message. Amount fields are typed in yuan but checked as fen: same field. */
export type DraftErrors = Record<string, string>;

/** The rule to save, or the fields to fix, by the very schema the server checks with. */
export function ruleOfDraft(
  draft: RuleDraft,
): { ok: true; rule: FeeRule } | { ok: false; errors: DraftErrors } {
  let candidate: FeeRuleInput;
  try {
    candidate = ruleInput(draft);
  } catch {
    // fen() refuses NaN: the amount is not a number of yuan with at most two decimals.
    return { ok: false, errors: amountErrors(draft) };
  }
  const parsed = FeeRule.safeParse(candidate);
  if (parsed.success) return { ok: true, rule: parsed.data };
  const errors: DraftErrors = {};
  for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= issue.message;
  return { ok: false, errors };
}

const AMOUNT_MESSAGE = '请输入金额（元），最多两位小数';

function amountErrors(draft: RuleDraft): DraftErrors {
  const errors: DraftErrors = {};
  if ((draft.kind === 'fixed' || draft.kind === 'one_off') && Number.isNaN(yuanToFenOrNaN(draft.amount)))
    errors.amountFen = AMOUNT_MESSAGE;
  if (draft.lateFee === 'fixed' && Number.isNaN(yuanToFenOrNaN(draft.lateFeeAmount)))
    errors['lateFee.amountFen'] = AMOUNT_MESSAGE;
  return errors;
}
