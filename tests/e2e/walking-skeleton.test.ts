import type { Browser } from 'playwright-core';
import { buildDemoData } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { devLogin, phonePage, screenshot } from '../helpers/browser';
import type { LocalServer } from '../helpers/local-server';
import { closeServerAndBrowser, openServerAndBrowser } from '../helpers/e2e-session';

jest.setTimeout(120_000);

const demo = buildDemoData().demoAccounts;
const owner = demo.find((a) => a.openid === 'demo-owner-1')!;

describe('npm start in Chromium: the walking skeleton', () => {
  let server: LocalServer;
  let browser: Browser;
  beforeAll(async () => ({ server, browser } = await openServerAndBrowser()));
  afterAll(() => closeServerAndBrowser(server, browser));

  it('an owner signs in and sees their home on 我的', async () => {
    const page = await phonePage(browser);
    await devLogin(page, server.url, owner.displayName);
    await page.getByText('1-1-1201').first().waitFor();
    await page.getByText('89.53').first().waitFor();
    const body = await page.locator('body').innerText();
    expect(body).toContain('邻里花园');
    expect(body).toContain('1号楼');
    expect(body).toMatch(/1\d{2}\*{4}\d{4}/); // phones masked
    await screenshot(page, 'mine-owner');
  });

  it('a staff member sees the estate overview on 工作台, and an owner cannot open it', async () => {
    const page = await phonePage(browser);
    await devLogin(page, server.url, '王经理');
    await page.getByText('邻里花园').first().waitFor();
    await page.getByText('600').first().waitFor();
    await screenshot(page, 'workbench-admin');

    const ownerPage = await phonePage(browser);
    await devLogin(ownerPage, server.url, owner.displayName);
    await ownerPage.getByText('1-1-1201').first().waitFor();
    await ownerPage.goto(`${server.url}/#/admin/workbench/index`);
    await ownerPage.waitForTimeout(1500);
    expect(await ownerPage.locator('body').innerText()).not.toContain('600');
  });
});
