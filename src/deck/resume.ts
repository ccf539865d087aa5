/**
 * Resume: the deck remembers the last slide a reader saw; reopening it without a deep link
 * offers to continue there. A deep link (`#/…`) always wins and is never second-guessed.
 */
import type { RevealApi } from 'reveal.js';
import { scrollToSlide } from './device';

const KEY = 'rectify:position:v1';

interface Position {
  h: number;
  v: number;
}

function read(): Position | undefined {
  try {
    const p = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Position | null;
    return p && Number.isInteger(p.h) && Number.isInteger(p.v) ? p : undefined;
  } catch {
    return undefined;
  }
}

/** True when the page was opened on a particular slide (read it before reveal writes its own hash). */
export function openedWithDeepLink(): boolean {
  return window.location.hash.replace(/^#\/?/, '') !== '';
}

/**
 * Saves the position on every move, and offers to go back to the saved one when opened
 * without a deep link. Print view and the speaker view's previews are left alone.
 */
export function installResume(deck: RevealApi, english: () => boolean, passive: boolean, deepLink: boolean): void {
  if (passive) return;
  const saved = read();
  deck.on('slidechanged', () => {
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
  if (!target) return;
  const number = deck.getSlides().indexOf(target) + 1;
  const bar = document.createElement('div');
  bar.className = 'resume-prompt';
  bar.setAttribute('role', 'dialog');
  bar.setAttribute('aria-label', english() ? 'Continue where you left off' : '继续上次的位置');
  const text = document.createElement('span');
  text.textContent = english() ? `Continue where you left off (slide ${number})?` : `从上次的位置（第 ${number} 页）继续吗？`;
  const yes = Object.assign(document.createElement('button'), { type: 'button', textContent: english() ? 'Continue' : '继续' });
  const no = Object.assign(document.createElement('button'), { type: 'button', textContent: english() ? 'Start over' : '从头开始' });
  yes.dataset.resume = 'yes';
  no.dataset.resume = 'no';
  yes.addEventListener('click', () => {
    deck.slide(saved.h, saved.v);
    scrollToSlide(target); // the phone's scroll view: reveal's slide() lands short there
    bar.remove();
  });
  no.addEventListener('click', () => bar.remove());
  // Moving on by keyboard answers "start over".
  deck.on('slidechanged', () => bar.remove());
  bar.append(text, yes, no);
  document.body.append(bar);
}
