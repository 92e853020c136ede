import type { Browser, Page } from 'playwright-core';
import { buildDemoData } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { devLogin, phonePage, screenshot } from '../helpers/browser';
import type { LocalServer } from '../helpers/local-server';
import { settled, tap } from './taro-page';
import { closeServerAndBrowser, openServerAndBrowser } from '../helpers/e2e-session';

jest.setTimeout(240_000);

const { demoAccounts } = buildDemoData();
const nameOf = (openid: string) => demoAccounts.find((a) => a.openid === openid)!.displayName;

async function fill(page: Page, placeholder: string, value: string) {
  const input = page.locator(`input[placeholder="${placeholder}"]`).filter({ visible: true }).first();
  await input.fill(value);
}

/** Tap 合格/不合格 (exact) inside the checklist row labelled `label`. */
async function verdict(page: Page, label: string, choice: '合格' | '不合格') {
  const row = page.locator('.form-field', { hasText: label }).filter({ visible: true }).first();
  await row.getByText(choice, { exact: true }).click();
}

describe('facilities in Chromium', () => {
  let server: LocalServer;
  let browser: Browser;
  beforeAll(async () => ({ server, browser } = await openServerAndBrowser()));
  afterAll(() => closeServerAndBrowser(server, browser));

  it('staff add a lift with a monthly plan; the trigger opens its order; a technician fails an item; the history shows it', async () => {
    const admin = await phonePage(browser);
    await devLogin(admin, server.url, nameOf('demo-admin'));
    await tap(admin, '设备台账');
    await admin.getByText('共 25 台设备').waitFor();
    await settled(admin);
    await screenshot(admin, 'facilities-ledger');

    await tap(admin, '登记设备');
    await fill(admin, '如 3号楼1单元电梯', '3号楼2单元新电梯');
    await fill(admin, '印在二维码标签上，如 LIFT-3-1', 'LIFT-3-9');
    await fill(admin, '如 GeN2-MR 1000kg', 'Schindler 5500');
    await fill(admin, '如 奥的斯', '迅达');
    await fill(admin, '如 地下一层生活水泵房', '3号楼2单元电梯井');
    await fill(admin, '2026-01-31', '2026-11-01');
    await fill(admin, '如 15', '15');
    await fill(admin, '如 380000', '420000.5');
    await settled(admin);
    await screenshot(admin, 'facilities-device-form');
    await tap(admin, '保存');

    // The new device's page: its ledger card, then a monthly plan for it.
    await admin.getByText('LIFT-3-9 · 电梯').filter({ visible: true }).waitFor();
    expect(await admin.locator('body').innerText()).toContain('¥420,000.50');
    await tap(admin, '新建计划');
    await admin.getByText('新建维护计划').filter({ visible: true }).waitFor();
    await tap(admin, '保存计划');
    const planCard = admin
      .locator('.fac-card', { hasText: '3号楼2单元新电梯月度保养' })
      .filter({ visible: true });
    await planCard.waitFor();
    expect(await planCard.innerText()).toContain('每月');
    // The trigger's work, on demand: opens today's order once; a second run opens nothing.
    await tap(admin, '立即生成到期工单');
    await admin.getByText(/已生成 \d+ 张工单/).waitFor();
    await settled(admin);
    await screenshot(admin, 'facilities-plans');

    // A printable QR label for the new device.
    await admin.goto(`${server.url}/#/admin/devices/index`);
    await tap(admin, '打印标签');
    const label = admin.locator('.label-card', { hasText: 'LIFT-3-9' }).filter({ visible: true });
    await label.waitFor();
    expect(await label.locator('img').getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    await settled(admin);
    await screenshot(admin, 'facilities-labels');

    // 李师傅 fills the checklist on site: the brake fails.
    const tech = await phonePage(browser);
    await devLogin(tech, server.url, nameOf('demo-tech-lift'));
    await tap(tech, '巡检保养');
    const visit = tech.locator('.fac-card', { hasText: '3号楼2单元新电梯' }).filter({ visible: true });
    await visit.waitFor();
    await visit.click();
    await tech.getByText('检查表（5 项）').filter({ visible: true }).waitFor();
    await verdict(tech, '层门门锁电气联锁有效', '合格');
    await verdict(tech, '制动器动作可靠', '不合格');
    await verdict(tech, '轿厢紧急呼叫畅通', '合格');
    await fill(tech, '读数（mm）', '3');
    await verdict(tech, '轿厢照明与通风正常', '合格');
    await fill(tech, '情况说明（选填）', '制动器间隙过大，需调整');
    await settled(tech);
    await screenshot(tech, 'facilities-inspection-fill');
    await tap(tech, '提交巡检结果');
    await tech
      .getByText(/^已生成报修单 BX\d+$/)
      .filter({ visible: true })
      .waitFor();
    await settled(tech);
    await screenshot(tech, 'facilities-inspection-done');

    // The device's history: the visit (不合格), its maintenance order and the repair order.
    await tap(tech, '查看设备 ›');
    const history = tech
      .locator('.fac-card', { hasText: '保养：3号楼2单元新电梯月度保养' })
      .filter({ visible: true });
    await history.waitFor();
    expect(await history.innerText()).toContain('不合格');
    const body = await tech.locator('body').innerText();
    expect(body).toMatch(/保养计划 BX\d+/);
    expect(body).toMatch(/电话报修|业主自助报修|保养计划/);
    expect(body).not.toContain('1970');
    await settled(tech);
    await screenshot(tech, 'facilities-device-history');

    // The analysis page for the estate.
    await admin.goto(`${server.url}/#/admin/lifecycle/index`);
    await admin.getByText('更新改造计划').filter({ visible: true }).waitFor();
    await admin.locator('.fac-card', { hasText: 'LIFT-2-1' }).filter({ visible: true }).first().waitFor();
    await settled(admin);
    await screenshot(admin, 'facilities-lifecycle');
  });

  it('an owner who scans a lift label lands on the repair form with the lift filled in', async () => {
    const owner = await phonePage(browser);
    await devLogin(owner, server.url, nameOf('demo-owner-1'));
    await owner.getByText('房屋信息').first().waitFor();
    // What components/scan-device opens after facilities.scan answers for an owner.
    await owner.goto(
      `${server.url}/#/pages/repair-report/index?deviceId=dev_LIFT-2-1&category=lift&area=lift&note=${encodeURIComponent('2号楼1单元电梯')}`,
    );
    await owner.getByText('设备编号：dev_LIFT-2-1').filter({ visible: true }).waitFor();
    const where = owner
      .locator('input[placeholder="补充位置，例如 3号楼2单元 8楼"]')
      .filter({ visible: true });
    expect(await where.first().inputValue()).toBe('2号楼1单元电梯');
    await settled(owner);
    await screenshot(owner, 'facilities-owner-scan-report');
  });
});
