/**
 * The speaker's and the reader's day: speaker-view previews stay passive, live state is
 * mirrored between windows, R runs a slide's blocks, the deck offers to resume, a shared
 * link shows edits without running them, and a block can be run with the keyboard alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { goToSlide, startHarness, waitForDeck, type Harness } from './harness';

const BLOCK = '#bouncer-live [data-live]';
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

const status = (page: Page) => page.$eval(BLOCK, (el) => el.getAttribute('data-status'));
const output = (page: Page) => page.$eval(`${BLOCK} [data-output]`, (el) => el.textContent ?? '');

async function setCode(page: Page, code: string): Promise<void> {
  await page.click(`${BLOCK} .view-lines`);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(code);
}

describe('speaker view', () => {
  it('previews show the slides but start no editor, sandbox or run of their own', async () => {
    const page = await harness.open('#/bouncer-live');
    await page.waitForSelector(`${BLOCK}[data-editor-ready]`);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    await popup.waitForFunction(() => document.querySelectorAll('iframe').length === 2);
    const frames = () => popup.frames().filter((f) => /receiver/.test(f.url()));
    await expect.poll(() => frames().length).toBe(2);
    for (const frame of frames()) {
      await frame.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
    }
    await popup.waitForTimeout(1500); // time enough for any autorun or prefetch to start
    for (const frame of frames()) {
      expect(await frame.$$eval('.monaco-editor', (els) => els.length)).toBe(0);
      expect(await frame.$$eval('iframe[data-sandbox]', (els) => els.length)).toBe(0);
      expect(await frame.$$eval('[data-live]', (els) => els.map((e) => e.getAttribute('data-status')))).not.toContain('running');
    }
    await popup.close();
    await page.close();
  });
});

describe('two windows of the deck', () => {
  it('mirror edits, runs and outputs: the projector shows what the speaker types and runs', async () => {
    const speaker = await harness.open('#/bouncer-live');
    const projector = await harness.open('#/bouncer-live');
    await speaker.waitForSelector(`${BLOCK}[data-editor-ready]`);
    await projector.waitForSelector(`${BLOCK}[data-editor-ready]`);
    await setCode(speaker, "console.log('mirrored', 6 * 7)");
    await expect
      .poll(() => projector.$eval(`${BLOCK} .view-lines`, (el) => (el as HTMLElement).innerText.replace(/\u00a0/g, ' ')))
      .toContain("console.log('mirrored', 6 * 7)");
    await speaker.keyboard.press('Control+Enter');
    await expect.poll(() => output(projector)).toContain('mirrored 42');
    expect(await status(projector)).toBe('done');
    // Only the speaker's window ran it: the projector never made a sandbox for it.
    expect(await projector.$$eval('iframe[data-sandbox]', (els) => els.length)).toBeLessThanOrEqual(1);
    await speaker.click(`${BLOCK} [data-action="reset"]`);
    await expect.poll(() => projector.$eval(`${BLOCK} .view-lines`, (el) => (el as HTMLElement).innerText)).toContain('guests');
    await speaker.close();
    await projector.close();
  });
});

describe('keyboard only', () => {
  it('reaches Run with Tab, runs with Enter, and R runs the blocks of the current slide', async () => {
    const page = await harness.open('#/bouncer-live');
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') === 'done', BLOCK);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let focused = '';
    for (let i = 0; i < 15 && focused !== 'run'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action ?? '');
    }
    expect(focused).toBe('run');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (sel) =>
        document.querySelector(sel)?.getAttribute('data-status') === 'running' ||
        document.querySelector(sel)?.getAttribute('data-status') === 'done',
      BLOCK,
    );
    expect(await page.evaluate(() => window.Reveal.getCurrentSlide()?.id)).toBe('bouncer-live');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.evaluate((sel) => document.querySelector(`${sel} [data-output]`)!.replaceChildren(), BLOCK);
    await page.keyboard.press('r');
    await expect.poll(() => output(page)).toContain('客人 A');
    await page.close();
  });
});

describe('warming up before the talk', () => {
  it('W runs every live block of the deck once, so every plot is ready', async () => {
    const page = await harness.open('#/title');
    await page.keyboard.press('w');
    await page.waitForFunction(() => document.documentElement.dataset.warmup === 'done', null, { timeout: 60_000 });
    const statuses = await page.$$eval('[data-live]', (els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.filter((s) => s !== 'done')).toEqual([]);
    await page.close();
  });
});

describe('resume', () => {
  it('offers to continue at the last slide when reopened without a deep link', async () => {
    const page = await harness.open('#/bouncer');
    await goToSlide(page, 'bouncer-live');
    await page.waitForTimeout(200);
    await page.goto(harness.url);
    await waitForDeck(page);
    await page.waitForSelector('.resume-prompt');
    expect(await page.evaluate(() => window.Reveal.getIndices().h)).toBe(0);
    await page.click('[data-resume="yes"]');
    expect(await page.evaluate(() => window.Reveal.getCurrentSlide()?.id)).toBe('bouncer-live');
    await page.goto(harness.url + '#/relu-formula');
    await page.reload();
    await waitForDeck(page);
    expect(await page.$$eval('.resume-prompt', (els) => els.length)).toBe(0);
    await page.close();
  });
});

describe('sharing edits', () => {
  it('a link carries the edit; opening it shows the code marked "from a link" and does not run it', async () => {
    const page = await harness.open('#/bouncer-live');
    await page.waitForSelector(`${BLOCK}[data-editor-ready]`);
    await setCode(page, "console.log('shared code ran')");
    await page.click('[data-tool="share"]').catch(() => undefined);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.edit-tools')?.dataset.link);
    const link = await page.$eval('.edit-tools', (el) => (el as HTMLElement).dataset.link!);
    expect(link).toContain('edits=');
    await page.click(`${BLOCK} [data-action="reset"]`);
    // A fresh visitor (new context: no saved edits) opens the link.
    const visitor = await (await harness.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await visitor.goto(link);
    await waitForDeck(visitor);
    await visitor.waitForSelector(`${BLOCK}[data-editor-ready]`);
    expect(await visitor.$eval(`${BLOCK} .live-linked`, (el) => (el as HTMLElement).hidden)).toBe(false);
    await expect
      .poll(() => visitor.$eval(`${BLOCK} .view-lines`, (el) => (el as HTMLElement).innerText.replace(/\u00a0/g, ' ')))
      .toContain('shared code ran');
    await visitor.waitForTimeout(1000); // an autorun would have happened by now
    expect(await status(visitor)).toBe('idle');
    expect(await output(visitor)).toBe('');
    await visitor.click(`${BLOCK} [data-action="run"]`);
    await expect.poll(() => output(visitor)).toContain('shared code ran');
    await visitor.context().close();
    await page.close();
  });

  it('"Download my edits" saves the edited snippets as one .ts file', async () => {
    const page = await harness.open('#/bouncer-live');
    await page.waitForSelector(`${BLOCK}[data-editor-ready]`);
    await setCode(page, "console.log('to take home')");
    await page.waitForSelector('.edit-tools:not([hidden])');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-tool="download"]')]);
    expect(download.suggestedFilename()).toBe('rectify-edits.ts');
    const stream = await download.createReadStream();
    let text = '';
    for await (const chunk of stream) text += chunk;
    expect(text).toContain("console.log('to take home')");
    expect(text).toMatch(/── slides\/02-relu\.md#\d+ ──/);
    await page.click(`${BLOCK} [data-action="reset"]`);
    await page.close();
  });
});
