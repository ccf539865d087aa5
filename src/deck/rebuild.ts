/**
 * The one "the slides changed" pipeline, for hot reload and the language switch: render the new
 * plan, let reveal's markdown plugin convert it, rebuild the live blocks (before highlighting
 * touches their code), stay on the same slide, then highlight and typeset.
 */
import type { RevealApi } from 'reveal.js';
import type { MarkdownPlugin } from 'reveal.js/plugin/markdown';
import type { LiveCode } from '../live';
import { planDeck } from '../slides/plan-deck';
import { renderSections } from '../slides/render-sections';
import { showSlideErrors } from '../slides/slide-error-overlay';
import { highlightSlides } from './highlight-plugin';
import { typesetSlides } from './math-plugin';
import { slideErrorWords } from './slide-error-words';

/**
 * Puts the slides of `files` into `slidesElement` as reveal's markdown sections, a broken file
 * as an error slide in the page's language (and, while authoring, in an overlay too).
 */
export function renderSlides(slidesElement: HTMLElement, files: Record<string, string>): void {
  const plan = planDeck(files);
  const words = slideErrorWords();
  slidesElement.replaceChildren(...renderSections(plan, document, words));
  if (import.meta.env.DEV) showSlideErrors(plan, words);
}

/** Returns the function that re-renders the deck's slides from new file contents, staying on the current slide. */
export function createRebuild(deck: RevealApi, slidesElement: HTMLElement, liveCode: LiveCode) {
  return async function rebuild(files: Record<string, string>): Promise<void> {
    const { h, v, f } = deck.getIndices();
    renderSlides(slidesElement, files);
    const markdown = deck.getPlugin('markdown') as MarkdownPlugin;
    await markdown.processSlides(slidesElement);
    await markdown.convertSlides();
    liveCode.rebuild(slidesElement);
    deck.sync();
    deck.slide(h, v, f);
    liveCode.prepareNearby();
    await highlightSlides(deck, deck.getSlides());
    await typesetSlides(deck, deck.getSlides());
  };
}
