/**
 * Live code, one instance per deck: every ```ts live fence becomes a live block. At start only
 * the blocks of the slides in view are built, when reveal says which those are (its start and
 * `ready`); the entry has the rest built once the first slide is drawn (`buildAll`), and
 * anything that asks for the blocks builds them first. Blocks start as static code (cheap, and
 * what print view and speaker previews keep); when a block's slide is within one step of view its editor is mounted and the sandbox warmed up; when the deck is
 * idle, Monaco's code is fetched ahead so an editor is ready the moment it is needed. The
 * handlers are registered whether or not the deck has live blocks yet: a deck that gains its
 * first one by hot reload mounts and autoruns it like any other.
 */
import type { RevealApi, RevealPlugin } from 'reveal.js';
import { t } from '../i18n/ui-text';
import { isLiveFence } from '../slides/live-options';
import { createLiveBlock, type LiveBlock } from './live-block';
import { startingCode, type BlockFeature, type BlockPlan } from './block-feature';
import { blockId } from './block-id';
import { linkedEditsFeature, type LinkedCode } from './linked-edits';
import { liveMirrorFeature } from './live-mirror';
import { paramSlidersFeature } from './param-sliders';
import { precomputedOutputFeature } from './precomputed-output';
import { savedEditsFeature } from './saved-edits-feature';
import { timeMachineFeature } from './time-machine';
import { createSandboxClient } from './sandbox-client';
import { nearbySlides, prepareSlidesNearView } from './slides-near';
import { whenIdle } from './when-idle';

/** What the deck tells live code about the page it runs in. */
export interface LiveCodeOptions {
  /** Print view or a speaker-view preview: static code and outputs only, no editors, no runs of its own. */
  passive: boolean;
  /** True when blocks should get the plain textarea editor rather than Monaco (asked at each mount). */
  plainEditor: () => boolean;
  /** Snippets a shared link carried, by block id: shown, marked, never run unasked. */
  linkedEdits?: Record<string, LinkedCode>;
  /** More block features (block-feature.ts), after the built-in ones. */
  features?: BlockFeature[];
}

/** Creates the live-code instance: its reveal plugin, its blocks, and the way to rebuild and end them. */
export function createLiveCode({ passive, plainEditor, linkedEdits = {}, features: extra = [] }: LiveCodeOptions) {
  const blocks = new Map<HTMLElement, LiveBlock>();
  // What disconnects each block's features from it, run when the block is disposed.
  const detach = new Map<LiveBlock, Array<() => void>>();
  const sandbox = createSandboxClient();
  // The channel over which windows of the deck on this machine show each other's edits and runs.
  const mirror = liveMirrorFeature();
  // In order of precedence for the starting code: a shared link, then a saved edit, then the slide.
  const features: BlockFeature[] = [
    linkedEditsFeature(linkedEdits),
    savedEditsFeature(),
    paramSlidersFeature(),
    precomputedOutputFeature(),
    mirror,
    timeMachineFeature(mirror),
    ...extra,
  ];
  let deck: RevealApi | undefined;
  const stopOnDispose: Array<() => void> = [];

  /** Live fences found and not built yet, in deck order (see `findBlocks`). */
  let unbuilt: Array<{ code: HTMLElement; plan: BlockPlan }> = [];

  /**
   * Finds the live fences under `root` and plans their blocks, built later by `build` (at start
   * the blocks of the slides in view, the rest once the first slide is on screen: building every
   * block before it cost a 4×-throttled phone ~0.1 s of its first slide).
   */
  function findBlocks(root: ParentNode): void {
    const perFile = new Map<string, number>();
    unbuilt = [];
    for (const code of root.querySelectorAll<HTMLElement>('pre > code')) {
      if (!isLiveFence(code.className)) continue;
      const slide = code.closest('section[data-source]');
      const file = (slide?.getAttribute('data-source') ?? 'deck').replace(/:\d+$/, '');
      const index = (perFile.get(file) ?? 0) + 1;
      perFile.set(file, index);
      // A live slide's output grows when it runs: align it to the top so nothing jumps.
      code.closest('section')?.classList.add('has-live');
      unbuilt.push({ code, plan: { id: blockId(file, index), file, index, original: (code.textContent ?? '').replace(/\n$/, '') } });
    }
  }

  /** Builds the planned blocks inside `slides` (all of them without). */
  function build(slides?: HTMLElement[]): void {
    const now = slides ? unbuilt.filter(({ code }) => slides.some((slide) => slide.contains(code))) : unbuilt;
    if (now.length === 0) return;
    unbuilt = slides ? unbuilt.filter((planned) => !now.includes(planned)) : [];
    for (const { code, plan } of now) buildBlock(code, plan);
  }
  const buildAll = () => build();

  /** Turns one live fence into a live block. */
  function buildBlock(code: HTMLElement, plan: BlockPlan): void {
    try {
      const block = createLiveBlock(code.parentElement!, plan, { sandbox, plainEditor }, startingCode(plan, features));
      blocks.set(block.element, block);
      detach.set(block, [...features.flatMap((feature) => attachFeature(feature, block)), block.on('edited', announceEdit)]);
    } catch (error) {
      // One block that cannot be built must not stop the others, or the deck, from starting.
      console.error(`Rectify: the live block ${plan.id} could not be built`, error);
      showBrokenBlock(code.parentElement!);
    }
  }

  /** Tells the instance's edit listeners that a block's code or values changed. */
  function announceEdit(): void {
    for (const listener of editListeners) listener();
  }
  const editListeners = new Set<() => void>();

  const blocksIn = (slides: HTMLElement[]): LiveBlock[] => {
    build(slides);
    return slides.flatMap((slide) => [...slide.querySelectorAll<HTMLElement>('[data-live]')].flatMap((el) => blocks.get(el) ?? []));
  };

  /** Mounts editors and warms the sandbox for blocks on slides near view. */
  function prepare(slides: HTMLElement[]): void {
    const near = blocksIn(slides);
    if (near.length === 0) return;
    sandbox.prewarm();
    for (const block of near) void block.prepare();
    // Plotly's top level is one ~270 ms task: run it while on the slide before (when idle,
    // apart from the editors' set-up), not on arrival.
    if (near.some((block) => block.mayPlot())) whenIdle(() => void import('../plot/draw-plot').then((plot) => plot.loadPlotly()), 1000);
  }

  const plugin: RevealPlugin = {
    id: 'rectify-live-code',
    init(revealDeck: RevealApi) {
      deck = revealDeck;
      findBlocks(revealDeck.getRevealElement()!);
      // Print view and speaker previews show every block's code and output at once.
      if (passive) return buildAll();
      stopOnDispose.push(prepareSlidesNearView(revealDeck, prepare, { nearOnly: true }));
      const onShown = () => {
        const slide = revealDeck.getCurrentSlide();
        if (!slide) return;
        for (const block of blocksIn([slide])) {
          block.shown();
          block.autorun();
        }
      };
      revealDeck.on('ready', onShown);
      revealDeck.on('slidechanged', onShown);
      stopOnDispose.push(() => {
        revealDeck.off('ready', onShown);
        revealDeck.off('slidechanged', onShown);
      });
      // Fetch (not mount) Monaco while the speaker talks, so arriving at a live slide is instant.
      whenIdle(() => void import('../editor/mount-editor'), 4000);
    },
    destroy: () => dispose(),
  };

  function disposeBlocks(): void {
    unbuilt = [];
    for (const block of blocks.values()) {
      for (const stop of detach.get(block) ?? []) stop();
      block.dispose();
    }
    blocks.clear();
    detach.clear();
  }

  function dispose(): void {
    disposeBlocks();
    for (const stop of stopOnDispose.splice(0)) stop();
    mirror.close();
    sandbox.dispose();
  }

  return {
    /** The reveal plugin (give it to `new Reveal`); its `destroy` disposes the instance. */
    plugin,
    /** The live blocks, in deck order (any not built yet are built first). */
    blocks(): LiveBlock[] {
      buildAll();
      return [...blocks.values()].sort((a, b) =>
        a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
      );
    },
    /** Builds every block not built yet (at start only those in view are). */
    buildAll,
    /** Replaces the blocks with those of the live fences under `root` (after the slides were re-rendered). */
    rebuild(root: ParentNode): void {
      disposeBlocks();
      findBlocks(root);
      buildAll();
    },
    /** Once the deck shows the rebuilt slides: editors for the slides in view again. */
    prepareNearby(): void {
      if (deck && !passive) prepare(nearbySlides(deck));
    },
    /** Calls `listener` whenever any block's code or parameter values change; returns what unsubscribes. */
    onEdit(listener: () => void): () => void {
      editListeners.add(listener);
      return () => editListeners.delete(listener);
    },
    /** Ends everything the instance started: blocks, editors, handlers, the mirror's channel, the sandbox. */
    dispose,
  };
}

/** The live-code instance type, derived from its factory. */
export type LiveCode = ReturnType<typeof createLiveCode>;

/** Connects one feature to a block; a feature that fails is logged and the block goes on without it. */
function attachFeature(feature: BlockFeature, block: LiveBlock): Array<() => void> {
  try {
    return feature.attach ? [feature.attach(block)] : [];
  } catch (error) {
    console.error(`Rectify: a feature of the live block ${block.id} failed to start`, error);
    return [];
  }
}

/** Leaves a block that failed to build as plain code, with a line saying so. */
function showBrokenBlock(pre: HTMLElement): void {
  const note = document.createElement('p');
  note.className = 'live-broken';
  note.setAttribute('role', 'alert');
  note.textContent = t('blockBroken');
  pre.after(note);
}
