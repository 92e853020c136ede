/**
 * @jest-environment node
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// Not imported from helpers/simulate: that module is for jsdom files and loads the simulator.
const dist = path.resolve(__dirname, '../../miniprogram/dist/weapp');
const MAIN_PACKAGE_LIMIT = 1.5 * 1024 * 1024; // WeChat's cap is 2 MB; keep a margin for growth

interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  tabBar?: { list: { pagePath: string }[] };
}

function readAppJson(): AppJson {
  const file = path.join(dist, 'app.json');
  if (!existsSync(file)) throw new Error(`no weapp build in ${dist}: run \`npm run build:weapp\` first`);
  return JSON.parse(readFileSync(file, 'utf8')) as AppJson;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

// Measured when the file is collected, so the size can be part of the test's name.
const app = readAppJson();
const subpackageRoots = (app.subPackages ?? []).map((sub) => path.join(dist, sub.root) + path.sep);
const allFiles = filesUnder(dist);
const mainPackageBytes = allFiles
  .filter((file) => !subpackageRoots.some((root) => file.startsWith(root)))
  .reduce((sum, file) => sum + statSync(file).size, 0);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('the weapp build (miniprogram/dist/weapp)', () => {
  const tabs = ['pages/home/index', 'pages/bills/index', 'pages/repair/index', 'pages/mine/index'];

  test('has the four owner tabs in the main package', () => {
    expect(app.tabBar?.list.map((tab) => tab.pagePath)).toEqual(tabs);
    expect(app.pages).toEqual(expect.arrayContaining(tabs));
    for (const page of tabs) expect(existsSync(path.join(dist, `${page}.js`))).toBe(true);
  });

  test('puts the staff workbench in the `admin` subpackage', () => {
    expect(app.subPackages?.map((sub) => sub.root)).toEqual(['admin']);
    expect(app.subPackages?.[0]?.pages).toContain('workbench/index');
    expect(app.pages.filter((page) => page.startsWith('admin/'))).toEqual([]);
    expect(existsSync(path.join(dist, 'admin/workbench/index.js'))).toBe(true);
  });

  test('does not ship the H5 dev login', () => {
    expect(app.pages).not.toContain('pages/dev-login/index');
    const mentions = allFiles.filter((file) => readFileSync(file, 'latin1').includes('dev-login'));
    expect(mentions.map((file) => path.relative(dist, file))).toEqual([]);
  });

  test(`keeps the main package under ${kb(MAIN_PACKAGE_LIMIT)} (measured ${kb(mainPackageBytes)})`, () => {
    expect(mainPackageBytes).toBeLessThan(MAIN_PACKAGE_LIMIT);
  });
});
