import { isAppError } from '../errors/app-error';
import { fen } from '../money/money';
import {
  assertRepairPaid,
  chargeabilityOf,
  markRepairPaid,
  priceQuote,
  QuoteQuantity,
  repairBillId,
  unpaidRepairFen,
  withAnsweredQuote,
  withNewQuote,
  type ChargeFacts,
  type PriceItem,
} from './charge';
import { transitionOrder, type WorkOrder } from './order';
import { reportedOrder } from './order.fixture';

const DAY = 24 * 60 * 60_000;
const T0 = Date.parse('2026-11-30T03:00:00Z');
const TODAY = '2026-11-30';
const WARRANTY = { handoverDays: 730, repairDays: 90 };

const LIST: PriceItem[] = [
  { code: 'valve', name: '更换角阀', kind: 'part', unit: '个', unitPriceFen: fen(3500) },
  { code: 'pipe', name: 'PPR 水管', kind: 'part', unit: '米', unitPriceFen: fen(1235) },
  { code: 'visit', name: '上门人工', kind: 'labour', unit: '次', unitPriceFen: fen(5000) },
];

/** An in-home order, normal priority (its SLA is not what these tests are about). */
const order = (fields: Partial<WorkOrder> = {}): WorkOrder =>
  reportedOrder(T0, { priority: 'normal', ...fields });

const facts = (o: WorkOrder, extra: Partial<ChargeFacts> = {}): ChargeFacts => ({
  order: o,
  handoverDate: '2020-06-01',
  today: TODAY,
  now: T0,
  warranty: WARRANTY,
  ...extra,
});

function codeOf(work: () => unknown): string | null {
  try {
    work();
    return null;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return error.code;
  }
}

describe('which repairs are chargeable (有偿)', () => {
  it('charges a repair inside the home once the handover warranty is over', () => {
    expect(chargeabilityOf(facts(order()))).toEqual({ chargeable: true, reason: '入户维修，按收费标准收费' });
  });

  it('keeps public areas and devices free', () => {
    const lobby = order({
      householdId: null,
      location: { kind: 'public', area: 'lobby' } as WorkOrder['location'],
    });
    expect(chargeabilityOf(facts(lobby))).toEqual({ chargeable: false, reason: '公共区域维修，免费' });
    const lift = order({
      location: { kind: 'public', area: 'lift' } as WorkOrder['location'],
      deviceId: 'EL-1',
    });
    expect(chargeabilityOf(facts(lift))).toEqual({ chargeable: false, reason: '公共设备维修，免费' });
  });

  it('keeps the home free within the handover warranty, charging from the day it ends', () => {
    expect(chargeabilityOf(facts(order(), { handoverDate: '2024-12-01' }))).toEqual({
      chargeable: false,
      reason: '交房 730 天保修期内，免费',
    });
    // 2024-11-30 → 2026-11-30 is exactly 730 days: the warranty is over.
    expect(chargeabilityOf(facts(order(), { handoverDate: '2024-11-30' })).chargeable).toBe(true);
    expect(chargeabilityOf(facts(order(), { handoverDate: null })).chargeable).toBe(true);
  });

  it('keeps a reopened order free within the warranty of a paid fix of an earlier round', () => {
    const paid = withNewQuote(order(), priceQuote(LIST, [{ code: 'valve', quantity: '1' }]), {
      at: T0,
      byName: '赵师傅',
    });
    const fixed = {
      ...paid,
      quotes: paid.quotes.map((q) => ({ ...q, status: 'confirmed' as const, fixedAt: T0, paidAt: T0 })),
    };
    const reopened = order({ charge: fixed, sla: { ...order().sla, round: 2 } });
    expect(chargeabilityOf(facts(reopened, { now: T0 + 89 * DAY }))).toEqual({
      chargeable: false,
      reason: '上次有偿维修 90 天保修期内返修，免费',
    });
    expect(chargeabilityOf(facts(reopened, { now: T0 + 90 * DAY })).chargeable).toBe(true);
    // An unpaid quote of the earlier round gives no warranty.
    const unpaid = order({
      charge: { ...fixed, quotes: fixed.quotes.map((q) => ({ ...q, paidAt: null })) },
      sla: { ...order().sla, round: 2 },
    });
    expect(chargeabilityOf(facts(unpaid, { now: T0 + DAY })).chargeable).toBe(true);
  });

  it('lets staff decide against the rule, naming who and why', () => {
    const free = order({
      charge: {
        override: { chargeable: false, reason: '管道老化属物业责任', byName: '王客服', at: T0 },
        quotes: [],
      },
    });
    expect(chargeabilityOf(facts(free))).toEqual({
      chargeable: false,
      reason: '王客服设为免费：管道老化属物业责任',
    });
    const lobby = order({
      householdId: 'hh_1',
      location: { kind: 'public', area: 'lobby' } as WorkOrder['location'],
      charge: {
        override: { chargeable: true, reason: '业主装修损坏', byName: '王客服', at: T0 },
        quotes: [],
      },
    });
    expect(chargeabilityOf(facts(lobby)).chargeable).toBe(true);
  });
});

describe('a quote from the price list', () => {
  it('prices each line as quantity × unit price and explains it', () => {
    const { lines, totalFen } = priceQuote(LIST, [
      { code: 'visit', quantity: '1' },
      { code: 'valve', quantity: '2' },
    ]);
    expect(lines.map((l) => l.formula)).toEqual([
      '上门人工 1 次 × ¥50.00/次 = ¥50.00',
      '更换角阀 2 个 × ¥35.00/个 = ¥70.00',
    ]);
    expect(totalFen).toBe(12000);
  });

  it('rounds each fractional line half-up once, and the total is the sum of the lines as shown', () => {
    // 1.5 × 1235 = 1852.5 → 1853; 0.5 × 1235 = 617.5 → 618; the total is 2471, not round(2470).
    const { lines, totalFen } = priceQuote(LIST, [
      { code: 'pipe', quantity: '1.50' },
      { code: 'visit', quantity: '0.01' },
    ]);
    expect(lines[0]).toMatchObject({
      quantity: '1.5',
      amountFen: 1853,
      formula: 'PPR 水管 1.5 米 × ¥12.35/米 = ¥18.53',
    });
    expect(lines[1]?.amountFen).toBe(50);
    expect(totalFen).toBe(1903);
    const halves = priceQuote(LIST, [{ code: 'pipe', quantity: '0.5' }]);
    expect(halves.totalFen).toBe(618);
  });

  it('refuses an empty quote, an item not on the list and the same item twice', () => {
    expect(codeOf(() => priceQuote(LIST, []))).toBe('VALIDATION');
    expect(codeOf(() => priceQuote(LIST, [{ code: 'gold-tap', quantity: '1' }]))).toBe('VALIDATION');
    expect(
      codeOf(() =>
        priceQuote(LIST, [
          { code: 'valve', quantity: '1' },
          { code: 'valve', quantity: '1' },
        ]),
      ),
    ).toBe('VALIDATION');
  });

  it('accepts quantities from 0.01 to 999.99 and nothing else', () => {
    for (const ok of ['1', '0.01', '999.99', '2.5']) expect(QuoteQuantity.safeParse(ok).success).toBe(true);
    for (const bad of ['0', '0.00', '-1', '1.234', '1000', 'abc', ''])
      expect(QuoteQuantity.safeParse(bad).success).toBe(false);
  });
});

describe('from quote to paid', () => {
  const priced = priceQuote(LIST, [{ code: 'valve', quantity: '1' }]);

  it('confirming names one bill per order and quote; answering twice is refused', () => {
    const sent = order({ charge: withNewQuote(order(), priced, { at: T0, byName: '赵师傅' }) });
    const confirmed = withAnsweredQuote(sent, { confirmed: true, at: T0 + 1 });
    expect(confirmed.quotes[0]).toMatchObject({
      status: 'confirmed',
      billId: repairBillId('hh_1', 'wo_1', 1),
      paidAt: null,
    });
    expect(
      codeOf(() => withAnsweredQuote({ ...sent, charge: confirmed }, { confirmed: true, at: T0 + 2 })),
    ).toBe('PRECONDITION_FAILED');
  });

  it('a declined quote may be revised: the next one is number 2 and owes nothing until confirmed', () => {
    const sent = order({ charge: withNewQuote(order(), priced, { at: T0, byName: '赵师傅' }) });
    const declined = order({
      charge: withAnsweredQuote(sent, { confirmed: false, at: T0 + 1, reason: '太贵了' }),
    });
    expect(declined.charge?.quotes[0]).toMatchObject({
      status: 'declined',
      declineReason: '太贵了',
      billId: null,
    });
    const revised = withNewQuote(declined, priced, { at: T0 + 2, byName: '赵师傅' });
    expect(revised.quotes.map((q) => [q.seq, q.status])).toEqual([
      [1, 'declined'],
      [2, 'pending'],
    ]);
    expect(unpaidRepairFen({ charge: revised })).toBe(0);
  });

  it('refuses acceptance while a confirmed fee is unpaid, and marks it paid exactly once', () => {
    const sent = order({ charge: withNewQuote(order(), priced, { at: T0, byName: '赵师傅' }) });
    const confirmed = order({ charge: withAnsweredQuote(sent, { confirmed: true, at: T0 }) });
    expect(() => assertRepairPaid(confirmed)).toThrow('维修费 ¥35.00 尚未支付');
    const billId = repairBillId('hh_1', 'wo_1', 1);
    const paid = markRepairPaid(confirmed, billId, T0 + 5);
    expect(paid?.charge?.quotes[0]?.paidAt).toBe(T0 + 5);
    expect(paid?.timeline.at(-1)?.label).toBe('业主已支付维修费 ¥35.00');
    expect(paid?.version).toBe(confirmed.version + 1);
    expect(() => assertRepairPaid(paid!)).not.toThrow();
    expect(markRepairPaid(paid!, billId, T0 + 6)).toBeNull();
    expect(markRepairPaid(confirmed, 'bill_other', T0 + 6)).toBeNull();
  });

  it('completion marks the confirmed quote as the fix the repair warranty covers', () => {
    const assigned = transitionOrder(order(), {
      to: 'assigned',
      at: T0,
      actor: { kind: 'staff', name: '王客服' },
      assignee: { staffId: 's1', accountId: null, name: '赵师傅' },
    });
    const working = transitionOrder(assigned, {
      to: 'in_progress',
      at: T0,
      actor: { kind: 'technician', name: '赵师傅' },
    });
    const quoted = transitionOrder(working, {
      to: 'quoted',
      at: T0 + 10,
      actor: { kind: 'technician', name: '赵师傅' },
      charge: withNewQuote(working, priced, { at: T0 + 10, byName: '赵师傅' }),
    });
    expect(quoted.timeline.at(-1)?.label).toBe('赵师傅已报价，待业主确认');
    // The completion clock stops while the owner decides.
    expect(quoted.sla.pausedAt).toBe(T0 + 10);
    const back = transitionOrder(quoted, {
      to: 'in_progress',
      at: T0 + 70,
      actor: { kind: 'owner', name: '陈先生' },
      charge: withAnsweredQuote(quoted, { confirmed: true, at: T0 + 70 }),
      label: '业主已确认报价',
    });
    expect(back.sla.pausedAt).toBeNull();
    expect(back.sla.completeBy).toBe(quoted.sla.completeBy + 60);
    const done = transitionOrder(back, {
      to: 'completed',
      at: T0 + 100,
      actor: { kind: 'technician', name: '赵师傅' },
    });
    expect(done.charge?.quotes[0]?.fixedAt).toBe(T0 + 100);
  });
});
