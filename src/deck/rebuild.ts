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

/** Returns the function that re-renders the deck's slides from new file contents, staying on the current slide. */
export function createRebuild(deck: RevealApi, slidesElement: HTMLElement, liveCode: LiveCode) {
  return async function rebuild(files: Record<string, string>): Promise<void> {
    const { h, v, f } = deck.getIndices();
    const plan = planDeck(files);
    slidesElement.replaceChildren(...renderSections(plan, document));
    if (import.meta.env.DEV) showSlideErrors(plan);
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
