/**
 * A follower's one control: "Follow again" (and key F) once its reader has broken away, and a
 * line saying the connection is down while it reconnects. F is reveal's full-screen key: it is
 * taken only while there is something to follow again.
 */
import type { RevealApi } from 'reveal.js';
import { LANGUAGE_CHANGED, t } from '../i18n/ui-text';
import type { RoomSession } from './room-session';

const KEY_F = 70;

export function installFollowBar(deck: RevealApi, session: RoomSession): () => void {
  const bar = document.createElement('div');
  bar.className = 'room-bar';
  bar.innerHTML = `<button type="button" class="room-follow-again" hidden></button><span class="room-status" role="status" aria-live="polite"></span>`;
  const button = bar.querySelector<HTMLButtonElement>('button')!;
  const status = bar.querySelector<HTMLElement>('.room-status')!;
  button.addEventListener('click', () => session.followAgain());
  let keyBound = false;
  /** Whether the page has been connected once: before that, a missing relay is not news. */
  let seen = false;

  const render = () => {
    seen ||= session.connected();
    button.textContent = t('followAgain');
    button.title = t('followAgainTitle');
    const away = !session.presenter && !session.following();
    button.hidden = !away;
    status.textContent = seen && !session.connected() ? t('roomOffline') : '';
    bar.hidden = button.hidden && status.textContent === '';
    if (away && !keyBound) deck.addKeyBinding({ keyCode: KEY_F, key: 'F', description: t('keyFollowAgain') }, () => session.followAgain());
    else if (!away && keyBound) deck.removeKeyBinding(KEY_F);
    keyBound = away;
  };
  render();
  document.body.append(bar);
  const off = session.onChange(render);
  document.addEventListener(LANGUAGE_CHANGED, render);
  return () => {
    off();
    document.removeEventListener(LANGUAGE_CHANGED, render);
    if (keyBound) deck.removeKeyBinding(KEY_F);
    bar.remove();
  };
}
