/**
 * Where a deck is, as the room says it (slide id, h/v, fragment), and how to go where the
 * presenter is: by the slide's id (the same in both languages), else by its indices. In
 * reveal's scroll view (phones) a follower follows slides only: fragments there are scroll
 * positions inside a slide's page, which the reader owns.
 */
import type { RevealApi } from 'reveal.js';
import { SLIDE_ID, type SlidePosition } from '../room/room-protocol';
import { scrollToSlide } from '../tools/device';

/** True while reveal shows its scroll view. */
export const inScrollView = (): boolean => document.querySelector('.reveal-viewport.reveal-scroll') !== null;

/** The deck's position now. */
export function positionOf(deck: RevealApi): SlidePosition {
  const { h, v, f } = deck.getIndices();
  const id = deck.getCurrentSlide()?.id ?? '';
  return { id: SLIDE_ID.test(id) ? id : '', h, v: v ?? 0, fragment: f ?? -1 };
}

/** The indices of `position` in this deck: its slide's id wins over the sender's indices. */
export function indicesOf(deck: RevealApi, position: SlidePosition): { h: number; v: number } {
  const slide = position.id ? document.getElementById(position.id) : null;
  if (slide?.matches('.reveal .slides section')) {
    const { h, v } = deck.getIndices(slide);
    return { h, v: v ?? 0 };
  }
  return { h: position.h, v: position.v };
}

/** Whether the deck is at `position` (fragments aside in the scroll view). */
export function isAt(deck: RevealApi, position: SlidePosition): boolean {
  const here = positionOf(deck);
  const there = indicesOf(deck, position);
  return here.h === there.h && here.v === there.v && (inScrollView() || here.fragment === position.fragment);
}

/** Shows `position`. */
export function goTo(deck: RevealApi, position: SlidePosition): void {
  const { h, v } = indicesOf(deck, position);
  if (!inScrollView()) return deck.slide(h, v, position.fragment);
  const slide = deck.getSlide(h, v);
  if (slide) scrollToSlide(slide);
}
