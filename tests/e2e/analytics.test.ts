import type { Browser, Page } from 'playwright-core';
import type { AuditEntryView, PaymentHabitsView, RepairFrequencyView } from '@linli/shared';
import { DEMO_ESTATE_ID } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { devLogin, phonePage, screenshot } from '../helpers/browser';
import { callAs, devLoginToken } from '../helpers/load-owners';
import type { LocalServer } from '../helpers/local-server';
import { drawnCharts, settled, tap } from './taro-page';
import { closeServerAndBrowser, openServerAndBrowser } from '../helpers/e2e-session';

jest.setTimeout(240_000);

const visibleCard = (page: Page, selector: string, text: string) =>
  page.locator(selector, { hasText: text }).filter({ visible: true }).first();

/** Wait until a card with the text sits inside the viewport: the page's slide-in has finished. */
async function inView(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForFunction(
    ([sel, needle]) =>
      Array.from(document.querySelectorAll(sel)).some((el) => {
        const box = el.getBoundingClientRect();
        return (
          el.textContent?.includes(needle) && box.width > 0 && box.left >= 0 && box.right <= window.innerWidth
        );
      }),
    [selector, text] as const,
  );
  await settled(page);
}

describe('analytics in Chromium', () => {
  let server: LocalServer;
  let browser: Browser;
  beforeAll(async () => ({ server, browser } = await openServerAndBrowser()));
  afterAll(() => closeServerAndBrowser(server, browser));

  it('李会计 reads the payment-habit segments of 邻里花园 and applies the chronic payers’ strategy', async () => {
    const token = await devLoginToken(server, 'demo-finance');
    const before = await callAs<PaymentHabitsView>(server, token, 'analytics/habits.segments', {
      estateId: DEMO_ESTATE_ID,
    });
    const chronic = before.segments.find((s) => s.segment === 'chronic')!;
    expect(chronic.households).toBeGreaterThan(0);
    expect(chronic.applied).toBeNull();

    const page = await phonePage(browser);
    await devLogin(page, server.url, '李会计');
    await page.getByText('今日概览').first().waitFor();
    await page.goto(`${server.url}/#/admin/dunning/index`);
    await tap(page, '按缴费习惯分群设置催缴策略 ›');
    const card = visibleCard(page, '.habit-card', '长期拖欠');
    await card.waitFor();
    // Each card shows the same figures the report gives.
    for (const segment of before.segments) {
      const text = await visibleCard(page, '.habit-card', segment.label).innerText();
      expect(text).toContain(`${segment.households} 户`);
      expect(text).toContain(segment.rule);
      expect(text).toContain(segment.strategy.description);
    }
    expect(await card.innerText()).toContain(chronic.effect.reminded.percent ?? '—');
    // The segment ring is drawn from the same counts.
    const [ring] = await drawnCharts(page, '.chart-beside');
    const households = before.segments.reduce((n, s) => n + s.households, 0);
    expect(ring!.summary).toBe(
      `缴费习惯分群 ${households} 户：${before.segments.map((s) => `${s.label} ${s.households}`).join('，')}`,
    );
    expect(ring!.ink).toBeGreaterThan(500);
    await inView(page, '.habit-card', '提前缴');
    await screenshot(page, 'analytics-payment-habits');

    await card.getByText('一键应用', { exact: true }).click();
    await tap(page, '确定');
    await card.getByText(/已应用：/).waitFor();
    expect(await card.innerText()).toContain(`${chronic.households} 户，李会计`);
    const after = await callAs<PaymentHabitsView>(server, token, 'analytics/habits.segments', {
      estateId: DEMO_ESTATE_ID,
    });
    expect(after.segments.find((s) => s.segment === 'chronic')!.applied).toMatchObject({
      offsets: chronic.strategy.offsets,
      callOffsets: chronic.strategy.callOffsets,
      households: chronic.households,
      appliedByName: '李会计',
    });
    const adminToken = await devLoginToken(server, 'demo-admin');
    const audit = await callAs<{ entries: AuditEntryView[] }>(server, adminToken, 'audit/list', {
      collection: 'dunning_segments',
    });
    expect(audit.entries.map((e) => [e.actorName, e.action])).toContainEqual([
      '李会计',
      'analytics.habits.apply',
    ]);
    await card.scrollIntoViewIfNeeded();
    await settled(page);
    await screenshot(page, 'analytics-payment-habits-applied');
  });

  it('the north gate’s repairs show on the repair-frequency page and in the replacement plan; the list exports', async () => {
    const token = await devLoginToken(server, 'demo-admin');
    const report = await callAs<RepairFrequencyView>(server, token, 'analytics/repairs.frequency', {
      estateId: DEMO_ESTATE_ID,
    });
    const gate = report.byDevice.find((r) => r.label.includes('GATE-02'))!;
    expect(gate.flags).toContain('近 90 天报修 5 次，超过阈值 3 次');

    const page = await phonePage(browser);
    await devLogin(page, server.url, '王经理');
    await page.getByText('今日概览').first().waitFor();
    await page.goto(`${server.url}/#/admin/lifecycle/index`);
    const planned = visibleCard(page, '.fac-card', 'GATE-02');
    await planned.waitFor();
    expect(await planned.innerText()).toContain('近 90 天报修 5 次，超过阈值 3 次');

    await tap(page, '报修频次分析（按设备、类别、位置） ›');
    // The lifecycle page has a GATE-02 card too: wait for this page's own chart first.
    await page.locator('.repair-chart').filter({ visible: true }).waitFor();
    const row = visibleCard(page, '.fac-card', 'GATE-02');
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain(`${gate.count} 次`);
    expect(text).toContain('近 90 天报修 5 次，超过阈值 3 次');
    const body = await page.locator('body').innerText();
    expect(body).toContain(`${report.total}`);
    // The bars of the most repaired devices: the gate among them, drawn.
    const [bars] = await drawnCharts(page, '.repair-chart');
    expect(bars!.summary).toContain(`${gate.label} ${gate.count} 次`);
    expect(bars!.ink).toBeGreaterThan(500);
    await inView(page, '.fac-card', 'GATE-02');
    await screenshot(page, 'analytics-repair-frequency');

    const download = page.waitForEvent('download');
    await tap(page, '导出 Excel');
    expect((await download).suggestedFilename()).toMatch(
      /^报修频次-\d{4}-\d\d-\d\d至\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.xlsx$/,
    );

    await tap(page, '按位置');
    // The gate stands at the estate entrance: that place leads the locations, in cards and bars.
    const place = report.byLocation[0]!;
    await visibleCard(page, '.fac-card', place.label).waitFor();
    const [places] = await drawnCharts(page, '.repair-chart');
    expect(places!.summary).toContain(`${place.label} ${place.count} 次`);
    await settled(page);
    await screenshot(page, 'analytics-repair-frequency-locations');
  });
});
