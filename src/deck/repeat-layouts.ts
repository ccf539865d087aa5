/**
 * Two layouts reveal 6 repeats at start for nothing. Each lays every slide out again (in the
 * scroll view, every page: ~90 ms of a 4×-throttled phone's first slide, seen in its trace).
 *
 * - reveal announces a new scale with its own `resize` event on the deck element. The event
 *   bubbles, and a bubbling event reaches `window` too, where reveal's handler of the window's
 *   `resize` lays the deck out a second time. The window's own `resize` is dispatched at the
 *   window and never passes the document, so stopping the event there loses nothing.
 * - reveal lays the deck out again at the window's `load`, for images and web fonts that arrived
 *   after it started. Our deck's entry starts reveal before `load`, with nothing left to arrive
 *   in the usual case: no images in the slides and the fallback font awaited before them. That
 *   layout is kept only when it can change something: an image (or other media) in the slides,
 *   or a web font that was loading between reveal's start and `load`.
 */
import type { RevealApi } from 'reveal.js';

const MEDIA = 'img, video, iframe, object, embed';

/** Stops reveal's own `resize` event at the document. Call before reveal starts; returns what undoes it. */
export function stopRevealResizeAtDocument(): () => void {
  const stop = (event: Event) => event.stopPropagation();
  document.addEventListener('resize', stop);
  return () => document.removeEventListener('resize', stop);
}

/**
 * Replaces reveal's layout at `load` by one that runs only when it can change something. Call
 * right after `deck.initialize()` (which adds reveal's listener), before awaiting it; returns
 * what stops it.
 */
export function layoutAtLoadOnlyIfNeeded(deck: RevealApi): () => void {
  // reveal's API hands out the very function it listens with.
  window.removeEventListener('load', deck.layout);
  // Already loaded (the slides came late): reveal's listener will never run, nor would this one.
  if (document.readyState === 'complete') return () => undefined;
  // A font starts loading only when laid-out text needs it: watch until `load`, not just now.
  let fontsLoaded = document.fonts.status === 'loading';
  const onFontLoading = () => (fontsLoaded = true);
  const onLoad = () => {
    stop();
    if (fontsLoaded || deck.getSlidesElement()?.querySelector(MEDIA)) deck.layout();
  };
  const stop = () => {
    document.fonts.removeEventListener('loading', onFontLoading);
    window.removeEventListener('load', onLoad);
  };
  document.fonts.addEventListener('loading', onFontLoading);
  window.addEventListener('load', onLoad);
  return stop;
}
