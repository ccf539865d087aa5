/**
 * Every live demo of the deck, on screen, in both languages: each block runs to `done` in the
 * browser (autorun or Run), and each block that draws draws a Plotly figure with a text summary
 * for screen readers. The Node tests (test/unit/demos) check the figures' values; this checks
 * the deck. The slide list comes from the built deck, so new demos (two moons, L1 sparsity, …)
 * are covered as soon as they are added; the expected ids below make sure they are there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';

let harness: Harness;
afterAll(async () => harness?.close());
beforeAll(async () => {
  harness = await startHarness();
});

/** Demos added by issue 11: they must be in the deck, in both languages. */
const NEW_DEMOS = ['moons-linear-vs-relu', 'sparse-l1', 'born-dead-bias'];

/** Set RECTIFY_SHOTS to a folder to keep a 1280×800 screenshot of each new demo after its run, for people to look at. */
const SHOTS = process.env.RECTIFY_SHOTS;

/** How long one demo may take to end here (on a loaded 2-core CI machine, with other browser tests beside it). */
const RUN_LIMIT_MS = 20_000;

async function runEveryDemo(page: Page, slideIds: string[], lang: string): Promise<string[]> {
  const problems: string[] = [];
  for (const id of slideIds) {
    await page.evaluate((id) => {
      const { h, v } = window.Reveal.getIndices(document.getElementById(id)!);
      window.Reveal.slide(h, v, -1);
    }, id);
    const block = `#${id} [data-live]`;
    const status = await page.$eval(block, (el) => el.getAttribute('data-status'));
    if (status === 'idle') await page.click(`${block} [data-action="run"]`);
    const ended = await page
      .waitForFunction((sel) => !['idle', 'running'].includes(document.querySelector(sel)?.getAttribute('data-status') ?? ''), block, {
        timeout: RUN_LIMIT_MS,
      })
      .then(() => true)
      .catch(() => false);
    if (!ended) {
      // Name the block and what it shows, so a failure says which demo and whether it ever started.
      const now = await page.$eval(
        block,
        (el) => `${el.getAttribute('data-status')} — ${el.querySelector('[data-output]')?.textContent?.slice(0, 120)}`,
      );
      problems.push(
        `${id}: not done after ${RUN_LIMIT_MS / 1000} s, ${status === 'idle' ? 'after a click on Run' : `was ${status}`}: ${now}`,
      );
      continue;
    }
    const result = await page.$eval(block, (el) => ({
      status: el.getAttribute('data-status'),
      plots: (el.querySelector('.view-lines, .live-static, textarea') as HTMLElement | null)?.innerText.includes('plot(') ?? false,
      drawn: el.querySelectorAll('.live-plot .main-svg').length,
      labelled: [...el.querySelectorAll('.live-plot')].every((p) => (p.getAttribute('aria-label') ?? '').length > 5),
      output: el.querySelector('[data-output]')?.textContent?.slice(0, 120),
    }));
    if (SHOTS && NEW_DEMOS.includes(id)) await page.screenshot({ path: `${SHOTS}/${lang}-${id}.png` });
    if (result.status !== 'done') problems.push(`${id}: ${result.status} — ${result.output}`);
    else if (result.plots && result.drawn === 0) problems.push(`${id}: calls plot() but drew nothing`);
    else if (!result.labelled) problems.push(`${id}: a plot has no text summary`);
  }
  return problems;
}

for (const lang of ['zh', 'en'] as const) {
  describe(`the live demos (${lang})`, () => {
    let page: Page;
    let slideIds: string[] = [];
    beforeAll(async () => {
      page = await harness.open(lang === 'en' ? '?lang=en' : '');
      slideIds = await page.$$eval('section.has-live[id]', (sections) => sections.map((s) => s.id));
    });
    afterAll(async () => page?.close());

    it('are on many slides, including the new ones', () => {
      expect(slideIds.length).toBeGreaterThanOrEqual(15);
      expect(slideIds).toEqual(expect.arrayContaining(NEW_DEMOS));
      expect(lang === 'en' ? page.url() : '').toMatch(lang === 'en' ? /lang=en/ : /^$/);
    });

    it('each run to done in the browser and draw their plots', async () => {
      expect(await runEveryDemo(page, slideIds, lang)).toEqual([]);
    }, 300_000);
  });
}
