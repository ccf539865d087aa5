/**
 * The speaker's and the reader's day: speaker-view previews stay passive, live state is
 * mirrored between windows, R runs a slide's blocks, the deck offers to resume, a shared
 * link shows edits without running them, and a block can be run with the keyboard alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { goToSlide, startHarness, waitForDeck, type Harness } from './harness';
import { countSandboxRuns, sandboxRuns } from './sandbox-runs';

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

describe('corrupt storage', () => {
  it('a saved edit, parameter value or position that cannot be read is dropped, and the deck still starts', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    // The values that blanked the deck for good (issue 9), on every block and every other key.
    await page.addInitScript(() => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      const bad = ['"abc"', '"1"', '{}', 'null', '[1]'];
      const files = ['00-title', '01-activation', '02-relu', '03-advantages', '04-dead-relu', '05-summary'];
      files.forEach((file, f) => {
        for (let i = 1; i <= 6; i++) {
          const value = bad[(f + i) % bad.length];
          localStorage.setItem(
            `rectify:edit:v1:slides/${file}.md#${i}`,
            `{"code":"x","original":"00000000","savedAt":1,"params":{"depth":${value},"lr":${value}}}`,
          );
        }
      });
      localStorage.setItem('rectify:position:v1', '{"h":"abc"}');
    });
    await page.goto(harness.url + '#/gradient-norms');
    await waitForDeck(page);
    await page.waitForSelector('#gradient-norms [data-live][data-editor-ready]');
    const blocks = await page.$$eval('[data-live]', (els) => els.length);
    const fences = await page.$$eval('pre > code', (els) => els.filter((el) => /\blive\b/.test(el.className)).length);
    expect(blocks).toBeGreaterThanOrEqual(16);
    expect(fences).toBe(0); // every fence became a block
    expect(await page.$eval('#gradient-norms .live-notice', (el) => el.textContent)).toContain('无法读取');
    // Control: the slider shows the code's default, and a run works.
    expect(await page.$eval('#gradient-norms [data-param="depth"]', (el) => (el as HTMLInputElement).value)).toBe('20');
    await page.click('#gradient-norms [data-action="run"]');
    await page.waitForFunction(() => document.querySelector('#gradient-norms [data-live]')?.getAttribute('data-status') === 'done');
    await context.close();
  });
});

describe('speaker view', () => {
  it('previews show the slides but start no editor, sandbox or run of their own', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    await context.addInitScript(countSandboxRuns);
    const page = await context.newPage();
    await page.goto(harness.url + '#/bouncer-live');
    await waitForDeck(page);
    await page.waitForSelector(`${BLOCK}[data-editor-ready]`);
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') === 'done', BLOCK); // autorun
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    await popup.waitForFunction(() => document.querySelectorAll('iframe').length === 2);
    const frames = () => popup.frames().filter((f) => /receiver/.test(f.url()));
    await expect.poll(() => frames().length).toBe(2);
    for (const frame of frames()) {
      await frame.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
    }
    // Go to another autorun slide: the speaker's window mounts its editor and runs it there (the
    // control: the same probes see both in that window), and the previews follow to that slide.
    const runsBefore = await sandboxRuns(page);
    await goToSlide(page, 'relu-line');
    await page.waitForSelector('#relu-line [data-live][data-editor-ready] .monaco-editor');
    await page.waitForFunction(() => document.querySelector('#relu-line [data-live]')?.getAttribute('data-status') === 'done');
    expect(await sandboxRuns(page)).toBeGreaterThan(runsBefore);
    expect(await page.$$eval('iframe[data-sandbox]', (els) => els.length)).toBe(1);
    await expect
      .poll(() => Promise.all(frames().map((frame) => frame.evaluate(() => window.Reveal.getCurrentSlide()?.id))))
      .toContain('relu-line');
    for (const frame of frames()) {
      expect(await frame.$$eval('.monaco-editor, [data-editor-ready]', (els) => els.length)).toBe(0);
      expect(await frame.$$eval('iframe[data-sandbox]', (els) => els.length)).toBe(0);
      expect(await sandboxRuns(frame)).toBe(0);
    }
    await context.close();
  });
});

describe('two windows of the deck', () => {
  it('mirror edits, runs and outputs: the projector shows what the speaker types and runs', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    await context.addInitScript(countSandboxRuns);
    const openWindow = async () => {
      const page = await context.newPage();
      await page.goto(harness.url + '#/bouncer-live');
      await waitForDeck(page);
      await page.waitForSelector(`${BLOCK}[data-editor-ready]`);
      return page;
    };
    const speaker = await openWindow();
    const projector = await openWindow();
    // Both windows have settled their own arrival (an autorun) before counting.
    for (const page of [speaker, projector]) {
      await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') !== 'running', BLOCK);
    }
    const before = { speaker: await sandboxRuns(speaker), projector: await sandboxRuns(projector) };
    await setCode(speaker, "console.log('mirrored', 6 * 7)");
    await expect
      .poll(() => projector.$eval(`${BLOCK} .view-lines`, (el) => (el as HTMLElement).innerText.replace(/\u00a0/g, ' ')))
      .toContain("console.log('mirrored', 6 * 7)");
    await speaker.keyboard.press('Control+Enter');
    await expect.poll(() => output(projector)).toContain('mirrored 42');
    // The output can arrive a moment before the run's end: wait for that end, not a fixed time.
    await expect.poll(() => status(projector)).toBe('done');
    // Only the speaker's window ran it (the control: the same probe counts that run there).
    expect(await sandboxRuns(speaker)).toBe(before.speaker + 1);
    expect(await sandboxRuns(projector)).toBe(before.projector);
    await speaker.click(`${BLOCK} [data-action="reset"]`);
    await expect.poll(() => projector.$eval(`${BLOCK} .view-lines`, (el) => (el as HTMLElement).innerText)).toContain('guests');
    await context.close();
  });
});

describe('keyboard only', () => {
  it('reaches the code with Tab, leaves it with Esc, Tab goes on to Run, Enter runs, and R runs the blocks of the current slide', async () => {
    const page = await harness.open('#/bouncer-live');
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') === 'done', BLOCK);
    await page.waitForSelector(`${BLOCK}[data-editor-ready]`);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const where = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.dataset.action ?? (el?.closest('.live-code') ? 'code' : '');
      });
    // The code comes first (issue 14.4's focus order); Tab inside the editor indents, so Esc hands the keyboard back.
    let focused = '';
    for (let i = 0; i < 15 && focused !== 'code'; i++) {
      await page.keyboard.press('Tab');
      focused = await where();
    }
    expect(focused).toBe('code');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await where()).toBe('run');
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
    const statuses = await page.$$eval('[data-live]', (els) => els.map((e) => `${e.id} ${e.getAttribute('data-status')}`));
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.filter((s) => !s.endsWith(' done'))).toEqual([]);
    await page.close();
  });
});

describe('resume', () => {
  it('offers to continue at the last slide when reopened without a deep link', async () => {
    const page = await harness.open('#/bouncer');
    // A reader clicks and moves on (moves the deck makes by itself, before any input, are not saved).
    await page.mouse.click(5, 400);
    await goToSlide(page, 'bouncer-live');
    await page.waitForFunction(() => localStorage.getItem('rectify:position:v1') !== null);
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
    await page.click('[data-tool="menu"]');
    await page.click('[data-tool="share"]');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.edit-tools')?.dataset.link);
    const link = await page.$eval('.edit-tools', (el) => (el as HTMLElement).dataset.link!);
    // The edits ride in the fragment, which is never sent to a server.
    expect(new URL(link).hash).toMatch(/^#edits=.+&slide=\/bouncer-live$/);
    expect(new URL(link).search).toBe('');
    await page.click(`${BLOCK} [data-action="reset"]`);
    // A fresh visitor (new context: no saved edits) opens the link.
    const visitor = await (await harness.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' })).newPage();
    await visitor.goto(link);
    await waitForDeck(visitor);
    await visitor.waitForSelector(`${BLOCK}[data-editor-ready]`);
    expect(await visitor.$eval(`${BLOCK} .live-linked`, (el) => (el as HTMLElement).hidden)).toBe(false);
    await expect
      .poll(() => visitor.$eval(`${BLOCK} .view-lines`, (el) => (el as HTMLElement).innerText.replace(/\u00a0/g, ' ')))
      .toContain('shared code ran');
    // Control: autorun works in this page — the next autorun slide runs when shown. Had the
    // linked block autorun on arrival, it would have run (or been superseded) before that.
    await goToSlide(visitor, 'relu-line');
    await visitor.waitForFunction(() => document.querySelector('#relu-line [data-live]')?.getAttribute('data-status') === 'done');
    await goToSlide(visitor, 'bouncer-live');
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
    await page.click('[data-tool="menu"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-tool="download"]')]);
    expect(download.suggestedFilename()).toBe('rectify-edits.ts');
    const stream = await download.createReadStream();
    let text = '';
    for await (const chunk of stream) text += chunk;
    expect(text).toContain("console.log('to take home')");
    expect(text).toMatch(/── 02-relu#\d+ ──/);
    await page.click(`${BLOCK} [data-action="reset"]`);
    await page.close();
  });

  it('a link with 40 KB of code opens (the edits never reach the server), and the sender is told it is long', async () => {
    // The plain editor takes 40 KB at once (Monaco needs minutes for a paste this size on this machine).
    const page = await harness.open('?editor=plain#/bouncer-live');
    await page.waitForSelector(`${BLOCK}[data-editor-ready] textarea`);
    // Random words compress poorly: the link really is long.
    const words = Array.from({ length: 6000 }, (_, i) => ((i * 2654435761) % 2 ** 32).toString(36) + (i % 10 === 9 ? '\n//' : ''));
    await page.fill(`${BLOCK} textarea`, `// ${words.join(' ')}\nconsole.log('long link ran')`);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.click('[data-tool="menu"]');
    await page.click('[data-tool="share"]');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.edit-tools')?.dataset.link);
    const link = await page.$eval('.edit-tools', (el) => (el as HTMLElement).dataset.link!);
    expect(link.length).toBeGreaterThan(32_000);
    await expect.poll(() => page.$eval('.edit-tools-message', (el) => el.textContent)).toMatch(/KB/);
    await page.click(`${BLOCK} [data-action="reset"]`);
    const visitor = await (await harness.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' })).newPage();
    const response = await visitor.goto(link, { waitUntil: 'domcontentloaded' });
    expect(response?.status()).toBe(200);
    await waitForDeck(visitor);
    expect(visitor.url()).toMatch(/#\/bouncer-live$/); // the edits are taken out of the address bar
    await visitor.waitForSelector(`${BLOCK}[data-editor-ready]`);
    await visitor.click(`${BLOCK} [data-action="run"]`);
    await expect.poll(() => output(visitor)).toContain('long link ran');
    await visitor.context().close();
    await page.close();
  }, 120_000);

  it('a broken link is said to be broken, and the slides’ own code is shown', async () => {
    const page = await harness.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${harness.url}#edits=NOT-A-REAL-LINK&slide=/bouncer-live`, { waitUntil: 'domcontentloaded' });
    await waitForDeck(page);
    await expect.poll(() => page.$eval('.deck-notice', (el) => el.textContent)).toContain('链接');
    expect(await page.$eval(`${BLOCK} .live-linked`, (el) => (el as HTMLElement).hidden)).toBe(true);
    expect(await page.$eval(`${BLOCK} .live-static, ${BLOCK} [data-editor]`, (el) => el.textContent)).toContain('guests');
    await page.close();
  });
});
