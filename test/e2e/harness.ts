/**
 * Shared set-up for browser tests: serve a built deck, drive it in Debian's Chromium
 * through playwright-core, and record every request so tests can prove the deck stays
 * on its own origin.
 */
import { createServer, type Plugin } from 'vite';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from '../../scripts/find-chromium.mjs';
import { serveStatic, type StaticServer } from '../../scripts/static-server.mjs';

/** A running server and browser for one test file. */
export interface Harness {
  /** The deck's URL (ends with `/`). */
  url: string;
  browser: Browser;
  context: BrowserContext;
  /** Opens the deck (with an optional query/hash suffix) and waits for `data-deck-ready`. */
  open(suffix?: string): Promise<Page>;
  /** Every URL any page or worker of this harness requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** A phone: 390×844 touch screen (reveal's scroll view), no service worker. For `browser.newContext`. */
export const PHONE_CONTEXT = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  serviceWorkers: 'block',
} as const;

/** Launches headless Chromium, or fails with the one-line install hint. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/**
 * The built deck the browser tests drive: `dist`, or `RECTIFY_DIST` so that several people
 * (or agents) can build and test side by side without overwriting each other's build.
 */
export const DIST = process.env.RECTIFY_DIST ?? 'dist';

/** Serves `outDir` (default {@link DIST}) under `prefix` and starts a headless Chromium. */
export async function startHarness(outDir = DIST, prefix = '/'): Promise<Harness> {
  const server: StaticServer = await serveStatic(outDir, prefix);
  const browser = await launchChromium();
  // No service worker (issue 14.3): its background precache would fill the request log and serve
  // pages past page.route. offline.test.ts drives the worker in a context of its own.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  return {
    url: server.url,
    browser,
    context,
    requests,
    async open(suffix = '') {
      const page = await context.newPage();
      await page.goto(server.url + suffix);
      await waitForDeck(page);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Waits until the deck has set its ready flag (DESIGN.md's automation contract). */
export async function waitForDeck(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true', null, { timeout: 30_000 });
}

/** The console message with which {@link firstSlideProbe} reports. */
const FIRST_SLIDE_SHOWN = 'rectify-bench:first-slide-shown';

/**
 * Arms, before the page navigates, a probe that reports when the first slide shows — its
 * heading laid out on a ready deck (reveal's `.ready`) — and resolves to that time on the page's
 * own clock (ms since navigation), as `shown`. Benchmarks time loads with it. The probe checks once a frame
 * from inside the page and reports on the console: polling with Playwright (`waitForFunction`)
 * would first inject Playwright's own script into the page being timed, about 200 ms of its
 * main thread on a 4×-throttled phone.
 */
export async function firstSlideProbe(page: Page, timeoutMs = 60_000): Promise<{ shown: Promise<number> }> {
  await page.addInitScript((tag) => {
    if (window !== window.top) return; // the sandbox's frames
    const check = () => {
      const heading = document.querySelector('.reveal.ready .slides section.present h1, .reveal.ready .slides section.present h2');
      if (heading && heading.getBoundingClientRect().height > 0) console.debug(tag, performance.now());
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, FIRST_SLIDE_SHOWN);
  // In an object: an async function's returned promise would be awaited with it, before the page navigates.
  const shown = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the first slide did not show within ${timeoutMs} ms`)), timeoutMs);
    const onConsole = (message: ConsoleMessage) => {
      const [tag, ms] = message.text().split(' ');
      if (tag !== FIRST_SLIDE_SHOWN) return;
      clearTimeout(timer);
      page.off('console', onConsole);
      resolve(Number(ms));
    };
    page.on('console', onConsole);
  });
  return { shown };
}

/** reveal's current indices in the page. */
export function indices(page: Page): Promise<{ h: number; v: number; f?: number }> {
  return page.evaluate(() => window.Reveal.getIndices());
}

/** Shows the slide with the given id, through reveal's API (a hash change would not fire twice for the same URL). */
export async function goToSlide(page: Page, id: string): Promise<void> {
  await page.evaluate((id) => {
    const slide = document.getElementById(id);
    if (!slide) throw new Error(`no slide with id "${id}"`);
    const { h, v } = window.Reveal.getIndices(slide);
    window.Reveal.slide(h, v, -1);
  }, id);
}

/**
 * A Vite plugin that points the deck's slide globs at other files (fixture decks for tests and
 * benchmarks): the same files in both languages, so `?lang=en` shows the fixture too.
 */
export function slidesFrom(glob: string): Plugin {
  return {
    name: 'fixture-slides',
    enforce: 'pre', // before Vite expands import.meta.glob
    transform: (code, id) =>
      id.endsWith('src/slides/slide-files.ts')
        ? code.replaceAll("'../../slides/*.md'", `'${glob}'`).replaceAll("'../../slides/en/*.md'", `'${glob}'`)
        : undefined,
  };
}

/** A dev-server deck on fixture slides (authoring tests): a page on it, and how to stop it all. */
export interface DevDeck {
  page: Page;
  close(): Promise<void>;
}

/**
 * Writes `files` (name → Markdown) into a fresh `dir`, serves the deck on them with Vite's dev
 * server (hot reload on) on loopback, and opens it in Chromium at `suffix` (e.g. `#/2`).
 */
export async function startDevDeck(dir: string, files: Record<string, string>, suffix = ''): Promise<DevDeck> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(`${dir}/${name}`, text);
  const server = await createServer({ plugins: [slidesFrom(`/${dir}/*.md`)], server: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
  await server.listen();
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.resolvedUrls!.local[0] + suffix);
  await waitForDeck(page);
  return {
    page,
    async close() {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Saves a slide file until the page shows the change: a save right after the previous
 * hot update can be coalesced away by the file watcher, as an editor's double save can.
 */
export async function saveUntil(file: string, text: string, shown: () => Promise<unknown>): Promise<void> {
  for (let attempt = 0; attempt < 4; attempt++) {
    writeFileSync(file, text);
    try {
      await shown();
      return;
    } catch {
      // not seen yet: save again
    }
  }
  throw new Error(`the deck never showed the new text of ${file}`);
}
