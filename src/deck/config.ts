/** The reveal.js configuration of the deck: one place for every option we change from reveal's defaults. */
import type { RevealConfig } from 'reveal.js';
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

/** Options for `new Reveal(…)`, plugins aside. */
export const deckConfig: RevealConfig = {
  ...SLIDE_SIZE,
  margin: 0.04,
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
