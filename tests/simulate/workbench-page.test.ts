import { loadWeappPage, type LoadedPage } from '../helpers/simulate';

describe('工作台 (admin/workbench/index, staff subpackage) in the weapp build', () => {
  let page: LoadedPage | undefined;
  afterEach(() => page?.unload());

  test("shows staff their first estate's overview: 邻里花园 with its 600 households", async () => {
    page = await loadWeappPage('admin/workbench/index', { openid: 'demo-admin' });
    await page.waitForText('邻里花园');
    await page.waitForText('600');

    expect(page.text()).toMatch(/600\s*房屋/); // a stat tile: value, then label
    expect(page.text()).toContain('1号楼');
    expect(page.missingTemplates()).toEqual([]);
  });

  test('renders the 今日概览 charts as WeChat canvases, and words where a chart has nothing to draw', async () => {
    page = await loadWeappPage('admin/workbench/index', { openid: 'demo-admin' });
    await page.waitForText('今日概览');
    // This runtime's seed has no bills or orders yet: the collection arc draws (0% is a figure),
    // the empty ring and columns say so in words instead of drawing nothing.
    await page.waitUntil(() => page!.all('wx-canvas').length === 1, 'the collection arc rendered');
    expect(page.text()).toContain('没有未完成工单');
    expect(page.text()).toContain('没有欠费');
    expect(page.text()).not.toContain('各小区本月收缴率');
    expect(page.missingTemplates()).toEqual([]);
  });

  test('turns an owner away with a message instead of staff data', async () => {
    page = await loadWeappPage('admin/workbench/index', { openid: 'demo-owner-1' });
    await page.waitForText('仅物业员工可使用工作台');
    expect(page.text()).not.toContain('房屋');
  });
});
