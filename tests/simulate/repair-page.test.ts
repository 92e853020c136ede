import { loadWeappPage, type LoadedPage } from '../helpers/simulate';
import { createTestRuntime, type TestRuntime } from '../helpers/test-runtime';

// BIND_MESSAGE in miniprogram/src/components/bind-notice (that module imports Taro, so not here).
const BIND_MESSAGE = '您还没有绑定房屋，请联系物业或在此提交绑定申请';
const LEAK = '卫生间地漏返水漏水';

describe('报修 (pages/repair/index) in the weapp build', () => {
  let page: LoadedPage | undefined;
  let runtime: TestRuntime | undefined;
  afterEach(async () => {
    await page?.unload();
    await runtime?.close();
    page = undefined;
    runtime = undefined;
  });

  test("lists the household's open orders with state, urgency, place and latest step", async () => {
    runtime = await createTestRuntime();
    await runtime.ok('demo-owner-1', 'workorder', 'report', { category: 'plumbing', description: LEAK });
    page = await loadWeappPage('pages/repair/index', { openid: 'demo-owner-1', runtime });
    await page.waitForText(LEAK);

    const text = page.text();
    expect(text).toContain('紧急'); // 漏水 is urgent
    expect(text).toContain('1-1-1201');
    expect(text).toMatch(/已派单|待派单/);
    expect(text).toContain('最新进展');
    expect(text).toMatch(/BX\d+ · \d{4}-\d{2}-\d{2} \d{2}:\d{2} 报修/);
    expect(page.missingTemplates()).toEqual([]);

    page.tap('我要报修');
    await page.waitUntil(() => page!.navigations().length > 0, 'navigated');
    expect(page.navigations()).toEqual(['/pages/repair-report/index']);
  });

  test("shows another household's owner none of those orders", async () => {
    runtime = await createTestRuntime();
    await runtime.ok('demo-owner-1', 'workorder', 'report', { category: 'plumbing', description: LEAK });
    page = await loadWeappPage('pages/repair/index', { openid: 'demo-owner-2', runtime });
    await page.waitForText('暂无进行中的报修');
    expect(page.text()).not.toContain(LEAK);
    expect(page.missingTemplates()).toEqual([]);
  });

  test('tells a WeChat user with no household to bind first', async () => {
    page = await loadWeappPage('pages/repair/index', { openid: 'brand-new' });
    await page.waitForText(BIND_MESSAGE);
    expect(page.text()).not.toContain('我要报修');
  });
});
