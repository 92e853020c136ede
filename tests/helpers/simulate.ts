import path from 'node:path';
import { createTestRuntime, type TestRuntime } from './test-runtime';

/** The Taro weapp output these tests render; `npm run build:weapp` writes it. */
export const WEAPP_DIST = path.resolve(__dirname, '../../miniprogram/dist/weapp');

/** The part of miniprogram-simulate we use. Its own typings pull miniprogram-api-typings' globals
 * (`wx`, `Page`, `setTimeout`...) into the whole program, so they are not imported. */
interface Simulate {
  load(componentPath: string, options: { rootPath: string; compiler: 'official' | 'simulate' }): string;
  render(id: string): RenderedComponent;
}
interface RenderedComponent {
  readonly dom: HTMLElement;
  attach(parent: Node): void;
  detach(): void;
}
type Options = Record<string, unknown>;
type Hook = (this: PageInstance, ...args: unknown[]) => unknown;
interface PageInstance {
  route: string;
  [hook: string]: unknown;
}
interface CloudCall {
  name: string;
  data?: { action?: unknown; input?: unknown };
  success?: (res: unknown) => void;
  fail?: (err: unknown) => void;
  complete?: () => void;
}

const g = globalThis as unknown as Record<string, unknown>;
let simulate: Simulate | undefined;
let current: { runtime: TestRuntime; openid: string; inFlight: Set<Promise<unknown>> } | undefined;
const openPages: PageInstance[] = [];
const componentIds = new Map<string, string>();

const hookOf = (instance: PageInstance, name: string) =>
  typeof instance[name] === 'function' ? (instance[name] as Hook).bind(instance) : undefined;

/**
 * WeChat's `Page()` on top of the simulator's `Component()`, the way the base library does it:
 * every function of the page object is a method of the instance (Taro's onReady does
 * `this.onReady.called = true`; without the method that throws "Cannot set properties of undefined
 * (setting 'called')" once the page has loaded), and the page lifecycle follows the component's.
 */
function Page(page: Options): void {
  const route = pendingRoute;
  const methods = Object.fromEntries(Object.entries(page).filter(([, v]) => typeof v === 'function'));
  (g.Component as (options: Options) => void)({
    data: page.data,
    methods,
    lifetimes: {
      attached(this: PageInstance) {
        this.route = route;
        openPages.push(this);
        hookOf(this, 'onLoad')?.(pendingQuery);
        hookOf(this, 'onShow')?.();
      },
      ready(this: PageInstance) {
        hookOf(this, 'onReady')?.();
      },
      detached(this: PageInstance) {
        hookOf(this, 'onUnload')?.();
        openPages.splice(openPages.indexOf(this), 1);
      },
    },
  });
}
let pendingRoute = '';
let pendingQuery: Record<string, string> = {};

/** CloudBase supplies the caller's OPENID itself; here it is the identity of the page under test. */
function callFunction(call: CloudCall): Promise<unknown> {
  const caller = current;
  const result = (async () => {
    if (!caller) throw new Error('cloud.callFunction:fail no page is loaded');
    const { action, input } = call.data ?? {};
    if (typeof action !== 'string') throw new Error('cloud.callFunction:fail data must be { action, input }');
    const envelope = await caller.runtime.call(caller.openid, call.name, action, input ?? {});
    return { errMsg: 'cloud.callFunction:ok', result: envelope, requestID: 'simulate' };
  })();
  caller?.inFlight.add(result);
  void result.finally(() => caller?.inFlight.delete(result)).catch(() => undefined);
  // wx APIs answer through callbacks when given any, else through the promise.
  if (!call.success && !call.fail && !call.complete) return result;
  result.then(call.success, call.fail).finally(call.complete);
  return Promise.resolve();
}

/** Once per test file (jest module registry): the simulator, the globals the base library would
 * provide, then the app bundle, which brings in runtime/taro/vendors/common itself. */
async function setUp(): Promise<Simulate> {
  if (simulate) return simulate;
  simulate = jest.requireActual<Simulate>('miniprogram-simulate');
  const wx = g.wx as Record<string, unknown>;
  // Taro copies `wx.cloud` once, when taro.js loads: a fixed object that asks `current` per call.
  wx.cloud = { init: () => undefined, callFunction };
  let app: Options | undefined;
  g.App = (options: Options) => void (app = options);
  g.getApp = () => app;
  g.getCurrentPages = () => [...openPages];
  g.Page = Page;
  jest.requireActual(path.join(WEAPP_DIST, 'app.js'));
  if (!app) throw new Error(`${WEAPP_DIST}/app.js did not call App()`);
  (app.onLaunch as (o: Options) => void).call(app, { path: '', query: {}, scene: 1001 });
  return simulate;
}

export interface LoadedPage {
  /** All text on the page, as the user reads it. */
  text(): string;
  /** Poll until `text` shows; React renders asynchronously. Fails with what the page shows. */
  waitForText(text: string, timeoutMs?: number): Promise<void>;
  /** Tap the innermost element showing `text`, or the first match of a CSS selector. */
  tap(target: string | { selector: string }): void;
  /** Detach the page (onUnload unmounts React), let pending calls settle, close its database. */
  unload(): Promise<void>;
  readonly runtime: TestRuntime;
}

/**
 * Render one page of the weapp build as the WeChat user `openid`, against the real back end on a
 * fresh seeded database (or `runtime`). One page at a time; call `unload()` when done.
 */
export async function loadWeappPage(
  pagePath: string,
  options: { openid: string; runtime?: TestRuntime; query?: Record<string, string> },
): Promise<LoadedPage> {
  if (current) throw new Error('a page is still loaded: unload() it first');
  const sim = await setUp();
  const runtime = options.runtime ?? (await createTestRuntime());
  const state = { runtime, openid: options.openid, inFlight: new Set<Promise<unknown>>() };
  current = state;

  // The simulator runs a page's js through the module registry, so it can load a path only once
  // per file; later pages of the same path render new instances of that definition.
  pendingRoute = pagePath;
  pendingQuery = options.query ?? {};
  let id = componentIds.get(pagePath);
  if (!id) {
    id = sim.load(path.join(WEAPP_DIST, pagePath), { rootPath: WEAPP_DIST, compiler: 'official' });
    componentIds.set(pagePath, id);
  }
  const page = sim.render(id);
  const parent = document.createElement('div');
  document.body.appendChild(parent);
  page.attach(parent);

  const text = () => page.dom.textContent ?? '';
  return {
    runtime,
    text,
    async waitForText(wanted, timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      while (!text().includes(wanted)) {
        if (Date.now() > deadline) throw new Error(`"${wanted}" not shown within ${timeoutMs} ms; page: ${text()}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    tap(target) {
      const element = typeof target === 'string' ? innermostWithText(page.dom, target) : page.dom.querySelector(target.selector);
      if (!element) throw new Error(`nothing to tap for ${JSON.stringify(target)}; page: ${text()}`);
      tapElement(element);
    },
    async unload() {
      page.detach();
      parent.remove();
      await Promise.allSettled(state.inFlight);
      current = undefined;
      if (!options.runtime) await runtime.close();
    },
  };
}

function innermostWithText(root: Element, wanted: string): Element | null {
  const matches = [...root.querySelectorAll('*')].filter((el) => el.textContent?.includes(wanted));
  return matches.at(-1) ?? null;
}

/** A finger down and up on the element: j-component turns touchstart + touchend into `tap`. */
function tapElement(element: Element): void {
  const touch = { identifier: 0, target: element, clientX: 1, clientY: 1, pageX: 1, pageY: 1 };
  const fire = (type: string, touches: object[]) =>
    element.dispatchEvent(
      new TouchEvent(type, { bubbles: true, cancelable: true, touches: touches as Touch[], changedTouches: [touch as Touch] }),
    );
  fire('touchstart', [touch]);
  fire('touchend', []);
}
