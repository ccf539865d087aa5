/**
 * Build-time Markdown (scripts/prerender-slides.ts): a build ships each slide file's slides as
 * HTML converted in Node (jsdom), and the page has no markdown plugin at all. Here, in Chromium,
 * reveal's markdown plugin (its own build of it in the same package, configured by the deck's
 * settings as on the dev server) converts the same sections as the dev server's page does, and
 * the two must be the same DOM for every slide file, both languages, and the
 * broken-deck fixture (error slides). A control with one word changed proves the comparison sees
 * a difference. And the built deck holds no slide Markdown, only the converted slides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { prerenderSlideFile, sectionsBeforeConversion } from '../../scripts/prerender-slides';
import { compareFileNames } from '../../src/slides/plan-deck';
import { DIST, startHarness, type Harness } from './harness';

/** reveal's markdown plugin as a classic script (`window.RevealMarkdown`), from the deck's own reveal.js. */
const MARKDOWN_PLUGIN = 'node_modules/reveal.js/dist/plugin/markdown.js';

const SETS = {
  zh: { dir: 'slides', language: 'zh' },
  en: { dir: 'slides/en', language: 'en' },
  'broken-deck fixture': { dir: 'test/fixtures/broken-deck', language: 'zh' },
} as const;

let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await startHarness();
  page = await harness.open();
  // The built deck leaves reveal's markdown plugin out; add it, on the deck and its settings, as the dev server has it.
  expect(await page.evaluate(() => window.Reveal.getPlugin('markdown'))).toBeUndefined();
  // Control: getPlugin does find a plugin the deck has.
  expect(await page.evaluate(() => window.Reveal.getPlugin('rectify-live-code') !== undefined)).toBe(true);
  await page.evaluate(readFileSync(MARKDOWN_PLUGIN, 'utf8'));
  await page.evaluate(async () => {
    const plugin = (window as unknown as { RevealMarkdown: () => { init(deck: unknown): Promise<void> } }).RevealMarkdown();
    await plugin.init(window.Reveal);
    (window as unknown as { rectifyMarkdown: unknown }).rectifyMarkdown = plugin;
  });
});
afterAll(async () => harness?.close());

/** The Markdown files of `dir`, in deck order, as `slides/02-relu.md` → text. */
function filesOf(dir: string): Array<[string, string]> {
  const names = readdirSync(dir).filter((name) => name.endsWith('.md'));
  return names.sort(compareFileNames).map((name) => [`${dir}/${name}`, readFileSync(`${dir}/${name}`, 'utf8')]);
}

/** `sections` (Markdown in templates) converted in the page by the deck's own markdown plugin, as the dev server's deck does. */
function convertInPage(sections: string): Promise<string> {
  return page.evaluate(async (html) => {
    const markdown = (window as unknown as { rectifyMarkdown: unknown }).rectifyMarkdown as {
      processSlides(scope: HTMLElement): Promise<void>;
      convertSlides(): Promise<void>;
    };
    // Inside the deck's element: the plugin converts every unconverted section there.
    const holder = document.createElement('div');
    holder.hidden = true;
    document.querySelector('.reveal')!.append(holder);
    holder.innerHTML = html;
    await markdown.processSlides(holder);
    await markdown.convertSlides();
    const converted = holder.innerHTML;
    holder.remove();
    return converted;
  }, sections);
}

/** `html` as Chromium parses and serializes it (jsdom's serialization may differ in spelling, not in DOM). */
function asChromiumSerializes(html: string): Promise<string> {
  return page.evaluate((text) => {
    const template = document.createElement('template');
    template.innerHTML = text;
    return template.innerHTML;
  }, html);
}

describe.each(Object.entries(SETS))('slides converted at build time (%s)', (_name, { dir, language }) => {
  it('equal what the page converts, file by file', async () => {
    const files = filesOf(dir);
    expect(files.length).toBeGreaterThan(3);
    for (const [file, text] of files) {
      const built = await asChromiumSerializes(await prerenderSlideFile(file, text, language));
      const inPage = await convertInPage(sectionsBeforeConversion(file, text, language));
      expect(built.length, file).toBeGreaterThan(100);
      expect(built, file).toBe(inPage);
    }
  });
});

describe('the comparison', () => {
  it('sees one changed word (control)', async () => {
    const [file, text] = filesOf('slides')[0];
    const changed = text.replace(/^(#+ .*)$/m, '$1 X');
    expect(changed).not.toBe(text);
    const built = await asChromiumSerializes(await prerenderSlideFile(file, text, 'zh'));
    const inPage = await convertInPage(sectionsBeforeConversion(file, changed, 'zh'));
    expect(built).not.toBe(inPage);
  });
});

describe('the built deck', () => {
  it('holds the slides converted, not their Markdown', () => {
    const scripts = readdirSync(`${DIST}/assets`).filter((name) => name.endsWith('.js'));
    const code = scripts.map((name) => readFileSync(`${DIST}/assets/${name}`, 'utf8')).join('\n');
    // A slide's attributes as the slide files spell them (the conversion applies them), and a converted slide.
    // (Booleans: a failure must not print the megabytes of code.)
    expect(code.includes('<!-- .slide: id="relu-formula"'), 'a slide file’s Markdown is in the build').toBe(false);
    expect(/data-markdown-parsed=\\?"true\\?" id=\\?"relu-formula/.test(code), 'no converted slide in the build').toBe(true);
  });

  it('shows them: the first slide’s heading and the slide count', async () => {
    const heading = await page.evaluate(() => document.querySelector('.reveal .slides section h1')?.textContent ?? '');
    expect(heading).toContain('ReLU');
    expect(await page.evaluate(() => window.Reveal.getTotalSlides())).toBeGreaterThan(20);
  });
});
