/**
 * The built deck in Chromium: every slide renders, keys and deep links navigate, notes,
 * math and fragments work, and nothing is requested from another origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST, goToSlide, indices, startHarness, type Harness } from './harness';

let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await startHarness(DIST, '/talks/relu/');
  page = await harness.open();
});
afterAll(async () => harness?.close());

/** Every slide's indices, in deck order (vertical slides included). */
function allSlides(): Promise<Array<{ h: number; v: number }>> {
  return page.evaluate(() =>
    window.Reveal.getSlides().map((slide) => {
      const { h, v } = window.Reveal.getIndices(slide);
      return { h, v: v ?? 0 };
    }),
  );
}

describe('the deck', () => {
  it('loads from a sub-path and renders every slide file, each slide with a heading', async () => {
    const slides = await allSlides();
    expect(slides.length).toBeGreaterThanOrEqual(12);
    const missing: string[] = [];
    for (const { h, v } of slides) {
      const heading = await page.evaluate(
        ([h, v]) => {
          window.Reveal.slide(h, v);
          return window.Reveal.getCurrentSlide()?.querySelector('h1, h2, h3')?.textContent?.trim() ?? '';
        },
        [h, v],
      );
      if (!heading) missing.push(`${h}/${v}`);
    }
    expect(missing).toEqual([]);
  });

  it('has speaker notes on every slide', async () => {
    const withoutNotes = await page.evaluate(() =>
      window.Reveal.getSlides()
        .filter((slide) => !(window.Reveal.getSlideNotes(slide) ?? '').trim())
        .map((slide) => slide.getAttribute('data-source')),
    );
    expect(withoutNotes).toEqual([]);
  });

  it('moves with the arrow keys and the space bar', async () => {
    await page.evaluate(() => window.Reveal.slide(0, 0));
    await page.keyboard.press('ArrowRight');
    expect((await indices(page)).h).toBe(1);
    await page.keyboard.press('ArrowLeft');
    expect((await indices(page)).h).toBe(0);
    await page.keyboard.press(' ');
    expect((await indices(page)).h).toBe(1);
  });

  it('opens a deep link on the right slide, and stays there after a reload', async () => {
    const slides = await allSlides();
    const vertical = slides.find((s) => s.v === 1);
    const target = vertical ?? slides[3];
    const deep = await harness.open(`#/${target.h}/${target.v}`);
    expect(await indices(deep)).toMatchObject(target);
    await deep.reload();
    await deep.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
    expect(await indices(deep)).toMatchObject(target);
    await deep.close();
  });

  it('typesets the ReLU formula with KaTeX', async () => {
    await goToSlide(page, 'relu-formula');
    await page.waitForSelector('#relu-formula .katex-display', { timeout: 10_000 });
    const text = await page.textContent('#relu-formula .katex-display .katex-mathml');
    expect(text).toContain('max');
  });

  it('reveals the four guests one by one as fragments', async () => {
    await goToSlide(page, 'bouncer');
    const visible = () => page.$$eval('#bouncer .fragment.visible', (els) => els.map((e) => e.textContent ?? ''));
    expect(await visible()).toEqual([]);
    const amounts = ['100', '5', '0', '-50'];
    for (let i = 0; i < amounts.length; i++) {
      await page.keyboard.press('ArrowRight');
      const shown = await visible();
      expect(shown).toHaveLength(i + 1);
      expect(shown[i]).toContain(amounts[i]);
      expect(await page.evaluate(() => window.Reveal.getCurrentSlide()?.id)).toBe('bouncer');
    }
  });

  it('highlights code with the languages it knows', async () => {
    const tokens = await page.evaluate(() => document.querySelectorAll('.reveal pre code.hljs [class^="hljs-"]').length);
    expect(tokens).toBeGreaterThan(0);
  });

  it('has the overview (O), jump-to-slide (G) and help (?) of reveal.js', async () => {
    await page.evaluate(() => window.Reveal.slide(0, 0));
    await page.keyboard.press('o');
    expect(await page.evaluate(() => window.Reveal.isOverview())).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => window.Reveal.isOverview())).toBe(false);
    await page.keyboard.press('g');
    await page.waitForSelector('.jump-to-slide-input');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    expect((await indices(page)).h).toBe(2);
    await page.keyboard.press('Shift+Slash');
    await page.waitForSelector('.r-overlay-help');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.r-overlay-help', { state: 'detached' });
  });

  it('searches the slides with Ctrl+Shift+F (search loads when the deck is idle)', async () => {
    await page.waitForFunction(() => window.Reveal.hasPlugin('search'), null, { timeout: 15_000 });
    await goToSlide(page, 'title');
    await page.keyboard.press('Control+Shift+F');
    await page.waitForSelector('.searchbox .searchinput', { state: 'visible' });
    await page.fill('.searchinput', 'Leaky');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window.Reveal.getCurrentSlide()?.textContent ?? '').includes('Leaky'));
    await page.keyboard.press('Control+Shift+F');
    // No input may keep the focus: keys typed there never reach the deck.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  });

  it('opens the speaker view with the current slide notes on S', async () => {
    await goToSlide(page, 'bouncer');
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('INPUT'); // keys would go to the input
    await page.waitForFunction(() => window.Reveal.hasPlugin('notes'), null, { timeout: 15_000 }); // loaded when idle
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => void dialogs.push(dialog.message()));
    const [popup] = await Promise.all([
      page.waitForEvent('popup', { timeout: 15_000 }).catch((e: Error) => {
        throw new Error(`no speaker view popup (${dialogs.join(' | ') || 'no dialog'}): ${e.message}`);
      }),
      page.keyboard.press('s'),
    ]);
    await popup.waitForSelector('.speaker-controls-notes .value', { state: 'attached' });
    await popup.waitForFunction(() => (document.querySelector('.speaker-controls-notes .value')?.textContent ?? '').length > 10, null, {
      timeout: 15_000,
    });
    expect(await popup.textContent('.speaker-controls-notes .value')).toContain('客人 A');
    expect(await popup.$$eval('iframe', (frames) => frames.length)).toBe(2);
    await popup.close();
  });

  it('requests nothing from any other origin', async () => {
    const origin = new URL(harness.url).origin;
    const foreign = harness.requests.filter((url) => !url.startsWith(origin) && !/^(data|blob|about):/.test(url));
    expect(harness.requests.length).toBeGreaterThan(3);
    expect(foreign).toEqual([]);
  });
});
