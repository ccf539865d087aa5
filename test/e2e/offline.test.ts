/**
 * Issue 14.3, installable and offline on the second visit: the served deck (from a sub-path, as
 * from a Pages folder) after one visit reloads with the network off (the browser offline and the
 * server dropping every connection), goes to a live slide, and a block runs and plots there.
 * Control: a browser that never visited cannot open it offline. A second build served at the
 * same address replaces the first on the next visit and says so (control: the same build does not).
 * Pages come from the network while there is one: `npm run present`'s pages, which it marks as the
 * room's, still join the room once a worker controls them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { staticHandler } from '../../scripts/static-server.mjs';
import { startPresent } from '../../scripts/present.mjs';
import { OFFLINE_PAGE } from '../../scripts/offline-plugin.mjs';
import { textIn } from '../../src/i18n/ui-text';
import { DIST, goToSlide, launchChromium, waitForDeck } from './harness';

const PREFIX = '/talks/rectify/';
const LIVE = 'bouncer-live';
const BLOCK = `#${LIVE} [data-live]`;

/** What the server serves; `null`: the network is off (every connection is dropped unanswered). */
let serving: string | null = DIST;
/** Connections the server dropped while off. */
let dropped = 0;
let server: Server;
let url: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let secondBuild: string;

beforeAll(async () => {
  if (!existsSync(join(DIST, 'sw.js'))) throw new Error(`${DIST} has no service worker: build it first (npx vite build)`);
  server = createServer((request, response) => {
    if (serving === null) {
      dropped++;
      request.socket.destroy();
      return;
    }
    void staticHandler(serving, PREFIX)(request, response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}${PREFIX}`;
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
  if (secondBuild) rmSync(secondBuild, { recursive: true, force: true });
});

/** Resolves once a service worker controls `page` (its precache is complete by then); fails after 60 s. */
async function controlledByWorker(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.race([
      (async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller)
          await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      })(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no service worker controls the page after 60 s')), 60_000)),
    ]),
  );
}

/** Runs the live block on its slide and waits for its own output (not the build's precomputed one) with a plot. */
async function runAndPlot(page: Page): Promise<string> {
  await goToSlide(page, LIVE);
  await page.waitForSelector(`${BLOCK}[data-editor-ready] .monaco-editor .view-lines`, { timeout: 30_000 });
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') !== 'running', BLOCK, { timeout: 30_000 });
  await page.click(`${BLOCK} [data-action="run"]`);
  await page.waitForFunction(
    (sel) => {
      const block = document.querySelector<HTMLElement>(sel);
      return (
        block?.dataset.status === 'done' && !block.dataset.outputFrom && block.querySelector('[data-output] .js-plotly-plot svg') !== null
      );
    },
    BLOCK,
    { timeout: 30_000 },
  );
  return page.$eval(`${BLOCK} [data-output]`, (el) => el.textContent ?? '');
}

describe('the served deck offline', () => {
  it('after one visit, reloads with the network off: the deck starts and a live block runs and plots', { timeout: 180_000 }, async () => {
    await page.goto(url);
    await waitForDeck(page);
    await controlledByWorker(page);
    // The manifest is there and names the icons the worker keeps.
    const manifest = await page.$eval('link[rel="manifest"]', (link) => (link as HTMLLinkElement).href);
    expect(manifest).toBe(`${url}manifest.webmanifest`);

    serving = null;
    await context.setOffline(true);
    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await waitForDeck(page);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    const output = await runAndPlot(page);
    expect(output.length).toBeGreaterThan(0);
    // Everything that reached the server while it was off (none, as the browser is offline), for the log.
    console.log(`offline: ${dropped} connection(s) reached the server and were dropped`);
  });

  it('does not open offline in a browser that never visited (control)', async () => {
    const fresh = await browser.newContext();
    await fresh.setOffline(true);
    const other = await fresh.newPage();
    await expect(other.goto(url)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED|ERR_/);
    await fresh.close();
  });
});

describe('a new build of the served deck', () => {
  it('is not announced while the same build is served (control)', async () => {
    serving = DIST;
    await context.setOffline(false);
    await page.reload();
    await waitForDeck(page);
    await controlledByWorker(page);
    // The check for a new worker has finished (update() resolves after it) and found none.
    const installing = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      await registration.update();
      return registration.installing !== null || registration.waiting !== null;
    });
    expect(installing).toBe(false);
    expect(await page.$$('.deck-notice')).toEqual([]);
  });

  it('replaces the old one on the next visit, with a small "updated" notice', { timeout: 120_000 }, async () => {
    // The second build: the same files with another page, and a worker whose precache says so.
    secondBuild = mkdtempSync(join(tmpdir(), 'rectify-second-build-'));
    cpSync(DIST, secondBuild, { recursive: true });
    for (const name of ['index.html', OFFLINE_PAGE]) {
      const file = join(secondBuild, name);
      writeFileSync(file, readFileSync(file, 'utf8').replace('</body>', '<!-- the second build --></body>'));
    }
    const sw = join(secondBuild, 'sw.js');
    const before = readFileSync(sw, 'utf8');
    const after = before.replace(new RegExp(`(url:"${OFFLINE_PAGE.replace(/[.?]/g, '\\$&')}",revision:")[0-9a-f]+"`), '$1second-build"');
    expect(after).not.toBe(before);
    writeFileSync(sw, after);

    serving = secondBuild;
    await page.reload();
    await waitForDeck(page);
    expect(await page.content()).toContain('<!-- the second build -->');
    await page.waitForFunction(
      (text) => [...document.querySelectorAll('.deck-notice')].some((note) => note.textContent === text),
      textIn('zh', 'deckUpdated'),
      { timeout: 60_000 },
    );
    // The new worker keeps the new page for the next time the network is off.
    serving = null;
    await context.setOffline(true);
    await page.reload();
    await waitForDeck(page);
    expect(await page.content()).toContain('<!-- the second build -->');
  });
});

describe('npm run present with the worker', () => {
  it('marks its page for the room on a reload the worker controls, not with the cached copy', { timeout: 120_000 }, async () => {
    const present = await startPresent({ dist: DIST, host: '127.0.0.1', port: 0, token: 'offline-test-token-0123456789' });
    const room = await browser.newContext();
    try {
      const follower = await room.newPage();
      await follower.goto(present.audience);
      await waitForDeck(follower);
      await controlledByWorker(follower);
      const response = await follower.reload();
      expect(response?.fromServiceWorker()).toBe(true);
      await waitForDeck(follower);
      await follower.waitForFunction(() => document.documentElement.dataset.room === 'follower', null, { timeout: 30_000 });
      expect(await follower.$$('meta[name="rectify-room"]')).toHaveLength(1);
      // Control: the worker's own copy of the page, which it would give a cached navigation, has no mark.
      const cached = await follower.evaluate(async (name) => {
        const copy = await caches.match(new URL(name, location.href).href, { ignoreSearch: true });
        return copy ? copy.text() : '';
      }, OFFLINE_PAGE);
      expect(cached).toContain('<div class="reveal">');
      expect(cached).not.toContain('rectify-room');
    } finally {
      await room.close();
      await present.close();
    }
  });
});
