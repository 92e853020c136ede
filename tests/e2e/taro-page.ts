import type { Page } from 'playwright-core';

/** Taro's H5 router keeps earlier pages in the DOM, hidden: tap the text the person can see. */
export async function tap(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: true }).filter({ visible: true }).first().click();
}

/** Tap a tab of a SegmentTabs bar (a 工作台 tile may show the same words while the page slides in). */
export async function tapTab(page: Page, text: string): Promise<void> {
  await page.locator('.segment-tab', { hasText: text }).filter({ visible: true }).first().click();
}

/** Tap a ChoiceChips chip: a list card the page slid over may show the same words (a category). */
export async function tapChip(page: Page, text: string): Promise<void> {
  await page.locator('.choice-chip', { hasText: text }).filter({ visible: true }).first().click();
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

export interface DrawnChart {
  /** The chart's figures in words (its `data-summary`). */
  summary: string;
  /** Pixels painted something other than white or transparent: 0 means nothing was drawn. */
  ink: number;
}

/**
 * The charts visible inside `scope`, read back from their canvases: what each says it shows and
 * how much of it was painted, so a test can tell a drawn chart from an empty canvas. uCharts draws
 * on a timer after layout, so this reads again (for up to 5 s) until every canvas shows something.
 */
export async function drawnCharts(page: Page, scope: string): Promise<DrawnChart[]> {
  await settled(page);
  const charts = page.locator(`${scope} .chart`).filter({ visible: true });
  const read = () =>
    charts.evaluateAll((elements) =>
      elements.map((chart) => {
        const canvas = chart.querySelector('canvas');
        const pixels = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
        let ink = 0;
        for (let i = 0; pixels && i < pixels.length; i += 4) {
          const painted = pixels[i]! < 235 || pixels[i + 1]! < 235 || pixels[i + 2]! < 235;
          if (pixels[i + 3]! > 0 && painted) ink++;
        }
        return { summary: chart.getAttribute('data-summary') ?? '', ink };
      }),
    );
  for (const deadline = Date.now() + 5000; ; await page.waitForTimeout(100)) {
    const drawn = await read();
    if (drawn.every((chart) => chart.ink > 0) || Date.now() > deadline) return drawn;
  }
}
