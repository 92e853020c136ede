import type { Browser, Page } from 'playwright-core';
import { buildDemoData } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { devLogin, phonePage, screenshot } from '../helpers/browser';
import type { LocalServer } from '../helpers/local-server';
import { drawnCharts, settled, tap } from './taro-page';
import { closeServerAndBrowser, openServerAndBrowser } from '../helpers/e2e-session';

jest.setTimeout(240_000);

const { demoAccounts } = buildDemoData();
const nameOf = (openid: string) => demoAccounts.find((a) => a.openid === openid)!.displayName;

const TITLE = '2026 年度物业服务满意度调查';

async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await screenshot(page, name);
}

const visibleText = (page: Page) => page.locator('body').innerText();
const visible = (page: Page, selector: string) => page.locator(selector).filter({ visible: true });

/** Answer the annual template: every service `stars`, NPS `nps`, the improvements, maybe a comment. */
async function answer(page: Page, stars: number, nps: number, improve: string, comment?: string) {
  const rows = visible(page, '.survey-matrix__row');
  await rows.first().waitFor();
  for (let i = 0; i < (await rows.count()); i++)
    await rows
      .nth(i)
      .locator('.survey-star')
      .nth(stars - 1)
      .click();
  await visible(page, '.survey-nps__cell')
    .filter({ hasText: new RegExp(`^${nps}$`) })
    .click();
  await tap(page, improve);
  if (comment) await visible(page, '.survey-text textarea').fill(comment);
}

describe('a satisfaction survey in Chromium', () => {
  let server: LocalServer;
  let browser: Browser;
  beforeAll(async () => ({ server, browser } = await openServerAndBrowser()));
  afterAll(() => closeServerAndBrowser(server, browser));

  it('张客服 builds and publishes; two owners answer; the results show their distribution as bars', async () => {
    // --- staff build from the template, preview, publish ---------------------------------------
    const desk = await phonePage(browser);
    await devLogin(desk, server.url, nameOf('demo-service'));
    await tap(desk, '满意度调查');
    await tap(desk, '新建问卷');
    await desk.locator('input[placeholder="如：2026 年度物业服务满意度调查"]').fill(TITLE);
    await tap(desk, '14 天');
    expect(await visibleText(desk)).toContain('题目（4）');
    await shot(desk, 'survey-1-staff-builder');
    await tap(desk, '预览');
    await visible(desk, '.survey-preview__note').waitFor();
    await shot(desk, 'survey-2-staff-preview');
    await tap(desk, '编辑');
    await visible(desk, '.survey-form__actions').getByText('发布', { exact: true }).click();
    await desk.locator('.taro-model__confirm').click();
    await visible(desk, '.results-head').waitFor();
    expect(await visibleText(desk)).toContain('回收率 0/600');

    // --- two owners in different buildings answer from 首页 ------------------------------------
    const answers = [
      { openid: 'demo-owner-1', stars: 5, nps: 10, improve: '公共区域卫生' },
      { openid: 'demo-owner-2', stars: 3, nps: 6, improve: '停车管理', comment: '希望晚上加强巡逻' },
    ];
    for (const [i, a] of answers.entries()) {
      const owner = await phonePage(browser);
      await devLogin(owner, server.url, nameOf(a.openid));
      await tap(owner, '首页');
      const card = visible(owner, '.survey-entry__card').filter({ hasText: TITLE });
      await card.waitFor();
      if (i === 0) await shot(owner, 'survey-3-owner-home');
      await card.click();
      await answer(owner, a.stars, a.nps, a.improve, a.comment);
      expect(await visibleText(owner)).toContain('必答题已完成');
      if (i === 1) await shot(owner, 'survey-4-owner-answering');
      await tap(owner, '提交');
      await owner.getByText('感谢您的参与！').filter({ visible: true }).waitFor();
      if (i === 1) await shot(owner, 'survey-5-owner-thanks');
      await owner.close();
    }

    // --- results ----------------------------------------------------------------------------------
    await desk.reload();
    await visible(desk, '.results-head').waitFor();
    const text = await visibleText(desk);
    expect(text).toContain('回收率 2/600');
    expect(text).toContain('2 人作答');
    // NPS: one promoter (10), one detractor (6) → 0; every service averaged 4 stars → index 75.
    expect(text).toMatch(/NPS\s*0/);
    const improvements = visible(desk, '.result-card').filter({ hasText: '您最希望我们优先改进哪些方面？' });
    const [options] = await drawnCharts(desk, `.result-card:has-text("您最希望我们优先改进哪些方面？")`);
    expect(options!.summary).toMatch(/公共区域卫生 1 人 · 50%/);
    expect(options!.summary).toMatch(/停车管理 1 人 · 50%/);
    expect(options!.summary).toMatch(/门禁与巡逻 0 人 · 0%/);
    expect(text).toContain('希望晚上加强巡逻');
    // Every distribution is drawn; the index chart gives 保洁 its 75.
    const charts = await drawnCharts(desk, '.result-card');
    expect(charts.length).toBeGreaterThan(3);
    expect(charts.filter((c) => c.ink < 500)).toEqual([]);
    expect(charts[0]!.summary).toMatch(/^各项服务满意度指数：保洁 75\b/);
    // The service matrix: every service averaged 4 stars.
    expect(charts.map((c) => c.summary).join('\n')).toContain('保洁 平均 4 星');
    // Anonymous by default: names and rooms appear nowhere.
    for (const trace of ['1-1-1201', '2-1-0802', nameOf('demo-owner-1'), nameOf('demo-owner-2')])
      expect(text).not.toContain(trace);
    await shot(desk, 'survey-6-staff-results');
    await improvements.scrollIntoViewIfNeeded();
    await shot(desk, 'survey-7-staff-results-questions');
  });
});
