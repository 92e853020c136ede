import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { keyId } from '../ids/ids';
import { trimDecimal } from '../money/decimal';
import { addFen, FenSchema, formatYuan, scaleFen, ZERO, type Fen } from '../money/money';
import type { LocalDate } from '../time/shanghai';
import { remarkOrder, type WorkOrder } from './order';

// 有偿维修 paid repairs: the estate's price list (收费标准), which orders may be charged, and the
// technician's quote the owner confirms and pays before the order closes.

export const PriceItemKind = z.enum(['labour', 'part']);
export type PriceItemKind = z.infer<typeof PriceItemKind>;
export const priceItemKindLabels: Record<PriceItemKind, string> = { labour: '人工', part: '配件' };

/** The most one price-list item may cost: ¥100,000. */
const MAX_UNIT_PRICE_FEN = 10_000_000;

export const PriceItem = z
  .object({
    /** Stable within the estate's list; quotes name items by it. */
    code: z.string().regex(/^[a-z0-9-]{1,30}$/, '项目代码为 1–30 位小写字母、数字或连字符'),
    name: z.string().trim().min(1, '请填写项目名称').max(30, '项目名称最多 30 字'),
    kind: PriceItemKind,
    unit: z.string().trim().min(1, '请填写单位').max(6, '单位最多 6 字'),
    unitPriceFen: FenSchema.refine(
      (v) => v > 0 && v <= MAX_UNIT_PRICE_FEN,
      '单价须在 ¥0.01 到 ¥100,000 之间',
    ),
  })
  .strict();
export type PriceItem = z.infer<typeof PriceItem>;

/** 保修期: free repairs within days of the handover (交房) and of a paid fix of the same order. */
export const RepairWarranty = z
  .object({
    handoverDays: z.number().int().min(0).max(3650),
    repairDays: z.number().int().min(0).max(365),
  })
  .strict();
export type RepairWarranty = z.infer<typeof RepairWarranty>;
export const DEFAULT_REPAIR_WARRANTY: RepairWarranty = { handoverDays: 730, repairDays: 90 };

export const PriceListInput = z
  .object({
    items: z
      .array(PriceItem)
      .max(200, '最多 200 个收费项目')
      .refine((items) => new Set(items.map((i) => i.code)).size === items.length, '项目代码不能重复')
      .refine((items) => new Set(items.map((i) => i.name)).size === items.length, '项目名称不能重复'),
    warranty: RepairWarranty,
  })
  .strict();
export type PriceListInput = z.infer<typeof PriceListInput>;

/** 0.01 – 999.99 of a unit: metres of pipe may be fractional. */
export const QuoteQuantity = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, '数量最多 3 位整数、2 位小数')
  .refine((v) => /[1-9]/.test(v), '数量须大于 0');

export interface QuoteLine {
  code: string;
  name: string;
  kind: PriceItemKind;
  unit: string;
  quantity: string;
  unitPriceFen: Fen;
  amountFen: Fen;
  /** `更换角阀 1 个 × ¥35.00/个 = ¥35.00` */
  formula: string;
}

/**
 * Price the technician's picks from the list. Each line is quantity × unit price rounded half-up
 * to the fen once (1.5 米 × ¥12.35 = 1852.5 fen → ¥18.53); the total is the sum of the lines, so
 * what the owner reads line by line adds up to what they pay.
 */
export function priceQuote(
  list: readonly PriceItem[],
  picks: ReadonlyArray<{ code: string; quantity: string }>,
): { lines: QuoteLine[]; totalFen: Fen } {
  if (picks.length === 0) throw new AppError('VALIDATION', '请至少选择一项人工或配件');
  if (new Set(picks.map((p) => p.code)).size !== picks.length)
    throw new AppError('VALIDATION', '同一项目请合并数量');
  const lines = picks.map((pick): QuoteLine => {
    const item = list.find((i) => i.code === pick.code);
    if (!item) throw new AppError('VALIDATION', '收费标准中没有该项目，请刷新后重选');
    const quantity = trimDecimal(pick.quantity);
    const amountFen = scaleFen(item.unitPriceFen, quantity, 'half-up');
    return {
      code: item.code,
      name: item.name,
      kind: item.kind,
      unit: item.unit,
      quantity,
      unitPriceFen: item.unitPriceFen,
      amountFen,
      formula: `${item.name} ${quantity} ${item.unit} × ${formatYuan(item.unitPriceFen)}/${item.unit} = ${formatYuan(amountFen)}`,
    };
  });
  const totalFen = addFen(...lines.map((l) => l.amountFen));
  if (totalFen <= 0) throw new AppError('VALIDATION', '报价金额须大于 0');
  return { lines, totalFen };
}

/** Staff deciding against the rule (免费 goodwill, or a public fix the owner caused), with a reason. */
export interface ChargeOverride {
  chargeable: boolean;
  reason: string;
  byName: string;
  at: number;
}

export type QuoteStatus = 'pending' | 'confirmed' | 'declined';
export const quoteStatusLabels: Record<QuoteStatus, string> = {
  pending: '待业主确认',
  confirmed: '业主已确认',
  declined: '业主已拒绝',
};

export interface RepairQuote {
  /** 1, 2, … per order: a declined quote may be revised. */
  seq: number;
  /** The order's SLA round (a reopened order starts a new one). */
  round: number;
  lines: QuoteLine[];
  totalFen: Fen;
  status: QuoteStatus;
  sentAt: number;
  sentByName: string;
  respondedAt: number | null;
  declineReason: string | null;
  /** The household's one-off bill, made when the owner confirms. */
  billId: string | null;
  /** When the technician finished the work this quote paid for (the repair warranty runs from it). */
  fixedAt: number | null;
  paidAt: number | null;
}

export interface RepairCharge {
  override: ChargeOverride | null;
  quotes: RepairQuote[];
}

export const emptyCharge = (): RepairCharge => ({ override: null, quotes: [] });
export const chargeOf = (order: Pick<WorkOrder, 'charge'>): RepairCharge => order.charge ?? emptyCharge();
export const currentQuote = (order: Pick<WorkOrder, 'charge'>): RepairQuote | null =>
  chargeOf(order).quotes.at(-1) ?? null;

/** The bill a confirmed quote becomes: one per order and quote, so confirming twice makes one. */
export const repairBillId = (householdId: string, orderId: string, seq: number): string =>
  keyId('bill', householdId, 'repair', orderId, seq);

const DAY_MS = 24 * 60 * 60_000;
const daysBetween = (from: LocalDate, to: LocalDate): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export interface ChargeFacts {
  order: Pick<WorkOrder, 'householdId' | 'location' | 'deviceId' | 'charge' | 'sla'>;
  /** The household's 交房 date. */
  handoverDate: LocalDate | null;
  today: LocalDate;
  now: number;
  warranty: RepairWarranty;
}

export interface Chargeability {
  chargeable: boolean;
  /** In words, for the technician, the desk and the owner. */
  reason: string;
}

/**
 * Whether the order may be charged for (有偿): only repairs inside the home are, and not while
 * under warranty — within `handoverDays` of the handover, or a reopened order within
 * `repairDays` of a paid fix of an earlier round. Public areas and devices are the estate's own
 * upkeep and always free. A staff override decides over all of this.
 */
export function chargeabilityOf(facts: ChargeFacts): Chargeability {
  const { order, warranty } = facts;
  const override = chargeOf(order).override;
  if (override)
    return {
      chargeable: override.chargeable,
      reason: `${override.byName}设为${override.chargeable ? '收费' : '免费'}：${override.reason}`,
    };
  if (order.householdId === null || order.location.kind !== 'household')
    return { chargeable: false, reason: order.deviceId ? '公共设备维修，免费' : '公共区域维修，免费' };
  if (facts.handoverDate !== null && daysBetween(facts.handoverDate, facts.today) < warranty.handoverDays)
    return { chargeable: false, reason: `交房 ${warranty.handoverDays} 天保修期内，免费` };
  const earlierFix = chargeOf(order)
    .quotes.filter((q) => q.round < order.sla.round && q.paidAt !== null && q.fixedAt !== null)
    .at(-1);
  if (earlierFix?.fixedAt != null && facts.now - earlierFix.fixedAt < warranty.repairDays * DAY_MS)
    return { chargeable: false, reason: `上次有偿维修 ${warranty.repairDays} 天保修期内返修，免费` };
  return { chargeable: true, reason: '入户维修，按收费标准收费' };
}

/** What the household owes on confirmed quotes not yet paid. */
export function unpaidRepairFen(order: Pick<WorkOrder, 'charge'>): Fen {
  return addFen(
    ZERO,
    ...chargeOf(order)
      .quotes.filter((q) => q.status === 'confirmed' && q.paidAt === null)
      .map((q) => q.totalFen),
  );
}

/** The owner's acceptance (and auto-close) waits for the confirmed repair fee to be paid. */
export function assertRepairPaid(order: Pick<WorkOrder, 'charge'>): void {
  const owed = unpaidRepairFen(order);
  if (owed > 0)
    throw new AppError(
      'PRECONDITION_FAILED',
      `这是有偿维修，维修费 ${formatYuan(owed)} 尚未支付，请先支付后再验收`,
    );
}

/** A new quote, waiting for the owner. Refused while another waits (the state machine also is). */
export function withNewQuote(
  order: Pick<WorkOrder, 'charge' | 'sla'>,
  priced: { lines: QuoteLine[]; totalFen: Fen },
  sent: { at: number; byName: string },
): RepairCharge {
  const charge = chargeOf(order);
  return {
    ...charge,
    quotes: [
      ...charge.quotes,
      {
        seq: charge.quotes.length + 1,
        round: order.sla.round,
        ...priced,
        status: 'pending',
        sentAt: sent.at,
        sentByName: sent.byName,
        respondedAt: null,
        declineReason: null,
        billId: null,
        fixedAt: null,
        paidAt: null,
      },
    ],
  };
}

function withLastQuote(charge: RepairCharge, change: (quote: RepairQuote) => RepairQuote): RepairCharge {
  const last = charge.quotes.at(-1);
  if (!last) return charge;
  return { ...charge, quotes: [...charge.quotes.slice(0, -1), change(last)] };
}

/** The owner's answer to the pending quote; confirming names the bill it becomes. */
export function withAnsweredQuote(
  order: Pick<WorkOrder, 'charge' | 'householdId' | '_id'>,
  answer: { confirmed: true; at: number } | { confirmed: false; at: number; reason: string },
): RepairCharge {
  const quote = currentQuote(order);
  if (quote?.status !== 'pending') throw new AppError('PRECONDITION_FAILED', '没有待确认的报价');
  if (answer.confirmed && order.householdId === null)
    throw new AppError('PRECONDITION_FAILED', '该工单没有对应的房屋，不能收费');
  return withLastQuote(chargeOf(order), (q) =>
    answer.confirmed
      ? {
          ...q,
          status: 'confirmed',
          respondedAt: answer.at,
          billId: repairBillId(order.householdId!, order._id, q.seq),
        }
      : { ...q, status: 'declined', respondedAt: answer.at, declineReason: answer.reason },
  );
}

/** At completion the confirmed quotes of this round are the fix the warranty will cover. */
export function withFixedQuotes(charge: RepairCharge, round: number, at: number): RepairCharge {
  return {
    ...charge,
    quotes: charge.quotes.map((q) =>
      q.round === round && q.status === 'confirmed' && q.fixedAt === null ? { ...q, fixedAt: at } : q,
    ),
  };
}

/**
 * The household paid the bill of a confirmed quote: stamp it and say so on the timeline. Null
 * when there is nothing to do (already stamped, or no such quote), so replays change nothing.
 */
export function markRepairPaid(order: WorkOrder, billId: string, at: number): WorkOrder | null {
  const charge = chargeOf(order);
  const quote = charge.quotes.find((q) => q.billId === billId);
  if (quote?.status !== 'confirmed' || quote.paidAt !== null) return null;
  return remarkOrder(
    order,
    {
      at,
      actor: { kind: 'owner', name: '业主' },
      label: `业主已支付维修费 ${formatYuan(quote.totalFen)}`,
      note: null,
    },
    { charge: { ...charge, quotes: charge.quotes.map((q) => (q === quote ? { ...q, paidAt: at } : q)) } },
  );
}
