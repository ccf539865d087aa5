/**
 * Phones (issue 6, item 5): at 390×844 with touch, the built deck uses reveal's scroll view,
 * every slide is laid out at the phone's width with readable text, live blocks get the
 * plain textarea editor (never Monaco), Run is a thumb-sized button, the output and plots
 * fit the width, and a swipe moves on. Screenshots land in test-results/phone/.
 */
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { PHONE_CONTEXT, startHarness, waitForDeck, type Harness } from './harness';

const { width: WIDTH, height: HEIGHT } = PHONE_CONTEXT.viewport;
const BLOCK = '#bouncer-live [data-live]';
const SHOTS = 'test-results/phone';
let harness: Harness;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  harness = await startHarness();
  context = await phoneContext();
  page = await context.newPage();
  await page.goto(`${harness.url}#/bouncer-live`);
  await waitForDeck(page);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await waitForDeck(page);
  await mkdir(SHOTS, { recursive: true });
});
afterAll(async () => {
  await context?.close();
  await harness?.close();
});

/** A fresh phone-sized touch context of its own (no service worker). */
function phoneContext(): Promise<BrowserContext> {
  return harness.browser.newContext(PHONE_CONTEXT);
}

/** Scrolls to the top of a slide's page (by id, or by position among the pages), as a reader would. */
async function showSlide(find: string | number): Promise<void> {
  await page.evaluate((find) => {
    const slide =
      typeof find === 'string'
        ? document.getElementById(find)!
        : document.querySelectorAll('.scroll-page > .scroll-page-sticky > .scroll-page-content > section')[find]!;
    document.querySelector('.reveal-viewport')!.scrollTop = slide.closest<HTMLElement>('.scroll-page')!.offsetTop;
  }, find);
  // reveal follows the scroll position on the next animation frame.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

const status = () => page.$eval(BLOCK, (el) => el.getAttribute('data-status'));
const output = () => page.$eval(`${BLOCK} [data-output]`, (el) => el.textContent ?? '');

/** Taps Run and waits for the run that tap started to end; returns how it ended. */
async function tapRun(): Promise<string> {
  await page.$eval(BLOCK, (el) => {
    (window as unknown as { runsSeen: number }).runsSeen = 0;
    new MutationObserver(() => {
      if (el.getAttribute('data-status') === 'running') (window as unknown as { runsSeen: number }).runsSeen++;
    }).observe(el, { attributeFilter: ['data-status'] });
  });
  await page.tap(`${BLOCK} [data-action="run"]`);
  await page.waitForFunction(
    (sel) =>
      (window as unknown as { runsSeen: number }).runsSeen > 0 && document.querySelector(sel)?.getAttribute('data-status') !== 'running',
    BLOCK,
    { timeout: 15_000 },
  );
  return (await status()) ?? '';
}

describe('the deck on a phone (390×844, touch)', () => {
  it("uses reveal's scroll view", async () => {
    const view = await page.evaluate(() => ({
      scroll: (window.Reveal as typeof window.Reveal & { isScrollView(): boolean }).isScrollView(),
      // reveal leaves empty stack sections behind (hidden by phone.css): no slide is outside a page.
      horizontal: window.Reveal.getHorizontalSlides().filter((s) => s.textContent?.trim()).length,
      pages: document.querySelectorAll('.scroll-page').length,
      slides: window.Reveal.getSlides().filter((s) => s.closest('.scroll-page')).length,
    }));
    expect(view.scroll).toBe(true);
    expect(view.horizontal).toBe(0);
    expect(view.pages).toBe(view.slides);
    expect(view.pages).toBeGreaterThan(20);
  });

  it("shows every slide's heading on screen, at the phone's width, with text of 14 px or more", async () => {
    const count = await page.evaluate(() => document.querySelectorAll('.scroll-page').length);
    const problems: string[] = [];
    for (let i = 0; i < count; i++) {
      await showSlide(i);
      const found = await page.evaluate((i) => {
        const slide = document.querySelectorAll<HTMLElement>('.scroll-page > .scroll-page-sticky > .scroll-page-content > section')[i]!;
        const name = slide.id || `slide ${i}`;
        const issues: string[] = [];
        if (window.Reveal.getCurrentSlide() !== slide) issues.push(`${name}: not the current slide after scrolling to it`);
        const heading = slide.querySelector<HTMLElement>('h1, h2, h3');
        if (!heading) return [...issues, `${name}: no heading`];
        const box = heading.getBoundingClientRect();
        if (box.top < 0 || box.bottom > innerHeight || box.left < 0 || box.right > innerWidth || box.height === 0) {
          issues.push(`${name}: heading at ${JSON.stringify(box)}`);
        }
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        if (!hit || !heading.contains(hit)) issues.push(`${name}: heading covered by ${hit?.className}`);
        // Text size as drawn: computed size times any scale (reveal scales slides with a transform).
        const scale = slide.getBoundingClientRect().width / slide.offsetWidth;
        if (slide.getBoundingClientRect().width > innerWidth + 1) issues.push(`${name}: slide wider than the screen`);
        for (const el of slide.querySelectorAll<HTMLElement>('h1, h2, h3, p, li, blockquote, td, th, .live-output .log')) {
          if (!el.textContent?.trim() || el.closest('aside.notes, pre')) continue;
          const px = parseFloat(getComputedStyle(el).fontSize) * scale;
          if (px < 14) issues.push(`${name}: ${el.tagName} "${el.textContent.trim().slice(0, 20)}" at ${px.toFixed(1)} px`);
        }
        return issues;
      }, i);
      problems.push(...found);
    }
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
  });

  it('gives a live block a plain textarea editor, never Monaco', async () => {
    await showSlide('bouncer-live');
    await page.waitForSelector(`${BLOCK}[data-editor-ready] textarea`, { timeout: 20_000 });
    expect(await page.$$('.monaco-editor')).toHaveLength(0);
    const textarea = await page.$eval(`${BLOCK} textarea`, (el) => ({
      value: (el as HTMLTextAreaElement).value,
      spellcheck: (el as HTMLTextAreaElement).spellcheck,
      autocapitalize: el.getAttribute('autocapitalize'),
      autocorrect: el.getAttribute('autocorrect'),
      fontSize: parseFloat(getComputedStyle(el).fontSize),
      fontFamily: getComputedStyle(el).fontFamily,
      fits: el.getBoundingClientRect().right <= innerWidth && el.scrollHeight <= el.clientHeight + 2,
    }));
    expect(textarea.value).toContain("import { relu, plot } from 'rectify';");
    expect(textarea).toMatchObject({ spellcheck: false, autocapitalize: 'off', autocorrect: 'off', fits: true });
    expect(textarea.fontSize).toBeGreaterThanOrEqual(16); // iOS zooms into smaller text boxes
    expect(textarea.fontFamily).toMatch(/mono/i);
  });

  it('runs on a tap of a thumb-sized Run button; the log and the plot fit the screen', async () => {
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') !== 'running', BLOCK); // autorun
    const run = await page.$eval(`${BLOCK} [data-action="run"]`, (el) => el.getBoundingClientRect().toJSON() as DOMRect);
    expect(run.width).toBeGreaterThanOrEqual(44);
    expect(run.height).toBeGreaterThanOrEqual(44);
    expect(await tapRun()).toBe('done');
    expect(await output()).toContain('客人 D：-50 元 → 放进去 0 元');
    await page.waitForSelector(`${BLOCK} .live-plot .main-svg`);
    const plot = await page.$eval(`${BLOCK} .live-plot`, (el) => {
      const svg = el.querySelector('.main-svg')!.getBoundingClientRect();
      const panel = el.closest('[data-output]')!.getBoundingClientRect();
      return { left: svg.left, right: svg.right, width: svg.width, panel: panel.width, bars: el.querySelectorAll('.bars .point').length };
    });
    expect(plot.bars).toBe(4);
    expect(plot.left).toBeGreaterThanOrEqual(0);
    expect(plot.right).toBeLessThanOrEqual(WIDTH);
    expect(plot.width).toBeGreaterThan(WIDTH * 0.75); // drawn at the phone's width, not a slide's
    expect(plot.width).toBeLessThanOrEqual(plot.panel + 1);
    await page.$eval(`${BLOCK} .live-plot`, (el) => el.scrollIntoView({ block: 'end' }));
    await page.screenshot({ path: `${SHOTS}/bouncer-live-plot.png` });
  });

  it('runs what was typed into the textarea (tap Run, or Ctrl+Enter)', async () => {
    await page.tap(`${BLOCK} textarea`);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText("import { relu } from 'rectify';\nconsole.log('phone says', relu(-7), relu(42));");
    expect(await page.$eval(`${BLOCK} .live-modified`, (el) => (el as HTMLElement).hidden)).toBe(false);
    expect(await tapRun()).toBe('done');
    expect(await output()).toContain('phone says 0 42');

    await page.tap(`${BLOCK} textarea`);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText("console.log('keyboard', 6 * 7);");
    const before = await indices();
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction((sel) => document.querySelector(`${sel} [data-output]`)?.textContent?.includes('keyboard 42'), BLOCK);
    expect(await indices()).toEqual(before);
  });

  it('names the failing line under the code and selects it', async () => {
    await page.tap(`${BLOCK} textarea`);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('const fine = 1;\nnotDefined(fine);\n');
    expect(await tapRun()).toBe('error');
    const error = await page.$eval(`${BLOCK} .plain-editor-error`, (el) => ({
      hidden: (el as HTMLElement).hidden,
      text: el.textContent ?? '',
    }));
    expect(error.hidden).toBe(false);
    expect(error.text).toMatch(/^第 2 行.*notDefined/);
    const selected = await page.$eval(`${BLOCK} textarea`, (el) => {
      const t = el as HTMLTextAreaElement;
      return t.value.slice(t.selectionStart, t.selectionEnd);
    });
    expect(selected).toBe('notDefined(fine);');
    await page.screenshot({ path: `${SHOTS}/bouncer-live-error.png` });
    // Typing clears the mark.
    await page.tap(`${BLOCK} textarea`);
    await page.keyboard.type(' ');
    expect(await page.$eval(`${BLOCK} .plain-editor-error`, (el) => (el as HTMLElement).hidden)).toBe(true);
  });

  it('puts the original code back on Reset', async () => {
    await page.tap(`${BLOCK} [data-action="reset"]`);
    expect(await page.$eval(`${BLOCK} textarea`, (el) => (el as HTMLTextAreaElement).value)).toContain('const guests = {');
    expect(await page.$eval(`${BLOCK} .live-modified`, (el) => (el as HTMLElement).hidden)).toBe(true);
  });

  it('opens a deep link at its slide, also one near the end of the deck', async () => {
    for (const id of ['bouncer-live', 'four-guests']) {
      const other = await context.newPage();
      await other.goto(`${harness.url}#/${id}`);
      await waitForDeck(other);
      await other.waitForFunction((id) => window.Reveal.getCurrentSlide()?.id === id, id, { timeout: 5_000 });
      const top = await other.$eval(`#${id} h2, #${id} h3`, (el) => el.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(120);
      await other.close();
    }
  });

  it('keeps the language button clear of the slide, and big enough to tap', async () => {
    await showSlide('bouncer-live');
    const boxes = await page.evaluate(() => {
      const toggle = document.querySelector('.language-toggle')!.getBoundingClientRect();
      const slide = document.getElementById('bouncer-live')!.getBoundingClientRect();
      return { toggle: toggle.toJSON() as DOMRect, slideTop: slide.top };
    });
    expect(boxes.toggle.width).toBeGreaterThanOrEqual(44);
    expect(boxes.toggle.height).toBeGreaterThanOrEqual(44);
    expect(boxes.toggle.bottom).toBeLessThanOrEqual(boxes.slideTop + 1);
    await page.screenshot({ path: `${SHOTS}/bouncer-live.png` });
  });

  it('moves to the next slide on a swipe up', async () => {
    await showSlide(0);
    expect(await currentId()).toBe('title');
    await swipe(200, 700, 200, 200);
    await page.waitForFunction(() => window.Reveal.getCurrentSlide()?.id !== 'title', null, { timeout: 5_000 });
    expect(await currentId()).toBe(await page.evaluate(() => document.querySelectorAll('.scroll-page section')[1]!.id));
    await page.screenshot({ path: `${SHOTS}/after-swipe.png` });
  });

  it('scrolls a slide taller than the screen by swiping, even over its plot', async () => {
    await showSlide('bouncer-live');
    expect(await tapRun()).toBe('done'); // the original code again (after Reset): log and plot
    await page.waitForSelector(`${BLOCK} .live-plot .main-svg`);
    await showSlide('bouncer-live');
    const slideTop = () => page.$eval('#bouncer-live', (el) => el.scrollTop);
    expect(await page.$eval('#bouncer-live', (el) => el.scrollHeight > el.clientHeight + 60)).toBe(true);
    await page.$eval('#bouncer-live', (el) => el.scrollTo(0, 0));
    const plot = await page.$eval(`${BLOCK} .live-plot`, (el) => el.getBoundingClientRect().toJSON() as DOMRect);
    const y = Math.min(plot.bottom - 20, 800);
    expect(y).toBeGreaterThan(plot.top + 50); // the swipe starts on the plot
    await swipe(200, y, 200, y - 250);
    expect(await slideTop()).toBeGreaterThan(50);
    expect(await currentId()).toBe('bouncer-live');
  });
});

describe('resume on a phone', () => {
  it('the deck remembers where a reader swiped to, and offers to continue there on the next visit', async () => {
    const reader = await phoneContext();
    const phone = await reader.newPage();
    // Count reveal's slide changes from the very start: the scroll view reports one as it settles.
    await phone.addInitScript(() => {
      (window as unknown as { slideChanges: number }).slideChanges = 0;
      document.addEventListener('slidechanged', () => (window as unknown as { slideChanges: number }).slideChanges++, true);
    });
    await phone.goto(harness.url);
    await waitForDeck(phone);
    const saved = () => phone.evaluate(() => localStorage.getItem('rectify:position:v1'));
    // A reader touches the screen and scrolls on to the bouncer's live slide.
    await phone.touchscreen.tap(WIDTH / 2, HEIGHT / 2);
    await phone.evaluate(() => {
      const page = document.getElementById('bouncer-live')!.closest<HTMLElement>('.scroll-page')!;
      document.querySelector('.reveal-viewport')!.scrollTop = page.offsetTop;
    });
    await phone.waitForFunction(() => window.Reveal.getCurrentSlide()?.id === 'bouncer-live');
    await expect.poll(saved).toMatch(/"h":\d+/);
    const position = await saved();
    expect(position).not.toBe('{"h":0,"v":0}');

    // Reopened from the deck's address (a reload would keep `#/bouncer-live`: a deep link, which wins).
    await phone.goto(harness.url, { waitUntil: 'domcontentloaded' });
    await waitForDeck(phone);
    // The start-up slide change has happened (control: the probe sees changes) ...
    await phone.waitForFunction(() => (window as unknown as { slideChanges: number }).slideChanges > 0);
    await phone.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    // ... and neither removed the offer nor overwrote the saved position.
    await phone.waitForSelector('.resume-prompt');
    expect(await saved()).toBe(position);
    await phone.tap('[data-resume="yes"]');
    await phone.waitForFunction(() => window.Reveal.getCurrentSlide()?.id === 'bouncer-live');
    await reader.close();
  });
});

/** A one-finger swipe, as touch events (Chromium turns them into a scroll with its snapping). */
async function swipe(x0: number, y0: number, x1: number, y1: number): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: x0, y: y0 }] });
  for (let i = 1; i <= 10; i++) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [{ x: x0 + ((x1 - x0) * i) / 10, y: y0 + ((y1 - y0) * i) / 10 }],
    });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  await page.waitForTimeout(800); // the fling and the snap settle
}

function indices(): Promise<{ h: number; v: number }> {
  return page.evaluate(() => window.Reveal.getIndices());
}

function currentId(): Promise<string | undefined> {
  return page.evaluate(() => window.Reveal.getCurrentSlide()?.id);
}

describe('a phone switching language, and turned to landscape and back', () => {
  let phone: Page;
  const live = '#four-guests [data-live]';
  const scrollView = () => phone.evaluate(() => window.Reveal.isScrollView());
  /** Taps (or clicks, in landscape) Run on the four guests' block and gives back its log once the run is done. */
  async function run(): Promise<string> {
    await phone.$eval(live, (el) => el.querySelector('[data-output]')!.replaceChildren());
    await phone.tap(`${live} [data-action="run"]`);
    await phone.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') === 'done', live, { timeout: 15_000 });
    return phone.$eval(`${live} [data-output]`, (el) => el.textContent ?? '');
  }
  /** The current slide's id and where its heading is on screen. */
  const shown = () =>
    phone.evaluate(() => {
      const slide = window.Reveal.getCurrentSlide();
      const heading = slide?.querySelector('h2, h3');
      return { id: slide?.id, heading: heading?.textContent, top: heading?.getBoundingClientRect().top ?? -1 };
    });

  beforeAll(async () => {
    const reader = await phoneContext();
    phone = await reader.newPage();
    await phone.goto(`${harness.url}#/four-guests`);
    await waitForDeck(phone);
    await phone.waitForFunction(() => window.Reveal.getCurrentSlide()?.id === 'four-guests');
  });
  afterAll(async () => {
    await phone?.context().close();
  });

  it('switches to English in the scroll view, on the same slide, and its blocks still run', async () => {
    // Control: in Chinese, the slide is on screen in the scroll view and its block runs.
    expect(await scrollView()).toBe(true);
    expect(await run()).toContain('客人 A');
    const pages = () => phone.evaluate(() => document.querySelectorAll('.scroll-page section').length);
    const slides = await pages();
    expect(slides).toBeGreaterThan(30);
    await phone.tap('.language-toggle');
    await phone.waitForFunction(
      () => document.documentElement.lang === 'en' && /Four guests/.test(window.Reveal.getCurrentSlide()?.textContent ?? ''),
    );
    expect(await scrollView()).toBe(true);
    // Every slide in a page of the scroll view, none left outside (a blank screen before the fix).
    expect(await pages()).toBe(slides);
    await expect.poll(shown).toMatchObject({ id: 'four-guests', heading: 'Four guests, five bouncers' });
    expect((await shown()).top).toBeGreaterThanOrEqual(0);
    expect((await shown()).top).toBeLessThan(120);
    expect(await run()).toContain('Guest A');
  });

  it('runs its blocks in landscape, where the scroll view is off, and in portrait again', async () => {
    await phone.setViewportSize({ width: HEIGHT, height: WIDTH });
    await phone.waitForFunction(() => !window.Reveal.isScrollView());
    // reveal puts back copies of the slides as they were when its scroll view switched on; the deck rebuilds them.
    await phone.waitForFunction(
      (sel) => document.querySelector(sel)?.getAttribute('data-status') === 'idle' && window.Reveal.getCurrentSlide()?.id === 'four-guests',
      live,
    );
    expect(await run()).toContain('Guest A');
    await phone.setViewportSize({ width: WIDTH, height: HEIGHT });
    await phone.waitForFunction(() => window.Reveal.isScrollView());
    expect(await run()).toContain('Guest A');
  });
});
