import type { Browser, Page } from 'playwright-core';
import { firstDayOf, periodOf } from '@linli/shared';
import { buildDemoData } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { devLogin, launchBrowser, phonePage, screenshot } from '../helpers/browser';
import { startLocalServer, type LocalServer } from '../helpers/local-server';
import { settled, tap } from './taro-page';

jest.setTimeout(240_000);

const { demoAccounts } = buildDemoData();
const nameOf = (openid: string) => demoAccounts.find((a) => a.openid === openid)!.displayName;

/** The demo data leaves this month unbilled (seedDemoBilling), for finance to run. */
const PERIOD = periodOf(Date.now());

const visible = (page: Page, selector: string, hasText?: string | RegExp) =>
  page.locator(selector, hasText ? { hasText } : {}).filter({ visible: true });

async function fillField(page: Page, label: string, value: string): Promise<void> {
  const input = visible(page, '.form-field', label).locator('input').first();
  await input.fill(value);
}

describe('billing in Chromium', () => {
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

  it('李会计 raises the garbage fee from this month, previews and commits the run; the owner sees the new bill explained', async () => {
    const finance = await phonePage(browser);
    await devLogin(finance, server.url, nameOf('demo-finance'));

    // 收费标准: a new version of 垃圾处理费, ¥12 a month from the 1st of this month.
    await tap(finance, '收费标准');
    const garbage = visible(finance, '.fee-item', '垃圾处理费');
    await garbage.waitFor();
    expect(await garbage.innerText()).toContain('¥10.00/户·月');
    await garbage.getByText('新增版本', { exact: true }).click();
    await visible(finance, '.section-title', '新增版本：垃圾处理费').waitFor();
    await fillField(finance, '金额（元/月）', '12');
    await fillField(finance, '生效日期', firstDayOf(PERIOD));
    await tap(finance, '保存版本');
    const current = visible(finance, '.fee-version--current', '¥12.00/户·月');
    await current.waitFor();
    expect(await current.innerText()).toContain(`${firstDayOf(PERIOD)} 起`);
    await finance.getByText(/^已保存/).waitFor({ state: 'hidden' });
    await settled(finance);
    await screenshot(finance, 'billing-fee-standards');

    // A price left out is refused in the form, by the same schema the server checks.
    await visible(finance, '.fee-item', '物业费').getByText('新增版本', { exact: true }).click();
    await fillField(finance, '单价（元/m²·月）', '');
    await tap(finance, '保存版本');
    await visible(finance, '.form-field__error', '请输入数字').waitFor();
    await tap(finance, '取消');

    // 出账: preview first (nothing written), then commit in chunks.
    await tap(finance, '‹ 返回');
    await tap(finance, '出账');
    await tap(finance, '预览出账');
    await visible(finance, '.section-title', `预览：${PERIOD}`).waitFor();
    const byItem = await visible(finance, '.nut-cell-group', '按收费项目').innerText();
    expect(byItem).toContain('垃圾处理费');
    expect(await visible(finance, '.preview-sample').count()).toBeGreaterThan(0);
    await settled(finance);
    await screenshot(finance, 'billing-run-preview');
    await tap(finance, '确认出账');
    await visible(finance, '.message-block__title', `${PERIOD} 已出账`).waitFor({ timeout: 120_000 });
    expect(await visible(finance, '.run-progress__percent').innerText()).toBe('100%');
    await settled(finance);
    await screenshot(finance, 'billing-run-done');

    // 收缴统计: both rates, never merged.
    await tap(finance, '‹ 返回');
    await tap(finance, '收缴统计');
    const total = visible(finance, '.stats-card', '合计');
    await total.waitFor();
    const figures = await total.innerText();
    expect(figures).toContain('按金额');
    expect(figures).toContain('按户数');
    expect(figures).toMatch(/\d+\.\d\d%/);
    await settled(finance);
    await screenshot(finance, 'billing-collection');

    // The owner of 1-1-1201 finds this month's bills in 缴费, each line with its formula.
    const owner = await phonePage(browser);
    await devLogin(owner, server.url, nameOf('demo-owner-1'));
    await tap(owner, '缴费');
    await visible(owner, '.bills-summary').waitFor();
    const title = `垃圾处理费 · ${PERIOD}`;
    let card = visible(owner, '.bill-card', title);
    // A prepayment may have settled it already; then it is among the paid bills.
    if ((await card.count()) === 0) await tap(owner, '已缴');
    card = visible(owner, '.bill-card', title);
    await card.waitFor();
    await settled(owner);
    await screenshot(owner, 'billing-owner-bills');

    await visible(owner, '.bill-card', `物业费 · ${PERIOD}`).getByText('查看明细 ›').click();
    const lines = visible(owner, '.bill-line');
    await lines.first().waitFor();
    expect(await lines.first().innerText()).toMatch(/[\d.]+ m² × ¥2\.35\/m²·月 = ¥[\d,]+\.\d\d/);
    await settled(owner);
    await screenshot(owner, 'billing-bill-detail');

    await tap(owner, '‹ 返回缴费');
    await visible(owner, '.bill-card', title).first().waitFor();
    if ((await visible(owner, '.segment-tab--on', '已缴').count()) === 0) {
      // Open bills, all chosen at first: the footer totals them for 去缴费 (the Payments flow).
      expect(await visible(owner, '.pay-footer__sum').innerText()).toMatch(/^合计 ¥[\d,]+\.\d\d$/);
    }
    await visible(owner, '.bill-card', title).first().click();
    // The page it came back from may still be sliding out: wait for the garbage bill's own line.
    await visible(owner, '.bill-line__formula', '¥12.00/户·月 = ¥12.00').first().waitFor();
  });
});
