/**
 * Authoring: with `npm start` (Vite's dev server), saving a slide file updates the deck in
 * place and keeps the current slide — no full reload, no lost place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { indices, saveUntil, startDevDeck, waitForDeck, type DevDeck } from './harness';

const DIR = 'test/fixtures/.tmp-hot-reload';

let deck: DevDeck;
let page: Page;

beforeAll(async () => {
  deck = await startDevDeck(DIR, { '01-a.md': '# One\n\nNote: n1\n---\n# Two\n\nNote: n2\n---\n# Three\n\nNote: n3\n' }, '#/2');
  page = deck.page;
});

afterAll(async () => deck?.close());

describe('hot reload of slide files', () => {
  it('shows the edited text on the same slide, without reloading the page', async () => {
    expect((await indices(page)).h).toBe(2);
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'still the same page'));
    await saveUntil(`${DIR}/01-a.md`, '# One\n\nNote: n1\n---\n# Two\n\nNote: n2\n---\n# Three, edited\n\nNote: n3\n', () =>
      page.waitForFunction(() => window.Reveal.getCurrentSlide()?.textContent?.includes('Three, edited'), null, { timeout: 5_000 }),
    );
    expect((await indices(page)).h).toBe(2);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('still the same page');
  });

  it('names a broken file and line in an overlay, in the deck’s language, and keeps the deck; the fix removes it', async () => {
    await saveUntil(`${DIR}/01-a.md`, '# One\n\nNote: n1\n---\n# Two\n\n```ts\nnever closed\n---\n# Three\n', () =>
      page.waitForSelector('#slide-error-overlay', { timeout: 5_000 }),
    );
    expect(await page.textContent('#slide-error-overlay')).toContain(`${DIR}/01-a.md，第 7 行：这里打开的代码块`);
    expect(await page.textContent('section.slide-error h2')).toBe('这个幻灯片文件无法显示');
    expect(await page.evaluate(() => window.Reveal.getTotalSlides())).toBe(1); // the error slide
    expect(await page.getByRole('button', { name: '隐藏' }).count()).toBe(1); // the overlay's close button
    // The same deck with ?lang=en (a page of its own: a switch in place would read the English
    // files as first loaded, and Vite's dev server does not refresh a lazily imported file).
    const url = new URL(page.url());
    url.searchParams.set('lang', 'en');
    url.hash = '';
    const english = await page
      .context()
      .browser()!
      .newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await english.goto(url.href);
      await waitForDeck(english);
      expect(await english.textContent('#slide-error-overlay')).toContain(`${DIR}/01-a.md, line 7: code fence`);
      expect(await english.textContent('section.slide-error h2')).toBe('This slide file could not be shown');
      expect(await english.getByRole('button', { name: 'Hide' }).count()).toBe(1);
    } finally {
      await english.close();
    }
    await saveUntil(`${DIR}/01-a.md`, '# One\n\nNote: n1\n---\n# Two\n\nNote: n2\n---\n# Three, edited\n\nNote: n3\n', () =>
      page.waitForSelector('#slide-error-overlay', { state: 'detached', timeout: 5_000 }),
    );
    await page.evaluate(() => window.Reveal.slide(2));
  });

  it('keeps what was typed in a live block when a slide file is saved', async () => {
    const live = '# One\n\nNote: n1\n---\n# Two\n\nNote: n2\n---\n# Three, edited\n\n```ts live\nconsole.log(1)\n```\n\nNote: n3\n';
    await saveUntil(`${DIR}/01-a.md`, live, () =>
      page.waitForSelector('.present [data-live][data-editor-ready] .view-lines', { timeout: 15_000 }),
    );
    await page.click('.present [data-live] .view-lines');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('console.log("typed before the save")');
    await saveUntil(`${DIR}/01-a.md`, live.replace('# Three, edited', '# Three, edited again'), () =>
      page.waitForFunction(() => window.Reveal.getCurrentSlide()?.textContent?.includes('edited again'), null, { timeout: 5_000 }),
    );
    await page.waitForSelector('.present [data-live][data-editor-ready] .view-lines');
    expect((await indices(page)).h).toBe(2);
    await expect
      .poll(() => page.$eval('.present [data-live] .view-lines', (el) => (el as HTMLElement).innerText.replace(/\u00a0/g, ' ')))
      .toContain('typed before the save');
  });

  it('adds the slides of a new file with no other registration', async () => {
    await saveUntil(`${DIR}/02-b.md`, '# Four\n\nNote: n4\n', () =>
      page.waitForFunction(() => window.Reveal.getTotalSlides() === 4, null, { timeout: 5_000 }),
    );
    expect((await indices(page)).h).toBe(2);
  });
});
