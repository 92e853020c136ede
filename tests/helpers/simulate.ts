/**
 * Pages of the real weapp build (miniprogram/dist/weapp) in miniprogram-simulate, calling the real
 * back end in-process. Importing this module installs the simulator and the app once per test file
 * (jest gives each file its own globals and module registry); it needs the jsdom environment.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createTestRuntime, type TestRuntime } from './test-runtime';

export const WEAPP_DIST = path.resolve(__dirname, '../../miniprogram/dist/weapp');

/** The part of miniprogram-simulate we use. Its own typings import miniprogram-api-typings, whose
 * globals (`wx`, `Page`, `getApp`...) would leak into every file tsc checks. */
interface Simulate {
  load(componentPath: string, options: { rootPath: string; compiler: 'official' }): string;
  render(id: string): { readonly dom: HTMLElement; attach(parent: Node): void; detach(): void };
}
type Options = Record<string, unknown>;
type Hook = (...args: unknown[]) => unknown;
type PageInstance = Record<string, unknown>;
interface CloudCall {
  name: string;
  data?: { action?: unknown; input?: unknown };
  success?: Hook;
  fail?: Hook;
  complete?: Hook;
}
/** The page under test and what belongs to it (its caller's OPENID above all); one at a time. */
interface Session {
  route: string;
  runtime: TestRuntime;
  openid: string;
  calls: Set<Promise<unknown>>;
  navigations: string[];
  missingTemplates: Set<string>;
}

const g = globalThis as unknown as Record<string, unknown>;
let session: Session | undefined;
const openPages: PageInstance[] = [];
const loadedIds = new Map<string, string>();
const hook = (page: PageInstance, name: string) => (page[name] as Hook | undefined)?.bind(page);

/**
 * WeChat's `Page()` on the simulator's `Component()`. As in the base library, every function of
 * the page object is an instance member: Taro's onReady runs `this.onReady.called = true` once the
 * page has loaded, and with lifecycles only as component lifetimes that throws "Cannot set
 * properties of undefined (setting 'called')", the teardown error earlier tries saw.
 */
function Page(page: Options): void {
  (g.Component as (options: Options) => void)({
    data: page.data,
    methods: Object.fromEntries(Object.entries(page).filter(([, v]) => typeof v === 'function')),
    lifetimes: {
      attached(this: PageInstance) {
        this.route = session?.route; // Taro's router reads it
        openPages.push(this);
        hook(this, 'onLoad')?.({});
        hook(this, 'onShow')?.();
      },
      ready(this: PageInstance) {
        hook(this, 'onReady')?.();
      },
      detached(this: PageInstance) {
        hook(this, 'onUnload')?.();
        openPages.splice(openPages.indexOf(this), 1);
      },
    },
  });
}

/** CloudBase adds the caller's OPENID to every call; here it is the session's. */
function callFunction(call: CloudCall): Promise<unknown> {
  const caller = session;
  const reply = (async () => {
    if (!caller) throw new Error('cloud.callFunction:fail no page is loaded');
    const { action, input } = call.data ?? {};
    if (typeof action !== 'string') throw new Error('cloud.callFunction:fail data is not { action, input }');
    const result = await caller.runtime.call(caller.openid, call.name, action, input ?? {});
    return { errMsg: 'cloud.callFunction:ok', result, requestID: 'simulate' };
  })();
  caller?.calls.add(reply);
  void reply
    .then(call.success, (error: unknown) => call.fail?.(error))
    .finally(() => {
      caller?.calls.delete(reply);
      call.complete?.();
    });
  return reply;
}

function install(): Simulate {
  if (!existsSync(path.join(WEAPP_DIST, 'app.json'))) {
    throw new Error(`no weapp build in ${WEAPP_DIST}: run \`npm run build:weapp\` first`);
  }
  const simulate = jest.requireActual<Simulate>('miniprogram-simulate'); // also installs its `wx`
  const wx = g.wx as Record<string, Hook | object>;
  // Taro.cloud is this same object: taro.js copies `wx.cloud` when it loads.
  wx.cloud = { init: () => undefined, callFunction };
  for (const api of ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch']) {
    const original = wx[api] as Hook;
    wx[api] = (options: { url?: string }) => {
      session?.navigations.push((options.url ?? '').replace(/[?&]\$taroTimestamp=\d+/, ''));
      return original(options);
    };
  }
  // WeChat's renderer warns and draws nothing for a node whose template the build lacks.
  /* eslint-disable no-console -- routes the renderer's warnings; logs nothing of its own */
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    const missing = /^WXMLRT_.*Template `tmpl_\d+_(\w+)` not found/.exec(String(args[0]));
    if (missing?.[1] && session) session.missingTemplates.add(missing[1]);
    else warn(...args);
  };
  /* eslint-enable no-console */
  let app: Options | undefined;
  g.App = (options: Options) => void (app = options);
  g.getApp = () => app;
  g.getCurrentPages = () => [...openPages];
  g.Page = Page;
  jest.requireActual(path.join(WEAPP_DIST, 'app.js')); // requires runtime, taro, vendors, common
  if (typeof app?.onLaunch !== 'function') throw new Error(`${WEAPP_DIST}/app.js did not call App()`);
  (app.onLaunch as Hook).call(app, { path: '', query: {}, scene: 1001 });
  return simulate;
}
const simulate = install();

export interface LoadedPage {
  readonly runtime: TestRuntime;
  /** What the user reads on the page. */
  text(): string;
  /** Poll until `wanted` shows (React renders asynchronously); fails with what the page shows. */
  waitForText(wanted: string, timeoutMs?: number): Promise<void>;
  /** Poll until `condition()` holds, for effects other than text (a navigation, a write). */
  waitUntil(condition: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  /** Tap the innermost element showing `target`, or the first match of `{ selector }`. */
  tap(target: string | { selector: string }): void;
  /** Elements of the rendered WXML matching `selector` (e.g. the canvases a chart draws on). */
  all(selector: string): Element[];
  /** URLs the page asked to open (navigateTo, redirectTo, switchTab, reLaunch). */
  navigations(): string[];
  /** Taro node names the build has no template for: WeChat would draw nothing there. */
  missingTemplates(): string[];
  /** Detach (onUnload unmounts React), let pending calls settle, close the database it made. */
  unload(): Promise<void>;
}

/**
 * Render one page of the build as the WeChat user `openid`, against a fresh seeded database (or
 * `runtime`, which the caller then closes). Unload it before loading the next.
 */
export async function loadWeappPage(
  pagePath: string,
  options: { openid: string; runtime?: TestRuntime },
): Promise<LoadedPage> {
  if (session) throw new Error('another page is still loaded: unload() it first');
  const runtime = options.runtime ?? (await createTestRuntime());
  const state: Session = {
    route: pagePath,
    runtime,
    openid: options.openid,
    calls: new Set(),
    navigations: [],
    missingTemplates: new Set(),
  };
  session = state;

  // The simulator runs a page's js through the module registry, which keeps it: each path loads
  // once per file, and later pages of that path are new instances of the same definition.
  let id = loadedIds.get(pagePath);
  if (!id) {
    id = simulate.load(path.join(WEAPP_DIST, pagePath), { rootPath: WEAPP_DIST, compiler: 'official' });
    loadedIds.set(pagePath, id);
  }
  const page = simulate.render(id);
  const host = document.body.appendChild(document.createElement('div'));
  page.attach(host);

  const text = () => page.dom.textContent ?? '';
  const waitUntil = async (condition: () => boolean, what: string, timeoutMs = 2000) => {
    for (const deadline = Date.now() + timeoutMs; !condition();) {
      if (Date.now() > deadline) throw new Error(`not ${what} within ${timeoutMs} ms. Page: ${text()}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  let unloaded = false;
  return {
    runtime,
    text,
    waitForText: (wanted, timeoutMs) =>
      waitUntil(() => text().includes(wanted), `"${wanted}" shown`, timeoutMs),
    waitUntil,
    tap(target) {
      const element =
        typeof target === 'string'
          ? Array.from(page.dom.querySelectorAll('*')).findLast((el) => el.textContent?.includes(target))
          : page.dom.querySelector(target.selector);
      if (!element) throw new Error(`nothing to tap for ${JSON.stringify(target)}. Page: ${text()}`);
      tap(element);
    },
    all: (selector) => Array.from(page.dom.querySelectorAll(selector)),
    navigations: () => [...state.navigations],
    missingTemplates: () => [...state.missingTemplates].sort(),
    async unload() {
      if (unloaded) return;
      unloaded = true;
      page.detach();
      host.remove();
      await Promise.allSettled(state.calls);
      session = undefined;
      if (!options.runtime) await runtime.close();
    },
  };
}

/** A finger down and up in place: j-component turns touchstart + touchend into WeChat's `tap`. */
function tap(element: Element): void {
  const SimulatedTouch = g.Touch as new (init: object) => Touch; // miniprogram-simulate's polyfill
  const finger = () =>
    new SimulatedTouch({ identifier: 0, target: element, pageX: 1, pageY: 1, clientX: 1, clientY: 1 });
  const fire = (type: string, touches: Touch[]) =>
    element.dispatchEvent(
      new TouchEvent(type, { bubbles: true, cancelable: true, touches, changedTouches: [finger()] }),
    );
  fire('touchstart', [finger()]);
  fire('touchend', []);
}
