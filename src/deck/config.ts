/** The reveal.js configuration of the deck: one place for every option we change from reveal's defaults. */
import type { RevealConfig } from 'reveal.js';

/** True when a key event comes from inside an editor, whose keys must not drive the deck. */
export function isEditorKey(event: KeyboardEvent): boolean {
  const target = event.target;
  // Monaco 0.57 types into an EditContext div that reveal's own input check misses.
  return target instanceof Element && target.closest('.monaco-editor, [data-editor], input, textarea, select') !== null;
}

/** Options for `new Reveal(…)`, plugins aside. */
export const deckConfig: RevealConfig = {
  // The logical slide size; reveal scales it to the window (projector or laptop).
  width: 1280,
  height: 800,
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
  keyboardCondition: (event: KeyboardEvent) => !isEditorKey(event),
  markdown: { smartypants: false },
};
