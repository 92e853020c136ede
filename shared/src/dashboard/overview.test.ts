import { fen } from '../money/money';
import { WorkOrderState } from '../workorder/states';
import { deskStateGroups, OPEN_DESK_STATES } from '../workorder/desk-groups';
import { companyTotals, mayOpen } from './overview';

const row = (receivable: number, paid: number, arrears: number, orders: number | null) => ({
  collection: { receivableFen: fen(receivable), paidFen: fen(paid) },
  arrears: { outstandingFen: fen(arrears), households: 1 },
  openOrders: orders,
  activeAlarms: null,
});

describe('company totals', () => {
  it('sums every estate and takes the rate of the sums, not the mean of the rates', () => {
    const totals = companyTotals([row(10_000, 10_000, 0, 2), row(90_000, 0, 90_000, 3)]);
    expect(totals.collection).toEqual({
      receivableFen: 100_000,
      paidFen: 10_000,
      rateByAmount: { numerator: 10_000, denominator: 100_000, percent: '10.00%' },
    });
    expect(totals.arrears).toEqual({ outstandingFen: 90_000, households: 2 });
    expect(totals.openOrders).toBe(5);
  });

  it('leaves a column withheld from every estate null, and is null-safe with no estates', () => {
    expect(companyTotals([row(1, 1, 0, null)]).activeAlarms).toBeNull();
    expect(companyTotals([row(1, 1, 0, null)]).openOrders).toBeNull();
    expect(companyTotals([])).toEqual({
      collection: null,
      arrears: null,
      openOrders: null,
      activeAlarms: null,
    });
  });
});

describe('tiles follow list access', () => {
  it('shows a tile only to a role that may open its list', () => {
    expect(mayOpen(['finance'], { roles: ['admin', 'finance'] })).toBe(true);
    expect(mayOpen(['service'], { roles: ['admin', 'finance'] })).toBe(false);
    expect(mayOpen(['admin'], 'trigger')).toBe(false);
  });

  it('the desk groups cover every state once, and open means neither closed nor cancelled', () => {
    const all = Object.values(deskStateGroups).flat();
    expect([...all].sort()).toEqual([...WorkOrderState.options].sort());
    expect([...OPEN_DESK_STATES].sort()).toEqual(
      WorkOrderState.options.filter((s) => s !== 'closed' && s !== 'cancelled').sort(),
    );
  });
});
