import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { addPeriods, firstDayOf, periodOf } from '@linli/shared';
import { buildDemoData } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { devLogin, phonePage, screenshot } from '../helpers/browser';
import type { LocalServer } from '../helpers/local-server';
import { drawnCharts, settled, tap } from './taro-page';
import { closeServerAndBrowser, openServerAndBrowser } from '../helpers/e2e-session';

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
  beforeAll(async () => ({ server, browser } = await openServerAndBrowser()));
  afterAll(() => closeServerAndBrowser(server, browser));

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
    // Monthly fees choose their cycle; this one stays on the natural month.
    const cycle = visible(finance, '.form-field', '计费周期');
    expect(await cycle.innerText()).toContain('按季度预收');
    expect(await cycle.locator('.choice-chip--on').innerText()).toBe('自然月');
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
    // Each rate's bar spans the card (a lost CSS rule once laid bar and figures out in one row).
    const track = await total.locator('.rate-bar__track').first().boundingBox();
    const totalBox = await total.boundingBox();
    expect(track!.width).toBeGreaterThan(totalBox!.width * 0.8);
    // One column pair per month of the last three, drawn from the rates the month cards show.
    const [months] = await drawnCharts(finance, '.stats-card');
    const monthCards = await visible(finance, '.stats-card').allInnerTexts();
    expect(months!.summary).toMatch(/^收缴率：\d{4}-\d\d 按金额 [\d.]+%、按户数 [\d.]+%/);
    for (const [, period, rate] of months!.summary.matchAll(/(\d{4}-\d\d) 按金额 ([\d.]+%)/g)) {
      expect(monthCards.find((card) => card.startsWith(period!))).toContain(rate);
    }
    expect(months!.ink).toBeGreaterThan(500);
    await settled(finance);
    await screenshot(finance, 'billing-collection');
    await visible(finance, '.stats-card', '各账期收缴率').scrollIntoViewIfNeeded();
    await screenshot(finance, 'billing-collection-chart');

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

  it("李会计 imports this month's water readings from a sheet, checks and imports them; next month's run bills the water", async () => {
    const finance = await phonePage(browser);
    await devLogin(finance, server.url, nameOf('demo-finance'));
    await tap(finance, '抄表');
    await tap(finance, '批量导入');
    await visible(finance, '.choice-chip', PERIOD).click();
    await visible(finance, '.sheet-card__title', '下载抄表模板').waitFor();

    // The template: a row per household with last month's reading filled in.
    const download = finance.waitForEvent('download');
    await visible(finance, '.sheet-card', '下载抄表模板').getByText('下载 CSV', { exact: true }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    const rows = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe('房号,表具,用量月份,上次读数,上次月份,本次读数,抄表日期,旧表最后读数,新表起始读数');
    const home = rows.find((r) => r.startsWith('1-1-1201,'))!.split(',');
    expect(home.slice(1, 5)).toEqual([
      '水',
      PERIOD,
      expect.stringMatching(/^\d+\.\d$/),
      addPeriods(PERIOD, -1),
    ]);
    const previous = Number(home[3]);
    const lower = rows.find((r) => r.startsWith('1-1-0101,'))!.split(',');
    const filled = [
      rows[0],
      ['1-1-1201', '水', PERIOD, home[3], home[4], (previous + 12).toFixed(1)].join(','),
      ['1-1-0101', '水', PERIOD, lower[3], lower[4], (Number(lower[3]) - 3).toFixed(1)].join(','),
      ['8-8-0808', '水', PERIOD, '', '', '5'].join(','),
    ].join('\r\n');

    // Check first: each row with its outcome, nothing written yet.
    const chooser = finance.waitForEvent('filechooser');
    await tap(finance, '选择文件');
    await (
      await chooser
    ).setFiles({ name: `抄表-${PERIOD}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${filled}`) });
    await visible(finance, '.reading-import-report__title', '尚未导入').waitFor();
    expect(await visible(finance, '.reading-import-row', '1-1-0101').innerText()).toContain('小于上次读数');
    expect(await visible(finance, '.reading-import-row', '8-8-0808').innerText()).toContain('本小区没有房号');
    await settled(finance);
    await screenshot(finance, 'billing-readings-import-check');

    await tap(finance, '导入 1 条有效读数');
    await visible(finance, '.message-block__title', '已写入 1 条读数').waitFor();
    await settled(finance);
    await screenshot(finance, 'billing-readings-import-done');

    // Next month's run bills this month's water use of 1-1-1201.
    const next = addPeriods(PERIOD, 1);
    await tap(finance, '‹ 返回');
    await tap(finance, '出账');
    await visible(finance, '.choice-chip', next).click();
    await tap(finance, '预览出账');
    await visible(finance, '.section-title', `预览：${next}`).waitFor();
    await tap(finance, '确认出账');
    await visible(finance, '.message-block__title', `${next} 已出账`).waitFor({ timeout: 120_000 });

    const owner = await phonePage(browser);
    await devLogin(owner, server.url, nameOf('demo-owner-1'));
    await tap(owner, '缴费');
    await visible(owner, '.bills-summary').waitFor();
    const title = `水费 · ${next}`;
    if ((await visible(owner, '.bill-card', title).count()) === 0) await tap(owner, '已缴');
    await visible(owner, '.bill-card', title).getByText('查看明细 ›').click();
    const usage = visible(owner, '.bill-usage', `${PERIOD} 用量`);
    await usage.waitFor();
    expect(await usage.innerText()).toContain((previous + 12).toFixed(1));
    expect(await visible(owner, '.bill-line__formula').first().innerText()).toMatch(/12 m³/);
    await settled(owner);
    await screenshot(owner, 'billing-readings-import-water-bill');
  });

  it('the owner tops up 预存 through the WeChat Pay cashier and sees the movement in the statement', async () => {
    const owner = await phonePage(browser);
    await devLogin(owner, server.url, nameOf('demo-owner-1'));
    await tap(owner, '缴费');
    const summary = visible(owner, '.bills-summary__prepay');
    await summary.waitFor();
    await summary.click();
    await visible(owner, '.prepay-card__balance').waitFor();
    const before = await visible(owner, '.prepay-card__balance').innerText();
    await tap(owner, '预存充值');
    await tap(owner, '¥500');
    await settled(owner);
    await screenshot(owner, 'billing-prepay-top-up');
    await tap(owner, '去支付 ¥500.00');

    await owner.getByText('模拟微信支付').waitFor();
    await tap(owner, '确认支付');
    await owner.getByText('缴费成功', { exact: true }).filter({ visible: true }).waitFor();
    // The receipt leads back to 缴费, whose summary opens the statement again.
    await tap(owner, '返回缴费');
    await visible(owner, '.bills-summary__prepay').click();

    const credited = visible(owner, '.prepay-row', '+¥500.00');
    await credited.first().waitFor();
    const yuan = (text: string) => Number(text.replace(/[¥,]/g, ''));
    expect(yuan(await visible(owner, '.prepay-card__balance').innerText())).toBeCloseTo(
      yuan(before) + 500,
      2,
    );
    await settled(owner);
    await screenshot(owner, 'billing-prepay-statement');
  });
});
