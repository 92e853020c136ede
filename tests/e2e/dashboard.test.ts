import type { Browser } from 'playwright-core';
import { formatYuan, type CollectionReport, type DashboardView, type Fen } from '@linli/shared';
import { devLogin, launchBrowser, phonePage, screenshot } from '../helpers/browser';
import { callAs, devLoginToken } from '../helpers/load-owners';
import { startLocalServer, type LocalServer } from '../helpers/local-server';
import { settled } from './taro-page';

jest.setTimeout(180_000);

/** The 工作台 overview shows the figures of the lists it drills down to. */
describe('工作台 dashboard in Chromium', () => {
  let server: LocalServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startLocalServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('李会计 sees this month’s rate, arrears and open orders matching the reports', async () => {
    const token = await devLoginToken(server, 'demo-finance');
    const dashboard = await callAs<DashboardView>(server, token, 'dashboard/overview', {});
    const period = dashboard.collection.period;
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
    expect(text).toContain('未完成工单');
    expect(text).toContain(String(dashboard.workOrders.open));
    await page.locator('.dashboard').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-finance');
  });
});
