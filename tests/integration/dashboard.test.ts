import { fen, keyId, type CollectionReport, type DashboardView, type NoticeStatsView } from '@linli/shared';
import { createMemoryLogger } from '@linli/cloudfunctions/src/_lib/logger';
import { creditPrepayment } from '@linli/cloudfunctions/src/billing/prepayment/credit-prepayment';
import { fanOutNotice } from '@linli/cloudfunctions/src/notice/fan-out';
import { allDocs, billingRuntime, commitAll, ESTATE, JULY_10, PERIOD } from '../helpers/billing';
import { publishNow } from '../helpers/notices';
import type { TestRuntime } from '../helpers/test-runtime';

/**
 * The 工作台 figures must be the figures of the lists they drill down to: the collection report,
 * the aging report, the work-order list and each notice's read statistics.
 */
describe('dashboard overview', () => {
  let t: TestRuntime;
  beforeEach(async () => {
    t = await billingRuntime();
    // A top-up before the run: July's bills of 1-1-1201 are then settled from it on the 10th.
    await creditPrepayment(t.store, keyId('hh', ESTATE, '1-1-1201'), fen(200_000), 'dash-topup', {
      at: JULY_10,
    });
    await commitAll(t);
  });
  afterEach(() => t.close());

  const overview = (openid = 'demo-finance') => t.ok<DashboardView>(openid, 'dashboard', 'overview', {});

  it('collection figures equal the collection report for this month, by amount and by household', async () => {
    const dash = await overview();
    const report = await t.ok<CollectionReport>('demo-finance', 'billing', 'stats.collection', {
      periodFrom: PERIOD,
      periodTo: PERIOD,
    });
    expect(dash.collection.period).toBe(PERIOD);
    expect(dash.collection.receivableFen).toBe(report.total.receivableFen);
    expect(dash.collection.paidFen).toBe(report.total.paidFen);
    expect(dash.collection.rateByAmount).toEqual(report.total.collectionRateByAmount);
    expect(dash.collection.rateByHousehold).toEqual(report.total.collectionRateByHousehold);
    expect(dash.collection.receivableFen).toBeGreaterThan(0);

    const settledToday = (await allDocs(t, 'bills')).filter(
      (b) => b.period === PERIOD && b.settledOn === '2026-07-10' && !b.void,
    );
    expect(settledToday.length).toBeGreaterThan(0);
    expect(dash.collection.settledToday.bills).toBe(settledToday.length);
  });

  it('arrears equal the aging report', async () => {
    const dash = await overview();
    const aging = await t.ok<{
      totalOutstandingFen: number;
      buckets: Array<{ bucket: string; outstandingFen: number }>;
    }>('demo-finance', 'billing', 'stats.aging', {});
    expect(dash.arrears.outstandingFen).toBe(aging.totalOutstandingFen);
    expect(dash.arrears.buckets.map((b) => [b.bucket, b.outstandingFen])).toEqual(
      aging.buckets.map((b) => [b.bucket, b.outstandingFen]),
    );
    expect(dash.arrears.outstandingFen).toBeGreaterThan(0);
  });

  it('the target is the estate admin’s, and on-target follows the rate', async () => {
    expect((await overview()).collection.targetPercent).toBe(95);
    await t.ok('demo-admin', 'dashboard', 'saveTarget', { estateId: ESTATE, targetPercent: 1 });
    const dash = await overview();
    expect(dash.collection.targetPercent).toBe(1);
    expect(dash.collection.onTarget).toBe(
      dash.collection.paidFen * 100 >= dash.collection.receivableFen * dash.collection.targetPercent,
    );
    expect(
      await t.errorCode('demo-finance', 'dashboard', 'saveTarget', { estateId: ESTATE, targetPercent: 90 }),
    ).toBe('FORBIDDEN');
    expect(
      await t.errorCode('demo-admin-maple', 'dashboard', 'saveTarget', {
        estateId: ESTATE,
        targetPercent: 90,
      }),
    ).toBe('FORBIDDEN');
  });

  it('open work orders are counted by state, as the work-order list has them', async () => {
    await t.ok('demo-owner-1', 'workorder', 'report', { category: 'plumbing', description: '厨房水管漏水' });
    await t.ok('demo-owner-2', 'workorder', 'report', {
      category: 'electrical',
      description: '客厅插座没电',
    });
    const dash = await overview('demo-service');
    const open = (await allDocs(t, 'workorders')).filter(
      (o) => !['closed', 'cancelled'].includes(String(o.state)),
    );
    expect(dash.workOrders.open).toBe(open.length);
    expect(dash.workOrders.open).toBeGreaterThanOrEqual(2);
    expect(dash.workOrders.byState.reduce((n, s) => n + s.count, 0)).toBe(open.length);
  });

  it('a notice’s read rate is the households read of the households it is for', async () => {
    const notice = await publishNow(t, 'demo-service', { target: { scope: 'estate' } });
    const deps = { store: t.store, now: () => JULY_10, log: createMemoryLogger(), deadline: Infinity };
    await fanOutNotice(deps, notice.noticeId);
    await t.ok('demo-owner-1', 'notice', 'open', { noticeId: notice.noticeId });
    const dash = await overview('demo-service');
    const stats = await t.ok<NoticeStatsView>('demo-service', 'notice', 'stats', {
      noticeId: notice.noticeId,
    });
    const tile = dash.notices.find((n) => n.noticeId === notice.noticeId)!;
    expect(tile.readRate.numerator).toBe(1);
    expect(tile.readRate.numerator).toBe(stats.households.read);
    expect(tile.readRate.denominator).toBe(stats.households.total);
  });
});
