/**
 * The one-file build (`npm run build:single`): dist-single/rectify.html opened by `file://`
 * with every request that is not a file aborted and counted. The deck starts, a live block
 * runs in the sandbox (srcdoc iframe, classic blob: worker) and plots, Monaco's TypeScript
 * worker (a classic blob: worker too) checks the code, and the language toggle works — with
 * zero requests leaving the file. The page's own parser stops before the packed parts, which a
 * hidden frame reads; where that frame is blocked, the page reloads and reads them itself.
 * `RECTIFY_SINGLE` points at another build of it.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, waitForDeck } from './harness';
import { LOADER_QUERY } from '../../scripts/single-file.mjs';
import { serveStatic } from '../../scripts/static-server.mjs';

const FILE = resolve(process.env.RECTIFY_SINGLE ?? 'dist-single/rectify.html');
const BLOCK = '#bouncer-live [data-live]';

let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every request that was not for a file: aborted, and listed here. */
const blocked: string[] = [];

beforeAll(async () => {
  if (!existsSync(FILE)) throw new Error(`${FILE} is missing: run \`npm run build:single\` first.`);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.route(
    (url) => url.protocol !== 'file:',
    (route) => {
      blocked.push(route.request().url());
      return route.abort();
    },
  );
  page = await context.newPage();
  // Not until `load`: the file stops its own parser (window.stop()), so `load` never comes.
  await page.goto(`${pathToFileURL(FILE).href}#/bouncer-live`, { waitUntil: 'commit' });
  await waitForDeck(page);
});
afterAll(async () => browser?.close());

const status = () => page.$eval(BLOCK, (el) => el.getAttribute('data-status'));

describe('the one-file deck, opened from disk', () => {
  it('is one file on a file: URL, and the deck is ready', async () => {
    expect(page.url().startsWith('file://')).toBe(true);
    expect(await page.evaluate(() => document.querySelectorAll('.reveal .slides section').length)).toBeGreaterThan(20);
  });

  it('ran the autorun block in the sandbox and drew its bar chart', async () => {
    // Generous: on first use the sandbox, the runner and Plotly are unpacked, on a busy machine too.
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') === 'done', BLOCK, { timeout: 90_000 });
    expect(await page.$eval(`${BLOCK} [data-output]`, (el) => el.textContent)).toContain('客人 D：-50 元 → 放进去 0 元');
    await page.waitForSelector(`${BLOCK} .live-plot .main-svg`, { timeout: 60_000 });
    expect(await page.$$eval(`${BLOCK} .live-plot .bars .point`, (bars) => bars.length)).toBe(4);
    // The sandbox is the srcdoc iframe with an opaque origin, as when served.
    expect(await page.$eval('iframe[data-sandbox]', (f) => [f.getAttribute('sandbox'), f.hasAttribute('srcdoc')])).toEqual([
      'allow-scripts',
      true,
    ]);
  }, 150_000);

  it('runs the block again on Run', async () => {
    // A mark the block's own status replaces: a run too fast to be seen running still ends it.
    await page.$eval(BLOCK, (el) => el.setAttribute('data-status', 'before-run'));
    await page.click(`${BLOCK} [data-action="run"]`);
    await page.waitForFunction(
      (sel) => !['before-run', 'running'].includes(document.querySelector(sel)?.getAttribute('data-status') ?? ''),
      BLOCK,
      { timeout: 30_000 },
    );
    expect(await status()).toBe('done');
    await page.waitForSelector(`${BLOCK} .live-plot .main-svg`);
  });

  it('has Monaco, whose TypeScript worker starts from the file and flags a type error', async () => {
    await page.waitForSelector(`${BLOCK}[data-editor-ready] .monaco-editor .view-lines`, { timeout: 60_000 });
    expect(await page.$$eval(`${BLOCK} .squiggly-error`, (s) => s.length)).toBe(0);
    await page.click(`${BLOCK} .view-lines`);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText("import { relu } from 'rectify';\nconst n: number = relu('three');\n");
    await page.waitForSelector(`${BLOCK} .squiggly-error`, { timeout: 60_000 });
    await page.keyboard.press('ControlOrMeta+Z');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  });

  it('switches to English and back inside the file', async () => {
    await page.click('.language-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.waitForFunction(() => /You be the bouncer/.test(document.querySelector('#bouncer-live h3')?.textContent ?? ''), null, {
      timeout: 30_000,
    });
    await page.click('.language-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  });

  it('made no request outside the file (and the probe would have seen one)', async () => {
    expect(blocked).toEqual([]);
    // Control: a request the page does make is seen and counted.
    await page.evaluate(() => fetch('http://127.0.0.1:9/probe').catch(() => undefined));
    expect(blocked).toEqual(['http://127.0.0.1:9/probe']);
  });
});

/** The hidden frame that reads the packed parts (the sandbox's frame is marked `data-sandbox`). */
const READER_FRAME = `iframe[src*="${LOADER_QUERY.reader}"]`;

/** Packed parts the page's own parser read, apart from the CJK fallback stylesheet's (which the page keeps). */
const packedPartsInPage = (page: Page) =>
  page.$$eval('script[type="text/plain"][id^="rectify-pack:"]:not([id*="/fallback-font-"])', (parts) => parts.length);

/** Opens `url` in `context` and waits until the bouncer block has run and plotted from the packed parts. */
async function openAndRun(context: BrowserContext, url: string, whileLoading?: (page: Page) => Promise<void>): Promise<Page> {
  const opened = await context.newPage();
  await opened.goto(url, { waitUntil: 'commit' });
  await whileLoading?.(opened);
  await waitForDeck(opened);
  await opened.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') === 'done', BLOCK, { timeout: 90_000 });
  await opened.waitForSelector(`${BLOCK} .live-plot .main-svg`, { timeout: 60_000 });
  return opened;
}

describe('where the one file reads its packed parts', () => {
  it('not in the page: its parser stopped before them, and the frame that read them is gone', async () => {
    // The page above ran a block, plotted and started Monaco: all of that came from packed parts.
    expect(await packedPartsInPage(page)).toBe(0);
    // The one it keeps, for a machine without a CJK font (test/e2e/fonts.test.ts uses it).
    expect(await page.$$eval('[id^="rectify-pack:assets/fallback-font-"]', (parts) => parts.length)).toBeGreaterThan(0);
    // (The test of a blocked frame below shows this selector finds the reader while it is there.)
    expect(await page.$$eval(READER_FRAME, (frames) => frames.length)).toBe(0);
  });

  it(`in the page when opened with ?${LOADER_QUERY.readHere} (control: the count above can see them)`, async () => {
    // A context of its own: the one above shares this file's storage and was edited.
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const readingHere = await openAndRun(fresh, `${pathToFileURL(FILE).href}?${LOADER_QUERY.readHere}#/bouncer-live`);
      expect(await packedPartsInPage(readingHere)).toBeGreaterThan(10);
    } finally {
      await fresh.close();
    }
  }, 150_000);

  it('in the page after a reload, where the browser keeps the frame from loading', async () => {
    // Served, so that the frame's request can be blocked (file: requests cannot be routed).
    const server = await serveStatic(dirname(FILE));
    const blockedFrame = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const framesAsked: string[] = [];
      await blockedFrame.route(
        (url) => url.searchParams.has(LOADER_QUERY.reader),
        (route) => {
          framesAsked.push(route.request().url());
          return route.abort();
        },
      );
      // Control for the check above: the reader frame is there, found by READER_FRAME, until the reload.
      const sawReader = (page: Page) => page.waitForSelector(READER_FRAME, { state: 'attached', timeout: 60_000 }).then(() => undefined);
      const reloaded = await openAndRun(blockedFrame, `${server.url}${basename(FILE)}#/bouncer-live`, sawReader);
      expect(framesAsked.length).toBe(1);
      expect(new URL(reloaded.url()).searchParams.has(LOADER_QUERY.readHere)).toBe(true);
      expect(await packedPartsInPage(reloaded)).toBeGreaterThan(10);
    } finally {
      await blockedFrame.close();
      await server.close();
    }
  }, 200_000);
});
