/**
 * The one "the slides changed" pipeline, for hot reload and the language switch: render the new
 * plan, let reveal's markdown plugin convert it (on the dev server), rebuild the live blocks
 * (before highlighting touches their code), stay on the same slide, then highlight and
 * typeset. Also run when reveal itself replaced the slides (see `createRebuild`).
 */
import type { RevealApi } from 'reveal.js';
import type { MarkdownPlugin } from 'reveal.js/plugin/markdown';
import type { LiveCode } from '../live';
import { planDeck } from '../slides/plan-deck';
import type { DeckSlides } from '../slides/slide-files';
import { renderSections } from '../slides/render-sections';
import { showSlideErrors } from '../slides/slide-error-overlay';
import { highlightSlides } from './highlight-plugin';
import { typesetSlides } from './math-plugin';
import { slideErrorWords } from './slide-error-words';
import { followWidth } from './config';
import { scrollToSlide } from '../tools/device';

/**
 * Puts `slides` into `slidesElement`: a build's, converted already (scripts/prerender-slides.ts);
 * else the files as reveal's markdown sections, a broken file as an error slide in the page's
 * language (and, while authoring, in an overlay too).
 */
export function renderSlides(slidesElement: HTMLElement, slides: DeckSlides): void {
  // Built from the deck's own slide files at build time, as the markdown plugin would have.
  if ('html' in slides) {
    slidesElement.innerHTML = slides.html;
    return;
  }
  const plan = planDeck(slides.files);
  const words = slideErrorWords();
  slidesElement.replaceChildren(...renderSections(plan, document, words));
  if (import.meta.env.DEV) showSlideErrors(plan, words);
}

/**
 * Returns `rebuild`, which re-renders the deck's slides from new contents and stays on the
 * current slide, and `stop`, which ends the watch below.
 *
 * reveal's scroll view (phones) moves every slide into a page of its own, and when it switches
 * off (a phone turned to landscape, the phone remote) it puts back the slides' HTML as it was
 * when it switched on: copies, without the live blocks behind them. So a rebuild switches the
 * scroll view off and on around the new slides (keeping reveal from switching it back on in
 * between, as it would on a narrow screen), and whenever reveal syncs slides whose blocks are
 * gone, the deck is rebuilt from `currentSlides`.
 */
export function createRebuild(deck: RevealApi, slidesElement: HTMLElement, liveCode: LiveCode, currentSlides: () => Promise<DeckSlides>) {
  let rebuilding = false;

  /** Re-renders from `slides` (or from slides still being read: reveal may sync again meanwhile). */
  async function rebuild(slides: DeckSlides | Promise<DeckSlides>): Promise<void> {
    rebuilding = true;
    try {
      await rebuildNow(await slides);
    } finally {
      rebuilding = false;
    }
  }

  async function rebuildNow(slides: DeckSlides): Promise<void> {
    const shown = slideOnShow(deck);
    const scrollView = deck.isScrollView();
    if (scrollView) {
      followWidth(deck, false);
      deck.toggleScrollView(false);
    }
    let slide: HTMLElement | undefined;
    try {
      renderSlides(slidesElement, slides);
      // A build's slides are converted already, and a build has no markdown plugin (main.ts).
      if ('files' in slides) {
        const markdown = deck.getPlugin('markdown') as MarkdownPlugin;
        await markdown.processSlides(slidesElement);
        await markdown.convertSlides();
      }
      liveCode.rebuild(slidesElement);
      deck.sync();
      slide = showAgain(deck, shown);
    } finally {
      if (scrollView) {
        deck.toggleScrollView(true);
        followWidth(deck, true);
      }
    }
    // The scroll view settles on its current slide only once it has scrolled there.
    if (scrollView && slide) scrollToSlide(slide);
    liveCode.prepareNearby();
    await highlightSlides(deck, deck.getSlides());
    await typesetSlides(deck, deck.getSlides());
  }

  const onSync = () => {
    if (rebuilding || liveCode.blocks().every((block) => block.element.isConnected)) return;
    void rebuild(currentSlides()).catch((error: unknown) => console.error('Rectify: rebuilding the slides', error));
  };
  deck.on('sync', onSync);
  return { rebuild, stop: () => deck.off('sync', onSync) };
}

/** The slide on show: its id (the same in both languages and through most edits) and its place in the deck. */
function slideOnShow(deck: RevealApi) {
  const slide = deck.getCurrentSlide();
  return { id: slide?.id ?? '', position: slide ? deck.getSlides().indexOf(slide) : 0, fragment: deck.getIndices().f };
}

/**
 * Shows the slide `shown` names again in the rebuilt deck, by id, else by place, and returns it. (Not by reveal's
 * indices: its scroll view numbers the slides differently from the deck it rebuilds into.)
 */
function showAgain(deck: RevealApi, shown: ReturnType<typeof slideOnShow>): HTMLElement | undefined {
  const slides = deck.getSlides();
  const slide = (shown.id && slides.find((candidate) => candidate.id === shown.id)) || slides[Math.min(shown.position, slides.length - 1)];
  if (!slide) return undefined;
  const { h, v } = deck.getIndices(slide);
  deck.slide(h, v, shown.fragment);
  return slide;
}
