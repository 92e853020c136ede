import {
  annualSurveyQuestions,
  deskStateGroups,
  fen,
  keyId,
  OPEN_DESK_STATES,
  type AlarmListView,
  type CollectionReport,
  type CompanyView,
  type DashboardView,
  type NoticeStatsView,
  type SurveyResultsView,
  type SurveyStaffView,
  type WorkOrderSummary,
} from '@linli/shared';
import { createMemoryLogger } from '@linli/cloudfunctions/src/_lib/logger';
import { creditPrepayment } from '@linli/cloudfunctions/src/billing/prepayment/credit-prepayment';
import { ingestEvents } from '@linli/cloudfunctions/src/iot/ingest';
import { OTHER_ESTATE_ID } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { fanOutNotice } from '@linli/cloudfunctions/src/notice/fan-out';
import { allDocs, billingRuntime, commitAll, ESTATE, JULY_10, PERIOD } from '../helpers/billing';
import { FIRE_PUMP, TANK, testDevices } from '../helpers/iot';
import { testClock } from '../helpers/messaging';
import { buildingIdOf, householdIdOf, publishNow } from '../helpers/notices';
import { createTestRuntime, type TestRuntime } from '../helpers/test-runtime';
import { TUESDAY_10AM } from '../helpers/workorders';

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
    expect(dash.collection!.period).toBe(PERIOD);
    expect(dash.collection!.receivableFen).toBe(report.total.receivableFen);
    expect(dash.collection!.paidFen).toBe(report.total.paidFen);
    expect(dash.collection!.rateByAmount).toEqual(report.total.collectionRateByAmount);
    expect(dash.collection!.rateByHousehold).toEqual(report.total.collectionRateByHousehold);
    expect(dash.collection!.receivableFen).toBeGreaterThan(0);

    const settledToday = (await allDocs(t, 'bills')).filter(
      (b) => b.period === PERIOD && b.settledOn === '2026-07-10' && !b.void,
    );
    expect(settledToday.length).toBeGreaterThan(0);
    expect(dash.collection!.settledToday.bills).toBe(settledToday.length);
  });

  it('arrears equal the aging report', async () => {
    const dash = await overview();
    const aging = await t.ok<{
      totalOutstandingFen: number;
      buckets: Array<{ bucket: string; outstandingFen: number }>;
    }>('demo-finance', 'billing', 'stats.aging', {});
    expect(dash.arrears!.outstandingFen).toBe(aging.totalOutstandingFen);
    expect(dash.arrears!.buckets.map((b) => [b.bucket, b.outstandingFen])).toEqual(
      aging.buckets.map((b) => [b.bucket, b.outstandingFen]),
    );
    expect(dash.arrears!.outstandingFen).toBeGreaterThan(0);
  });

  it('the target is the estate admin’s, and on-target follows the rate', async () => {
    expect((await overview()).collection!.targetPercent).toBe(95);
    await t.ok('demo-admin', 'dashboard', 'saveTarget', { estateId: ESTATE, targetPercent: 1 });
    const dash = await overview();
    expect(dash.collection!.targetPercent).toBe(1);
    expect(dash.collection!.onTarget).toBe(
      dash.collection!.paidFen * 100 >= dash.collection!.receivableFen * dash.collection!.targetPercent,
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
    expect(dash.workOrders!.open).toBe(open.length);
    expect(dash.workOrders!.open).toBeGreaterThanOrEqual(2);
    expect(dash.workOrders!.byGroup.reduce((n, g) => n + g.count, 0)).toBe(open.length);
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
    const tile = dash.notices!.find((n) => n.noticeId === notice.noticeId)!;
    expect(tile.readRate.numerator).toBe(1);
    expect(tile.readRate.numerator).toBe(stats.households.read);
    expect(tile.readRate.denominator).toBe(stats.households.total);
  });
});

const HOUR = 60 * 60 * 1000;

/** Every item of a cursor-paged list. */
async function allPages<T>(load: (after?: string) => Promise<{ items: T[]; next?: string }>): Promise<T[]> {
  const items: T[] = [];
  let after: string | undefined;
  do {
    const page = await load(after);
    items.push(...page.items);
    after = page.next;
  } while (after);
  return items;
}

describe('dashboard tiles count what their lists show', () => {
  let t: TestRuntime;
  let clock: ReturnType<typeof testClock>;
  beforeEach(async () => {
    clock = testClock(TUESDAY_10AM);
    t = await createTestRuntime({ now: clock.now });
  });
  afterEach(() => t.close());

  const overview = (openid: string) =>
    t.ok<DashboardView>(openid, 'dashboard', 'overview', { estateId: ESTATE });
  const orders = (input: Record<string, unknown>) =>
    allPages((after) =>
      t.ok<{ items: WorkOrderSummary[]; next?: string }>('demo-service', 'workorder', 'list', {
        estateId: ESTATE,
        limit: 100,
        ...input,
        ...(after ? { after } : {}),
      }),
    );

  it('open orders per desk tab, at risk and breached, as the desk list filters them', async () => {
    await t.ok('demo-owner-1', 'workorder', 'report', { category: 'plumbing', description: '厨房水管漏水' });
    clock.advance(HOUR);
    await t.ok('demo-owner-2', 'workorder', 'report', {
      category: 'electrical',
      description: '客厅插座没电',
    });
    // Two hours on, the first order's response window has run out and the second is close to it.
    clock.advance(HOUR + 45 * 60_000);
    const dash = (await overview('demo-service')).workOrders!;
    const open = [...OPEN_DESK_STATES];
    for (const { group, count } of dash.byGroup)
      expect(count).toBe((await orders({ states: [...deskStateGroups[group]] })).length);
    expect(dash.open).toBe((await orders({ states: open })).length);
    expect(dash.atRisk).toBe((await orders({ states: open, slaRisk: 'at_risk' })).length);
    expect(dash.breached).toBe((await orders({ states: open, slaRisk: 'breached' })).length);
    expect(dash.atRisk + dash.breached).toBeGreaterThan(0);
  });

  it('active alarms by severity and unacknowledged, as the alarm list filters and counts them', async () => {
    await t.store.collection('devices').insertMany(testDevices);
    const ctx = { store: t.store, now: clock.now, log: createMemoryLogger() };
    const raise = (deviceId: string, severity: 'critical' | 'minor', n: number) => ({
      eventId: `ev-dash-${n}-0000`,
      kind: 'raise' as const,
      deviceId,
      estateId: ESTATE,
      at: clock.now(),
      ruleId: `rule_${n}`,
      label: '测试告警',
      severity,
      value: 1,
      summary: '测试告警',
    });
    await ingestEvents(ctx, [raise(FIRE_PUMP, 'critical', 1), raise(TANK, 'minor', 2)]);
    const list = await t.ok<AlarmListView>('demo-service', 'iot', 'alarms', { estateId: ESTATE });
    await t.ok('demo-service', 'iot', 'ack', { alarmId: list.items[0]!.alarmId });

    const dash = (await overview('demo-service')).alarms!;
    const active = await t.ok<AlarmListView>('demo-service', 'iot', 'alarms', { estateId: ESTATE });
    expect(dash.active).toBe(2);
    expect(dash.active).toBe(active.items.length);
    expect(dash.unacked).toBe(1);
    expect(dash.unacked).toBe(active.counts.active_unacked);
    for (const { severity, count } of dash.bySeverity) {
      const bySeverity = await t.ok<AlarmListView>('demo-service', 'iot', 'alarms', {
        estateId: ESTATE,
        severity,
      });
      expect(count).toBe(bySeverity.items.length);
    }
  });

  it('unread conversations and complaints to accept, as the inbox and complaint list filter them', async () => {
    const conversation = await t.ok<{ conversationId: string }>('demo-owner-1', 'service', 'start', {
      householdId: householdIdOf('1-1-1201'),
    });
    await t.ok('demo-owner-1', 'service', 'send', {
      conversationId: conversation.conversationId,
      requestId: 'req-dash-1',
      body: { type: 'text', text: '楼道灯不亮了' },
    });
    await t.ok('demo-owner-1', 'service', 'submitComplaint', {
      householdId: householdIdOf('1-1-1201'),
      requestId: 'req-dash-2',
      kind: 'complaint',
      content: '楼下商铺夜间噪音很大，影响休息',
    });
    const dash = (await overview('demo-service')).serviceDesk!;
    const unread = await t.ok<{ items: unknown[]; unreadConversations: number }>(
      'demo-service',
      'service',
      'inbox',
      {
        estateId: ESTATE,
        filter: 'unread',
      },
    );
    const complaints = await t.ok<{ items: unknown[] }>('demo-service', 'service', 'complaints', {
      estateId: ESTATE,
      status: 'submitted',
    });
    expect(dash).toEqual({ unreadConversations: 1, pendingComplaints: 1 });
    expect(dash.unreadConversations).toBe(unread.items.length);
    expect(dash.unreadConversations).toBe(unread.unreadConversations);
    expect(dash.pendingComplaints).toBe(complaints.items.length);
  });

  it('the latest general survey’s index and response rate are its results’', async () => {
    expect((await overview('demo-service')).survey).toBeNull();
    const draft = await t.ok<SurveyStaffView>('demo-admin', 'survey', 'create', {
      estateId: ESTATE,
      title: '2026 年度满意度调查',
      intro: '感谢您抽空填写。',
      questions: annualSurveyQuestions(),
      target: { scope: 'buildings', buildingIds: [buildingIdOf(2)] },
      responseUnit: 'household',
      anonymous: false,
      opensAt: clock.now(),
      closesAt: clock.now() + 7 * 24 * HOUR,
    });
    await t.ok('demo-admin', 'survey', 'publish', { surveyId: draft.surveyId });
    await t.ok('demo-owner-2', 'survey', 'submit', {
      surveyId: draft.surveyId,
      householdId: householdIdOf('2-1-0802'),
      answers: {
        q1: { cleaning: 5, security: 4, repairs: 4, greenery: 5, customer_service: 3 },
        q2: 9,
        q3: ['o1'],
      },
    });
    const dash = (await overview('demo-service')).survey!;
    const results = await t.ok<SurveyResultsView>('demo-service', 'survey', 'results', {
      surveyId: draft.surveyId,
    });
    expect(dash.surveyId).toBe(draft.surveyId);
    expect(dash.overallIndex).not.toBeNull();
    expect(dash.overallIndex).toBe(results.results.overallIndex);
    expect(dash.rate).toEqual(results.results.rate);
    expect(dash.rate.read).toBe(1);
  });

  it('shows only the tiles whose lists the caller may open', async () => {
    const finance = await overview('demo-finance');
    expect(finance.collection).not.toBeNull();
    expect(finance.arrears).not.toBeNull();
    expect([finance.workOrders, finance.alarms, finance.serviceDesk, finance.notices]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    const service = await overview('demo-service');
    expect(service.collection).toBeNull();
    expect(service.arrears).toBeNull();
    expect(service.workOrders).not.toBeNull();
    expect(service.alarms).not.toBeNull();
    const admin = await overview('demo-admin');
    const { survey: _none, ...tiles } = admin;
    expect(Object.entries(tiles).filter(([, value]) => value === null)).toEqual([]);
  });
});

describe('company view', () => {
  let t: TestRuntime;
  beforeEach(async () => {
    t = await billingRuntime();
    await commitAll(t);
  });
  afterEach(() => t.close());

  const company = (openid: string) => t.ok<CompanyView>(openid, 'dashboard', 'company', {});

  it('the manager of every estate sees each estate’s figures as its own 工作台 has them, and their totals', async () => {
    const view = await company('demo-admin');
    expect(view.companyWide).toBe(true);
    expect(view.estates.map((e) => e.estateId).sort()).toEqual([ESTATE, OTHER_ESTATE_ID].sort());
    for (const row of view.estates) {
      const dash = await t.ok<DashboardView>('demo-admin', 'dashboard', 'overview', {
        estateId: row.estateId,
      });
      expect(row.estateName).toBe(dash.estateName);
      expect(row.collection?.rateByAmount).toEqual(dash.collection!.rateByAmount);
      expect(row.arrears?.outstandingFen).toBe(dash.arrears!.outstandingFen);
      expect(row.openOrders).toBe(dash.workOrders!.open);
      expect(row.activeAlarms).toBe(dash.alarms!.active);
    }
    const sum = (pick: (row: CompanyView['estates'][number]) => number) =>
      view.estates.reduce((n, row) => n + pick(row), 0);
    expect(view.totals.arrears?.outstandingFen).toBe(sum((r) => r.arrears!.outstandingFen));
    expect(view.totals.openOrders).toBe(sum((r) => r.openOrders!));
    expect(view.totals.collection?.receivableFen).toBe(sum((r) => r.collection!.receivableFen));
    expect(view.totals.collection?.receivableFen).toBeGreaterThan(0);
  });

  it('staff of one estate see only that estate, and cannot open another’s 工作台', async () => {
    const maple = await company('demo-admin-maple');
    expect(maple.companyWide).toBe(false);
    expect(maple.estates.map((e) => e.estateId)).toEqual([OTHER_ESTATE_ID]);
    expect(maple.totals.openOrders).toBe(maple.estates[0]!.openOrders);

    const finance = await company('demo-finance');
    expect(finance.estates.map((e) => e.estateId)).toEqual([ESTATE]);
    expect(finance.estates[0]!.openOrders).toBeNull();
    expect(finance.totals.openOrders).toBeNull();

    expect(await t.errorCode('demo-admin-maple', 'dashboard', 'overview', { estateId: ESTATE })).toBe(
      'FORBIDDEN',
    );
    expect(await t.errorCode('demo-service', 'dashboard', 'overview', { estateId: OTHER_ESTATE_ID })).toBe(
      'FORBIDDEN',
    );
    expect(await t.errorCode('demo-owner-1', 'dashboard', 'company', {})).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-tech-lift', 'dashboard', 'company', {})).toBe('FORBIDDEN');
    expect(await t.errorCode(null, 'dashboard', 'company', {})).toBe('UNAUTHENTICATED');
  });
});
