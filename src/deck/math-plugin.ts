/**
 * Formulas ($…$, $$…$$) typeset with KaTeX, bundled (reveal's math plugin fetches KaTeX
 * from a CDN). KaTeX is ~75 KB gzip plus fonts, and the title slide has no formula, so it
 * loads when a slide with math is near, or when the deck is idle.
 */
import type { RevealApi, RevealPlugin } from 'reveal.js';
import { prepareSlidesNearView } from '../live';

type RenderMath = (element: HTMLElement, options: object) => void;

const DELIMITERS = [
  { left: '$$', right: '$$', display: true },
  { left: '$', right: '$', display: false },
  { left: '\\(', right: '\\)', display: false },
  { left: '\\[', right: '\\]', display: true },
];

let katexLoading: Promise<RenderMath> | undefined;

/** Loads KaTeX's renderer and stylesheet once. */
function loadKatex(): Promise<RenderMath> {
  katexLoading ??= Promise.all([import('katex/contrib/auto-render'), import('katex/dist/katex.min.css')]).then(
    ([autoRender]) => autoRender.default as RenderMath,
  );
  return katexLoading;
}

/** True when the slide's text holds a math delimiter still to typeset. */
function hasMath(slide: Element): boolean {
  return !slide.hasAttribute('data-math-done') && /\$|\\\(|\\\[/.test(slide.textContent ?? '');
}

/** Typesets the given slides (those not done yet), then lets reveal re-measure. */
export async function typesetSlides(deck: RevealApi, slides: Element[]): Promise<void> {
  const pending = slides.filter(hasMath);
  if (pending.length === 0) return;
  const render = await loadKatex();
  for (const slide of pending) {
    render(slide as HTMLElement, {
      delimiters: DELIMITERS,
      throwOnError: false,
      ignoredTags: ['script', 'noscript', 'style', 'textarea', 'pre', 'code', 'option'],
    });
    slide.setAttribute('data-math-done', '');
  }
  deck.layout();
}

/** reveal plugin: typeset slides as they come near; all the rest when idle. */
export const MathPlugin = (): RevealPlugin => ({
  id: 'rectify-math',
  init(deck: RevealApi) {
    prepareSlidesNearView(deck, (slides) => typesetSlides(deck, slides));
  },
});
