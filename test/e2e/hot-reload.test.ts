/**
 * Authoring: with `npm start` (Vite's dev server), saving a slide file updates the deck in
 * place and keeps the current slide — no full reload, no lost place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { indices, launchChromium, waitForDeck } from './harness';

const DIR = 'test/fixtures/.tmp-hot-reload';

/** Points the deck's slide glob at the temporary slide files. */
function temporarySlides(): Plugin {
  return {
    name: 'temporary-slides',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('src/deck/slide-files.ts')) return undefined;
      return code.replace("'../../slides/*.md'", `'/${DIR}/*.md'`);
    },
  };
}

let server: ViteDevServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  writeFileSync(`${DIR}/01-a.md`, '# One\n\nNote: n1\n---\n# Two\n\nNote: n2\n---\n# Three\n\nNote: n3\n');
  server = await createServer({ plugins: [temporarySlides()], server: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
  await server.listen();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.resolvedUrls!.local[0] + '#/2');
  await waitForDeck(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(DIR, { recursive: true, force: true });
});

describe('hot reload of slide files', () => {
  it('shows the edited text on the same slide, without reloading the page', async () => {
    expect((await indices(page)).h).toBe(2);
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'still the same page'));
    writeFileSync(`${DIR}/01-a.md`, '# One\n\nNote: n1\n---\n# Two\n\nNote: n2\n---\n# Three, edited\n\nNote: n3\n');
    await page.waitForFunction(() => window.Reveal.getCurrentSlide()?.textContent?.includes('Three, edited'), null, { timeout: 20_000 });
    expect((await indices(page)).h).toBe(2);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('still the same page');
  });

  it('adds the slides of a new file with no other registration', async () => {
    writeFileSync(`${DIR}/02-b.md`, '# Four\n\nNote: n4\n');
    await page.waitForFunction(() => window.Reveal.getTotalSlides() === 4, null, { timeout: 20_000 });
    expect((await indices(page)).h).toBe(2);
  });
});
