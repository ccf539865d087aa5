/**
 * Resume: the deck remembers the last slide a reader saw; reopening it without a deep link
 * offers to continue there. A deep link (`#/…`) always wins and is never second-guessed.
 */
import type { RevealApi } from 'reveal.js';
import { scrollToSlide } from './device';
import { t } from '../i18n/ui-text';

const KEY = 'rectify:position:v1';
/** More slides than any deck has: a stored index past this is not a position of ours. */
const MAX_INDEX = 10_000;

interface Position {
  h: number;
  v: number;
}

/** The stored position, if it is one (storage is not trusted: anything else is "nothing saved"). */
export function readPosition(store: Pick<Storage, 'getItem'> | undefined = storage()): Position | undefined {
  try {
    const raw = store?.getItem(KEY);
    if (!raw || raw.length > 100) return undefined;
    const p: unknown = JSON.parse(raw);
    if (typeof p !== 'object' || p === null) return undefined;
    const { h, v } = p as Record<string, unknown>;
    const index = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) < MAX_INDEX;
    return index(h) && index(v) ? { h, v } : undefined;
  } catch {
    return undefined;
  }
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** True when the page was opened on a particular slide (read it before reveal writes its own hash). */
export function openedWithDeepLink(): boolean {
  return window.location.hash.replace(/^#\/?/, '') !== '';
}

/** Inputs that mean a person is moving through the deck (not the deck settling as it starts). */
const PERSON_MOVES = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * Saves the position on every move the reader makes, and offers to go back to the saved one
 * when opened without a deep link. Print view and the speaker view's previews are left alone.
 * Moves before the reader's first input are the deck settling as it starts (the phone's scroll
 * view reports the first page as a slide change): they neither overwrite the saved position
 * nor dismiss the offer.
 */
export function installResume(deck: RevealApi, passive: boolean, deepLink: boolean): void {
  if (passive) return;
  const saved = readPosition();
  let personMoved = false;
  const onInput = () => {
    personMoved = true;
    for (const type of PERSON_MOVES) window.removeEventListener(type, onInput, true);
  };
  for (const type of PERSON_MOVES) window.addEventListener(type, onInput, { capture: true, passive: true });
  let offer: HTMLElement | undefined;
  deck.on('slidechanged', () => {
    if (!personMoved) return;
    offer?.remove();
    const { h, v } = deck.getIndices();
    try {
      localStorage.setItem(KEY, JSON.stringify({ h, v: v ?? 0 }));
    } catch {
      // Storage blocked: nothing to resume next time, nothing lost now.
    }
  });
  if (deepLink || !saved || (saved.h === 0 && saved.v === 0)) return;
  const target = deck.getSlides().find((slide) => {
    const { h, v } = deck.getIndices(slide);
    return h === saved.h && (v ?? 0) === saved.v;
  });
  if (target) offer = offerToResume(deck, saved, target);
}

/** The "continue where you left off?" bar; moving on by yourself answers "start over". */
function offerToResume(deck: RevealApi, saved: Position, target: HTMLElement): HTMLElement {
  const number = deck.getSlides().indexOf(target) + 1;
  const bar = document.createElement('div');
  bar.className = 'resume-prompt';
  bar.setAttribute('role', 'dialog');
  bar.setAttribute('aria-label', t('resumeLabel'));
  const text = document.createElement('span');
  text.textContent = t('resumeQuestion', { number });
  const yes = Object.assign(document.createElement('button'), { type: 'button', textContent: t('resumeYes') });
  const no = Object.assign(document.createElement('button'), { type: 'button', textContent: t('resumeNo') });
  yes.dataset.resume = 'yes';
  no.dataset.resume = 'no';
  yes.addEventListener('click', () => {
    deck.slide(saved.h, saved.v);
    scrollToSlide(target); // the phone's scroll view: reveal's slide() lands short there
    bar.remove();
  });
  no.addEventListener('click', () => bar.remove());
  bar.append(text, yes, no);
  document.body.append(bar);
  return bar;
}
