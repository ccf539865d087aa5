/**
 * Every live demo of the deck, on screen: each block runs to `done` in the browser (autorun
 * or Run), and each block that draws draws a Plotly figure with a text summary for screen
 * readers. The Node tests (test/unit/demos) check the figures' values; this checks the deck.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';

let harness: Harness;
let page: Page;
let slideIds: string[] = [];

beforeAll(async () => {
  harness = await startHarness();
  page = await harness.open();
  slideIds = await page.$$eval('section.has-live[id]', (sections) => sections.map((s) => s.id));
});
afterAll(async () => harness?.close());

describe('the live demos', () => {
  it('are on many slides', () => {
    expect(slideIds.length).toBeGreaterThanOrEqual(12);
  });

  it('each run to done in the browser and draw their plots', async () => {
    const problems: string[] = [];
    for (const id of slideIds) {
      await page.evaluate((id) => {
        const { h, v } = window.Reveal.getIndices(document.getElementById(id)!);
        window.Reveal.slide(h, v, -1);
      }, id);
      const block = `#${id} [data-live]`;
      const status = await page.$eval(block, (el) => el.getAttribute('data-status'));
      if (status === 'idle') await page.click(`${block} [data-action="run"]`);
      await page.waitForFunction(
        (sel) => !['idle', 'running'].includes(document.querySelector(sel)?.getAttribute('data-status') ?? ''),
        block,
        { timeout: 15_000 },
      );
      const result = await page.$eval(block, (el) => ({
        status: el.getAttribute('data-status'),
        plots: (el.querySelector('.view-lines, .live-static, textarea') as HTMLElement | null)?.innerText.includes('plot(') ?? false,
        drawn: el.querySelectorAll('.live-plot .main-svg').length,
        labelled: [...el.querySelectorAll('.live-plot')].every((p) => (p.getAttribute('aria-label') ?? '').length > 5),
        output: el.querySelector('[data-output]')?.textContent?.slice(0, 120),
      }));
      if (result.status !== 'done') problems.push(`${id}: ${result.status} — ${result.output}`);
      else if (result.plots && result.drawn === 0) problems.push(`${id}: calls plot() but drew nothing`);
      else if (!result.labelled) problems.push(`${id}: a plot has no text summary`);
    }
    expect(problems).toEqual([]);
  });
});
