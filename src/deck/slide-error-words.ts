/**
 * A broken slide file's words, from the phrase table: the slides (a leaf) report what is wrong
 * as data, and the entry words it here in the viewer's language, as the deck words the
 * sandbox's reasons. Read when the slides are rendered, so a language switch rewords them.
 */
import type { SlideErrorWords } from '../slides/render-sections';
import type { SlideProblem } from '../slides/split-slides';
import { t, type TextKey } from '../i18n/ui-text';

/** How a phrase is looked up: `t` in the page, `textIn(language, …)` in Node tests. */
type Say = (key: TextKey, values?: Record<string, string | number>) => string;

/** What is wrong with a file, in words. */
function problemText(problem: SlideProblem, say: Say): string {
  switch (problem.kind) {
    case 'fence-not-closed':
      return say('fenceNotClosed', { marker: problem.marker });
    case 'comment-not-closed':
      return say('commentNotClosed', { target: problem.target });
    case 'malformed-attributes':
      return say('attributesMalformed', { target: problem.target, attributes: problem.attributes });
  }
}

/** The error slide's and the authoring overlay's words, in the language `say` speaks (the page's by default). */
export function slideErrorWords(say: Say = t): SlideErrorWords {
  return {
    heading: say('slideErrorHeading'),
    where: (file, error) => say('slideErrorPlace', { file, line: error.line }) + problemText(error.problem, say),
    overlayTitle: (count) => (count === 1 ? say('slideErrorOverlayOne') : say('slideErrorOverlayMany', { count })),
    hide: say('slideErrorHide'),
  };
}
