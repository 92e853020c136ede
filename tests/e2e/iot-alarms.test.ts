import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildDemoData } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { defaultRules, type AlarmListView } from '@linli/shared';
import { devLogin, launchBrowser, phonePage, screenshot } from '../helpers/browser';
import { startLocalServer, type LocalServer } from '../helpers/local-server';
import { settled, tap } from './taro-page';

jest.setTimeout(180_000);

const { demoAccounts } = buildDemoData();
const nameOf = (openid: string) => demoAccounts.find((a) => a.openid === openid)!.displayName;
const ESTATE = 'est_linli_garden';

async function session(server: LocalServer, openid: string): Promise<string> {
  const response = await fetch(`${server.url}/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid }),
  });
  return ((await response.json()) as { token: string }).token;
}

async function api<T>(
  server: LocalServer,
  token: string,
  fn: string,
  action: string,
  input: unknown,
): Promise<T> {
  const response = await fetch(`${server.url}/api/${fn}/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-linli-session': token },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${fn}.${action}: ${envelope.error?.message}`);
  return envelope.data;
}

describe('a fire-pump alarm from the device simulator to the 工作台', () => {
  let server: LocalServer;
  let browser: Browser;
  let simulator: ChildProcess | null = null;
  beforeAll(async () => {
    server = await startLocalServer({ env: { LINLI_MQTT_PORT: '0' } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    if (simulator?.pid) process.kill(-simulator.pid, 'SIGTERM');
    simulator?.stdout?.destroy();
    simulator?.stderr?.destroy();
    await browser?.close();
    await server?.stop();
  });

  it('the simulator injects low pressure; 张客服 sees the alarm, acknowledges it; a work order exists for the pump', async () => {
    const admin = await session(server, 'demo-admin');
    // The demo should not wait a minute: the admin shortens the "for 60 s" of the critical rule.
    const rules = defaultRules.fire_pump.map((r) => (r.id === 'pressure_low' ? { ...r, forSeconds: 3 } : r));
    await api(server, admin, 'iot', 'saveRules', { estateId: ESTATE, deviceType: 'fire_pump', rules });

    let simOutput = '';
    simulator = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        resolve(__dirname, '../../iot-bridge/src/simulate-devices.ts'),
        '--data-dir',
        server.dataDir,
        '--inject',
        'low_pressure',
        '--type',
        'fire_pump',
        '--interval',
        '1',
      ],
      { cwd: resolve(__dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    simulator.stdout?.on('data', (chunk: Buffer) => (simOutput += chunk.toString()));
    simulator.stderr?.on('data', (chunk: Buffer) => (simOutput += chunk.toString()));

    const service = await session(server, 'demo-service');
    for (let i = 0; ; i++) {
      const list = await api<AlarmListView>(server, service, 'iot', 'alarms', { estateId: ESTATE });
      if (list.items.some((a) => a.ruleId === 'pressure_low' && a.workOrderNo)) break;
      if (i > 600) throw new Error(`no critical alarm; simulator said:\n${simOutput}`);
      await new Promise((r) => setTimeout(r, 100));
    }

    const page = await phonePage(browser);
    await devLogin(page, server.url, nameOf('demo-service'));
    // The 工作台 says there is an alarm waiting.
    await page.getByText(/条设备告警待确认/).waitFor();
    await settled(page);
    await screenshot(page, 'iot-workbench');
    await tap(page, '设备告警');
    const card = page.locator('.alarm-card', { hasText: '消防管网压力过低' }).first();
    await card.waitFor();
    await settled(page);
    expect(await card.innerText()).toContain('1号消防泵');
    expect(await card.innerText()).toMatch(/维修工单 BX\d{12}/);
    await screenshot(page, 'iot-alarms-active');
    await card.getByText('确认告警', { exact: true }).click();
    await page.locator('.alarm-card', { hasText: '消防管网压力过低' }).first().getByText('处理中').waitFor();
    expect(await page.locator('.alarm-card', { hasText: '消防管网压力过低' }).first().innerText()).toContain(
      '张客服',
    );
    await screenshot(page, 'iot-alarms-acked');

    const list = await api<AlarmListView>(server, service, 'iot', 'alarms', { estateId: ESTATE });
    const critical = list.items.find((a) => a.ruleId === 'pressure_low')!;
    expect(critical.state).toBe('active_acked');
    const order = await api<{ deviceId: string | null; source: string }>(
      server,
      service,
      'workorder',
      'detail',
      {
        orderId: critical.workOrderId,
      },
    );
    expect(order).toMatchObject({ deviceId: critical.deviceId, source: 'alarm' });

    await page
      .locator('.alarm-card', { hasText: '消防管网压力过低' })
      .first()
      .getByText(/维修工单/)
      .click();
    // The alarms page stays in the DOM, hidden, with the same order number on its card.
    await page.getByText(critical.workOrderNo!).filter({ visible: true }).first().waitFor();
    await settled(page);
    await screenshot(page, 'iot-alarm-workorder');

    const rulesPage = await phonePage(browser);
    await devLogin(rulesPage, server.url, nameOf('demo-admin'));
    // The login lands on the 工作台 by itself; going elsewhere before it has would be undone.
    await rulesPage.getByText('常用功能').first().waitFor();
    await rulesPage.goto(`${server.url}/#/admin/iot-rules/index`);
    await rulesPage.getByText('消防管网压力过低').waitFor();
    await settled(rulesPage);
    await screenshot(rulesPage, 'iot-rules');
    // A fault code clears only after a quiet minute, and the admin can change how long.
    const fault = rulesPage.locator('.iot-rule', { hasText: '设备故障码' }).first();
    await fault.scrollIntoViewIfNeeded();
    expect(await fault.innerText()).toContain('连续 60 秒无故障码才恢复');
    expect(await fault.innerText()).toContain('恢复等待秒数');
    await screenshot(rulesPage, 'iot-rules-fault');
  });
});
