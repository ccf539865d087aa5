/**
 * "Do this to a slide before the viewer sees it": work that the first slide does not need
 * (highlighting, formulas, editors) runs for the slides next to the current one on every
 * move, and for all the others when the browser is idle.
 */
import type { RevealApi } from 'reveal.js';
import { whenIdle } from './when-idle';

/** The current slide and its neighbours in reading order (vertical slides included). */
export function nearbySlides(deck: RevealApi, distance = 1): HTMLElement[] {
  const all = deck.getSlides();
  const current = deck.getCurrentSlide();
  const at = current ? all.indexOf(current) : 0;
  return all.slice(Math.max(0, at - distance), at + distance + 1);
}

/**
 * Calls `prepare` with the nearby slides on ready and after every move, and, unless
 * `nearOnly`, with all slides when idle (cheap work, like highlighting). Returns the function
 * that stops it.
 */
export function prepareSlidesNearView(
  deck: RevealApi,
  prepare: (slides: HTMLElement[]) => Promise<void> | void,
  { nearOnly = false } = {},
): () => void {
  let stopped = false;
  const prepareNearby = () => void prepare(nearbySlides(deck));
  if (deck.isReady()) prepareNearby();
  else deck.on('ready', prepareNearby);
  deck.on('slidechanged', prepareNearby);
  if (!nearOnly) whenIdle(() => stopped || void prepare(deck.getSlides()));
  return () => {
    stopped = true;
    deck.off('ready', prepareNearby);
    deck.off('slidechanged', prepareNearby);
  };
}
