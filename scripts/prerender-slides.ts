// Build-time Markdown: one slide file's slides as the deck would show them after reveal's
// markdown plugin converted them in the page — the same sections (src/slides/render-sections.ts),
// the same plugin with the deck's options (src/deck/config.ts), run over a jsdom document. The
// built deck puts this HTML in place and skips the conversion at start: about 200 ms of a phone's
// start-up at 4× CPU throttling (marked lexing every slide), and the language switch's too.
// The dev server keeps converting in the page, so a saved slide shows at once
// (scripts/prerendered-slides-plugin.mjs serves this; test/e2e/prerendered-slides.test.ts holds
// the two ways equal in Chromium).
import { JSDOM } from 'jsdom';
import Markdown from 'reveal.js/plugin/markdown';
import type { RevealApi } from 'reveal.js';
import { deckConfig } from '../src/deck/config';
import { slideErrorWords } from '../src/deck/slide-error-words';
import { textIn } from '../src/i18n/ui-text';
import type { Language } from '../src/i18n/language';
import { planDeck } from '../src/slides/plan-deck';
import { renderSections } from '../src/slides/render-sections';

/**
 * The HTML of `file`'s slides (`file` as an author sees it, `slides/02-relu.md`), converted
 * as in the page; a broken file gives its error slide, worded in `language`.
 */
export async function prerenderSlideFile(file: string, text: string, language: Language): Promise<string> {
  const { window } = new JSDOM('<div class="reveal"><div class="slides"></div></div>');
  const reveal = window.document.querySelector<HTMLElement>('.reveal')!;
  const slides = reveal.querySelector<HTMLElement>('.slides')!;
  slides.append(...sectionsOf(file, text, language, window.document));
  // The plugin tests for comments with the page's global `Node` (its one global besides
  // XMLHttpRequest, used only for external files); any window's constants will do.
  (globalThis as { Node?: unknown }).Node ??= window.Node;
  const deck = { getConfig: () => deckConfig, getRevealElement: () => reveal } as unknown as RevealApi;
  await Markdown().init!(deck); // (optional in reveal's plugin type; the markdown plugin has one)
  return slides.innerHTML;
}

/** `file`'s sections as the page gets them before the plugin converts them (Markdown in templates): for the test. */
export function sectionsBeforeConversion(file: string, text: string, language: Language): string {
  const { window } = new JSDOM();
  const holder = window.document.createElement('div');
  holder.append(...sectionsOf(file, text, language, window.document));
  // An HTML parser drops a newline right after `<textarea>`, and serializing does not add one
  // back: doubled here, the template's text parses back as it was.
  for (const template of holder.querySelectorAll('textarea')) {
    if (template.textContent?.startsWith('\n')) template.textContent = `\n${template.textContent}`;
  }
  return holder.innerHTML;
}

/** `file`'s sections as the page renders them before conversion, error slides worded in `language`. */
function sectionsOf(file: string, text: string, language: Language, doc: Document): HTMLElement[] {
  const words = slideErrorWords((key, values) => textIn(language, key, values));
  return renderSections(planDeck({ [file]: text }), doc, words);
}
