/**
 * Tools for the speaker and the reader around the live blocks:
 * - R runs every live block on the current slide; W warms up the whole deck before a talk
 *   (runs every block once, in order, so every plot is ready);
 * - "Copy link with my edits" and "Download my edits" (see share-edits.ts).
 */
import type { RevealApi } from 'reveal.js';
import type { LiveBlock, LiveCode } from '../live';
import { downloadText, editsAsTypeScript, linkWithEdits, LONG_LINK_CHARS } from './share-edits';
import { LANGUAGE_CHANGED, t } from '../i18n/ui-text';

const KEY_R = 82;
const KEY_W = 87;

/** Runs blocks one after another (the deck has one sandbox: a new run would end the last). */
async function runInOrder(blocks: LiveBlock[]): Promise<void> {
  for (const block of blocks) await block.run();
}

/** How long a message under the menu stays. */
const MESSAGE_MS = 10_000;

/**
 * Binds R and W, and adds the share/download buttons. `liveCode.blocks()` lists the live
 * blocks in deck order. Returns the function that takes it all back: the key bindings, the
 * listeners, the menu and its pending timers.
 */
export function installPresenterTools(deck: RevealApi, liveCode: Pick<LiveCode, 'blocks' | 'onEdit'>): () => void {
  const listening = new AbortController();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const onSlide = () => liveCode.blocks().filter((block) => deck.getCurrentSlide()?.contains(block.element));
  deck.addKeyBinding({ keyCode: KEY_R, key: 'R', description: t('keyRunSlide') }, () => void runInOrder(onSlide()));
  deck.addKeyBinding({ keyCode: KEY_W, key: 'W', description: t('keyWarmUp') }, () => {
    document.documentElement.dataset.warmup = 'running';
    void runInOrder(liveCode.blocks()).then(() => (document.documentElement.dataset.warmup = 'done'));
  });

  // Share/download live in a small menu at the top right, beside the language button: a bar
  // over the slide covered content (issue 9); the corner strip holds no slide content.
  const bar = document.createElement('div');
  bar.className = 'edit-tools';
  bar.innerHTML = `
    <button type="button" data-tool="menu" aria-haspopup="true" aria-expanded="false"></button>
    <div class="edit-tools-menu" hidden>
      <button type="button" data-tool="share"></button>
      <button type="button" data-tool="download"></button>
      <span class="edit-tools-message" role="status" aria-live="polite"></span>
    </div>`;
  const menuButton = bar.querySelector<HTMLButtonElement>('[data-tool="menu"]')!;
  const menu = bar.querySelector<HTMLElement>('.edit-tools-menu')!;
  const snapshots = () => liveCode.blocks().map((block) => block.snapshot());
  const label = () => {
    const share = bar.querySelector<HTMLButtonElement>('[data-tool="share"]')!;
    const download = bar.querySelector<HTMLButtonElement>('[data-tool="download"]')!;
    [share.textContent, share.title] = [t('share'), t('shareTitle')];
    [download.textContent, download.title] = [t('download'), t('downloadTitle')];
    menuButton.textContent = t('myEdits', { count: snapshots().filter((s) => s.modified).length });
    menuButton.title = t('myEditsTitle');
  };
  label();
  document.addEventListener(LANGUAGE_CHANGED, label, { signal: listening.signal });
  const message = bar.querySelector<HTMLElement>('.edit-tools-message')!;
  const say = (text: string) => {
    message.textContent = text;
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (message.textContent === text) message.textContent = '';
    }, MESSAGE_MS);
    timers.add(timer);
  };
  const openMenu = (open: boolean) => {
    menu.hidden = !open;
    menuButton.setAttribute('aria-expanded', String(open));
  };
  menuButton.addEventListener('click', () => openMenu(menuButton.getAttribute('aria-expanded') !== 'true'));
  bar.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      openMenu(false);
      menuButton.focus();
    }
  });

  bar.querySelector('[data-tool="share"]')!.addEventListener('click', async () => {
    const link = linkWithEdits(snapshots());
    bar.dataset.link = link;
    if (!snapshots().some((s) => s.modified)) return say(t('nothingEdited'));
    try {
      await navigator.clipboard.writeText(link);
      say(link.length > LONG_LINK_CHARS ? t('linkLong', { kb: Math.round(link.length / 1024) }) : t('linkCopied'));
    } catch {
      // No clipboard (permissions, http): show the link to copy by hand.
      window.prompt(t('copyLink'), link);
    }
  });
  bar.querySelector('[data-tool="download"]')!.addEventListener('click', () => {
    const text = editsAsTypeScript(snapshots());
    if (!text) return say(t('nothingEdited'));
    downloadText('rectify-edits.ts', text);
  });
  document.body.append(bar);
  // The menu only matters once something is edited; it stays out of the way until then.
  const refresh = () => {
    bar.hidden = !snapshots().some((s) => s.modified);
    if (bar.hidden) openMenu(false);
    label();
  };
  refresh();
  const stopRefreshing = liveCode.onEdit(refresh);
  return () => {
    deck.removeKeyBinding(KEY_R);
    deck.removeKeyBinding(KEY_W);
    listening.abort();
    stopRefreshing();
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    // The menu's own listeners go with it.
    bar.remove();
  };
}
