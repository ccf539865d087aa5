/**
 * Phones and tablets. Monaco does not support touch devices (monaco-editor#246, #1504), so
 * there the live blocks get a plain textarea editor instead. reveal's own scroll view takes
 * over on narrow screens (width ≤ `scrollActivationWidth`, 435 px by default); the layout
 * that makes it readable on a phone is in assets/phone.css (loaded by the entry).
 */

/** Narrow screens, and touch screens without a mouse (phones, tablets). */
export const PLAIN_EDITOR_MEDIA = '(max-width: 600px), (pointer: coarse) and (hover: none)';

/**
 * True when live blocks should use the plain editor rather than Monaco: on a phone or a
 * tablet, or whenever reveal's scroll view is on. `?editor=plain` / `?editor=monaco` in
 * the URL override the guess (handy for trying the phone editor on a desktop).
 */
export function usePlainEditor(): boolean {
  const forced = new URLSearchParams(window.location.search).get('editor');
  if (forced === 'plain') return true;
  if (forced === 'monaco') return false;
  if (scrollViewOn()) return true;
  return window.matchMedia(PLAIN_EDITOR_MEDIA).matches;
}

/**
 * Scrolls the scroll view to the top of a slide's page. reveal's own `slide()` there aims at
 * a fraction of the scroll height that falls short by up to a page near the end of the deck,
 * and scroll snapping then settles on the slide before.
 */
export function scrollToSlide(slide: Element): void {
  const page = slide.closest<HTMLElement>('.scroll-page');
  const viewport = scrollViewport();
  if (page && viewport) viewport.scrollTop = page.offsetTop;
}

/** reveal's scroll view's viewport, when the scroll view is on. */
const scrollViewport = (): HTMLElement | null => document.querySelector<HTMLElement>('.reveal-viewport.reveal-scroll');
const scrollViewOn = (): boolean => scrollViewport() !== null;

/** The slide a `#/id` link names, if it is one. */
function linkedSlide(hash: string): Element | null {
  const id = /^#\/([^/]+)/.exec(hash)?.[1];
  return id ? (document.getElementById(decodeURIComponent(id))?.closest('.slides section') ?? null) : null;
}

/**
 * Deep links in the scroll view. reveal 6 loses the link a page was opened with when its
 * scroll view switches on while the deck starts (the page opens at the first slide and the
 * hash is rewritten), and lands short on later ones (see `scrollToSlide`). Call before the
 * deck starts with the link the page was opened with; once the deck is ready, this follows
 * it, and every later `#/id` link, to the slide's page. Returns the function that stops it.
 */
export function followScrollViewLinks(openedWith: string): () => void {
  const ready = new MutationObserver(() => {
    if (document.documentElement.dataset.deckReady !== 'true') return;
    ready.disconnect();
    if (!scrollViewOn()) return;
    const slide = linkedSlide(openedWith);
    if (slide) scrollToSlide(slide);
  });
  ready.observe(document.documentElement, { attributes: true, attributeFilter: ['data-deck-ready'] });
  const onHashChange = () => {
    const slide = scrollViewOn() ? linkedSlide(window.location.hash) : null;
    if (slide) scrollToSlide(slide);
  };
  window.addEventListener('hashchange', onHashChange);
  return () => {
    ready.disconnect();
    window.removeEventListener('hashchange', onHashChange);
  };
}
