import type { Browser } from 'playwright-core';
import { toLocalDate } from '@linli/shared';
import { buildDemoData } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { devLogin, phonePage, screenshot } from '../helpers/browser';
import type { LocalServer } from '../helpers/local-server';
import { settled, tap } from './taro-page';
import { closeServerAndBrowser, openServerAndBrowser } from '../helpers/e2e-session';

jest.setTimeout(180_000);

const { demoAccounts } = buildDemoData();
const nameOf = (openid: string) => demoAccounts.find((a) => a.openid === openid)!.displayName;

describe('paying bills in Chromium through the simulated WeChat Pay cashier', () => {
  let server: LocalServer;
  let browser: Browser;
  beforeAll(async () => ({ server, browser } = await openServerAndBrowser()));
  afterAll(() => closeServerAndBrowser(server, browser));

  it('an owner pays two bills, sees them paid with the receipt; 李会计 sees the payment and a clean reconciliation', async () => {
    const page = await phonePage(browser);
    await devLogin(page, server.url, nameOf('demo-owner-1'));
    await tap(page, '缴费');
    const cards = page.locator('.bill-card').filter({ visible: true });
    await cards.first().waitFor();
    // All open bills start chosen: clear them, then choose the first two.
    await tap(page, '全选');
    const titles: string[] = [];
    for (const index of [0, 1]) {
      const card = cards.nth(index);
      titles.push((await card.locator('.bill-card__title').innerText()).trim());
      await card.locator('.bill-card__check').click();
    }
    await page.getByText('已选 2 笔').filter({ visible: true }).waitFor();
    await tap(page, '去缴费');

    await page.getByText('模拟微信支付').waitFor();
    await settled(page);
    await screenshot(page, 'payment-cashier');
    await tap(page, '确认支付');

    await page.getByText('缴费成功', { exact: true }).filter({ visible: true }).waitFor();
    const receipt = page.locator('.pay-result__line').filter({ visible: true });
    await expect(receipt.getByText('已缴').count()).resolves.toBe(2);
    for (const title of titles) await page.getByText(title).filter({ visible: true }).first().waitFor();
    await page.getByText('微信支付单号').filter({ visible: true }).waitFor();
    await settled(page);
    await screenshot(page, 'payment-result');

    await tap(page, '返回缴费');
    await tap(page, '已缴');
    for (const title of titles)
      await page.locator('.bill-card', { hasText: title }).filter({ visible: true }).first().waitFor();
    await settled(page);
    await screenshot(page, 'payment-bills-paid');

    const finance = await phonePage(browser);
    await devLogin(finance, server.url, nameOf('demo-finance'));
    await tap(finance, '收款记录');
    const row = finance.locator('.pay-card').filter({ visible: true }).first();
    await row.getByText('已支付').waitFor();
    expect(await row.innerText()).toContain('1-1-1201');
    await row.locator('.pay-card__body').click();
    await row.getByText('商户订单号', { exact: false }).waitFor();
    await settled(finance);
    await screenshot(finance, 'payment-finance-list');

    await finance.goBack();
    await tap(finance, '对账');
    const today = toLocalDate(Date.now());
    await tap(finance, `今天 ${today.slice(5)}`);
    await tap(finance, `核对 ${today} 的交易`);
    await finance.getByText('对账一致').filter({ visible: true }).waitFor();
    await settled(finance);
    await screenshot(finance, 'payment-reconcile');
  });
});
