/**
 * No CJK font, no deck (issue 9, item 11): on a machine without Chinese fonts the deck and
 * the handout were all boxes. The built deck now carries a subset of Noto Sans SC, last in
 * its font stacks. Here Chromium runs once with the system's fonts and once with a fontconfig
 * that has every font except the CJK ones (no-cjk-fonts.ts); the deck is served from a
 * sub-path, as from a USB stick or a Pages folder.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from '../../scripts/find-chromium.mjs';
import { FALLBACK_FAMILY } from '../../scripts/fallback-font.mjs';
import { findMissingGlyphs } from '../../scripts/missing-glyphs.mjs';
import { serveStatic, type StaticServer } from '../../scripts/static-server.mjs';
import { DIST, launchChromium, waitForDeck } from './harness';
import { noCjkFonts, type NoCjkFonts } from './no-cjk-fonts';

const PREFIX = '/talks/rectify/';
const SINGLE_FILE = resolve(process.env.RECTIFY_SINGLE ?? 'dist-single/rectify.html');
/** The fallback's files as the build names them (hashed, under assets/). */
const isFallbackFile = (url: string) => /\/assets\/noto-sans-sc-[^/]+\.woff2$/.test(url);

let server: StaticServer;
let withCjk: Browser;
let withoutCjk: Browser;
let fonts: NoCjkFonts;

beforeAll(async () => {
  server = await serveStatic(DIST, PREFIX);
  withCjk = await launchChromium();
  fonts = noCjkFonts();
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  withoutCjk = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, env: fonts.env });
});

afterAll(async () => {
  await withCjk?.close();
  await withoutCjk?.close();
  await server?.close();
  fonts?.remove();
});

/** Opens the deck (`suffix`: query) in a fresh context; `blockFallback` makes the font's files fail. */
async function openDeck(browser: Browser, { suffix = '', blockFallback = false } = {}): Promise<{ page: Page; requests: string[] }> {
  // No service worker: its precache fetches every font file for offline use (offline.test.ts covers it).
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const requests: string[] = [];
  context.on('requestfinished', (request) => requests.push(request.url()));
  if (blockFallback)
    await context.route(
      (url) => isFallbackFile(url.href),
      (route) => route.abort(),
    );
  const page = await context.newPage();
  await page.goto(server.url + suffix);
  await waitForDeck(page);
  await page.evaluate(() => document.fonts.ready);
  return { page, requests };
}

/** Chromium's own account of the fonts that drew an element's text (DevTools' "Rendered Fonts"). */
async function renderedFonts(page: Page, selector: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts;
}

describe('the simulated machine without CJK fonts (control)', () => {
  it('draws Chinese as boxes, where the real machine draws it', async () => {
    const html = '<p style="font-family: sans-serif">激活函数 ReLU</p><p style="font-weight: 700">保安</p>';
    const without = await withoutCjk.newPage();
    const withFonts = await withCjk.newPage();
    await without.setContent(html);
    await withFonts.setContent(html);
    const boxes = await findMissingGlyphs(without);
    expect(boxes.missing.map((m) => m.char).sort()).toEqual([...'保安函激数活'].sort());
    expect(await findMissingGlyphs(withFonts)).toEqual({ checked: boxes.checked, missing: [] });
    await without.close();
    await withFonts.close();
  });
});

describe('the CJK fallback font', () => {
  it('draws the Chinese of every slide on a machine without CJK fonts, from the bundled files', async () => {
    // The print view lays out every slide at once (notes stay hidden; the unit test covers them).
    const { page, requests } = await openDeck(withoutCjk, { suffix: '?print-pdf' });
    const glyphs = await findMissingGlyphs(page, '.reveal .slides');
    expect(glyphs.missing).toEqual([]);
    expect(glyphs.checked).toBeGreaterThan(500);
    const files = requests.filter(isFallbackFile);
    expect(files.length).toBeGreaterThan(5);
    for (const url of files) expect(url.startsWith(`${server.url}assets/`)).toBe(true);
    const faces = await page.evaluate(
      (family) => [...document.fonts].filter((face) => face.family.replace(/"/g, '') === family).map((face) => face.status),
      FALLBACK_FAMILY,
    );
    expect(faces).toContain('loaded');
  });

  it('is the font Chromium really drew the title with, regular and bold', async () => {
    const { page } = await openDeck(withoutCjk);
    // The page asks for the fallback itself (no load() here); wait until it has it and has drawn a frame.
    await page.waitForFunction(
      (family) => [...document.fonts].some((face) => face.family.replace(/"/g, '') === family && face.status === 'loaded'),
      FALLBACK_FAMILY,
    );
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    // The canvas check cannot see this one: headings laid out before their slices arrived stayed boxes.
    const title = await renderedFonts(page, '#title h1');
    // Its 11 Han characters and the full-width colon.
    expect(title.some((font) => font.isCustomFont && font.glyphCount >= 12)).toBe(true);
    const bold = await renderedFonts(page, '#title strong');
    expect(bold.some((font) => font.isCustomFont && font.glyphCount >= 4)).toBe(true);
  });

  it('leaves boxes when its files cannot load: the check above can fail', async () => {
    const { page, requests } = await openDeck(withoutCjk, { blockFallback: true });
    const glyphs = await findMissingGlyphs(page, '#title');
    expect(glyphs.missing.map((m) => m.char)).toEqual(expect.arrayContaining([...'激活函数保安']));
    expect(requests.filter(isFallbackFile)).toEqual([]);
    expect((await renderedFonts(page, '#title h1')).filter((font) => font.isCustomFont)).toEqual([]);
  });

  it('is not downloaded where the system has a CJK font', async () => {
    // The first test proves this request log sees the fallback's files when they are fetched.
    // (Look before the glyph check: it loads every face the text could use, to be sure.)
    const { page, requests } = await openDeck(withCjk, { suffix: '?print-pdf' });
    expect(requests.filter(isFallbackFile)).toEqual([]);
    const glyphs = await findMissingGlyphs(page, '.reveal .slides');
    expect(glyphs.missing).toEqual([]);
    expect(glyphs.checked).toBeGreaterThan(500);
  });
});

describe('the CJK fallback font in the one file', () => {
  /** The one file opened from disk; its fallback stylesheet is packed and added only when needed. */
  async function openSingle(browser: Browser): Promise<Page> {
    if (!existsSync(SINGLE_FILE)) throw new Error(`${SINGLE_FILE} is missing: run \`npm run build:single\` first.`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // Not until `load`: the file stops its own parser (window.stop()), so `load` never comes.
    await page.goto(pathToFileURL(SINGLE_FILE).href, { waitUntil: 'commit' });
    await waitForDeck(page);
    await page.evaluate(() => document.fonts.ready);
    return page;
  }
  const fallbackFaces = (page: Page) =>
    page.evaluate(
      (family) => [...document.fonts].filter((face) => face.family.replace(/"/g, '') === family).map((face) => face.status),
      FALLBACK_FAMILY,
    );

  it('draws the title slide on a machine without CJK fonts', async () => {
    const page = await openSingle(withoutCjk);
    expect(await fallbackFaces(page)).toContain('loaded');
    const glyphs = await findMissingGlyphs(page, '#title');
    expect(glyphs.missing).toEqual([]);
    expect(glyphs.checked).toBeGreaterThan(10);
    await page.close();
  });

  it('is not even declared where the system has a CJK font', async () => {
    // The test above proves `fallbackFaces` sees the faces once the stylesheet is in.
    const page = await openSingle(withCjk);
    expect(await fallbackFaces(page)).toEqual([]);
    await page.close();
  });
});

describe('npm run pdf', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rectify-glyphs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const pdf = (fixture: string, out: string) =>
    new Promise<{ code: number; stderr: string }>((resolve) => {
      const args = ['scripts/pdf.mjs', out, '--no-build', `--dist=test/fixtures/glyphs/${fixture}`];
      execFile(process.execPath, args, (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }));
    });

  it('fails, naming the character and writing nothing, when a printed character has no glyph in any font', async () => {
    const out = join(dir, 'box.pdf');
    const { code, stderr } = await pdf('box', out);
    expect(code).toBe(1);
    expect(stderr).toContain('𓀀 (U+13000)');
    expect(existsSync(out)).toBe(false);
  });

  it('succeeds on the same page without that character (control)', async () => {
    const out = join(dir, 'ok.pdf');
    const { code, stderr } = await pdf('ok', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});
