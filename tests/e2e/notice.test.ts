import type { Browser, Page } from 'playwright-core';
import { buildDemoData } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { devLogin, phonePage, screenshot } from '../helpers/browser';
import type { LocalServer } from '../helpers/local-server';
import { settled, tap } from './taro-page';
import { closeServerAndBrowser, openServerAndBrowser } from '../helpers/e2e-session';

jest.setTimeout(180_000);

const { demoAccounts } = buildDemoData();
const nameOf = (openid: string) => demoAccounts.find((a) => a.openid === openid)!.displayName;

const TITLE = '2号楼明日停水通知';
const BODY = '因二次供水管道检修，**2号楼**停水。\n- 时间：明天 9:00–17:00\n- 请提前储水';

async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await screenshot(page, name);
}

const visibleText = (page: Page) => page.locator('body').innerText();

describe('a notice for one building in Chromium', () => {
  let server: LocalServer;
  let browser: Browser;
  beforeAll(async () => ({ server, browser } = await openServerAndBrowser()));
  afterAll(() => closeServerAndBrowser(server, browser));

  it('张客服 publishes to 2号楼; an owner there sees the badge and reads it; the read rate updates; 1号楼 never sees it', async () => {
    // --- the desk writes and publishes ------------------------------------------------------
    const desk = await phonePage(browser);
    await devLogin(desk, server.url, nameOf('demo-service'));
    await tap(desk, '通知公告');
    await tap(desk, '写通知');
    await desk.locator('input[placeholder="如：2号楼明日停水通知"]').fill(TITLE);
    await tap(desk, '停水停电');
    await tap(desk, '重要');
    await desk.locator('.text-area textarea').filter({ visible: true }).fill(BODY);
    await tap(desk, '按楼栋');
    await tap(desk, '2号楼');
    await tap(desk, '预览');
    await desk.locator('.notice-body__bold', { hasText: '2号楼' }).filter({ visible: true }).waitFor();
    await shot(desk, 'notice-1-staff-editor');
    await desk.locator('.notice-edit__actions').getByText('发布', { exact: true }).click();
    await desk.locator('.taro-model__confirm').click();

    // Published: the stats page opens, nobody has read it yet.
    await desk.getByText('住户阅读率').filter({ visible: true }).waitFor();
    expect(await visibleText(desk)).toContain('0/200');
    expect(await visibleText(desk)).toContain('2号楼');
    await shot(desk, 'notice-2-staff-stats-before');

    // --- an owner in 2号楼 -------------------------------------------------------------------
    const owner2 = await phonePage(browser);
    await devLogin(owner2, server.url, nameOf('demo-owner-2'));
    await tap(owner2, '首页');
    const card = owner2.locator('.notice-card', { hasText: TITLE }).filter({ visible: true });
    await card.waitFor();
    await expect(card.locator('.notice-card__dot').count()).resolves.toBe(1);
    await owner2.getByText('1 条未读').filter({ visible: true }).waitFor();
    await expect(owner2.locator('.taro-tabbar-badge').first().innerText()).resolves.toBe('1');
    await shot(owner2, 'notice-3-owner-home-badge');

    await card.click();
    await owner2.locator('.notice-detail__title', { hasText: TITLE }).filter({ visible: true }).waitFor();
    const detail = await visibleText(owner2);
    expect(detail).toContain('时间：明天 9:00–17:00');
    expect(detail).toContain('邻里花园物业服务中心');
    await shot(owner2, 'notice-4-owner-detail');

    await tap(owner2, '‹ 返回公告');
    // Back on 首页: the notice is read, the badges are gone.
    await owner2
      .locator('.notice-card:not(.notice-card--unread)', { hasText: TITLE })
      .filter({ visible: true })
      .waitFor();
    await expect(owner2.locator('.taro-tabbar-badge').count()).resolves.toBe(0);
    expect(await visibleText(owner2)).not.toContain('条未读');
    await shot(owner2, 'notice-5-owner-home-read');

    // --- the read rate moved ---------------------------------------------------------------
    await tap(desk, '刷新');
    await desk.getByText('1/200 · 0.5%').filter({ visible: true }).waitFor();
    expect(await visibleText(desk)).toContain('199 户未读');
    await shot(desk, 'notice-6-staff-stats-after');
    await tap(desk, '‹ 返回');
    const row = desk.locator('.notice-row', { hasText: TITLE }).filter({ visible: true });
    await row.getByText('已读 1/200 户 · 0.5%').waitFor();
    await shot(desk, 'notice-6b-staff-list');

    // --- an owner in 1号楼 never sees it ---------------------------------------------------------
    const owner1 = await phonePage(browser);
    await devLogin(owner1, server.url, nameOf('demo-owner-1'));
    await tap(owner1, '首页');
    await owner1.getByText('社区公告').filter({ visible: true }).waitFor();
    await owner1.getByText('暂无公告').filter({ visible: true }).waitFor();
    expect(await visibleText(owner1)).not.toContain(TITLE);
    await tap(owner1, '全部 ›');
    // The list page's own empty state: 首页's 暂无公告 is still visible while the list slides in.
    await owner1.locator('.nut-empty-title', { hasText: '暂无公告' }).filter({ visible: true }).waitFor();
    expect(await visibleText(owner1)).not.toContain(TITLE);
    await shot(owner1, 'notice-7-other-building');
  });
});
