/**
 * A deck with broken slide files still renders: each broken file becomes one error slide
 * naming the file and line, and every other file's slides are there. The error slide speaks
 * the deck's language: Chinese by default, English with `?lang=en` (the fixture is the same
 * files in both), so each language is the other's control.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { slidesFrom, startHarness, type Harness } from './harness';

const FIXTURE = '/test/fixtures/broken-deck/*.md';
const OUT_DIR = 'dist-fixture-broken';

/** What each language's error slides say. */
const EXPECTED = {
  zh: {
    heading: '这个幻灯片文件无法显示',
    fence: 'test/fixtures/broken-deck/02-broken.md，第 3 行：这里打开的代码块 ``` 没有关闭；请加一行 ``` 把它关上',
    attributes: 'test/fixtures/broken-deck/03-after.md，第 6 行：.element 的属性“class="fragment”格式不对',
  },
  en: {
    heading: 'This slide file could not be shown',
    fence: 'test/fixtures/broken-deck/02-broken.md, line 3: code fence ``` opened here is never closed; add a closing ``` line',
    attributes: 'test/fixtures/broken-deck/03-after.md, line 6: malformed .element attributes',
  },
} as const;

let harness: Harness;
const pages = {} as Record<keyof typeof EXPECTED, Page>;

beforeAll(async () => {
  await build({ plugins: [slidesFrom(FIXTURE)], build: { outDir: OUT_DIR, emptyOutDir: true }, logLevel: 'silent' });
  harness = await startHarness(OUT_DIR);
  pages.zh = await harness.open();
  pages.en = await harness.open('?lang=en');
});
afterAll(async () => harness?.close());

const errorTexts = (page: Page) => page.$$eval('section.slide-error .slide-error-where', (els) => els.map((e) => e.textContent ?? ''));

describe.each(['zh', 'en'] as const)('a deck with broken slide files (%s)', (language) => {
  const expected = EXPECTED[language];

  it('shows an error slide naming the file and line of an unclosed fence, in the deck’s language', async () => {
    expect(await errorTexts(pages[language])).toContain(expected.fence);
  });

  it('shows an error slide for a malformed attribute comment, in the deck’s language', async () => {
    const errors = await errorTexts(pages[language]);
    expect(errors.some((e) => e.startsWith(expected.attributes))).toBe(true);
  });

  it('heads each error slide in the deck’s language', async () => {
    const headings = await pages[language].$$eval('section.slide-error h2', (els) => els.map((e) => e.textContent));
    expect(headings).toEqual([expected.heading, expected.heading]);
  });
});

describe('a deck with broken slide files', () => {
  const page = () => pages.zh;

  it("keeps the broken file's text on its error slide, so nothing is lost", async () => {
    const source = await page().textContent('section.slide-error .slide-error-source');
    expect(source).toContain('const x = 1;');
  });

  it('renders the slides of the other files, with their notes', async () => {
    const headings = await page().$$eval('.reveal .slides > section', (sections) =>
      sections.map((s) => s.querySelector('h1, h2')?.textContent?.trim()),
    );
    expect(headings).toEqual(['First fixture slide', EXPECTED.zh.heading, EXPECTED.zh.heading, 'Last fixture slide']);
    const notes = await page().evaluate(() => window.Reveal.getSlides().map((s) => window.Reveal.getSlideNotes(s) ?? ''));
    expect(notes[0]).toContain('notes of the first slide');
    // A `Note:` line inside a code fence is code, not the slide's notes.
    expect(notes[3]).toContain('real notes of the last slide');
    expect(await page().textContent('.reveal .slides > section:last-child pre')).toContain('Note: this line is code');
  });
});
