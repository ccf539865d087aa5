/**
 * How tall a live block's output may grow: the room left on its slide below the panel's top,
 * less whatever follows the block (citations). The panel's `max-height` says it, and plots
 * size themselves to it (src/plot/draw-plot.ts), so outputs fit the slide instead of
 * spilling off it or hiding under a scrollbar. The phone's scroll view has no such limit.
 */
import { SLIDE_SIZE } from '../slides/slide-size';

/** Below this, a panel scrolls rather than shrink further (a slide that is mostly code). */
const MIN_ROOM_PX = 180;
/** Breathing space kept between the output and the slide's bottom edge. */
const BOTTOM_GAP_PX = 10;

/** Sets `panel`'s `max-height` to the room its slide has left (in the slide's own px, before scaling). */
export function fitOutputToSlide(panel: HTMLElement, block: HTMLElement): void {
  const slide = block.closest<HTMLElement>('section');
  if (!slide || panel.closest('.reveal-scroll') || slide.offsetHeight === 0) {
    panel.style.maxHeight = '';
    return;
  }
  // reveal scales the slide with a transform: rects are screen px, offsets are slide px.
  const scale = slide.getBoundingClientRect().height / slide.offsetHeight;
  const slideTop = slide.getBoundingClientRect().top;
  // The panel itself is not laid out while empty (display: none): it starts where the part above
  // it ends — the first one laid out (the parameters' row is hidden when a snippet has none).
  let above: Element = panel.previousElementSibling ?? panel;
  while (above.getClientRects().length === 0 && above.previousElementSibling) above = above.previousElementSibling;
  const panelTop = (above.getBoundingClientRect().bottom - slideTop) / scale;
  const afterBlock = (slide.getBoundingClientRect().bottom - block.getBoundingClientRect().bottom) / scale;
  const room = SLIDE_SIZE.height - panelTop - afterBlock - BOTTOM_GAP_PX;
  panel.style.maxHeight = `${Math.max(MIN_ROOM_PX, Math.floor(room))}px`;
}
