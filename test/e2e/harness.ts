/**
 * Shared set-up for browser tests: serve a built deck with Vite's preview server, drive it
 * in Debian's Chromium through playwright-core, and record every request so tests can
 * prove the deck stays on its own origin.
 */
import { preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from '../../scripts/find-chromium.mjs';

/** A running preview server and browser for one test file. */
export interface Harness {
  /** The deck's URL (ends with `/`). */
  url: string;
  browser: Browser;
  /** Opens the deck (with optional query/hash suffix) and waits for `data-deck-ready`. */
  open(suffix?: string, page?: Page): Promise<Page>;
  /** Every URL a page of this harness requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Starts the preview server for `outDir` (default `dist`) and a headless Chromium. */
export async function startHarness(outDir = 'dist'): Promise<Harness> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  const server: PreviewServer = await preview({
    build: { outDir },
    preview: { port: 4300 + Math.floor(Math.random() * 500), strictPort: false, host: '127.0.0.1' },
    logLevel: 'silent',
  });
  const url = server.resolvedUrls!.local[0];
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const requests: string[] = [];
  return {
    url,
    browser,
    requests,
    async open(suffix = '', page?: Page) {
      if (!page) {
        page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        page.on('request', (request) => requests.push(request.url()));
      }
      await page.goto(url + suffix);
      await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true', null, { timeout: 30_000 });
      return page;
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    },
  };
}

/** reveal's current indices in the page. */
export function indices(page: Page): Promise<{ h: number; v: number; f?: number }> {
  return page.evaluate(() => window.Reveal.getIndices());
}
