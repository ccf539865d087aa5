/**
 * The presenter's URL on a phone is a remote: back/next, the current and next slides' titles,
 * the speaker notes, a timer, and Run for the current slide's blocks. The phone's own deck
 * (under the remote) moves, and the room carries each move to the laptop's window, which stays
 * the projected one. Run runs the blocks on the phone, as a presenter's run: it streams to the
 * laptop and every follower like a run on the laptop (the relay has no "run this" request, and
 * a run needs no more than the phone's sandbox).
 */
import type { RevealApi } from 'reveal.js';
import type { LiveCode } from '../live';
import { PLAIN_EDITOR_MEDIA } from '../tools/device';
import { LANGUAGE_CHANGED, t } from '../i18n/ui-text';
import type { RoomSession } from './room-session';

/** A phone or tablet (as the editor choice decides it), where the presenter's page becomes a remote. */
export const isRemoteDevice = (): boolean => window.matchMedia(PLAIN_EDITOR_MEDIA).matches;

const titleOf = (slide: Element | undefined): string =>
  slide?.querySelector('h1, h2, h3')?.textContent?.trim() || (slide ? `#${slide.id}` : t('remoteEnd'));

function clock(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`;
}

export function installPhoneRemote(deck: RevealApi, session: RoomSession, liveCode: Pick<LiveCode, 'blocks'>): () => void {
  // The phone's deck is only the remote's model: the scroll view (which phones get) would turn
  // "next" into scrolling. Width 0 turns it off.
  deck.configure({ scrollActivationWidth: 0 });
  const remote = document.createElement('div');
  remote.className = 'room-remote';
  remote.setAttribute('role', 'region');
  remote.innerHTML = `
    <header><strong class="rr-label"></strong><span class="rr-status" role="status"></span><button type="button" class="rr-timer"></button></header>
    <p class="rr-caption rr-now-label"></p><p class="rr-now"></p>
    <p class="rr-caption rr-next-label"></p><p class="rr-next"></p>
    <p class="rr-caption rr-notes-label"></p><div class="rr-notes"></div>
    <footer>
      <button type="button" class="rr-previous"></button>
      <button type="button" class="rr-run"></button>
      <button type="button" class="rr-forward"></button>
    </footer>`;
  const part = (name: string) => remote.querySelector<HTMLElement>(`.rr-${name}`)!;
  let started = performance.now();
  let running = false;

  const renderTimer = () => {
    part('timer').textContent = `⏱ ${clock(performance.now() - started)}`;
  };
  const render = () => {
    remote.setAttribute('aria-label', t('remoteLabel'));
    part('label').textContent = t('remoteLabel');
    part('timer').title = t('remoteTimer');
    const role = session.role();
    part('status').textContent = !session.connected() ? t('remoteOffline') : role === 'follower' ? t('remoteNotPresenter') : '';
    const current = deck.getCurrentSlide();
    const slides = deck.getSlides();
    const at = current ? slides.indexOf(current) : -1;
    const total = current?.querySelectorAll('.fragment').length ?? 0;
    const shown = current?.querySelectorAll('.fragment.visible').length ?? 0;
    part('now-label').textContent = `${t('remoteNow')} · ${at + 1}/${slides.length}`;
    part('now').textContent = titleOf(current) + (total > 0 ? ` (${shown}/${total})` : '');
    part('next-label').textContent = t('remoteUpNext');
    part('next').textContent = titleOf(slides[at + 1]);
    part('notes-label').textContent = t('remoteNotes');
    part('notes').textContent = current?.querySelector('aside.notes')?.textContent?.trim() || t('remoteNoNotes');
    part('previous').textContent = t('remotePrevious');
    part('forward').textContent = t('remoteNext');
    part('run').textContent = t('remoteRun');
    (part('run') as HTMLButtonElement).disabled = running || !blocksHere().length;
    renderTimer();
  };
  const blocksHere = () => liveCode.blocks().filter((block) => deck.getCurrentSlide()?.contains(block.element));
  const run = async () => {
    running = true;
    render();
    try {
      // One after another: the deck has one sandbox, and a new run would end the last.
      for (const block of blocksHere()) await block.run();
    } finally {
      running = false;
      render();
    }
  };

  part('previous').addEventListener('click', () => deck.prev());
  part('forward').addEventListener('click', () => deck.next());
  part('run').addEventListener('click', () => void run());
  part('timer').addEventListener('click', () => {
    started = performance.now();
    renderTimer();
  });
  const timer = setInterval(renderTimer, 1000);
  const events = ['slidechanged', 'fragmentshown', 'fragmenthidden'];
  for (const event of events) deck.on(event, render);
  document.addEventListener(LANGUAGE_CHANGED, render);
  const off = session.onChange(render);
  document.documentElement.dataset.remote = 'true';
  document.body.append(remote);
  render();
  return () => {
    clearInterval(timer);
    for (const event of events) deck.off(event, render);
    document.removeEventListener(LANGUAGE_CHANGED, render);
    off();
    remote.remove();
    delete document.documentElement.dataset.remote;
  };
}
