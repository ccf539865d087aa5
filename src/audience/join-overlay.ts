/**
 * The presenter's join overlay (key J): the audience's URL as a QR code large enough to scan
 * from the back of a room, and as text, with how many follow. Built from the page's origin and
 * path only: the token (which this page keeps in sessionStorage, never in its URL) and the
 * presenter's language and slide stay out, and join-qr.ts strips a token again anyway.
 */
import type { RevealApi } from 'reveal.js';
import { audienceUrl, joinQrSvg } from '../room/join-qr';
import { LANGUAGE_CHANGED, t } from '../i18n/ui-text';
import type { RoomSession } from './room-session';

const KEY_J = 74;

export function installJoinOverlay(deck: RevealApi, session: RoomSession): () => void {
  const page = window.location.origin + window.location.pathname;
  const overlay = document.createElement('div');
  overlay.className = 'room-join';
  overlay.hidden = true;
  overlay.setAttribute('role', 'dialog');
  overlay.innerHTML = `
    <div class="room-join-card">
      <h2 class="room-join-title"></h2>
      <div class="room-join-qr"></div>
      <p class="room-join-hint"></p>
      <p class="room-join-url"></p>
      <p class="room-join-count"></p>
      <button type="button" class="room-join-close"></button>
    </div>`;
  const part = (name: string) => overlay.querySelector<HTMLElement>(`.room-join-${name}`)!;
  // Text built by the QR library from our own URL: an SVG of rectangles, no script.
  part('qr').innerHTML = joinQrSvg(page, { dark: '#111', light: '#fff' });
  part('url').textContent = audienceUrl(page);
  const render = () => {
    overlay.setAttribute('aria-label', t('joinTitle'));
    part('title').textContent = t('joinTitle');
    part('hint').textContent = t('joinHint');
    part('count').textContent = session.connected() ? t('joinAudience', { count: session.audience() }) : t('roomOffline');
    part('close').textContent = t('joinClose');
  };
  const toggle = (show = overlay.hidden) => {
    overlay.hidden = !show;
    document.documentElement.dataset.joinOverlay = String(show);
    if (show) render();
  };
  part('close').addEventListener('click', () => toggle(false));
  overlay.addEventListener('keydown', (event) => event.key === 'Escape' && toggle(false));
  render();
  document.body.append(overlay);
  deck.addKeyBinding({ keyCode: KEY_J, key: 'J', description: t('keyJoin') }, () => toggle());
  const off = session.onChange(render);
  document.addEventListener(LANGUAGE_CHANGED, render);
  return () => {
    off();
    document.removeEventListener(LANGUAGE_CHANGED, render);
    deck.removeKeyBinding(KEY_J);
    overlay.remove();
  };
}
