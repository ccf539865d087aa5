/**
 * The training time machine, a block feature (issue 13): when a run — here, or in another
 * window through the mirror — sends tapes (`showTape`), a scrubber appears under the output.
 * Its one time axis drives every tape of the block side by side: moving it redraws the views
 * each snippet asked for (network diagram, loss with a marker, decision map or fitted curve,
 * gradient norms) from the tapes, never re-running the snippet. Redraws are coalesced to one
 * per frame; the moment and its key figures are announced politely, at most about once a
 * second. The position is shared with the deck's other windows through the mirror's `scrub`
 * topic, and a position the viewer chose is kept across a re-run (same seed, same moment).
 * In print view nothing moves it, so the final snapshot is what prints.
 */
import type { RunMessage, TapeData } from '../sandbox/protocol';
import { t } from '../i18n/ui-text';
import type { BlockFeature } from './block-feature';
import type { LiveBlock } from './live-block';
import type { MirrorShare } from './live-mirror';
import { createScrubberView, type ScrubberView } from './scrubber-view';
import type { ShownTape } from '../plot/tape-views';
import { DEFAULT_TAPE_VIEWS, figureKeys, timeAxis } from '../sandbox/tape-time';

const figuresModule = () => import('../plot/tape-views');
const drawingModule = () => import('../plot/draw-plot');

/** The mirror topic of scrub positions. */
export const SCRUB_TOPIC = 'scrub';
/** Announcements of the moment: at most one per this many ms (the last position always gets one). */
export const ANNOUNCE_EVERY_MS = 1000;
/** Play shows the whole run in about this long, one snapshot per step, steps no faster than PLAY_MIN_STEP_MS. */
const PLAY_RUN_MS = 4000;
const PLAY_MIN_STEP_MS = 70;
const PLAY_MAX_STEP_MS = 300;

type TapeMessage = Extract<RunMessage, { kind: 'tape' }>;

export function timeMachineFeature(mirror: MirrorShare): BlockFeature {
  return {
    attach(block) {
      const machine = createMachine(block, mirror);
      const offs = [
        block.on('run-start', () => machine.clear(false)),
        block.on('reset', () => machine.clear(true)),
        block.on('run-message', ({ message }) => {
          if (message.kind === 'tape') machine.add(message);
        }),
        mirror.onShared(SCRUB_TOPIC, (from, state) => {
          const index = (state as { index?: unknown } | null)?.index;
          if (from === block && Number.isInteger(index)) machine.seek(index as number, 'elsewhere');
        }),
      ];
      return () => {
        for (const off of offs) off();
        machine.dispose();
      };
    },
  };
}

function createMachine(block: LiveBlock, mirror: MirrorShare) {
  const host = block.part('after-output');
  let tapes: ShownTape[] = [];
  let view: ScrubberView | undefined;
  let index = 0;
  // The snapshot the viewer moved to: kept when the snippet runs again, forgotten on Reset.
  let pinned: number | undefined;
  let axis: { unit: 'epoch' | 'step'; values: number[] } = { unit: 'epoch', values: [] };
  let frame = 0;
  let drawing = false;
  let dirty = false;
  let player: ReturnType<typeof setInterval> | undefined;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  let lastAnnounce = -Infinity;
  let generation = 0;
  let disposed = false;

  const count = () => Math.max(0, ...tapes.map((s) => s.tape.count));

  function clear(forget: boolean): void {
    generation++;
    stop();
    tapes = [];
    view = undefined;
    host.replaceChildren();
    if (forget) pinned = undefined;
    cancelAnimationFrame(frame);
    frame = 0;
    clearTimeout(announceTimer);
    announceTimer = undefined;
  }

  /** Takes a tape of the run: the scrubber and its (empty) figures appear at once, so print view waits for their drawing. */
  function add(message: TapeMessage): void {
    if (!usable(message.tape)) return;
    const shown: ShownTape = {
      id: message.id,
      name: message.name ?? message.id,
      tape: message.tape,
      views: message.views ?? DEFAULT_TAPE_VIEWS,
      edges: message.edges ?? 'weight',
    };
    const k = tapes.findIndex((s) => s.id === shown.id);
    if (k >= 0) tapes[k] = shown;
    else tapes.push(shown);
    // The longest tape is the time axis; a shorter one holds its last snapshot beyond its end.
    axis = timeAxis(tapes.reduce((a, b) => (b.tape.count > a.tape.count ? b : a)).tape);
    if (!view) {
      view = createScrubberView({ seek: (i) => seek(i, 'here'), step: (d) => seek(index + d, 'here'), togglePlay });
      host.replaceChildren(view.root);
    }
    view.cellsFor(figureKeys(tapes));
    index = Math.min(pinned ?? count() - 1, count() - 1);
    showMoment();
    requestDraw();
  }

  /** Moves to snapshot `i` (clamped): from this window's controls (pinned, shared) or another window's (shown only). */
  function seek(i: number, origin: 'here' | 'elsewhere' | 'play'): void {
    if (!view || count() === 0) return;
    if (origin !== 'play') stop();
    index = Math.max(0, Math.min(count() - 1, Math.round(i)));
    if (origin !== 'elsewhere') {
      pinned = index;
      mirror.share(block, SCRUB_TOPIC, { index });
    }
    showMoment();
    requestDraw();
    announceSoon();
  }

  function togglePlay(): void {
    if (player) return stop();
    if (index >= count() - 1) seek(0, 'play');
    const every = Math.max(PLAY_MIN_STEP_MS, Math.min(PLAY_MAX_STEP_MS, PLAY_RUN_MS / Math.max(1, count())));
    player = setInterval(() => {
      if (index >= count() - 1) stop();
      else seek(index + 1, 'play');
    }, every);
    view?.playing(true);
  }

  function stop(): void {
    clearInterval(player);
    player = undefined;
    view?.playing(false);
  }

  /** "epoch 12" or "step 24": the moment shown, in the unit the tapes were recorded in. */
  const momentText = () => t(axis.unit === 'step' ? 'tmStep' : 'tmEpoch', { n: axis.values[index] ?? index });

  function showMoment(): void {
    const moment = t('tmAt', { moment: momentText(), index: index + 1, count: count() });
    view?.show(index, count(), moment, `${moment}; ${figures()}`);
    host.dataset.tmIndex = String(index);
  }

  /** The key figures of the moment: each tape's loss and share of dead (or, without ReLU, inactive) hidden units. */
  function figures(): string {
    return tapes
      .map(({ name, tape }) => {
        const at = Math.min(index, tape.count - 1);
        const { dead, units, relu } = deadShare(tape, at);
        const values = { name, loss: tape.loss[at].toPrecision(3), dead: units ? Math.round((100 * dead) / units) : 0 };
        return t(relu ? 'tmFigures' : 'tmFiguresLeaky', values);
      })
      .join(t('listSeparator'));
  }

  function announceSoon(): void {
    if (announceTimer) return;
    const wait = Math.max(0, lastAnnounce + ANNOUNCE_EVERY_MS - performance.now());
    announceTimer = setTimeout(() => {
      announceTimer = undefined;
      lastAnnounce = performance.now();
      view?.announce(t('tmAnnounce', { moment: momentText(), figures: figures() }));
    }, wait);
  }

  function requestDraw(): void {
    dirty = true;
    if (!drawing && !frame) frame = requestAnimationFrame(() => void draw());
  }

  /** Draws the figures of the current moment (one Plotly.react each); draws again if the moment moved meanwhile. */
  async function draw(): Promise<void> {
    frame = 0;
    if (!dirty || !view || disposed) return;
    dirty = false;
    drawing = true;
    const at = generation;
    const shownIndex = index;
    try {
      const [{ tapeFigures }, { drawPlot }] = await Promise.all([figuresModule(), drawingModule()]);
      if (at !== generation || !view) return;
      const list = tapeFigures(tapes, shownIndex, t);
      const cells = view.cellsFor(list.map((f) => f.key));
      await Promise.all(
        list.map((figure) => {
          const cell = cells.get(figure.key)!;
          cell.setAttribute('aria-label', figure.summary);
          return drawPlot(cell, figure, t);
        }),
      );
      if (at === generation) host.dataset.tmDrawn = String(shownIndex);
    } catch (error) {
      console.error(`Rectify: the time machine of ${block.id} could not draw`, error);
    } finally {
      drawing = false;
      if (dirty && !disposed) requestDraw();
    }
  }

  return {
    add,
    seek,
    clear,
    dispose(): void {
      disposed = true;
      clear(true);
    },
  };
}

/** Dead units among the hidden layers at snapshot `at`, and whether those layers are ReLU (dead) or not (only inactive). */
function deadShare(tape: TapeData, at: number): { dead: number; units: number; relu: boolean } {
  const hidden = tape.sizes.slice(1, -1);
  const perSnapshot = tape.sizes.slice(1).reduce((a, b) => a + b, 0);
  const units = hidden.reduce((a, b) => a + b, 0);
  let dead = 0;
  for (let u = 0; u < units; u++) dead += tape.dead[at * perSnapshot + u];
  return { dead, units, relu: tape.activations.slice(0, -1).every((a) => a === 'relu') };
}

// A tape from another window was checked there; still, only a consistent one is drawn.
function usable(tape: TapeData): boolean {
  const units = tape.sizes.slice(1).reduce((a, b) => a + b, 0);
  return tape.count > 0 && tape.loss.length === tape.count && tape.dead.length === tape.count * units && tape.epoch.length === tape.count;
}
