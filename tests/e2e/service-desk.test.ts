import type { Browser, Page } from 'playwright-core';
import { buildDemoData } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { devLogin, phonePage, screenshot } from '../helpers/browser';
import type { LocalServer } from '../helpers/local-server';
import { settled, tap } from './taro-page';
import { closeServerAndBrowser, openServerAndBrowser } from '../helpers/e2e-session';

jest.setTimeout(180_000);

const { demoAccounts } = buildDemoData();
const nameOf = (openid: string) => demoAccounts.find((a) => a.openid === openid)!.displayName;

const QUESTION = '请问小区东门的快递柜坏了吗？一直打不开';
const ANSWER = '您好，快递柜正在维修，今天下午 3 点前恢复';
const COMPLAINT = '楼下商铺每天夜里 11 点后还在装卸货，噪音很大';
const VERDICT = '已与商铺约定 22 点后停止装卸，我们会持续巡查';

async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await screenshot(page, name);
}

const visible = (page: Page, text: string) => page.getByText(text, { exact: true }).filter({ visible: true });

describe('customer service in Chromium', () => {
  let server: LocalServer;
  let browser: Browser;
  beforeAll(async () => ({ server, browser } = await openServerAndBrowser()));
  afterAll(() => closeServerAndBrowser(server, browser));

  it('an owner writes to the desk; 张客服 takes it and replies; the open chat shows the reply', async () => {
    const owner = await phonePage(browser);
    await devLogin(owner, server.url, nameOf('demo-owner-1'));
    await tap(owner, '我的');
    await tap(owner, '客服与投诉建议');
    await tap(owner, '联系物业客服（1-1-1201）');
    await visible(owner, '还没有消息，发一条开始咨询吧').waitFor();
    await owner.locator('.chat__input input').filter({ visible: true }).fill(QUESTION);
    await tap(owner, '发送');
    await owner.locator('.chat__row--mine', { hasText: QUESTION }).filter({ visible: true }).waitFor();
    await shot(owner, 'service-1-owner-asks');

    const desk = await phonePage(browser);
    await devLogin(desk, server.url, nameOf('demo-service'));
    await tap(desk, '客服消息');
    const row = desk.locator('.inbox-row', { hasText: '1-1-1201' }).filter({ visible: true });
    await row.waitFor();
    await expect(row.locator('.inbox-row__badge').innerText()).resolves.toBe('1');
    expect(await row.innerText()).toContain('待认领');
    await shot(desk, 'service-2-desk-inbox');

    await row.click();
    await desk.locator('.chat__row', { hasText: QUESTION }).filter({ visible: true }).waitFor();
    await tap(desk, '认领');
    await visible(desk, '负责人：张客服').waitFor();
    await desk.locator('.chat__input input').filter({ visible: true }).fill(ANSWER);
    await tap(desk, '发送');
    await desk.locator('.chat__row--mine', { hasText: ANSWER }).filter({ visible: true }).waitFor();
    await shot(desk, 'service-3-desk-replies');

    // The owner's chat is still open: polling brings the reply in, without a reload.
    const reply = owner
      .locator('.chat__row:not(.chat__row--mine)', { hasText: ANSWER })
      .filter({ visible: true });
    await reply.waitFor({ timeout: 20_000 });
    expect(await reply.innerText()).toContain('客服张客服');
    await shot(owner, 'service-4-owner-sees-reply');

    // Read on both sides: the inbox shows no unread for it.
    await tap(desk, '‹ 返回');
    await tap(desk, '未读');
    await visible(desk, '没有未读消息').waitFor();

    // 消息设置: the reply kind is there, on, with no quota left to send with yet.
    await tap(owner, '‹ 返回客服');
    await tap(owner, '‹ 返回');
    await tap(owner, '消息设置');
    const replyKind = owner.locator('.message-kind', { hasText: '客服回复' }).filter({ visible: true });
    await replyKind.waitFor();
    expect(await replyKind.innerText()).toContain('剩余 0 次提醒');
    await shot(owner, 'service-8-owner-message-settings');
  });

  it('an owner files a complaint; the desk accepts and resolves it with a reply the owner reads', async () => {
    const owner = await phonePage(browser);
    await devLogin(owner, server.url, nameOf('demo-owner-2'));
    await tap(owner, '我的');
    await tap(owner, '客服与投诉建议');
    await tap(owner, '投诉建议');
    await owner.locator('.text-area textarea').filter({ visible: true }).fill(COMPLAINT);
    await tap(owner, '提交');
    const filed = owner.locator('.complaint-card', { hasText: COMPLAINT }).filter({ visible: true });
    await filed.waitFor();
    expect(await filed.innerText()).toContain('待受理');
    await shot(owner, 'service-5-owner-complaint');

    const desk = await phonePage(browser);
    await devLogin(desk, server.url, nameOf('demo-service'));
    await tap(desk, '投诉建议');
    const card = desk.locator('.complaint-card', { hasText: COMPLAINT }).filter({ visible: true });
    await card.waitFor();
    expect(await card.innerText()).toContain('2-1-0802');
    await card.getByText('处理 / 回复 ›').click();
    await card.getByText('受理', { exact: true }).click();
    await visible(desk, '处理中 1').waitFor();
    await tap(desk, '处理中 1');
    const accepted = desk.locator('.complaint-card', { hasText: COMPLAINT }).filter({ visible: true });
    await accepted.getByText('处理 / 回复 ›').click();
    await accepted.locator('.text-area textarea').fill(VERDICT);
    await accepted.getByText('办结', { exact: true }).click();
    await visible(desk, '已办结 1').waitFor();
    await tap(desk, '已办结 1');
    await desk.locator('.complaint-card', { hasText: VERDICT }).filter({ visible: true }).waitFor();
    await shot(desk, 'service-6-desk-resolved');

    await owner.reload();
    await tap(owner, '投诉建议');
    const answered = owner.locator('.complaint-card', { hasText: COMPLAINT }).filter({ visible: true });
    await answered.getByText(VERDICT).waitFor();
    expect(await answered.innerText()).toContain('已办结');
    await shot(owner, 'service-7-owner-reads-verdict');
  });
});
