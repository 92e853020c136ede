import type { Browser, Page } from 'playwright-core';
import { buildDemoData } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { devLogin, phonePage, screenshot } from '../helpers/browser';
import type { LocalServer } from '../helpers/local-server';
import { settled, tap, tapChip, tapTab } from './taro-page';
import { closeServerAndBrowser, openServerAndBrowser } from '../helpers/e2e-session';

jest.setTimeout(240_000);

const { demoAccounts } = buildDemoData();
const nameOf = (openid: string) => demoAccounts.find((a) => a.openid === openid)!.displayName;

async function shot(page: Page, name: string) {
  await settled(page);
  await screenshot(page, name);
}

const visibleText = async (page: Page) => (await page.locator('body').innerText()).replace(/\s+/g, ' ');

const hero = (page: Page, stateLabel: string) =>
  page.locator('.wo-hero .nut-tag', { hasText: stateLabel }).filter({ visible: true }).waitFor();

/** The owner reports an in-home repair from 报修 and lands on its detail. */
async function report(owner: Page, category: string, description: string) {
  await tap(owner, '报修');
  await tap(owner, '我要报修');
  await owner.locator('.photo-grid__add').filter({ visible: true }).waitFor();
  await settled(owner);
  await tapChip(owner, category);
  await owner.locator('.text-area textarea').filter({ visible: true }).fill(description);
  await tap(owner, '提交报修');
  await owner.getByText('报修已提交，工单号', { exact: false }).filter({ visible: true }).waitFor();
}

/** A technician opens the order from 我的工单. */
async function openTask(tech: Page, description: string) {
  await tap(tech, '我的工单');
  const card = tech.locator('.wo-card', { hasText: description }).filter({ visible: true });
  await card.waitFor();
  await card.click();
}

/** Sign in over HTTP and call an action, for setting up what the story does not show. */
async function callAs(server: LocalServer, openid: string, fn: string, action: string, input: unknown) {
  const login = await fetch(`${server.url}/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid }),
  });
  const { token } = (await login.json()) as { token: string };
  const reply = await fetch(`${server.url}/api/${fn}/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-linli-session': token },
    body: JSON.stringify(input),
  });
  const envelope = (await reply.json()) as { ok: boolean; data?: unknown; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${fn}.${action}: ${envelope.error?.message}`);
  return envelope.data;
}

describe('work orders in Chromium: a paid repair and a reassignment', () => {
  let server: LocalServer;
  let browser: Browser;
  beforeAll(async () => ({ server, browser } = await openServerAndBrowser()));
  afterAll(() => closeServerAndBrowser(server, browser));

  it('赵师傅 quotes a paid repair; the owner confirms, cannot accept unpaid, pays in the cashier, accepts, and the order closes', async () => {
    const FAUCET = '厨房角阀老化关不严，需要更换';
    const owner = await phonePage(browser);
    await devLogin(owner, server.url, nameOf('demo-owner-1'));
    await report(owner, '水管水暖', FAUCET);
    await owner.getByText('已派单给赵师傅', { exact: false }).filter({ visible: true }).waitFor();

    // --- 赵师傅 arrives and quotes from the price list ------------------------------------------
    const tech = await phonePage(browser);
    await devLogin(tech, server.url, nameOf('demo-tech-plumbing'));
    await openTask(tech, FAUCET);
    await tap(tech, '接单');
    await hero(tech, '已接单');
    await tap(tech, '开始维修');
    await hero(tech, '维修中');
    await tech.getByText('入户维修，按收费标准收费').filter({ visible: true }).waitFor();
    await tap(tech, '报价');
    const quantityOf = (name: string) =>
      tech.locator('.quote__item', { hasText: name }).filter({ visible: true }).locator('input');
    await quantityOf('更换角阀').fill('1');
    await quantityOf('上门检修').fill('1');
    await tech.getByText('合计 ¥65.00').filter({ visible: true }).waitFor();
    await tech.getByText('已开始维修', { exact: true }).waitFor({ state: 'hidden' }); // the toast
    await shot(tech, 'paid-repair-1-tech-quote');
    await tap(tech, '发送报价');
    await hero(tech, '待确认报价');
    expect(await visibleText(tech)).toContain('更换角阀 1 个 × ¥35.00/个 = ¥35.00');

    // --- the owner sees the quote on the detail and confirms it -------------------------------
    await owner.reload();
    await hero(owner, '待确认报价');
    await owner.getByText('师傅已报价，请查看下方费用明细后确认或拒绝').filter({ visible: true }).waitFor();
    const quoted = await visibleText(owner);
    expect(quoted).toContain('更换角阀 1 个 × ¥35.00/个 = ¥35.00');
    expect(quoted).toContain('上门检修 1 次 × ¥30.00/次 = ¥30.00');
    expect(quoted).toContain('赵师傅报价 ¥65.00，待业主确认');
    await shot(owner, 'paid-repair-2-owner-quote');
    await tap(owner, '确认报价');
    await owner.getByText('支付维修费 ¥65.00').filter({ visible: true }).waitFor();
    await hero(owner, '维修中');

    // --- 赵师傅 finishes before the owner pays: allowed -----------------------------------------
    await tech.reload();
    await hero(tech, '维修中');
    await tap(tech, '完工');
    await tech.locator('.task__complete .text-area textarea').nth(0).fill('角阀阀芯老化');
    await tech.locator('.task__complete .text-area textarea').nth(1).fill('更换角阀并试水，无渗漏');
    await tap(tech, '提交完工');
    await hero(tech, '待验收');

    // --- acceptance is refused until the fee is paid ------------------------------------------
    await owner.reload();
    await hero(owner, '待验收');
    await owner.getByText('请先支付维修费 ¥65.00，再确认验收').filter({ visible: true }).waitFor();
    await tap(owner, '确认验收');
    await tap(owner, '确认验收');
    await owner
      .getByText('这是有偿维修，维修费 ¥65.00 尚未支付，请先支付后再验收')
      .filter({ visible: true })
      .waitFor();
    await shot(owner, 'paid-repair-3-owner-refused-unpaid');
    await tap(owner, '返回');
    await shot(owner, 'paid-repair-4-owner-pay-first');

    // --- the owner pays in the simulated WeChat Pay cashier ------------------------------------
    await tap(owner, '支付维修费 ¥65.00');
    await owner.getByText('模拟微信支付').waitFor();
    await shot(owner, 'paid-repair-5-cashier');
    await tap(owner, '确认支付');
    await owner.getByText('缴费成功', { exact: true }).filter({ visible: true }).waitFor();
    expect(await visibleText(owner)).toContain('有偿维修 BX');
    await shot(owner, 'paid-repair-6-paid');
    await owner.goBack();
    await owner.reload();
    await hero(owner, '待验收');
    await owner.getByText('已支付', { exact: true }).filter({ visible: true }).waitFor();
    await owner.getByText('业主已支付维修费 ¥65.00').filter({ visible: true }).waitFor();

    await tap(owner, '确认验收');
    await owner.locator('.reason-form .star-rating__star').nth(4).click();
    await tap(owner, '确认验收');
    await hero(owner, '已完成');
    await owner.getByText('已验收', { exact: true }).waitFor({ state: 'hidden' }); // the toast
    const timeline = await owner.locator('.wo-timeline').filter({ visible: true }).innerText();
    for (const words of [
      '赵师傅报价 ¥65.00',
      '业主已确认报价 ¥65.00，待支付',
      '业主已支付维修费 ¥65.00',
      '业主已验收',
    ])
      expect(timeline).toContain(words);
    await shot(owner, 'paid-repair-7-owner-closed');
  });

  it('the desk reassigns an order to another technician with a reason everyone sees', async () => {
    // 李师傅 learns plumbing, so two technicians can take a leak.
    const { staff } = (await callAs(server, 'demo-admin', 'staff', 'list', {})) as {
      staff: Array<{
        staffId: string;
        name: string;
        roles: string[];
        estateIds: string[];
        skills: string[];
        level: number;
        shifts: unknown[];
      }>;
    };
    const li = staff.find((s) => s.name === '李师傅')!;
    await callAs(server, 'demo-admin', 'staff', 'save', {
      staffId: li.staffId,
      name: li.name,
      roles: li.roles,
      estateIds: li.estateIds,
      skills: [...li.skills, 'plumbing'],
      level: li.level,
      shifts: li.shifts,
    });

    const DRAIN = '卫生间地漏返味，下水很慢';
    const owner = await phonePage(browser);
    await devLogin(owner, server.url, nameOf('demo-owner-2'));
    await report(owner, '水管水暖', DRAIN);
    await owner.getByText('已派单给', { exact: false }).filter({ visible: true }).waitFor();
    const first = (await visibleText(owner)).includes('已派单给赵师傅') ? '赵师傅' : '李师傅';
    const other = first === '赵师傅' ? '李师傅' : '赵师傅';

    const desk = await phonePage(browser);
    await devLogin(desk, server.url, nameOf('demo-service'));
    await tap(desk, '报修工单');
    await tapTab(desk, '处理中');
    await desk.locator('.wo-card', { hasText: DRAIN }).filter({ visible: true }).click();
    const otherRow = desk.locator('.desk__candidate', { hasText: other }).filter({ visible: true });
    await otherRow.waitFor();
    await otherRow.getByText('派给他', { exact: true }).click();
    await desk.getByText(`改派给${other}`).filter({ visible: true }).waitFor();
    await tap(desk, '原师傅临时请假');
    await desk.getByText(`改派给${other}`).filter({ visible: true }).scrollIntoViewIfNeeded();
    await shot(desk, 'reassign-1-desk-reason');
    await tap(desk, '确认改派');
    await desk
      .locator('.wo-timeline', { hasText: `张客服改派给${other}` })
      .filter({ visible: true })
      .waitFor();
    const deskView = await visibleText(desk);
    expect(deskView).toContain('原师傅临时请假');
    expect(deskView).toContain(`张客服指派给${other}（原师傅临时请假）`);
    await desk.getByText(`已派给${other}`, { exact: true }).waitFor({ state: 'hidden' }); // the toast
    await shot(desk, 'reassign-2-desk-timeline');

    // The owner's timeline names the new technician and the reason.
    await owner.reload();
    const ownerTimeline = await owner.locator('.wo-timeline').filter({ visible: true }).innerText();
    expect(ownerTimeline).toContain(`张客服改派给${other}`);
    expect(ownerTimeline).toContain('原师傅临时请假');
    await shot(owner, 'reassign-3-owner-timeline');

    // The new technician has it in 我的工单, with the reason on its timeline.
    const tech = await phonePage(browser);
    await devLogin(tech, server.url, nameOf(other === '赵师傅' ? 'demo-tech-plumbing' : 'demo-tech-lift'));
    await openTask(tech, DRAIN);
    await hero(tech, '已派单');
    expect(await visibleText(tech)).toContain('原师傅临时请假');
  });
});
