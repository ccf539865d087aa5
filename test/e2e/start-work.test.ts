/**
 * Issue 14.5, what the deck does before its first slide shows, each thing once and only what
 * that slide needs: the live blocks of the slide in view are built before it is drawn and the
 * others right after (all before `data-deck-ready`); reveal's own `resize` event does not reach
 * the window (where it made reveal lay every slide out again); and reveal's layout at `load`
 * is skipped when nothing that arrived could change it (src/deck/repeat-layouts.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PHONE_CONTEXT, startHarness, waitForDeck, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

/** A live fence's class (```ts live): built ones became `[data-live]`, unbuilt ones are still `pre > code`. */
const LIVE_FENCE = String.raw`^(ts|typescript)\b.*\blive\b`;

interface BlockCount {
  built: number;
  unbuilt: number;
}

/**
 * Opens the deck at `suffix` in `page` and counts its blocks at the first frame that shows the
 * deck ready (and whether `slide` has its block then), and once `data-deck-ready` is set.
 */
async function blocksAtStart(page: Page, suffix: string, slide: string) {
  type Counted = Window & { countBlocks: () => BlockCount; firstFrame: BlockCount & { inView: boolean } };
  await page.addInitScript(
    ({ fence, slide }) => {
      const page = window as unknown as Counted;
      page.countBlocks = () => ({
        built: document.querySelectorAll('[data-live]').length,
        unbuilt: [...document.querySelectorAll('pre > code')].filter((code) => new RegExp(fence).test(code.className)).length,
      });
      const check = () => {
        if (!document.querySelector('.reveal.ready')) return void requestAnimationFrame(check);
        page.firstFrame = { ...page.countBlocks(), inView: document.querySelector(`#${slide} [data-live]`) !== null };
      };
      requestAnimationFrame(check);
    },
    { fence: LIVE_FENCE, slide },
  );
  await page.goto(harness.url + suffix);
  await waitForDeck(page);
  const firstFrame = await page.evaluate(() => (window as unknown as Counted).firstFrame);
  const ready = await page.evaluate(() => (window as unknown as Counted).countBlocks());
  return { firstFrame, ready };
}

describe('live blocks at start', () => {
  it('builds the blocks of the slide in view by the first frame of the ready deck, every other one before data-deck-ready', async () => {
    const page = await harness.context.newPage();
    const { firstFrame, ready } = await blocksAtStart(page, '#/bouncer-live', 'bouncer-live');
    expect(firstFrame.inView).toBe(true);
    // Not all at once: most slides' blocks were still fences when the first slide was drawn…
    expect(firstFrame.unbuilt).toBeGreaterThan(10);
    // …and every one is a block once the deck says it is ready.
    expect(ready.unbuilt).toBe(0);
    expect(ready.built).toBe(firstFrame.built + firstFrame.unbuilt);
    await page.close();
  });

  it("on a phone (reveal's scroll view), draws the title page with no block built yet, and builds them all before data-deck-ready", async () => {
    const page = await (await harness.browser.newContext(PHONE_CONTEXT)).newPage();
    const { firstFrame, ready } = await blocksAtStart(page, '', 'bouncer-live');
    expect(await page.evaluate(() => window.Reveal.isScrollView())).toBe(true);
    expect(firstFrame.inView).toBe(false);
    expect(firstFrame.unbuilt).toBeGreaterThan(10);
    expect(ready.unbuilt).toBe(0);
    expect(ready.built).toBe(firstFrame.built + firstFrame.unbuilt);
    // A block built late is whole: scrolled to, it shows its precomputed output.
    await page.evaluate(() => {
      const page = document.getElementById('linear-collapse')!.closest<HTMLElement>('.scroll-page')!;
      document.querySelector('.reveal-viewport')!.scrollTop = page.offsetTop;
    });
    await page.waitForSelector('#linear-collapse [data-live][data-output-from="precomputed"]');
    await page.context().close();
  });
});

describe("reveal's repeated layouts", () => {
  it("reveal's own resize event reaches the deck's listeners but not the window", async () => {
    const page = await harness.context.newPage();
    await page.addInitScript(() => {
      const seen = { atDeck: 0, atWindow: 0 };
      (window as unknown as { resizes: typeof seen }).resizes = seen;
      // Capture at the document: sees reveal's event on its way down to the deck element.
      document.addEventListener('resize', (event) => (event.target as Element).classList?.contains('reveal') && seen.atDeck++, true);
      window.addEventListener('resize', (event) => event.target !== window && seen.atWindow++);
    });
    await page.goto(harness.url);
    await waitForDeck(page);
    const resizes = await page.evaluate(() => (window as unknown as { resizes: { atDeck: number; atWindow: number } }).resizes);
    // Control: reveal did announce a new scale at start (1280×800 is not its 1280×800 slide plus margin).
    expect(resizes.atDeck).toBeGreaterThan(0);
    expect(resizes.atWindow).toBe(0);
    await page.close();
  });

  /** A phone's page (reveal's scroll view), with a count of scroll-view layouts made while `load` was dispatched. */
  async function phonePage(): Promise<Page> {
    const context = await harness.browser.newContext(PHONE_CONTEXT);
    const page = await context.newPage();
    await page.addInitScript(() => {
      // Each scroll-view layout (syncPages) removes every page's snap points and adds them anew.
      const seen = { removed: 0, duringLoad: -1, pagesAtLoad: 0 };
      (window as unknown as { layouts: typeof seen }).layouts = seen;
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.removedNodes) if ((node as Element).classList?.contains('scroll-snap-point')) seen.removed++;
      }).observe(document, { childList: true, subtree: true });
      // The first listener of `load`; the timeout runs after every other one (reveal's among them).
      window.addEventListener('load', () => {
        const before = seen.removed;
        seen.pagesAtLoad = document.querySelectorAll('.scroll-page').length;
        // Mutation records arrive in a microtask: read them after the whole dispatch.
        setTimeout(() => (seen.duringLoad = seen.removed - before));
      });
    });
    return page;
  }

  interface Layouts {
    removed: number;
    duringLoad: number;
    pagesAtLoad: number;
  }
  const layouts = (page: Page) => page.evaluate(() => (window as unknown as { layouts: Layouts }).layouts);

  /** Opens the deck and gives back the count once `load` has been dispatched. */
  async function openAndCount(page: Page): Promise<Layouts> {
    await page.goto(harness.url);
    await waitForDeck(page);
    await page.waitForFunction(() => (window as unknown as { layouts: Layouts }).layouts.duringLoad >= 0);
    return layouts(page);
  }

  it("skips reveal's layout at load when the slides hold no images and no fonts were loading", async () => {
    const page = await phonePage();
    const atLoad = await openAndCount(page);
    // The scroll view was on when `load` came: a layout then would have redone its pages.
    expect(atLoad.pagesAtLoad).toBeGreaterThan(30);
    expect(atLoad.duringLoad).toBe(0);
    // Control: one layout of the deck shows in the count.
    await page.evaluate(() => window.Reveal.layout());
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve)));
    expect((await layouts(page)).removed).toBeGreaterThan(atLoad.removed);
    await page.context().close();
  });

  it('keeps that layout when the slides hold an image', async () => {
    const page = await phonePage();
    // An image in the first slide as soon as the slides are in the page (before reveal starts).
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        const slide = document.querySelector('.reveal .slides section');
        if (!slide) return;
        observer.disconnect();
        const image = document.createElement('img');
        image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
        image.alt = '';
        slide.append(image);
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    const atLoad = await openAndCount(page);
    expect(atLoad.pagesAtLoad).toBeGreaterThan(30);
    expect(atLoad.duringLoad).toBeGreaterThan(0);
    await page.context().close();
  });
});
