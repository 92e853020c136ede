import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildDemoData } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { devLogin, phonePage, screenshot } from '../helpers/browser';
import type { LocalServer } from '../helpers/local-server';
import { settled, tap, tapChip, tapTab } from './taro-page';
import { closeServerAndBrowser, openServerAndBrowser } from '../helpers/e2e-session';

jest.setTimeout(240_000);

const { demoAccounts } = buildDemoData();
const nameOf = (openid: string) => demoAccounts.find((a) => a.openid === openid)!.displayName;
/** Any small picture stands in for the owner's photo of the leak. */
const PHOTO = resolve(__dirname, '../../miniprogram/src/assets/tab-bar/repair-active.png');
/** Short enough to be the order's subject as is, and unlike anything the demo seed reports. */
const LEAK = '厨房水槽下水管漏水，地面积水';

async function shot(page: Page, name: string) {
  await settled(page);
  await screenshot(page, name);
}

/** The visible text of the page the person is looking at. */
const visibleText = async (page: Page) => (await page.locator('body').innerText()).replace(/\s+/g, ' ');

/** 赵师傅 takes one step on the order and waits for the order to reach its next state. */
async function step(page: Page, button: string, stateLabel: string) {
  await tap(page, button);
  await page.locator('.wo-hero .nut-tag', { hasText: stateLabel }).filter({ visible: true }).waitFor();
}

describe('a repair from report to rating in Chromium', () => {
  let server: LocalServer;
  let browser: Browser;
  beforeAll(async () => ({ server, browser } = await openServerAndBrowser()));
  afterAll(() => closeServerAndBrowser(server, browser));

  it('an owner reports a leak with a photo; 赵师傅 is dispatched, works it; the owner sees the timeline and rates 5 stars', async () => {
    // --- the owner reports -------------------------------------------------------------------
    const owner = await phonePage(browser);
    await devLogin(owner, server.url, nameOf('demo-owner-1'));
    await tap(owner, '报修');
    await tap(owner, '我要报修');
    await owner.locator('.photo-grid__add').filter({ visible: true }).waitFor();
    await settled(owner); // the report page has slid in: its photo tile stays put for the tap
    await tapChip(owner, '水管水暖');
    await owner.locator('.text-area textarea').filter({ visible: true }).fill(LEAK);
    const chooser = owner.waitForEvent('filechooser');
    await owner.locator('.photo-grid__add').filter({ visible: true }).click();
    await (await chooser).setFiles(PHOTO);
    await owner.locator('.photo-grid__image').filter({ visible: true }).waitFor();
    // 漏水 makes the order urgent before it is even sent.
    await owner.getByText('将按「紧急」处理', { exact: false }).filter({ visible: true }).waitFor();
    await shot(owner, 'workorder-1-owner-report');
    await tap(owner, '提交报修');

    await owner.getByText('报修已提交，工单号', { exact: false }).filter({ visible: true }).waitFor();
    // 赵师傅 is the estate's only plumber: dispatch picks him whether or not he is on shift.
    await owner.getByText('已派单给赵师傅', { exact: false }).filter({ visible: true }).waitFor();
    const reported = await visibleText(owner);
    expect(reported).toContain(LEAK);
    expect(reported).toContain('紧急');
    expect(reported).toContain('1-1-1201');
    await expect(owner.locator('.wo-facts__card .photo-grid__item').count()).resolves.toBe(1);
    await shot(owner, 'workorder-2-owner-reported');
    // Right after the report the owner allows progress messages (WeChat's prompt, simulated).
    await tap(owner, '接收进度通知');
    await tap(owner, '允许');
    await owner.getByText('已开启，派单、师傅出发和完工时会通知您。').filter({ visible: true }).waitFor();

    // --- the desk sees why 赵师傅 got it -------------------------------------------------------
    const desk = await phonePage(browser);
    await devLogin(desk, server.url, nameOf('demo-service'));
    await tap(desk, '报修工单');
    await tapTab(desk, '处理中');
    await desk.locator('.wo-card', { hasText: LEAK }).filter({ visible: true }).click();
    await desk.getByText('智能派单 · 系统', { exact: false }).filter({ visible: true }).waitFor();
    expect(await visibleText(desk)).toMatch(/1\. 赵师傅: 水暖技能, (在班|不在班)/);
    await shot(desk, 'workorder-3-desk-dispatch');

    // --- 赵师傅 works it ------------------------------------------------------------------------
    const tech = await phonePage(browser);
    await devLogin(tech, server.url, nameOf('demo-tech-plumbing'));
    await tap(tech, '我的工单');
    const card = tech.locator('.wo-card', { hasText: LEAK }).filter({ visible: true });
    await card.waitFor();
    expect(await card.innerText()).toContain('紧急');
    await shot(tech, 'workorder-4-tech-queue');
    await card.click();
    await step(tech, '接单', '已接单');
    await step(tech, '出发', '师傅已出发');
    await step(tech, '开始维修', '维修中');
    await tap(tech, '完工');
    const [cause, actions] = [
      tech.locator('.task__complete .text-area textarea').nth(0),
      tech.locator('.task__complete .text-area textarea').nth(1),
    ];
    await cause.fill('下水管接头老化开裂');
    await actions.fill('更换下水管接头并通水测试，无渗漏');
    await tap(tech, '添加配件');
    await tech.locator('.task__part-name input').fill('下水管接头');
    await shot(tech, 'workorder-5-tech-complete');
    await tap(tech, '提交完工');
    await tech.locator('.wo-hero .nut-tag', { hasText: '待验收' }).filter({ visible: true }).waitFor();
    expect(await visibleText(tech)).toContain('下水管接头 × 1');

    // --- the owner follows the timeline, accepts and rates ------------------------------------
    await owner.reload();
    await owner.getByText('师傅已完工，请确认维修结果').filter({ visible: true }).waitFor();
    const timeline = await owner.locator('.wo-timeline').filter({ visible: true }).innerText();
    const steps = timeline.split('\n').filter((line) => line.trim());
    for (const words of ['赵师傅已出发', '维修', '完工', '派单']) expect(timeline).toContain(words);
    expect(steps.some((line) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} · 维修师傅 赵师傅$/.test(line))).toBe(true);
    expect(await visibleText(owner)).toContain('下水管接头老化开裂');
    await shot(owner, 'workorder-6-owner-timeline');

    await tap(owner, '确认验收');
    await owner.locator('.reason-form .star-rating__star').nth(4).click();
    await owner.locator('.reason-form .text-area textarea').fill('师傅来得快，修得好');
    await tap(owner, '确认验收');
    await owner.locator('.wo-hero .nut-tag', { hasText: '已完成' }).filter({ visible: true }).waitFor();
    const closed = await visibleText(owner);
    expect(closed).toContain('业主评价');
    expect(closed).toContain('非常满意');
    expect(closed).toContain('师傅来得快，修得好');
    await expect(owner.locator('.wo-facts__card .star-rating__star--on').count()).resolves.toBe(5);
    await owner.getByText('已验收', { exact: true }).waitFor({ state: 'hidden' }); // the toast
    await shot(owner, 'workorder-7-owner-rated');
  });
});
