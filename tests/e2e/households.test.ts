import type { Browser, Page } from 'playwright-core';
import { buildDemoData } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { devLogin, phonePage, screenshot } from '../helpers/browser';
import type { LocalServer } from '../helpers/local-server';
import { settled, tap } from './taro-page';
import { closeServerAndBrowser, openServerAndBrowser } from '../helpers/e2e-session';

jest.setTimeout(120_000);

const { seed, demoAccounts } = buildDemoData();
const nameOf = (openid: string) => demoAccounts.find((a) => a.openid === openid)!.displayName;
const ROOM = '3-2-0601';
const household = seed.households.find((h) => h.roomCode === ROOM && h.estateId === 'est_linli_garden')!;
const ownerMembership = seed.memberships.find(
  (m) => m.householdId === household._id && m.relation === 'owner',
)!;
const owner = seed.persons.find((p) => p._id === ownerMembership.personId)!;
const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

/** 工作台 → 房屋住户 → search → open the household from its hit. */
async function openByRoomCode(page: Page) {
  await tap(page, '房屋住户');
  await search(page, ROOM);
  await page.locator('.search-hit', { hasText: ROOM }).first().click();
  await page.locator('.household__room', { hasText: ROOM }).waitFor();
  await page.getByText(owner.name, { exact: true }).first().waitFor();
}

async function search(page: Page, query: string) {
  await page.locator('.household-search input').fill(query);
  await tap(page, '搜索');
}

describe('staff find households in Chromium', () => {
  let server: LocalServer;
  let browser: Browser;
  beforeAll(async () => ({ server, browser } = await openServerAndBrowser()));
  afterAll(() => closeServerAndBrowser(server, browser));

  it('张客服 finds a household by room code and by name, opens it and reveals a phone', async () => {
    const page = await phonePage(browser);
    await devLogin(page, server.url, nameOf('demo-service'));
    await tap(page, '房屋住户');

    await search(page, ROOM);
    const byRoom = page.locator('.search-hit', { hasText: ROOM });
    await byRoom.waitFor();
    expect(await byRoom.innerText()).toContain('按房号匹配');
    expect(await byRoom.innerText()).toContain(masked(owner.phone!));

    await search(page, owner.name);
    const byName = page.locator('.search-hit', { hasText: '按姓名匹配' }).filter({ hasText: ROOM });
    await byName.waitFor();
    await byName.click();

    await page.locator('.household__room', { hasText: ROOM }).waitFor();
    const ownerRow = page.locator('.member', { hasText: owner.name });
    await ownerRow.getByText(masked(owner.phone!)).waitFor();
    expect(await page.locator('body').innerText()).not.toContain(owner.phone!);
    expect(await page.locator('body').innerText()).toContain('查看完整号码会记录查看人和时间');

    await ownerRow.getByText('查看完整号码').click();
    await ownerRow.getByText(owner.phone!, { exact: true }).waitFor();
    await page.locator('.household__room').scrollIntoViewIfNeeded();
    await settled(page);
    await screenshot(page, 'household-revealed');
  });

  it('李师傅 (technician) opens the same household and is offered no reveal', async () => {
    const page = await phonePage(browser);
    await devLogin(page, server.url, nameOf('demo-tech-lift'));
    await openByRoomCode(page);
    await page.locator('.member', { hasText: owner.name }).getByText(masked(owner.phone!)).waitFor();
    const body = await page.locator('body').innerText();
    expect(body).not.toContain('查看完整号码');
    expect(body).not.toContain(owner.phone!);
    await settled(page);
    await screenshot(page, 'household-technician');
  });
});
