/**
 * Tools for the speaker and the reader around the live blocks:
 * - R runs every live block on the current slide; W warms up the whole deck before a talk
 *   (runs every block once, in order, so every plot is ready);
 * - "Copy link with my edits" and "Download my edits" (see share-edits.ts).
 */
import type { RevealApi } from 'reveal.js';
import { LIVE_EDITED, type LiveBlock } from './live-block';
import { downloadText, editsAsTypeScript, linkWithEdits } from './share-edits';
import { LANGUAGE_CHANGED, t } from './ui-text';

const KEY_R = 82;
const KEY_W = 87;

/** Runs blocks one after another (the deck has one sandbox: a new run would end the last). */
async function runInOrder(blocks: LiveBlock[]): Promise<void> {
  for (const block of blocks) await block.run();
}

/** Binds R and W, and adds the share/download buttons. `blocks()` lists the live blocks in deck order. */
export function installPresenterTools(deck: RevealApi, blocks: () => LiveBlock[]): void {
  const onSlide = () => blocks().filter((block) => deck.getCurrentSlide()?.contains(block.element));
  deck.addKeyBinding({ keyCode: KEY_R, key: 'R', description: t('keyRunSlide') }, () => void runInOrder(onSlide()));
  deck.addKeyBinding({ keyCode: KEY_W, key: 'W', description: t('keyWarmUp') }, () => {
    document.documentElement.dataset.warmup = 'running';
    void runInOrder(blocks()).then(() => (document.documentElement.dataset.warmup = 'done'));
  });

  const bar = document.createElement('div');
  bar.className = 'edit-tools';
  bar.innerHTML = `
    <button type="button" data-tool="share"></button>
    <button type="button" data-tool="download"></button>
    <span class="edit-tools-message" role="status" aria-live="polite"></span>`;
  const label = () => {
    const share = bar.querySelector<HTMLButtonElement>('[data-tool="share"]')!;
    const download = bar.querySelector<HTMLButtonElement>('[data-tool="download"]')!;
    [share.textContent, share.title] = [t('share'), t('shareTitle')];
    [download.textContent, download.title] = [t('download'), t('downloadTitle')];
  };
  label();
  document.addEventListener(LANGUAGE_CHANGED, label);
  const message = bar.querySelector<HTMLElement>('.edit-tools-message')!;
  const snapshots = () => blocks().map((block) => block.snapshot());
  const say = (text: string) => {
    message.textContent = text;
    setTimeout(() => message.textContent === text && (message.textContent = ''), 6000);
  };

  bar.querySelector('[data-tool="share"]')!.addEventListener('click', async () => {
    const link = linkWithEdits(snapshots());
    bar.dataset.link = link;
    if (!snapshots().some((s) => s.modified)) return say(t('nothingEdited'));
    try {
      await navigator.clipboard.writeText(link);
      say(t('linkCopied'));
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
  // The bar only matters once something is edited; it stays out of the way until then.
  const refresh = () => (bar.hidden = !snapshots().some((s) => s.modified));
  refresh();
  document.addEventListener(LIVE_EDITED, refresh);
}
