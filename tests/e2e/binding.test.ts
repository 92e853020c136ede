import type { Browser, Page } from 'playwright-core';
import { buildDemoData } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { devLogin, phonePage, screenshot } from '../helpers/browser';
import type { LocalServer } from '../helpers/local-server';
import { settled, tap } from './taro-page';
import { closeServerAndBrowser, openServerAndBrowser } from '../helpers/e2e-session';

jest.setTimeout(180_000);

const { seed, demoAccounts } = buildDemoData();
const nameOf = (openid: string) => demoAccounts.find((a) => a.openid === openid)!.displayName;

/** The registered owner of a room of 邻里花园, and every phone registered in the household. */
function registeredOwnerOf(roomCode: string) {
  const household = seed.households.find(
    (h) => h.roomCode === roomCode && h.estateId === 'est_linli_garden',
  )!;
  const memberships = seed.memberships.filter((m) => m.householdId === household._id && !m.movedOutOn);
  const people = memberships.map((m) => seed.persons.find((p) => p._id === m.personId)!);
  const owner = people[memberships.findIndex((m) => m.relation === 'owner')]!;
  return { name: owner.name, phone: owner.phone!, phones: people.flatMap((p) => (p.phone ? [p.phone] : [])) };
}

async function fillRoomClaim(page: Page, claim: { roomCode: string; name: string; last4: string }) {
  await page.locator('input[placeholder="例如 3-2-1201"]').waitFor();
  await page.locator('.choice-chip', { hasText: '邻里花园' }).filter({ visible: true }).click();
  await page.locator('input[placeholder="例如 3-2-1201"]').fill(claim.roomCode);
  await page.locator('input[placeholder="请输入业主姓名"]').fill(claim.name);
  await page.locator('input[placeholder="例如 0942"]').fill(claim.last4);
}

describe('binding a household in Chromium', () => {
  let server: LocalServer;
  let browser: Browser;
  beforeAll(async () => ({ server, browser } = await openServerAndBrowser()));
  afterAll(() => closeServerAndBrowser(server, browser));

  it('a new owner applies with room code, name and phone; 张客服 approves; 我的 then shows the home', async () => {
    const owner = registeredOwnerOf('3-2-0601');
    const page = await phonePage(browser);
    await devLogin(page, server.url, nameOf('demo-new-user'));
    await tap(page, '了解如何绑定');
    await fillRoomClaim(page, { roomCode: '3-2-0601', name: owner.name, last4: owner.phone.slice(-4) });
    await tap(page, '提交绑定申请');
    await page.getByText('申请已提交，等待物业审核').waitFor();
    await page.getByText('物业正在核对登记信息，请耐心等待。').waitFor(); // 我的申请: 待审核

    const staff = await phonePage(browser);
    await devLogin(staff, server.url, nameOf('demo-service'));
    await tap(staff, '绑定审核');
    const application = staff.locator('.binding-card', { hasText: '3-2-0601' });
    await application.waitFor();
    // The reviewer compares the applicant with the registered owners.
    expect(await application.innerText()).toContain(`登记业主\n${owner.name}`);
    await application.getByText('通过', { exact: true }).click();
    await staff.getByText('暂无待审核的绑定申请').waitFor();

    await tap(page, '‹ 返回「我的」');
    // 我的 loads again on show: the household the staff member approved is there.
    const facts = page.locator('.info-row__value').filter({ visible: true });
    await facts.filter({ hasText: /^3-2-0601$/ }).waitFor();
    expect(await facts.allInnerTexts()).toEqual(expect.arrayContaining(['邻里花园', '3号楼', '2单元']));
    const body = await page.locator('body').innerText();
    expect(body).toContain(owner.name); // the account now speaks for the registered owner
    expect(body).toContain('邀请家人');
    expect(body).toMatch(/138\*{4}\d{4}/); // family phones stay masked for owners
    expect(body).not.toContain(owner.phone);
    await settled(page);
    await screenshot(page, 'binding-owner-home');
  });

  it('a wrong phone check is refused in plain words, and after 5 tries the account must wait', async () => {
    const room = registeredOwnerOf('3-2-0602');
    const wrongLast4 = ['0000', '1111', '2222'].find((d) => !room.phones.some((p) => p.endsWith(d)))!;
    const page = await phonePage(browser);
    await devLogin(page, server.url, nameOf('demo-owner-2'));
    await tap(page, '绑定其他房屋');
    await fillRoomClaim(page, { roomCode: '3-2-0602', name: room.name, last4: wrongLast4 });

    const refusal = '核验未通过：房号、姓名或手机号后四位与物业登记信息不一致';
    for (let attempt = 1; attempt <= 4; attempt++) {
      await tap(page, '提交绑定申请');
      await page.getByText(`${refusal}（还可尝试 ${5 - attempt} 次）`).waitFor();
      if (attempt === 1) await screenshot(page, 'binding-refused');
    }
    await tap(page, '提交绑定申请');
    await page.getByText(`${refusal}。尝试次数已用完，请 1 小时后再试`).waitFor();

    await tap(page, '提交绑定申请');
    await page.getByText('核验失败次数过多，请 1 小时后再试，或联系物业服务中心').waitFor();
    expect(await page.locator('body').innerText()).toContain('尝试次数过多');
    await screenshot(page, 'binding-rate-limited');
  });
});
