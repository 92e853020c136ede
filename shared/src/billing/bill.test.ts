import type { Fen } from '../money/money';
import { outstandingOf, statusOf, type Bill } from './bill';
import { planDraws } from './prepayment';

const amounts = (
  a: Partial<Record<'amountFen' | 'discountFen' | 'waivedFen' | 'paidFen', number>>,
  voided = false,
) =>
  ({
    amountFen: 0,
    discountFen: 0,
    waivedFen: 0,
    paidFen: 0,
    ...a,
    void: voided ? { reason: 'x', by: 'a', byName: 'b', at: 0 } : null,
  }) as Pick<Bill, 'amountFen' | 'discountFen' | 'waivedFen' | 'paidFen' | 'void'>;

describe('bill status follows from its amounts', () => {
  it('is unpaid, partial, paid, waived or void', () => {
    expect(statusOf(amounts({ amountFen: 1000 }))).toBe('unpaid');
    expect(statusOf(amounts({ amountFen: 1000, paidFen: 400 }))).toBe('partial');
    expect(statusOf(amounts({ amountFen: 1000, waivedFen: 400 }))).toBe('partial');
    expect(statusOf(amounts({ amountFen: 1000, waivedFen: 400, paidFen: 600 }))).toBe('paid');
    expect(statusOf(amounts({ amountFen: 1000, waivedFen: 1000 }))).toBe('waived');
    expect(statusOf(amounts({ amountFen: 1000, discountFen: 50, paidFen: 950 }))).toBe('paid');
    expect(statusOf(amounts({ amountFen: 1000 }, true))).toBe('void');
  });

  it('owes nothing once void', () => {
    expect(outstandingOf(amounts({ amountFen: 1000, paidFen: 100 }))).toBe(900);
    expect(outstandingOf(amounts({ amountFen: 1000 }, true))).toBe(0);
  });
});

describe('drawing new bills from a prepayment balance', () => {
  it('pays bills in order as far as the balance goes', () => {
    expect(
      planDraws(50000 as Fen, [
        { billId: 'a', outstandingFen: 21040 as Fen },
        { billId: 'b', outstandingFen: 1000 as Fen },
        { billId: 'c', outstandingFen: 30000 as Fen },
        { billId: 'd', outstandingFen: 500 as Fen },
      ]),
    ).toEqual([
      { billId: 'a', amountFen: 21040 },
      { billId: 'b', amountFen: 1000 },
      { billId: 'c', amountFen: 27960 },
    ]);
  });

  it('draws nothing from an empty balance or for settled bills', () => {
    expect(planDraws(0 as Fen, [{ billId: 'a', outstandingFen: 100 as Fen }])).toEqual([]);
    expect(planDraws(100 as Fen, [{ billId: 'a', outstandingFen: 0 as Fen }])).toEqual([]);
  });
});
