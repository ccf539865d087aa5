/**
 * Issue 14.2, the served deck: before anyone presses Run, every live block shows the output
 * its slide's code gave at build time (plots where the code draws), marked as precomputed;
 * a block whose figures depend on the viewer's machine says so instead. Nothing runs for it.
 * Pressing Run gives the same output in the browser (the build ran the same snippet module).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { goToSlide, startHarness, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

interface BlockSeen {
  id: string;
  slide: string;
  draws: boolean;
  outputFrom?: string;
  status: string;
  plots: number;
}

/** Shows each live block's slide and records what the block shows once its precomputed output (or a run) arrived. */
async function visitBlocks(page: Page): Promise<BlockSeen[]> {
  const blocks = await page.$$eval('[data-live]', (els) =>
    els.map((el) => ({
      id: (el as HTMLElement).dataset.blockId!,
      slide: el.closest('section[id]')!.id,
    })),
  );
  const seen: BlockSeen[] = [];
  for (const block of blocks) {
    await goToSlide(page, block.slide);
    const selector = `[data-block-id="${block.id}"]`;
    await page
      .waitForFunction(
        (sel) => {
          const el = document.querySelector<HTMLElement>(sel)!;
          return el.dataset.outputFrom !== undefined || !['idle', 'running'].includes(el.dataset.status!);
        },
        selector,
        { timeout: 20_000 },
      )
      .catch(async (error: unknown) => {
        const state = await page.$eval(selector, (el) => el.outerHTML.slice(0, 300));
        throw new Error(`${block.id} on ${block.slide} showed neither a precomputed output nor a run: ${state}`, { cause: error });
      });
    const draws = await page.$eval(selector, (el) => /\bplot\s*\(/.test(el.querySelector('.live-static, .view-lines')?.textContent ?? ''));
    if (draws)
      await page.waitForSelector(`${selector} .live-plot .main-svg`, { state: 'attached', timeout: 20_000 }).catch(() => undefined);
    seen.push({
      ...block,
      draws,
      ...(await page.$eval(selector, (el) => ({
        outputFrom: (el as HTMLElement).dataset.outputFrom,
        status: (el as HTMLElement).dataset.status!,
        plots: el.querySelectorAll('.live-plot .main-svg').length,
      }))),
    });
  }
  return seen;
}

describe('outputs before Run', () => {
  for (const lang of ['zh', 'en']) {
    it(`every block of the ${lang} deck shows its build-time output (or says it depends on the device), and none ran`, async () => {
      const page = await harness.open(lang === 'en' ? '?lang=en#/title' : '#/title');
      const seen = await visitBlocks(page);
      expect(seen.length).toBeGreaterThan(10);
      const ranByItself = seen.filter((b) => b.outputFrom === undefined);
      // Autorun blocks still run on arrival; every other block shows what the build computed.
      for (const block of ranByItself) expect(block.status, block.id).not.toBe('idle');
      const precomputed = seen.filter((b) => b.outputFrom === 'precomputed');
      expect(precomputed.length).toBeGreaterThan(seen.length / 2);
      for (const block of precomputed) {
        expect(block.status, block.id).toBe('idle');
        if (block.draws) expect(block.plots, block.id).toBeGreaterThan(0);
      }
      // The speed demo's figures are the viewer's machine's, not the build's.
      expect(seen.filter((b) => b.outputFrom === 'machine-dependent').map((b) => b.slide)).toContain('speed');
      await page.close();
    }, 240_000);
  }

  it('equal what a run in the browser gives', async () => {
    const page = await harness.open('#/four-guests');
    const BLOCK = '#four-guests [data-live]';
    await page.waitForSelector(`${BLOCK}[data-output-from="precomputed"] [data-output] .log`, { state: 'attached', timeout: 60_000 });
    const shown = () =>
      page.$eval(BLOCK, (el) => ({
        logs: [...el.querySelectorAll('[data-output] .log')].map((line) => line.textContent),
        plots: [...el.querySelectorAll('[data-output] .live-plot')].map((plot) => plot.getAttribute('aria-label')),
      }));
    const before = await shown();
    expect(before.logs.length).toBeGreaterThan(3);
    await page.click(`${BLOCK} [data-action="run"]`);
    await page.waitForSelector(`${BLOCK}:is([data-status="done"], [data-status="error"], [data-status="killed"])`, { timeout: 60_000 });
    expect(await page.$eval(BLOCK, (el) => `${el.getAttribute('data-status')} ${el.querySelector('.live-state')?.textContent}`)).toMatch(
      /^done /,
    );
    expect(await page.$eval(BLOCK, (el) => (el as HTMLElement).dataset.outputFrom)).toBeUndefined();
    expect(await shown()).toEqual(before);
    await page.close();
  }, 90_000);
});
