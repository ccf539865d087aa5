// Visits every slide of the built deck the way a person would, for `npm run shots` and the
// visual browser test (test/e2e/visual.test.ts): open the deck in a language at a viewport,
// show each slide with all its fragments, run each live block on it once and wait until its
// output and plots are drawn and nothing moves any more. One module, so the screenshots and
// the checks always look at the same screen.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The screens the deck is looked at on: a laptop, a projector and a phone (reveal's scroll view). */
export const VIEWPORTS = {
  '1280x800': { width: 1280, height: 800, phone: false },
  '1920x1080': { width: 1920, height: 1080, phone: false },
  '390x844': { width: 390, height: 844, phone: true },
};

/** The deck's languages: Chinese (the reference) and the English mirror. */
export const LANGUAGES = ['zh', 'en'];

/**
 * Opens the deck in a fresh browser context (nothing saved, no edits, no resume prompt) in
 * `lang` at `size` (a key of {@link VIEWPORTS}); the phone gets touch and a mobile viewport,
 * as a real phone does. Slide transitions are turned off so a slide is in place as soon as it
 * is shown (the end state is the same; only the wait is shorter).
 */
export async function openDeck(browser, baseUrl, { lang, size }) {
  const viewport = VIEWPORTS[size];
  if (!viewport) throw new Error(`unknown viewport "${size}" (known: ${Object.keys(VIEWPORTS).join(', ')})`);
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    // No service worker: its background precache (the whole build) would compete with the pictures.
    serviceWorkers: 'block',
    ...(viewport.phone ? { isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}${lang === 'en' ? '?lang=en' : ''}`);
  await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true', null, { timeout: 30_000 });
  await page.evaluate(() => window.Reveal.configure({ transition: 'none', backgroundTransition: 'none' }));
  const scrollView = await page.evaluate(() => window.Reveal.isScrollView());
  return { context, page, lang, size, scrollView, errors };
}

/**
 * The deck's slides in order: id (or `slide-N` when a slide has none), position in
 * `Reveal.getSlides()`, 1-based number as the slide-number badge counts, and `name`, the file
 * name of its screenshot (`10-bouncer`). In the scroll view, only the slides on its pages
 * (reveal leaves an empty section behind there, which phone.css hides).
 */
export async function listSlides(page) {
  const slides = await page.evaluate(() => {
    const scroll = window.Reveal.isScrollView();
    return window.Reveal.getSlides()
      .map((slide, index) => ({ id: slide.id, index, shown: !scroll || slide.closest('.scroll-page') !== null }))
      .filter((slide) => slide.shown);
  });
  const width = Math.max(2, String(slides.length).length);
  return slides.map(({ id, index }, i) => {
    const number = i + 1;
    return { id, index, number, name: `${String(number).padStart(width, '0')}-${id || `slide-${number}`}` };
  });
}

/**
 * Shows a slide (by its position in `Reveal.getSlides()`) with every fragment revealed, and
 * waits until it is the current slide and has settled. In the scroll view (phones) that means
 * scrolling its page into place; reveal reveals fragments as the page scrolls on, so the
 * scroll goes to the page's last screen.
 */
export async function showSlide(deck, slide) {
  const { page } = deck;
  if (deck.scrollView) {
    await page.evaluate((index) => {
      const section = window.Reveal.getSlides()[index];
      const scrollPage = section.closest('.scroll-page');
      const viewport = document.querySelector('.reveal-viewport');
      viewport.scrollTop = scrollPage.offsetTop + Math.max(0, scrollPage.offsetHeight - viewport.clientHeight);
    }, slide.index);
    // reveal follows the scroll position on the next animation frame.
    await frames(page);
  } else {
    await page.evaluate((index) => {
      const section = window.Reveal.getSlides()[index];
      const { h, v } = window.Reveal.getIndices(section);
      window.Reveal.slide(h, v);
      while (window.Reveal.nextFragment());
    }, slide.index);
  }
  // Generous waits throughout: on a machine shared with other work, Monaco's first mount can
  // hold the page's main thread for seconds.
  await page.waitForFunction((index) => window.Reveal.getCurrentSlide() === window.Reveal.getSlides()[index], slide.index, {
    timeout: 30_000,
  });
  await settle(page);
}

/**
 * Runs every live block on the current slide once: a block that ran by itself (autorun) is
 * waited for, any other gets a click on Run, as a person would. Waits for each run to end, its
 * editor to be in place and its plots to be drawn. Returns what went wrong on the way, as a
 * person would notice it (a Run button that cannot be clicked, a run that ends in an error).
 */
export async function runBlocks(deck, { timeoutMs = 30_000 } = {}) {
  const { page } = deck;
  const notes = [];
  const blocks = await page.evaluate(() => [...window.Reveal.getCurrentSlide().querySelectorAll('[data-live]')].map((el) => el.id));
  for (const id of blocks) {
    const block = `[id="${id}"]`;
    const status = () => page.$eval(block, (el) => el.getAttribute('data-status'));
    if ((await status()) === 'idle') {
      // Counts the runs that start from here on, so the wait below cannot mistake the state
      // before the click for the end of the run.
      await page.$eval(block, (el) => {
        el.dataset.visitRuns = '0';
        new MutationObserver(() => {
          if (el.getAttribute('data-status') === 'running') el.dataset.visitRuns = String(Number(el.dataset.visitRuns) + 1);
        }).observe(el, { attributeFilter: ['data-status'] });
      });
      const run = page.locator(`${block} [data-action="run"]`);
      // What a click at the button's centre would hit. (Playwright's own click would wait for
      // a covered button until it times out; on a busy machine its checks alone take seconds.)
      const covered = await run.evaluate((button) => {
        const slide = button.closest('section');
        let box = button.getBoundingClientRect();
        // A phone slide scrolls inside its page: bring the button on screen as a reader would.
        if (slide && (box.top < 0 || box.bottom > innerHeight)) {
          slide.scrollTop += box.top - slide.getBoundingClientRect().top - 80;
          box = button.getBoundingClientRect();
        }
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        if (hit && button.contains(hit)) return '';
        return hit ? `under ${describe(hit)}` : 'off screen';
        function describe(el) {
          return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}>`;
        }
      });
      if (covered) {
        notes.push(`${id}: Run cannot be clicked (${covered})`);
        await run.evaluate((button) => button.click());
      } else {
        await run.click({ force: true });
      }
      await page.waitForFunction((sel) => document.querySelector(sel)?.dataset.visitRuns !== '0', block, { timeout: 30_000 });
    }
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') !== 'running', block, {
      timeout: timeoutMs,
    });
    const ended = await page.$eval(block, (el) => ({
      status: el.getAttribute('data-status'),
      output: (el.querySelector('[data-output]')?.textContent ?? '').slice(0, 160),
    }));
    if (ended.status !== 'done') notes.push(`${id}: the run ended "${ended.status}": ${ended.output}`);
    await page
      .waitForFunction(
        (sel) => {
          const el = document.querySelector(sel);
          // A plot is drawn by Plotly (its SVG) or, a network view, painted on a canvas (src/plot/network-canvas.ts).
          const drawn = (plot) => plot.querySelector('.main-svg, canvas.network-canvas');
          return el?.dataset.editorReady === 'true' && [...el.querySelectorAll('.live-plot')].every(drawn);
        },
        block,
        { timeout: 30_000 },
      )
      .catch(() => notes.push(`${id}: the editor or a plot was not drawn within 30 s`));
  }
  if (blocks.length) {
    // Back to the top of a phone slide that was scrolled to reach a Run button.
    if (deck.scrollView) await page.evaluate(() => window.Reveal.getCurrentSlide().scrollTo(0, 0));
    await settle(page);
  }
  return notes;
}

/** Turns reveal's overview (O) on or off and waits until the thumbnails are in place. */
export async function setOverview(deck, on) {
  await deck.page.evaluate((on) => window.Reveal.toggleOverview(on), on);
  await settle(deck.page);
}

/** Opens or closes reveal's help overlay (the `?` key) and waits until it is in place. */
export async function setHelp(deck, on) {
  await deck.page.evaluate((on) => window.Reveal.toggleHelp(on), on);
  if (on) await deck.page.waitForSelector('.r-overlay-help');
  await settle(deck.page);
}

/** Opens reveal's search box (Ctrl+Shift+F; the plugin loads lazily) and waits until it is shown. */
export async function openSearch(deck) {
  await deck.page.keyboard.press('Control+Shift+F');
  await deck.page.waitForSelector('.searchbox input', { timeout: 10_000 });
  await settle(deck.page);
}

/**
 * Screenshots what a person sees of the current slide. In the scroll view a slide taller than
 * the screen scrolls inside its page: then it is shot one screen at a time (`name.png`,
 * `name-2.png`, … at most `maxParts`), as a reader would scroll through it. Returns the paths.
 */
export async function shoot(deck, path, { maxParts = 4 } = {}) {
  const { page } = deck;
  await mkdir(dirname(path), { recursive: true });
  await page.screenshot({ path });
  const paths = [path];
  if (!deck.scrollView) return paths;
  for (let part = 2; part <= maxParts; part++) {
    const moved = await page.evaluate(() => {
      const section = window.Reveal.getCurrentSlide();
      const before = section.scrollTop;
      section.scrollTop = before + section.clientHeight * 0.9;
      return section.scrollTop > before;
    });
    if (!moved) break;
    await frames(page);
    const next = path.replace(/\.png$/, `-${part}.png`);
    await page.screenshot({ path: next });
    paths.push(next);
  }
  await page.evaluate(() => {
    window.Reveal.getCurrentSlide().scrollTop = 0;
  });
  return paths;
}

/**
 * Waits until the page is still: fonts loaded, every CSS transition and animation due to
 * end within 3 s finished (reveal's fragments, overview and overlays animate), then two frames painted.
 */
export async function settle(page) {
  await page.evaluate(async () => {
    await document.fonts.ready;
    // Not waited for: long and endless ones, decoration (reveal's arrows bounce as a hint for
    // 100 s), and the progress bar's 0.8 s glide, a thin line that changes nothing else.
    const ending = document.getAnimations().filter((a) => {
      const timing = a.effect?.getComputedTiming();
      const target = a.effect instanceof KeyframeEffect ? a.effect.target : null;
      if (target?.closest('.reveal .progress')) return false;
      return timing && Number(timing.endTime) - Number(timing.localTime ?? 0) < 3_000;
    });
    await Promise.all(ending.map((a) => a.finished.catch(() => undefined)));
  });
  await frames(page);
}

/** Waits for two animation frames (layout and paint of what the last step changed). */
function frames(page) {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}
