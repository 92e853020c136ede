import type { Page } from 'playwright-core';

/** Taro's H5 router keeps earlier pages in the DOM, hidden: tap the text the person can see. */
export async function tap(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: true }).filter({ visible: true }).first().click();
}

/** Tap a tab of a SegmentTabs bar (a 工作台 tile may show the same words while the page slides in). */
export async function tapTab(page: Page, text: string): Promise<void> {
  await page.locator('.segment-tab', { hasText: text }).filter({ visible: true }).first().click();
}

/**
 * Wait until the page slide (navigateTo / navigateBack) has finished, so a screenshot shows one
 * page, not two halves. Endless animations (a spinner) are not transitions and are ignored.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
}
