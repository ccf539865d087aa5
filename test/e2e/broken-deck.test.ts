/**
 * A deck with broken slide files still renders: each broken file becomes one error slide
 * naming the file and line, and every other file's slides are there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { slidesFrom, startHarness, type Harness } from './harness';

const FIXTURE = '/test/fixtures/broken-deck/*.md';
const OUT_DIR = 'dist-fixture-broken';

let harness: Harness;
let page: Page;

beforeAll(async () => {
  await build({ plugins: [slidesFrom(FIXTURE)], build: { outDir: OUT_DIR, emptyOutDir: true }, logLevel: 'silent' });
  harness = await startHarness(OUT_DIR);
  page = await harness.open();
});
afterAll(async () => harness?.close());

describe('a deck with broken slide files', () => {
  it('shows an error slide naming the file and line of an unclosed fence', async () => {
    const errors = await page.$$eval('section.slide-error .slide-error-where', (els) => els.map((e) => e.textContent));
    expect(errors).toContain(
      'test/fixtures/broken-deck/02-broken.md, line 3: code fence ``` opened here is never closed; add a closing ``` line',
    );
  });

  it('shows an error slide for a malformed attribute comment', async () => {
    const errors = await page.$$eval('section.slide-error .slide-error-where', (els) => els.map((e) => e.textContent ?? ''));
    expect(errors.some((e) => e.startsWith('test/fixtures/broken-deck/03-after.md, line 6: malformed .element attributes'))).toBe(true);
  });

  it("keeps the broken file's text on its error slide, so nothing is lost", async () => {
    const source = await page.textContent('section.slide-error .slide-error-source');
    expect(source).toContain('const x = 1;');
  });

  it('renders the slides of the other files, with their notes', async () => {
    const headings = await page.$$eval('.reveal .slides > section', (sections) =>
      sections.map((s) => s.querySelector('h1, h2')?.textContent?.trim()),
    );
    expect(headings).toEqual([
      'First fixture slide',
      'This slide file could not be shown',
      'This slide file could not be shown',
      'Last fixture slide',
    ]);
    const notes = await page.evaluate(() => window.Reveal.getSlides().map((s) => window.Reveal.getSlideNotes(s) ?? ''));
    expect(notes[0]).toContain('notes of the first slide');
    // A `Note:` line inside a code fence is code, not the slide's notes.
    expect(notes[3]).toContain('real notes of the last slide');
    expect(await page.textContent('.reveal .slides > section:last-child pre')).toContain('Note: this line is code');
  });
});
