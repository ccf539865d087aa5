/**
 * Tools for the speaker and the reader around the live blocks:
 * - R runs every live block on the current slide; W warms up the whole deck before a talk
 *   (runs every block once, in order, so every plot is ready);
 * - "Copy link with my edits" and "Download my edits" (see share-edits.ts).
 */
import type { RevealApi } from 'reveal.js';
import { LIVE_EDITED, type LiveBlock } from './live-block';
import { downloadText, editsAsTypeScript, linkWithEdits } from './share-edits';

const KEY_R = 82;
const KEY_W = 87;

/** Runs blocks one after another (the deck has one sandbox: a new run would end the last). */
async function runInOrder(blocks: LiveBlock[]): Promise<void> {
  for (const block of blocks) await block.run();
}

/** Binds R and W, and adds the share/download buttons. `blocks()` lists the live blocks in deck order. */
export function installPresenterTools(deck: RevealApi, blocks: () => LiveBlock[]): void {
  const onSlide = () => blocks().filter((block) => deck.getCurrentSlide()?.contains(block.element));
  deck.addKeyBinding({ keyCode: KEY_R, key: 'R', description: 'Run the live code on this slide' }, () => void runInOrder(onSlide()));
  deck.addKeyBinding({ keyCode: KEY_W, key: 'W', description: 'Warm up: run every live block once' }, () => {
    document.documentElement.dataset.warmup = 'running';
    void runInOrder(blocks()).then(() => (document.documentElement.dataset.warmup = 'done'));
  });

  const bar = document.createElement('div');
  bar.className = 'edit-tools';
  bar.innerHTML = `
    <button type="button" data-tool="share" title="Copy a link that carries your edited code">🔗 Share my edits</button>
    <button type="button" data-tool="download" title="Save all your edited snippets as one .ts file">⬇ Download my edits</button>
    <span class="edit-tools-message" role="status" aria-live="polite"></span>`;
  const message = bar.querySelector<HTMLElement>('.edit-tools-message')!;
  const snapshots = () => blocks().map((block) => block.snapshot());
  const say = (text: string) => {
    message.textContent = text;
    setTimeout(() => message.textContent === text && (message.textContent = ''), 6000);
  };

  bar.querySelector('[data-tool="share"]')!.addEventListener('click', async () => {
    const link = linkWithEdits(snapshots());
    bar.dataset.link = link;
    if (!snapshots().some((s) => s.modified)) return say('Nothing edited yet: the link is the plain deck.');
    try {
      await navigator.clipboard.writeText(link);
      say('Link copied.');
    } catch {
      // No clipboard (permissions, http): show the link to copy by hand.
      window.prompt('Copy this link:', link);
    }
  });
  bar.querySelector('[data-tool="download"]')!.addEventListener('click', () => {
    const text = editsAsTypeScript(snapshots());
    if (!text) return say('Nothing edited yet.');
    downloadText('rectify-edits.ts', text);
  });
  document.body.append(bar);
  // The bar only matters once something is edited; it stays out of the way until then.
  const refresh = () => (bar.hidden = !snapshots().some((s) => s.modified));
  refresh();
  document.addEventListener(LIVE_EDITED, refresh);
}
