import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  annualSurveyQuestions,
  formatYuan,
  type CollectionReport,
  type CompanyView,
  type DashboardView,
  type Fen,
  type MeView,
} from '@linli/shared';
import { DEMO_ESTATE_ID } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { devLogin, launchBrowser, phonePage, screenshot, SCREENSHOT_DIR } from '../helpers/browser';
import { callAs, devLoginToken, publishEstateNotice } from '../helpers/load-owners';
import { startLocalServer, type LocalServer } from '../helpers/local-server';
import { drawnCharts, settled } from './taro-page';

jest.setTimeout(240_000);

const BRIDGE_TOKEN = 'e2e-dashboard-bridge-token-0123';
const DAY = 24 * 60 * 60 * 1000;

/** Cards of the visible page (Taro keeps earlier pages in the DOM, hidden), after every 加载更多. */
async function visibleCards(page: Page, selector: string): Promise<number> {
  await page.locator(`${selector}:visible, .empty-state:visible`).first().waitFor();
  await settled(page);
  for (;;) {
    const more = page.getByText('加载更多', { exact: true }).filter({ visible: true });
    if (!(await more.count())) break;
    await more.first().click();
    await page
      .getByText('加载中…')
      .filter({ visible: true })
      .waitFor({ state: 'detached' })
      .catch(() => {});
    await settled(page);
  }
  return page.locator(`${selector}:visible`).count();
}

/** A screenshot of one part of the page (the H5 page scrolls inside its own container). */
async function shot(locator: Locator, name: string): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  await locator.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

async function back(page: Page): Promise<void> {
  await page.goBack();
  await page.locator('.dashboard').filter({ visible: true }).waitFor();
  await settled(page);
}

/** The 工作台 figures are those of the lists each tile opens: open them in the browser and count. */
describe('工作台 dashboard in Chromium', () => {
  let server: LocalServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startLocalServer({
      env: { LINLI_MQTT_PORT: '0', LINLI_IOT_BRIDGE_TOKEN: BRIDGE_TOKEN },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('李会计 sees this month’s rate and arrears matching the collection and aging reports', async () => {
    const token = await devLoginToken(server, 'demo-finance');
    const dashboard = await callAs<DashboardView>(server, token, 'dashboard/overview', {});
    const period = dashboard.collection!.period;
    const report = await callAs<CollectionReport>(server, token, 'billing/stats.collection', {
      periodFrom: period,
      periodTo: period,
    });
    const aging = await callAs<{ totalOutstandingFen: Fen }>(server, token, 'billing/stats.aging', {});

    const page = await phonePage(browser);
    await devLogin(page, server.url, '李会计');
    await page.getByText('今日概览').first().waitFor();
    await settled(page);
    const text = await page.locator('.dashboard').innerText();
    expect(text).toContain(`${period} 收缴率（按金额）`);
    expect(text).toContain(report.total.collectionRateByAmount.percent ?? '—');
    expect(text).toContain(
      `实收 ${formatYuan(report.total.paidFen)} / 应收 ${formatYuan(report.total.receivableFen)}`,
    );
    expect(text).toContain(formatYuan(aging.totalOutstandingFen));
    expect(aging.totalOutstandingFen).toBeGreaterThan(0);
    // Finance does not work the repair desk: no tile they could not follow up.
    expect(text).not.toContain('未完成工单');
    await page.locator('.dashboard').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-finance');

    // The arrears tile opens the aging report on the same total.
    await page.locator('.dashboard__card--arrears .dashboard__label').click();
    await page.getByText('欠费账龄').filter({ visible: true }).first().waitFor();
    await page.getByText(formatYuan(aging.totalOutstandingFen)).filter({ visible: true }).first().waitFor();
    await settled(page);
    await screenshot(page, 'dashboard-finance-aging');
  });

  it('王经理 sees both estates in the company view, and each tile opens a list with its count', async () => {
    const admin = await devLoginToken(server, 'demo-admin');
    const owner1 = await devLoginToken(server, 'demo-owner-1');
    const owner2 = await devLoginToken(server, 'demo-owner-2');

    // Something on every tile: an owner message and a complaint, two alarms, a survey answered.
    const homeOf = async (token: string) =>
      (await callAs<MeView>(server, token, 'account/me', {})).households[0]!.householdId;
    const home1 = await homeOf(owner1);
    const conversation = await callAs<{ conversationId: string }>(server, owner1, 'service/start', {
      householdId: home1,
    });
    await callAs(server, owner1, 'service/send', {
      conversationId: conversation.conversationId,
      requestId: 'e2e-dash-msg',
      body: { type: 'text', text: '地下车库的灯坏了好几盏' },
    });
    await callAs(server, owner1, 'service/submitComplaint', {
      householdId: home1,
      requestId: 'e2e-dash-cmpl',
      kind: 'suggestion',
      content: '建议在小区门口增加快递柜',
    });
    const devices = await callAs<{ items: Array<{ deviceId: string }> }>(server, admin, 'iot/devices', {
      estateId: DEMO_ESTATE_ID,
    });
    expect(devices.items.length).toBeGreaterThanOrEqual(2);
    const now = Date.now();
    const raise = (deviceId: string, n: number, severity: 'critical' | 'minor') => ({
      eventId: `e2e-dash-${n}-${now}`,
      kind: 'raise',
      deviceId,
      estateId: DEMO_ESTATE_ID,
      at: now,
      ruleId: `e2e_rule_${n}`,
      label: '演示告警',
      severity,
      value: 1,
      summary: `演示告警 ${n}`,
    });
    const ingest = await fetch(`${server.url}/iot/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${BRIDGE_TOKEN}` },
      body: JSON.stringify({
        events: [
          raise(devices.items[0]!.deviceId, 1, 'critical'),
          raise(devices.items[1]!.deviceId, 2, 'minor'),
        ],
      }),
    });
    expect(ingest.status).toBe(200);
    const survey = await callAs<{ surveyId: string }>(server, admin, 'survey/create', {
      estateId: DEMO_ESTATE_ID,
      title: '年度满意度调查',
      intro: '感谢您抽空填写。',
      questions: annualSurveyQuestions(),
      target: { scope: 'estate' },
      responseUnit: 'household',
      anonymous: false,
      opensAt: now - 1000,
      closesAt: now + 7 * DAY,
    });
    await callAs(server, admin, 'survey/publish', { surveyId: survey.surveyId });
    const home2 = await homeOf(owner2);
    await callAs(server, owner2, 'survey/submit', {
      surveyId: survey.surveyId,
      householdId: home2,
      answers: {
        q1: { cleaning: 5, security: 4, repairs: 4, greenery: 5, customer_service: 4 },
        q2: 9,
        q3: ['o1'],
      },
    });

    // A notice that owner 1 reads, so the read-rate chart has something to draw.
    const noticeId = await publishEstateNotice(server, '停水通知');
    await callAs(server, owner1, 'notice/open', { noticeId });

    const company = await callAs<CompanyView>(server, admin, 'dashboard/company', {});
    const dash = await callAs<DashboardView>(server, admin, 'dashboard/overview', {
      estateId: DEMO_ESTATE_ID,
    });
    expect(company.companyWide).toBe(true);
    expect(company.estates.map((e) => e.estateName).sort()).toEqual(['枫林苑', '邻里花园'].sort());
    expect(dash.alarms!.active).toBe(2);
    expect(dash.serviceDesk).toEqual({ unreadConversations: 1, pendingComplaints: 1 });
    expect(dash.notices!.find((n) => n.noticeId === noticeId)!.readRate.numerator).toBe(1);

    const page = await phonePage(browser);
    await devLogin(page, server.url, '王经理');
    await page.getByText('全公司概览', { exact: false }).first().waitFor();
    // Open 邻里花园 from the company view: its 工作台 is the one below.
    await page.locator('.company__row', { hasText: '邻里花园' }).click();
    await page.locator('.dashboard__card--alarms').waitFor();
    await settled(page);
    const companyText = await page.locator('.company').innerText();
    for (const row of company.estates) {
      expect(companyText).toContain(row.estateName);
      expect(companyText).toContain(formatYuan(row.arrears!.outstandingFen));
    }
    expect(companyText).toContain(formatYuan(company.totals.arrears!.outstandingFen));
    await shot(page.locator('.company'), 'dashboard-company');
    await shot(page.locator('.dashboard'), 'dashboard-admin');
    // The page scrolls inside its own container: the lower tiles get their own pictures.
    for (const kind of ['alarms', 'notices', 'survey']) {
      await shot(page.locator(`.dashboard__card--${kind}`), `dashboard-admin-${kind}`);
    }

    const text = await page.locator('.dashboard').innerText();
    expect(text).toContain(`未确认 ${dash.alarms!.unacked}`);
    expect(text).toContain(String(dash.survey!.overallIndex));

    // The charts are drawn (uCharts on a canvas) from the same figures the text shows.
    const charts = await drawnCharts(page, '.dashboard');
    const wo = dash.workOrders!;
    expect(charts.map((c) => c.summary)).toEqual([
      `${dash.collection!.period} 收缴率（按金额）${dash.collection!.rateByAmount.percent}，目标 ${dash.collection!.targetPercent}%`,
      expect.stringContaining(`欠费 ${formatYuan(dash.arrears!.outstandingFen)}：`),
      `未完成工单 ${wo.open} 单：${wo.byGroup.map((g) => `${g.label} ${g.count}`).join('，')}`,
      `未恢复告警 ${dash.alarms!.active} 条：${dash.alarms!.bySeverity.map((s) => `${s.label} ${s.count}`).join('，')}`,
      `通知阅读率：${dash.notices!.map((n) => `${n.title} ${n.readRate.percent}`).join('，')}`,
      `年度满意度调查 满意度指数 ${dash.survey!.overallIndex}`,
    ]);
    expect(charts.filter((c) => c.ink < 500)).toEqual([]);
    const companyCharts = await drawnCharts(page, '.company');
    expect(companyCharts).toHaveLength(1);
    for (const row of company.estates.filter((r) => r.collection?.rateByAmount.percent)) {
      expect(companyCharts[0]!.summary).toContain(
        `${row.estateName} ${row.collection!.rateByAmount.percent}`,
      );
    }
    expect(companyCharts[0]!.ink).toBeGreaterThan(500);

    // Tapping the ring's first slice (it starts at 12 o'clock, clockwise) opens that group's tab.
    const first = wo.byGroup.find((g) => g.count > 0)!;
    expect(first).toBe(wo.byGroup[0]);
    const ring = page.locator('.dashboard__card--workorders canvas');
    const box = (await ring.boundingBox())!;
    const radius = Math.min(box.width, box.height) / 2;
    const share = first.count / wo.open;
    const angle = Math.PI * share; // the middle of the first slice
    await ring.click({
      position: {
        x: box.width / 2 + radius * 0.7 * Math.sin(angle),
        y: box.height / 2 - radius * 0.7 * Math.cos(angle),
      },
    });
    expect(await visibleCards(page, '.wo-card')).toBe(first.count);
    await back(page);

    // 未完成工单 (the tile's title; its bars open their own tabs) → the desk list on 未完成.
    await page.locator('.dashboard__card--workorders .dashboard__label').click();
    expect(await visibleCards(page, '.wo-card')).toBe(dash.workOrders!.open);
    await screenshot(page, 'dashboard-drill-workorders');
    await back(page);

    // Each group's legend row opens its tab.
    const waiting = dash.workOrders!.byGroup.find((g) => g.group === 'waiting')!;
    await page.locator('.dashboard__card--workorders .chart-legend__row', { hasText: waiting.label }).click();
    expect(await visibleCards(page, '.wo-card')).toBe(waiting.count);
    await back(page);

    // 紧急 alarms → the alarm list on that severity.
    await page.locator('.dashboard__card--alarms .chart-legend__row', { hasText: '紧急' }).click();
    await page.getByText('仅看紧急告警', { exact: false }).filter({ visible: true }).waitFor();
    const critical = dash.alarms!.bySeverity.find((s) => s.severity === 'critical')!.count;
    expect(await visibleCards(page, '.alarm-card')).toBe(critical);
    await screenshot(page, 'dashboard-drill-alarms');
    await back(page);

    // 未读会话 → the inbox on 未读.
    await page.locator('.dashboard__card--service .dashboard__half').first().click();
    await page
      .getByText(/个会话有未读消息/)
      .filter({ visible: true })
      .waitFor();
    expect(await visibleCards(page, '.inbox-row')).toBe(dash.serviceDesk!.unreadConversations);
    await back(page);

    // 满意度 → the survey's results with the same index.
    await page.locator('.dashboard__card--survey .dashboard__label').click();
    await page.getByText('满意度指数', { exact: true }).filter({ visible: true }).waitFor();
    await settled(page);
    const results = await page.locator('body').innerText();
    expect(results).toContain(String(dash.survey!.overallIndex));
    await screenshot(page, 'dashboard-drill-survey');
  });

  it('周主管 of 枫林苑 sees only 枫林苑', async () => {
    const maple = await devLoginToken(server, 'demo-admin-maple');
    const company = await callAs<CompanyView>(server, maple, 'dashboard/company', {});
    expect(company.estates.map((e) => e.estateName)).toEqual(['枫林苑']);
    const page = await phonePage(browser);
    await devLogin(page, server.url, '周主管');
    await page.getByText('今日概览').first().waitFor();
    await settled(page);
    // One estate: no company panel, and nothing of 邻里花园 anywhere.
    expect(await page.locator('.company').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('邻里花园');
  });
});
