import { loadWeappPage } from '../helpers/simulate';
test('scratch', async () => {
  const t0 = Date.now();
  const page = await loadWeappPage('pages/mine/index', { openid: 'demo-owner-1' });
  const t1 = Date.now();
  try {
    await page.waitForText('1-1-1201', 5000);
  } finally {
    process.stdout.write(`load ${t1 - t0} ms, render ${Date.now() - t1} ms\n${page.text()}\n`);
    await page.unload();
  }
});
