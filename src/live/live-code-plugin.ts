/**
 * reveal plugin: every ```ts live fence becomes a live block. Blocks start as static code
 * (cheap, and what print view and speaker previews keep); when a block's slide is within
 * one step of view its Monaco editor is mounted and the sandbox warmed up; when the deck
 * is idle, Monaco's code is fetched ahead so an editor is ready the moment it is needed.
 */
import type { RevealApi, RevealPlugin } from 'reveal.js';
import { createLiveBlock, type LinkedCode, type LiveBlock } from './live-block';
import { createLiveMirror } from './live-mirror';
import { isLiveFence } from '../slides/live-options';
import { editKey } from './saved-edits';
import { nearbySlides, prepareSlidesNearView } from './slides-near';
import { prewarmSandbox } from './sandbox-client';
import { t } from '../i18n/ui-text';
import { whenIdle } from './when-idle';

const blocks = new Map<HTMLElement, LiveBlock>();
// Made when the first block is (no side effects at import): the channel over which windows of
// the deck on this machine show each other's edits and runs.
let mirror: ReturnType<typeof createLiveMirror> | undefined;
// The snippets a shared link carried (read by the entry before reveal reads the URL): shown,
// marked, never run unasked.
let linkedEdits: Record<string, LinkedCode> = {};

/** Hands the blocks the snippets a shared link carried, by block key. */
export function useLinkedEdits(edits: Record<string, LinkedCode>): void {
  linkedEdits = edits;
}

/** The live blocks of the deck, by element (for tests and the presenter tools). */
export function liveBlocks(): LiveBlock[] {
  return [...blocks.values()];
}

/** True in reveal's print view (`?print-pdf`). */
export function isPrintView(deck: RevealApi): boolean {
  // reveal 6's runtime API has isPrintView(); its .d.ts names it isPrintingPDF, which does not exist.
  return (deck as RevealApi & { isPrintView(): boolean }).isPrintView();
}

/**
 * True where the deck must stay passive: the print view (static code and last output) and
 * the speaker view's preview frames (`?receiver`), which must not start editors or runs.
 */
export function isPassiveView(deck: RevealApi): boolean {
  return isPrintView(deck) || /[?&]receiver\b/.test(window.location.search);
}

/** Turns the live fences under `root` into live blocks; returns the new ones. */
export function createLiveBlocks(root: ParentNode): LiveBlock[] {
  const perFile = new Map<string, number>();
  const created: LiveBlock[] = [];
  for (const code of root.querySelectorAll<HTMLElement>('pre > code')) {
    if (!isLiveFence(code.className)) continue;
    const slide = code.closest('section[data-source]');
    const file = (slide?.getAttribute('data-source') ?? 'deck').replace(/:\d+$/, '');
    const index = (perFile.get(file) ?? 0) + 1;
    perFile.set(file, index);
    // A live slide's output grows when it runs: align it to the top so nothing jumps.
    code.closest('section')?.classList.add('has-live');
    const key = editKey(file, index);
    mirror ??= createLiveMirror((key) => liveBlocks().find((block) => block.key === key));
    const linked = Object.hasOwn(linkedEdits, key) ? linkedEdits[key] : undefined;
    try {
      const block = createLiveBlock(code.parentElement!, { file, index }, mirror.eventsFor(key), linked);
      blocks.set(block.element, block);
      created.push(block);
    } catch (error) {
      // One block that cannot be built must not stop the others, or the deck, from starting.
      console.error(`Rectify: the live block ${key} could not be built`, error);
      showBrokenBlock(code.parentElement!);
    }
  }
  return created;
}

/** Leaves a block that failed to build as plain code, with a line saying so. */
function showBrokenBlock(pre: HTMLElement): void {
  const note = document.createElement('p');
  note.className = 'live-broken';
  note.setAttribute('role', 'alert');
  note.textContent = t('blockBroken');
  pre.after(note);
}

/** Forgets every block (before the slides are rebuilt by a hot reload). */
export function disposeLiveBlocks(): void {
  for (const block of blocks.values()) block.dispose();
  blocks.clear();
}

function blocksIn(slides: HTMLElement[]): LiveBlock[] {
  return slides.flatMap((slide) => [...slide.querySelectorAll<HTMLElement>('[data-live]')].map((el) => blocks.get(el)!).filter(Boolean));
}

/** Mounts editors and warms the sandbox for blocks on slides near view. */
function prepareLiveSlides(slides: HTMLElement[]): void {
  const near = blocksIn(slides);
  if (near.length === 0) return;
  prewarmSandbox();
  for (const block of near) void block.mountEditor();
  // Plotly's top level is one ~270 ms task: run it while on the slide before (when idle,
  // apart from the editors' set-up), not on arrival.
  if (near.some((block) => block.mayPlot())) whenIdle(() => void import('../plot/draw-plot').then((plot) => plot.loadPlotly()), 1000);
}

/** After the slides were rebuilt (hot reload, language switch): editors for the slides in view again. */
export function prepareNearbyLiveBlocks(deck: RevealApi): void {
  if (!isPassiveView(deck)) prepareLiveSlides(nearbySlides(deck));
}

export const LiveCodePlugin = (): RevealPlugin => ({
  id: 'rectify-live-code',
  init(deck: RevealApi) {
    if (createLiveBlocks(deck.getRevealElement()!).length === 0) return;
    if (isPassiveView(deck)) return;
    prepareSlidesNearView(deck, prepareLiveSlides, { nearOnly: true });
    const onShown = () => {
      const slide = deck.getCurrentSlide();
      if (!slide) return;
      for (const block of blocksIn([slide])) {
        block.shown();
        block.autorun();
      }
    };
    deck.on('ready', onShown);
    deck.on('slidechanged', onShown);
    // Fetch (not mount) Monaco while the speaker talks, so arriving at a live slide is instant.
    whenIdle(() => void import('../editor/mount-editor'), 4000);
  },
});
