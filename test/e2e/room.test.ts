/**
 * Issue 12 in the browser: `npm run present`'s server (its own startPresent, on 127.0.0.1, port
 * 0) and three pages, each in its own browser context (so the same-machine mirror, a
 * BroadcastChannel, cannot carry anything between them): the presenter, a follower in Chinese
 * and a follower in English. Everything the followers show comes over the relay.
 * Every "did not happen" check waits on a later event (a control the same probe sees).
 * RECTIFY_SHOTS=<dir> saves screenshots: presenter with the join overlay, both followers, the phone remote.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startPresent, type PresentServer } from '../../scripts/present.mjs';
import { DIST, goToSlide, launchChromium, waitForDeck } from './harness';

const TOKEN = 'room-test-token-0123456789';
const LIVE = 'bouncer-live';
const BLOCK = `#${LIVE} [data-live]`;
const SHOTS = process.env.RECTIFY_SHOTS;

let present: PresentServer;
let browser: Browser;
let presenter: Page;
let zh: Page;
let en: Page;

/** Opens `url` in a fresh context (its own storage and mirror channel) and waits for the deck and the room. */
async function openPage(
  url: string,
  role: 'presenter' | 'follower',
  viewport = { width: 1280, height: 800 },
  mobile = false,
): Promise<Page> {
  // No service worker: offline.test.ts covers it (and the room's page under it); here its precache
  // of the whole build, three contexts at once, would only load the machine the test measures on.
  const context = await browser.newContext({ viewport, serviceWorkers: 'block', ...(mobile && { isMobile: true, hasTouch: true }) });
  const page = await context.newPage();
  // What a page says about the room (a dropped message, a refused frame) is printed with the test's output.
  page.on('console', (message) => /room|Rectify/.test(message.text()) && console.log(`${url.slice(-12)}: ${message.text()}`));
  await page.goto(url);
  await waitForDeck(page);
  await page.waitForFunction((r) => document.documentElement.dataset.room === r, role, { timeout: 60_000 });
  return page;
}

const slideId = (page: Page) => page.evaluate(() => window.Reveal.getCurrentSlide()?.id ?? '');
const fragment = (page: Page) => page.evaluate(() => window.Reveal.getIndices().f ?? -1);
const codeOf = (page: Page, selector = BLOCK) =>
  page.$eval(selector, (el) =>
    ((el.querySelector('.view-lines') ?? el.querySelector('.live-static'))!.textContent ?? '').replace(/\u00a0/g, ' '),
  );
const outputOf = (page: Page, selector = BLOCK) => page.$eval(`${selector} [data-output]`, (el) => el.textContent ?? '');
/** The y values of every plotted trace in the block's output (what Plotly was given). */
const plotted = (page: Page) =>
  page.$$eval(`${BLOCK} [data-output] .js-plotly-plot`, (plots) =>
    plots.map((plot) => ((plot as unknown as { data?: Array<{ y?: number[] }> }).data ?? []).map((trace) => Array.from(trace.y ?? []))),
  );

async function waitForSlide(page: Page, id: string, f?: number): Promise<void> {
  try {
    await page.waitForFunction(
      ([id, f]) => window.Reveal.getCurrentSlide()?.id === id && (f === null || (window.Reveal.getIndices().f ?? -1) === f),
      [id, f ?? null] as const,
      { timeout: 30_000 },
    );
  } catch (error) {
    // Say where the page is and what it thinks of the room: a follower that stopped following says why.
    const at = await page.evaluate(() => ({
      ...window.Reveal.getIndices(),
      id: window.Reveal.getCurrentSlide()?.id,
      ...document.documentElement.dataset,
    }));
    throw new Error(`${page.url()} is not on ${id} (fragment ${f}): ${JSON.stringify(at)}`, { cause: error });
  }
}

async function waitForOutput(page: Page, text: string, selector = BLOCK): Promise<void> {
  try {
    await page.waitForFunction(
      ([sel, text]) => document.querySelector(`${sel} [data-output]`)?.textContent?.includes(text) === true,
      [selector, text] as const,
      { timeout: 45_000 },
    );
  } catch (error) {
    // Say what the block shows instead: its status, its output and the page's room state.
    const at = await page.evaluate((sel) => {
      const block = document.querySelector<HTMLElement>(sel);
      return {
        status: block?.dataset.status,
        output: block?.querySelector('[data-output]')?.textContent?.slice(0, 400),
        ...document.documentElement.dataset,
      };
    }, selector);
    throw new Error(`${page.url()}: no "${text}" in ${selector}'s output: ${JSON.stringify(at)}`, { cause: error });
  }
}

/** Types `code` into the presenter-style Monaco editor of the block on the current slide. */
async function typeCode(page: Page, code: string): Promise<void> {
  await page.waitForSelector(`${BLOCK}[data-editor-ready] .view-lines`);
  await page.click(`${BLOCK} .view-lines`);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(code);
}

/** Takes the focus out of the editor, so keys go to the deck. */
const leaveEditor = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

const ROOM_CODE = [
  "import { plot } from 'rectify';",
  'const y = [3, 1, 4, 1, 5, 9, 2, 6];',
  "plot([{ name: 'pi', x: y.map((_, i) => i), y }], { title: 'room' });",
  "console.log('room run 42');",
].join('\n');

beforeAll(async () => {
  present = await startPresent({ dist: DIST, host: '127.0.0.1', port: 0, token: TOKEN });
  browser = await launchChromium();
  presenter = await openPage(present.presenter, 'presenter');
  zh = await openPage(present.audience, 'follower');
  en = await openPage(`${present.audience}?lang=en`, 'follower');
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await present?.close();
});

/**
 * The tests tell one talk in order, but each starts with both followers following: one that
 * failed while a follower was broken away must not fail every test after it.
 */
beforeEach(async () => {
  for (const page of [zh, en]) {
    if ((await page.evaluate(() => document.documentElement.dataset.following)) !== 'false') continue;
    await leaveEditor(page);
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.documentElement.dataset.following === 'true');
  }
});

describe('the room in the browser', () => {
  it('takes the token out of the presenter’s address bar (kept for a reload) and never shows it to followers', async () => {
    expect(presenter.url()).not.toContain('presenter=');
    expect(await presenter.evaluate(() => sessionStorage.getItem('rectify:presenter-token'))).toBe(TOKEN);
    for (const page of [zh, en]) expect(await page.content()).not.toContain(TOKEN);
    // Control: the page the test opened did carry it.
    expect(present.presenter).toContain(TOKEN);
  });

  it('followers in both languages follow the presenter’s slides and fragments, by slide id', async () => {
    await goToSlide(presenter, 'bouncer');
    await Promise.all([waitForSlide(zh, 'bouncer'), waitForSlide(en, 'bouncer')]);
    await presenter.evaluate(() => window.Reveal.next());
    await presenter.evaluate(() => window.Reveal.next());
    const f = await fragment(presenter);
    expect(f).toBe(1);
    await Promise.all([waitForSlide(zh, 'bouncer', f), waitForSlide(en, 'bouncer', f)]);
    expect(await en.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await zh.evaluate(() => document.documentElement.lang)).not.toBe('en');
  }, 180_000);

  it('the presenter types and runs a block: both followers show the code, the same output and the same plot', async () => {
    await goToSlide(presenter, LIVE);
    await Promise.all([waitForSlide(zh, LIVE), waitForSlide(en, LIVE)]);
    await typeCode(presenter, ROOM_CODE);
    for (const page of [zh, en]) await expect.poll(() => codeOf(page), { timeout: 30_000 }).toContain("console.log('room run 42')");
    // The presenter's code is not the followers' edit: their "my edits" menu stays away (the presenter's counts it).
    await presenter.waitForSelector('.edit-tools:not([hidden])');
    for (const page of [zh, en]) expect(await page.isHidden('.edit-tools')).toBe(true);
    await presenter.click(`${BLOCK} [data-action="run"]`);
    await waitForOutput(presenter, 'room run 42');
    await presenter.waitForSelector(`${BLOCK}[data-status="done"] [data-output] .js-plotly-plot`, { timeout: 45_000 });
    const expected = await plotted(presenter);
    expect(expected).toEqual([[[3, 1, 4, 1, 5, 9, 2, 6]]]);
    for (const page of [zh, en]) {
      await waitForOutput(page, 'room run 42');
      await page.waitForSelector(`${BLOCK}[data-status="done"] [data-output] .js-plotly-plot`, { timeout: 45_000 });
      expect(await plotted(page)).toEqual(expected);
      // Shown, not run there: the follower's block ran nothing of its own.
      expect(await page.evaluate(() => document.documentElement.dataset.roomDropped)).toBeUndefined();
    }
    if (SHOTS) {
      await zh.screenshot({ path: `${SHOTS}/follower-zh.png` });
      await en.screenshot({ path: `${SHOTS}/follower-en.png` });
    }
  }, 180_000);

  it('a follower breaks away (navigates, edits, runs locally) without changing anyone, then follows again', async () => {
    const driveBefore = present.relay.counters.followerDrive;
    // Navigating breaks away: the button shows.
    await zh.evaluate(() => window.Reveal.prev());
    await zh.waitForSelector('.room-follow-again:not([hidden])');
    expect(await zh.evaluate(() => document.documentElement.dataset.following)).toBe('false');
    await goToSlide(zh, LIVE);
    await typeCode(zh, "console.log('only on the zh follower');");
    // Its own edit is: the menu shows now (the control of the check above).
    await zh.waitForSelector('.edit-tools:not([hidden])');
    await zh.click(`${BLOCK} [data-action="run"]`);
    await waitForOutput(zh, 'only on the zh follower');
    await zh.waitForSelector(`${BLOCK}[data-status="done"]`);
    // Control: the presenter edits after that; the other follower receives it…
    await typeCode(presenter, `${ROOM_CODE}\nconsole.log('presenter again');`);
    await expect.poll(() => codeOf(en), { timeout: 30_000 }).toContain('presenter again');
    // …and had received nothing of the zh follower's edit or run before it; nor has the presenter.
    for (const page of [en, presenter]) {
      expect(await codeOf(page)).not.toContain('only on the zh follower');
      expect(await outputOf(page)).not.toContain('only on the zh follower');
      expect(await outputOf(page)).toContain('room run 42');
    }
    // The zh follower, broken away, did not take the presenter's new edit, and sent no drive message at all.
    expect(await codeOf(zh)).toContain('only on the zh follower');
    expect(present.relay.counters.followerDrive).toBe(driveBefore);
    // Follow again (key F): the presenter's slide, code and last run.
    await leaveEditor(zh);
    await zh.keyboard.press('f');
    await zh.waitForFunction(() => document.documentElement.dataset.following === 'true');
    await waitForSlide(zh, LIVE);
    await expect.poll(() => codeOf(zh), { timeout: 30_000 }).toContain('presenter again');
    await waitForOutput(zh, 'room run 42');
    expect(await zh.isHidden('.room-follow-again')).toBe(true);
    // Its own edit is still saved on its device (following showed the presenter's code without overwriting it).
    const saved = await zh.evaluate(() =>
      Object.keys(localStorage)
        .map((key) => localStorage.getItem(key) ?? '')
        .join('\n'),
    );
    expect(saved).toContain('only on the zh follower');
    expect(saved).not.toContain('presenter again');
  }, 180_000);

  it('a follower that reloads mid-talk is in sync soon after it connects', async () => {
    await en.reload();
    await waitForDeck(en);
    await en.waitForFunction(() => document.documentElement.dataset.room === 'follower', null, { timeout: 60_000 });
    const connected = Date.now();
    await waitForSlide(en, LIVE);
    await expect.poll(() => codeOf(en), { timeout: 30_000 }).toContain('presenter again');
    await waitForOutput(en, 'room run 42');
    await en.waitForSelector(`${BLOCK} [data-output] .js-plotly-plot`);
    console.log(`room: a reloaded follower was in sync ${Date.now() - connected} ms after it connected`);
  }, 180_000);

  it('a follower page that forges a drive message moves nobody; the presenter’s next message moves everyone', async () => {
    for (const page of [zh, en]) {
      await page.evaluate(() => {
        const moves: string[] = [];
        (window as unknown as { roomMoves: string[] }).roomMoves = moves;
        window.Reveal.on('slidechanged', () => moves.push(window.Reveal.getCurrentSlide()?.id ?? ''));
      });
    }
    const forgedBefore = present.relay.counters.followerDrive;
    // The forger: a script on a follower's page, with its own socket to the room (no token, or a made-up one).
    await zh.evaluate(
      () =>
        new Promise<void>((done, fail) => {
          const socket = new WebSocket(new URL('/room?presenter=guess', location.href).toString().replace(/^http/, 'ws'));
          socket.addEventListener(
            'message',
            () => {
              socket.send(JSON.stringify({ kind: 'slide', id: 'relu-formula', h: 0, v: 0, fragment: -1 }));
              socket.send(JSON.stringify({ kind: 'edited', block: '02-relu#2', code: "console.log('forged')", params: {} }));
              socket.close();
              done();
            },
            { once: true },
          );
          socket.addEventListener('error', () => fail(new Error('the forger could not connect')));
        }),
    );
    await expect.poll(() => present.relay.counters.followerDrive, { timeout: 30_000 }).toBe(forgedBefore + 2);
    // Control: the presenter's own move reaches both followers…
    await goToSlide(presenter, 'bouncer');
    await Promise.all([waitForSlide(zh, 'bouncer'), waitForSlide(en, 'bouncer')]);
    // …and they made no other move before it, nor took the forged code.
    for (const page of [zh, en]) {
      expect(await page.evaluate(() => (window as unknown as { roomMoves: string[] }).roomMoves)).toEqual(['bouncer']);
      expect(await codeOf(page)).not.toContain('forged');
    }
    expect(await slideId(presenter)).toBe('bouncer');
  }, 180_000);

  it('the presenter’s J shows the audience URL as a QR code, without the token', async () => {
    await leaveEditor(presenter);
    await presenter.keyboard.press('j');
    await presenter.waitForSelector('.room-join:not([hidden]) .room-join-qr svg');
    const text = await presenter.textContent('.room-join');
    expect(text).toContain(present.audience);
    expect(await presenter.innerHTML('.room-join')).not.toContain(TOKEN);
    // Two followers (zh and en; the forger has left).
    await presenter.waitForFunction(() => /(^|\D)2(\D|$)/.test(document.querySelector('.room-join-count')?.textContent ?? ''));
    if (SHOTS) await presenter.screenshot({ path: `${SHOTS}/presenter-join.png` });
    await presenter.keyboard.press('j');
    await presenter.waitForSelector('.room-join', { state: 'hidden' });
  }, 90_000);

  it('the presenter URL on a phone is a remote: Next there moves the laptop and the followers', async () => {
    const phone = await openPage(present.presenter, 'presenter', { width: 390, height: 844 }, true);
    await phone.waitForSelector('.room-remote');
    // It joined where the talk is, and did not pull the laptop back to the first slide.
    await waitForSlide(phone, 'bouncer');
    expect(await slideId(presenter)).toBe('bouncer');
    const before = await fragment(presenter);
    await phone.click('.rr-forward');
    await Promise.all([waitForSlide(presenter, 'bouncer', before + 1), waitForSlide(zh, 'bouncer', before + 1)]);
    expect(await phone.textContent('.rr-notes')).toBeTruthy();
    if (SHOTS) await phone.screenshot({ path: `${SHOTS}/phone-remote.png` });
    await phone.context().close();
  }, 180_000);
});
