/**
 * Issue 10.3–10.4: live blocks built through the feature seam. Which code a block starts from
 * (a shared link before a saved edit, a saved edit before the slide's code), and a block that
 * is disposed while its editor loads leaves no editor behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { linkWithEdits } from '../../src/tools/share-edits';
import { goToSlide, startHarness, waitForDeck, type Harness } from './harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

const blockOn = (slide: string) => `#${slide} [data-live]`;
const idOf = (page: Page, slide: string) => page.$eval(blockOn(slide), (el) => (el as HTMLElement).dataset.blockId!);
const staticOrEditorText = (page: Page, slide: string) =>
  page.$eval(blockOn(slide), (el) =>
    ((el.querySelector('.view-lines') ?? el.querySelector('.live-static'))!.textContent ?? '').replace(/\u00a0/g, ' '),
  );

/** Types `code` over a block's code in its editor and waits until the edit is saved. */
async function typeAndSave(page: Page, slide: string, code: string): Promise<void> {
  await goToSlide(page, slide);
  await page.waitForSelector(`${blockOn(slide)}[data-editor-ready] .view-lines`);
  await page.click(`${blockOn(slide)} .view-lines`);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(code);
  await page.waitForFunction((text) => Object.values(localStorage).some((value) => value.includes(text)), code);
}

describe('the code a block starts from', () => {
  it('is a shared link’s before a saved edit, and a saved edit before the slide’s', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(harness.url + '#/relu-line');
    await waitForDeck(page);
    // A block far from view still shows its slide's code as static text.
    const slideCode = await staticOrEditorText(page, 'dead-unit');
    expect(slideCode).toContain('relu');
    await typeAndSave(page, 'relu-line', "console.log('saved line')");
    await typeAndSave(page, 'bouncer-live', "console.log('saved bouncer')");
    const bouncer = await idOf(page, 'bouncer-live');

    const link = linkWithEdits(
      [{ id: bouncer, code: "console.log('linked bouncer')", params: {}, modified: true }],
      harness.url + '#/relu-line',
    );
    // A fresh page (same storage): the deck reads a link's edits when it starts.
    await page.close();
    const opened = await context.newPage();
    await opened.goto(link);
    await waitForDeck(opened);
    // The link's code wins over the saved edit of the same block, and is marked as such.
    await expect.poll(() => staticOrEditorText(opened, 'bouncer-live')).toContain('linked bouncer');
    expect(await opened.$eval(`${blockOn('bouncer-live')} .live-linked`, (el) => (el as HTMLElement).hidden)).toBe(false);
    // The saved edit wins over the slide's code where the link has nothing.
    await expect.poll(() => staticOrEditorText(opened, 'relu-line')).toContain('saved line');
    expect(await opened.$eval(`${blockOn('relu-line')} .live-linked`, (el) => (el as HTMLElement).hidden)).toBe(true);
    expect(await opened.$eval(`${blockOn('relu-line')} .live-modified`, (el) => (el as HTMLElement).hidden)).toBe(false);
    // A block with neither shows the slide's code, unmarked.
    expect(await staticOrEditorText(opened, 'dead-unit')).toBe(slideCode);
    expect(await opened.$eval(`${blockOn('dead-unit')} .live-modified`, (el) => (el as HTMLElement).hidden)).toBe(true);
    await context.close();
  }, 90_000);
});

describe('a block disposed while its editor loads', () => {
  it('mounts no editor later: only the blocks in the page have one', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    // Hold the editor's code until the blocks that asked for it have been replaced.
    const held: Route[] = [];
    let asked!: () => void;
    const editorAsked = new Promise<void>((resolve) => (asked = resolve));
    await page.route(/mount-editor-[\w-]+\.js$/, (route) => {
      held.push(route);
      asked();
    });
    await page.goto(harness.url + '#/bouncer-live');
    await waitForDeck(page);
    await editorAsked;
    // The language switch rebuilds every block (the same pipeline as hot reload): the old ones are disposed.
    await page.click('.language-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    for (const route of held) await route.continue();
    await page.unroute(/mount-editor-[\w-]+\.js$/);
    await page.waitForSelector(`${blockOn('bouncer-live')}[data-editor-ready] .view-lines`);
    const chunk = await page.evaluate(
      () => performance.getEntriesByType('resource').find((entry) => /mount-editor-[\w-]+\.js$/.test(entry.name))!.name,
    );
    // The page's own editor module (same URL, same instance); a string, so the test runner leaves import() alone.
    const counts = () =>
      page.evaluate(`import(${JSON.stringify(chunk)}).then((editorModule) => ({
        alive: editorModule.liveEditorCount(),
        inPage: document.querySelectorAll('[data-live][data-editor-ready]').length,
      }))`) as Promise<{ alive: number; inPage: number }>;
    // Control: the probe sees the editors of the blocks in the page (at least the one on this slide).
    const { alive, inPage } = await counts();
    expect(inPage).toBeGreaterThan(0);
    expect(alive).toBe(inPage);
    await context.close();
  }, 90_000);
});
