import { loadWeappPage, type LoadedPage } from '../helpers/simulate';

// BIND_MESSAGE in miniprogram/src/components/bind-notice (that module imports Taro, so not here).
const BIND_MESSAGE = '您还没有绑定房屋，请联系物业或在此提交绑定申请';

describe('我的 (pages/mine/index) in the weapp build', () => {
  let page: LoadedPage | undefined;
  afterEach(() => page?.unload());

  test('shows an owner their home: estate, room code, area and family phones masked', async () => {
    page = await loadWeappPage('pages/mine/index', { openid: 'demo-owner-1' });
    await page.waitForText('1-1-1201');

    const text = page.text();
    expect(text).toContain('邻里花园');
    expect(text).toContain('89.53');
    expect(text).toMatch(/1\d{2}\*{4}\d{4}/);
    expect(text).not.toMatch(/1\d{10}/);
    expect(text).not.toContain(BIND_MESSAGE);
    expect(page.missingTemplates()).toEqual([]);
  });

  test('tells a WeChat user with no household how to bind, and opens 绑定 on a tap', async () => {
    page = await loadWeappPage('pages/mine/index', { openid: 'brand-new' });
    await page.waitForText(BIND_MESSAGE);
    expect(page.text()).not.toContain('房屋信息');
    expect(page.missingTemplates()).toEqual([]);

    page.tap('了解如何绑定');
    await page.waitUntil(() => page!.navigations().length > 0, 'navigated');
    expect(page.navigations()).toEqual(['/pages/bind/index']);
  });

  test('offers staff the way into the workbench and no bind notice', async () => {
    page = await loadWeappPage('pages/mine/index', { openid: 'demo-admin' });
    await page.waitForText('进入工作台');
    expect(page.text()).toContain('王经理');
    expect(page.text()).not.toContain(BIND_MESSAGE);

    page.tap('进入工作台');
    await page.waitUntil(() => page!.navigations().length > 0, 'navigated');
    expect(page.navigations()).toEqual(['/admin/workbench/index']);
  });
});
