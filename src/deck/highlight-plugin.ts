/**
 * reveal plugin: syntax highlighting, loaded and applied just before a slide with code is
 * shown (the title slide has none, so highlight.js stays off the first-slide path).
 */
import type { RevealApi, RevealPlugin } from 'reveal.js';
import { prepareSlidesNearView } from '../live';

let loading: Promise<typeof import('./highlight-code')> | undefined;

/** Highlights the code of the given slides; line steps become fragments reveal must know about. */
export async function highlightSlides(deck: RevealApi, slides: HTMLElement[]): Promise<void> {
  const withCode = slides.filter((slide) => slide.querySelector('pre > code:not(.live):not([data-highlighted])'));
  if (withCode.length === 0) return;
  loading ??= import('./highlight-code');
  const { highlightCode, unhighlightedCode } = await loading;
  for (const slide of withCode) {
    const addedSteps = unhighlightedCode(slide).map(highlightCode).some(Boolean);
    if (addedSteps) deck.syncFragments(slide);
  }
}

export const HighlightPlugin = (): RevealPlugin => ({
  id: 'rectify-highlight',
  init(deck: RevealApi) {
    prepareSlidesNearView(deck, (slides) => highlightSlides(deck, slides));
  },
});
