/**
 * The training time machine (issue 13): the dead-ReLU demo records two tapes; the scrubber under
 * its output redraws the network views and the loss marker from them without running the
 * snippet again, steps one snapshot with Step and the arrow keys (which never move the deck),
 * and print view shows the final snapshot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { indices, startHarness, waitForDeck, type Harness } from './harness';
import { countSandboxRuns, sandboxRuns } from './sandbox-runs';

const SLIDE = 'dead-relu-scrub';
const BLOCK = `#${SLIDE} [data-live]`;
const MACHINE = `${BLOCK} .live-after-output`;
const SLIDER = `${BLOCK} [data-timeline] input[type=range]`;
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

const status = (page: Page) => page.$eval(BLOCK, (el) => el.getAttribute('data-status'));

/** Waits until the scrubber has drawn snapshot `index`. */
const drawn = (page: Page, index: number) =>
  page.waitForFunction(([sel, i]) => document.querySelector<HTMLElement>(sel as string)?.dataset.tmDrawn === String(i), [MACHINE, index]);

/** What the figures show now: the ReLU diagram's pixels (it is painted on a canvas) and where the loss chart's dots are. */
const shown = (page: Page) =>
  page.evaluate((sel) => {
    type Plot = HTMLElement & { layout?: { shapes?: Array<{ xanchor: number }> } };
    const plot = (key: string) => document.querySelector<Plot>(`${sel} [data-tm-view="${key}"]`)!;
    const network = plot('network:relu').querySelector('canvas')!.toDataURL();
    const dots = plot('loss').layout!.shapes!;
    return {
      network,
      lossMarker: dots.map((dot) => dot.xanchor),
      label: plot('network:relu').getAttribute('aria-label'),
    };
  }, MACHINE);

/** Drags the slider's thumb to a fraction of its track. */
async function dragTo(page: Page, from: number, to: number): Promise<void> {
  const box = (await page.locator(SLIDER).boundingBox())!;
  const at = (f: number) => box.x + 8 + f * (box.width - 16);
  await page.mouse.move(at(from), box.y + box.height / 2);
  await page.mouse.down();
  for (let k = 1; k <= 8; k++) await page.mouse.move(at(from + ((to - from) * k) / 8), box.y + box.height / 2);
  await page.mouse.up();
}

describe('time machine', () => {
  it('scrubs the recorded run without running it again; Step and the arrow keys move one snapshot, and the deck stays put', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    await context.addInitScript(countSandboxRuns);
    const page = await context.newPage();
    await page.goto(`${harness.url}#/${SLIDE}`);
    await waitForDeck(page);
    await page.waitForSelector(`${BLOCK}[data-editor-ready]`);
    await page.click(`${BLOCK} [data-action="run"]`);
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') === 'done', BLOCK, { timeout: 30_000 });
    // 14 snapshots: the final one is shown first.
    await drawn(page, 13);
    expect(await page.$eval(SLIDER, (el) => (el as HTMLInputElement).max)).toBe('13');
    const runs = await sandboxRuns(page);
    expect(runs).toBe(1);
    const last = await shown(page);

    await dragTo(page, 1, 0);
    await drawn(page, 0);
    const start = await shown(page);
    expect(start.network).not.toBe(last.network);
    expect(start.lossMarker).toEqual([0, 0]);
    expect(start.label).toMatch(/20 个单元，死掉 4 个/); // the summary counts the units dead at the start (second layer)
    // Hover a dead unit of the second layer: its tip says so, as Plotly's did.
    const canvas = page.locator(`${MACHINE} [data-tm-view="network:relu"] canvas`);
    const tip = page.locator(`${MACHINE} [data-tm-view="network:relu"] .network-tip`);
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + 2);
    await expect.poll(() => tip.isHidden()).toBe(true); // control: nothing under the pointer in a corner
    // A dead unit is where the canvas shows their grey (#b9b6ae), as a viewer finds it.
    const deadAt = await canvas.evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < pixels.length; i += 4) {
        const near = (k: number, v: number) => Math.abs(pixels[i + k] - v) <= 4;
        if (near(0, 185) && near(1, 182) && near(2, 174)) {
          const ratio = c.width / c.clientWidth;
          return [((i / 4) % c.width) / ratio, Math.floor(i / 4 / c.width) / ratio];
        }
      }
      return undefined;
    });
    expect(deadAt).toBeDefined();
    const [dx, dy] = deadAt!;
    const scale = box.width / (await canvas.evaluate((el) => (el as HTMLCanvasElement).clientWidth));
    await page.mouse.move(box.x + dx * scale, box.y + dy * scale);
    await expect.poll(() => tip.textContent()).toMatch(/死掉/);

    await dragTo(page, 0, 0.5);
    await page.waitForFunction((sel) => Number(document.querySelector<HTMLElement>(sel)?.dataset.tmDrawn) > 4, MACHINE);
    const middle = await shown(page);
    expect(middle.network).not.toBe(start.network);
    expect(middle.lossMarker[0]).toBeGreaterThan(0);
    await dragTo(page, 0.5, 0);
    await drawn(page, 0);
    expect((await shown(page)).network).toBe(start.network); // the same moment draws the same picture

    // Step: one snapshot forward, one back.
    await page.click(`${BLOCK} [data-tm="forward"]`);
    await drawn(page, 1);
    await page.click(`${BLOCK} [data-tm="back"]`);
    await drawn(page, 0);

    // Arrow keys inside the slider step the run (the event), and the deck does not move.
    const slide = await indices(page);
    await page.focus(SLIDER);
    await page.keyboard.press('ArrowRight');
    await drawn(page, 1);
    await page.keyboard.press('ArrowRight');
    await drawn(page, 2);
    await page.keyboard.press('ArrowLeft');
    await drawn(page, 1);
    expect(await indices(page)).toEqual(slide);

    // Nothing ran while scrubbing; control: Run does start a run, which the same probe counts.
    expect(await status(page)).toBe('done');
    expect(await sandboxRuns(page)).toBe(runs);
    await page.click(`${BLOCK} [data-action="run"]`);
    await expect.poll(() => sandboxRuns(page)).toBe(runs + 1);
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') === 'done', BLOCK, { timeout: 30_000 });
    // The viewer's moment is kept across the re-run: same seed, same snapshot.
    await drawn(page, 1);

    // Control for the keys: outside the slider the same arrow moves the deck.
    await page.locator(`#${SLIDE} h3`).click();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => indices(page)).not.toEqual(slide);
    await context.close();
  }, 90_000);

  it('print view shows the final snapshot', async () => {
    const page = await harness.context.newPage();
    await page.goto(`${harness.url}?print-pdf`);
    await waitForDeck(page);
    await page.waitForFunction(() => document.documentElement.dataset.printReady === 'true', null, { timeout: 240_000 });
    expect(await page.$eval(MACHINE, (el) => (el as HTMLElement).dataset.tmIndex)).toBe('13');
    expect(await page.$eval(`${MACHINE} .tm-at`, (el) => el.textContent)).toContain('14/14');
    // Its figures were drawn and printed as images, like every other plot.
    expect(await page.$$eval(`${MACHINE} img.live-plot-image`, (els) => els.length)).toBe(3);
    await page.close();
  }, 300_000);
});
