/**
 * The PDF handout (issue 6, item 8): `?print-pdf` runs every live block once and prints one
 * page per slide, with plots as images. Drives scripts/pdf.mjs (what `npm run pdf` runs)
 * on the built deck, then checks the PDF's own bytes, not just the page it was printed from.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, pdfImages, pdfPageCount, type PdfResult } from '../../scripts/pdf.mjs';
import { DIST, launchChromium, waitForDeck } from './harness';
import { serveStatic } from '../../scripts/static-server.mjs';

const dir = mkdtempSync(join(tmpdir(), 'rectify-pdf-'));
let browser: Awaited<ReturnType<typeof launchChromium>>;
let handout: PdfResult;

beforeAll(async () => {
  browser = await launchChromium();
  handout = await makePdf({ dist: DIST, build: false, browser, out: join(dir, 'handout.pdf'), timeoutMs: 150_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the PDF handout', () => {
  it('has one page per slide', () => {
    expect(handout.slides).toBeGreaterThan(10);
    expect(handout.pages).toBe(handout.slides);
    expect(pdfPageCount(handout.pdf)).toBe(handout.slides);
    // A slide grown by its output is fitted to its page, not cut off or split.
    expect(handout.overflowing).toEqual([]);
  });

  it("shows every live block's output — the build's for the slides' own code, a run for the rest — with static code and no editor", () => {
    expect(handout.blocks).toBeGreaterThan(0);
    const statuses = Object.entries(handout.statuses);
    for (const [id, status] of statuses) expect({ id, ok: ['done', 'precomputed'].includes(status) }).toEqual({ id, ok: true });
    // Both paths are taken: most blocks print the build's output; machine-dependent and tape blocks run.
    expect(statuses.filter(([, status]) => status === 'precomputed').length).toBeGreaterThan(0);
    expect(statuses.filter(([, status]) => status === 'done').length).toBeGreaterThan(0);
    expect(handout.editors).toBe(0);
    expect(handout.problems).toEqual([]);
  });

  it("shows every plotting block's plot as an image, and the images are in the PDF", () => {
    expect(handout.plotBlocks.length).toBeGreaterThan(0);
    expect(handout.blocksWithPlots).toEqual(expect.arrayContaining(handout.plotBlocks));
    expect(handout.plots).toBeGreaterThanOrEqual(handout.plotBlocks.length);
    expect(handout.undrawnPlots).toBe(0);
    // Each distinct plot picture is an image XObject of the same pixel size in the PDF.
    const inPdf = pdfImages(handout.pdf);
    for (const key of new Set(handout.imageSizes.map(([w, h]) => `${w}x${h}`))) {
      const wanted = handout.imageSizes.filter(([w, h]) => `${w}x${h}` === key).length;
      const found = inPdf.filter((image) => `${image.width}x${image.height}` === key).length;
      expect({ size: key, found: Math.min(found, wanted) }).toEqual({ size: key, found: wanted });
    }
  });
});

describe('the print view', () => {
  it('stays the print view once the deck is ready, also when the window is resized (as for a print dialog)', async () => {
    const server = await serveStatic(DIST);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}?print-pdf`);
      await waitForDeck(page);
      const view = () =>
        page.evaluate(() => ({
          print: window.Reveal.isPrintView(),
          pages: document.querySelectorAll('.pdf-page').length,
        }));
      const ready = await view();
      expect(ready.print).toBe(true);
      expect(ready.pages).toBeGreaterThan(10);
      await page.setViewportSize({ width: 1000, height: 700 });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      // Control: the resize reached the page.
      expect(await page.evaluate(() => window.innerWidth)).toBe(1000);
      expect(await view()).toEqual(ready);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
