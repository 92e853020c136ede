import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startLocalServer, type LocalServer } from './local-server';

/** What one e2e suite drives: `npm start` on a fresh data directory, and Debian's Chromium. */
export async function openServerAndBrowser(): Promise<{ server: LocalServer; browser: Browser }> {
  const server = await startLocalServer();
  return { server, browser: await launchBrowser() };
}

/** Close what `openServerAndBrowser` opened; either may be missing when it failed half-way. */
export async function closeServerAndBrowser(server?: LocalServer, browser?: Browser): Promise<void> {
  await browser?.close();
  await server?.stop();
}
