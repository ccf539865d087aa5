/** The reveal.js configuration of the deck: one place for every option we change from reveal's defaults. */
import type { RevealApi, RevealConfig } from 'reveal.js';
import { SLIDE_SIZE } from '../slides/slide-size';
import { strongEmphasis } from './strong-emphasis';

/**
 * True when a key belongs to a control rather than the deck: anything typed in an editor
 * or a form field, and Space/Enter on a focused button (which press the button). Arrows on
 * a button still move the slides, so a speaker who clicked Run can go on with the keys.
 */
export function isControlKey(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof Element)) return false;
  // Monaco 0.57 types into an EditContext div that reveal's own input check misses.
  if (target.closest('.monaco-editor, [data-editor], input, textarea, select')) return true;
  return target.closest('button') !== null && (event.key === ' ' || event.key === 'Enter');
}

/** reveal's default: below this presentation width (px) it shows its scroll view. */
const SCROLL_ACTIVATION_WIDTH = 435;

/** Options for `new Reveal(…)`, plugins aside. */
export const deckConfig: RevealConfig = {
  ...SLIDE_SIZE,
  margin: 0.04,
  scrollActivationWidth: SCROLL_ACTIVATION_WIDTH,
  hash: true,
  respondToHashChanges: true,
  controls: true,
  progress: true,
  slideNumber: 'c/t',
  showSlideNumber: 'all',
  center: true,
  transition: 'slide',
  transitionSpeed: 'fast',
  // Fragments, the help overlay (?), overview (O), jump-to-slide (G) are reveal defaults: keep them on.
  fragments: true,
  help: true,
  overview: true,
  jumpToSlide: true,
  // A handout page per slide, fragments shown in their final state (not a page per step).
  pdfSeparateFragments: false,
  keyboardCondition: (event: KeyboardEvent) => !isControlKey(event),
  markdown: {
    smartypants: false,
    // reveal hands every other markdown option to marked's `use()`; its typings predate `hooks`.
    ...{ hooks: { preprocess: strongEmphasis } },
  },
};

/**
 * reveal's `view` to start in, for a window `width` px wide: on a narrow one its scroll view,
 * by the test reveal applies at each layout (`scrollActivationWidth` after `margin`). Left to
 * reveal, a phone first lays every slide out as a 1280×800 slide, then switches to the scroll
 * view and lays them all out again: twice the start-up work, on the devices least able to
 * afford it. Once the deck is ready, `followWidth` hands the choice back to reveal.
 */
export function startingView(width: number): Pick<RevealConfig, 'view'> {
  const presentationWidth = width * (1 - (deckConfig.margin ?? 0));
  return presentationWidth > 0 && presentationWidth <= SCROLL_ACTIVATION_WIDTH ? { view: 'scroll' } : {};
}

/**
 * Whether reveal switches its scroll view on and off with the window's width (a phone turned
 * to landscape), as it does by default. Not after a start in the scroll view (`startingView`)
 * until this is called with true; a rebuild turns it off while it replaces the slides. reveal
 * reads `view` from its live configuration (`getConfig()`) at each layout; `configure()` would
 * also lay every slide out again. Only for a deck in (or started in) the scroll view: the print
 * view is a `view` too.
 */
export function followWidth(deck: RevealApi, follow: boolean): void {
  deck.getConfig().view = follow ? null : 'scroll';
}
