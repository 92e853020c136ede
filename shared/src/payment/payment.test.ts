import { fen, type Fen } from '../money/money';
import {
  canMoveOrder,
  orderTransitions,
  refundableOf,
  type OrderLine,
  type PaymentOrderStatus,
} from './order';
import { newOutTradeNo, OUT_REFUND_NO, OUT_TRADE_NO, outRefundNo } from './out-trade-no';
import { describeOrder, MAX_BILLS_PER_ORDER, priceBills, type PricedBill } from './price-bills';
import { isFreshTimestamp, judgeTransaction, type WechatTransaction } from './notification';
import { allocateRefund, applyRefundToLines, assertCanRefund } from './refund';
import { isCleanReconcile, reconcileTrades } from './reconcile';

const JULY_10 = Date.parse('2026-07-10T02:00:00Z');

const bill = (over: Partial<PricedBill> = {}): PricedBill => ({
  _id: 'bill_h1_2026-07_PROPERTY',
  householdId: 'h1',
  period: '2026-07',
  itemName: '物业费',
  status: 'unpaid',
  amountFen: fen(21040),
  discountFen: fen(0),
  waivedFen: fen(0),
  paidFen: fen(0),
  void: null,
  dueDate: '2026-07-31',
  lateFeeRule: null,
  ...over,
});

const line = (billId: string, principal: number, lateFee = 0, refunded = 0): OrderLine => ({
  billId,
  period: '2026-06',
  itemName: '物业费',
  principalFen: fen(principal),
  lateFeeFen: fen(lateFee),
  refundedFen: fen(refunded),
});

describe('order states', () => {
  it('lets an open order only be paid or closed, and a closed one go nowhere', () => {
    expect(orderTransitions.open).toEqual(['paid', 'closed']);
    expect(canMoveOrder('closed', 'paid')).toBe(false);
    expect(canMoveOrder('refunded', 'refunding')).toBe(false);
    expect(canMoveOrder('partially_refunded', 'refunding')).toBe(true);
  });

  it('has a terminal or onward path for every state', () => {
    const all = Object.keys(orderTransitions) as PaymentOrderStatus[];
    for (const from of all) for (const to of orderTransitions[from]) expect(all).toContain(to);
  });

  it('counts refunds in flight against what can still be refunded', () => {
    expect(refundableOf({ amountFen: fen(1000), refundedFen: fen(300), refundingFen: fen(200) })).toBe(500);
  });
});

describe('out_trade_no', () => {
  it('is unique, at most 32 characters, tells kind and Shanghai time', () => {
    const a = newOutTradeNo('bills', 'wechat', JULY_10);
    const b = newOutTradeNo('bills', 'wechat', JULY_10);
    expect(a).not.toBe(b);
    expect(a).toMatch(OUT_TRADE_NO);
    expect(a.length).toBeLessThanOrEqual(32);
    expect(a.startsWith('LB260710100000')).toBe(true);
    expect(newOutTradeNo('top_up', 'wechat', JULY_10).startsWith('LT')).toBe(true);
    expect(newOutTradeNo('bills', 'cash', JULY_10).startsWith('LF')).toBe(true);
  });

  it('numbers refunds after the order', () => {
    expect(outRefundNo('LB260710100000ABCDEFGHJK', 2)).toBe('LB260710100000ABCDEFGHJKR02');
    expect(outRefundNo('LB260710100000ABCDEFGHJK', 2)).toMatch(OUT_REFUND_NO);
  });
});

describe('pricing an order from the bills', () => {
  it('sums outstanding amounts and late fees, ignoring anything the client could say', () => {
    const overdue = bill({
      _id: 'b2',
      period: '2026-06',
      dueDate: '2026-06-30',
      paidFen: fen(1040),
      status: 'partial',
      lateFeeRule: { kind: 'fixed', amountFen: fen(500), graceDays: 0 },
    });
    const priced = priceBills('h1', [bill(), overdue], JULY_10);
    expect(priced.lines.map((l) => [l.principalFen, l.lateFeeFen])).toEqual([
      [21040, 0],
      [20000, 500],
    ]);
    expect(priced.amountFen).toBe(21040 + 20000 + 500);
  });

  it('refuses paid, void, other households, duplicates, none and too many', () => {
    expect(() => priceBills('h1', [bill({ status: 'paid', paidFen: fen(21040) })], JULY_10)).toThrow(
      /已结清/,
    );
    expect(() =>
      priceBills(
        'h1',
        [bill({ void: { reason: 'x', by: 'a', byName: 'b', at: 0 }, status: 'void' })],
        JULY_10,
      ),
    ).toThrow(/不可缴纳/);
    expect(() => priceBills('h1', [bill({ householdId: 'h2' })], JULY_10)).toThrow(/本房屋/);
    expect(() => priceBills('h1', [bill(), bill()], JULY_10)).toThrow(/重复/);
    expect(() => priceBills('h1', [], JULY_10)).toThrow(/请选择/);
    const many = Array.from({ length: MAX_BILLS_PER_ORDER + 1 }, (_, i) => bill({ _id: `b${i}` }));
    expect(() => priceBills('h1', many, JULY_10)).toThrow(/最多/);
  });

  it('describes the order within WeChat limits', () => {
    expect(describeOrder('1-1-1201', [line('a', 1), line('b', 1)])).toBe('1-1-1201 物业费 2026-06 等2项');
  });
});

describe('checking a notification', () => {
  const merchant = { mchid: '1900000001', appid: 'wxd678efh567hg6787' };
  const order = { _id: 'LB1', amountFen: fen(42080) };
  const tx = (over: Partial<WechatTransaction> = {}): WechatTransaction => ({
    ...merchant,
    out_trade_no: 'LB1',
    transaction_id: '4200001',
    trade_state: 'SUCCESS',
    amount: { total: 42080, currency: 'CNY' },
    ...over,
  });

  it('settles when merchant, app, order and amount match', () => {
    expect(judgeTransaction(tx(), order, merchant)).toEqual({ kind: 'settle' });
  });

  it('never settles an amount, merchant or app mismatch', () => {
    const verdict = judgeTransaction(tx({ amount: { total: 1 } }), order, merchant);
    expect(verdict.kind).toBe('mismatch');
    expect(judgeTransaction(tx({ mchid: 'other' }), order, merchant).kind).toBe('mismatch');
    expect(judgeTransaction(tx({ appid: 'other' }), order, merchant).kind).toBe('mismatch');
    expect(judgeTransaction(tx({ out_trade_no: 'LB2' }), order, merchant).kind).toBe('mismatch');
  });

  it('tells unpaid from closed', () => {
    expect(judgeTransaction(tx({ trade_state: 'NOTPAY' }), order, merchant)).toEqual({ kind: 'unpaid' });
    expect(judgeTransaction(tx({ trade_state: 'CLOSED' }), order, merchant)).toEqual({ kind: 'closed' });
  });

  it('refuses timestamps more than five minutes away, either way', () => {
    const now = 1_800_000_000_000;
    expect(isFreshTimestamp(String(now / 1000 - 299), now)).toBe(true);
    expect(isFreshTimestamp(String(now / 1000 - 301), now)).toBe(false);
    expect(isFreshTimestamp(String(now / 1000 + 301), now)).toBe(false);
    expect(isFreshTimestamp('abc', now)).toBe(false);
  });
});

describe('refunds', () => {
  const paid = {
    channel: 'wechat' as const,
    purpose: 'bills' as const,
    status: 'paid' as const,
    amountFen: fen(30000),
    refundedFen: fen(0),
    refundingFen: fen(0),
  };

  it('are only for received online bill payments, up to what is left', () => {
    expect(() => assertCanRefund(paid, fen(30000))).not.toThrow();
    expect(() => assertCanRefund(paid, fen(30001))).toThrow(/可退金额/);
    expect(() => assertCanRefund({ ...paid, refundingFen: fen(29000) }, fen(2000))).toThrow(/可退金额/);
    expect(() => assertCanRefund(paid, fen(0))).toThrow(/大于 0/);
    expect(() => assertCanRefund({ ...paid, channel: 'cash' }, fen(1))).toThrow(/线下/);
    expect(() => assertCanRefund({ ...paid, status: 'open' }, fen(1))).toThrow(/已支付/);
    expect(() => assertCanRefund({ ...paid, status: 'refunding' }, fen(1))).toThrow(/正在处理/);
    expect(() => assertCanRefund({ ...paid, purpose: 'top_up' }, fen(1))).toThrow(/预存/);
  });

  it('take the last bill first, late fee before principal', () => {
    const lines = [line('a', 10000), line('b', 19000, 1000)];
    expect(allocateRefund(lines, fen(1500))).toEqual([{ billId: 'b', principalFen: 500, lateFeeFen: 1000 }]);
    expect(allocateRefund(lines, fen(25000))).toEqual([
      { billId: 'b', principalFen: 19000, lateFeeFen: 1000 },
      { billId: 'a', principalFen: 5000, lateFeeFen: 0 },
    ]);
    expect(() => allocateRefund(lines, fen(30001))).toThrow();
  });

  it('continue where an earlier partial refund stopped', () => {
    const lines = [line('a', 10000), line('b', 19000, 1000)];
    const first = allocateRefund(lines, fen(1500));
    const after = applyRefundToLines(lines, first);
    expect(after[1]!.refundedFen).toBe(1500);
    expect(allocateRefund(after, fen(19000))).toEqual([
      { billId: 'b', principalFen: 18500, lateFeeFen: 0 },
      { billId: 'a', principalFen: 500, lateFeeFen: 0 },
    ]);
  });
});

describe('reconciling a trade bill', () => {
  const row = (no: string, yuan: string, state = 'SUCCESS') => ({
    商户订单号: no,
    交易状态: state,
    订单金额: yuan,
    微信订单号: `42${no}`,
  });
  const our = (no: string, amount: number) => ({
    outTradeNo: no,
    amountFen: amount as Fen,
    transactionId: `42${no}`,
  });

  it('matches every fen and lists each kind of difference', () => {
    const result = reconcileTrades(
      [row('A', '100.00'), row('B', '0.01'), row('C', '5.00'), row('A', '100.00', 'REFUND')],
      [our('A', 10000), our('B', 2), our('D', 300)],
    );
    expect(result.matched).toBe(1);
    expect(result.matchedFen).toBe(10000);
    expect(result.amountDiffs).toEqual([{ outTradeNo: 'B', transactionId: '42B', ourFen: 2, theirFen: 1 }]);
    expect(result.missingOurs.map((d) => d.outTradeNo)).toEqual(['C']);
    expect(result.missingTheirs.map((d) => d.outTradeNo)).toEqual(['D']);
    expect(isCleanReconcile(result)).toBe(false);
  });

  it('is clean when both sides agree', () => {
    expect(isCleanReconcile(reconcileTrades([row('A', '1.00')], [our('A', 100)]))).toBe(true);
  });
});
