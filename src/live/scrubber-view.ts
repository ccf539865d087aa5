/**
 * The time machine's elements (DOM contract: `[data-timeline]` holding an `input[type=range]`):
 * Play/Pause, Step back and forward, the slider, the moment it shows, a polite live region for
 * screen readers, and a grid of figure cells. State lives in time-machine.ts; this builds and
 * relabels what mirrors it.
 */
import { t } from '../i18n/ui-text';

/** Builds the scrubber's elements; `on` wires the controls to the feature. */
export function createScrubberView(on: { seek(index: number): void; step(delta: number): void; togglePlay(): void }) {
  const root = document.createElement('div');
  root.className = 'time-machine';
  root.dataset.timeline = '';
  root.setAttribute('role', 'group');
  root.setAttribute('aria-label', t('tmTimeline'));
  const controls = document.createElement('div');
  controls.className = 'tm-controls';
  controls.style.cssText = 'display:flex;align-items:center;gap:0.5em;flex-wrap:wrap;font-size:0.55em;margin:0.3em 0';
  const button = (action: string, text: string, title?: string) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.tm = action;
    b.textContent = text;
    if (title) b.title = title;
    return b;
  };
  const play = button('play', t('tmPlay'));
  const back = button('back', t('tmBack'), t('tmBackTitle'));
  const forward = button('forward', t('tmForward'), t('tmForwardTitle'));
  const slider = document.createElement('input');
  slider.type = 'range';
  slider.min = '0';
  slider.step = '1';
  slider.setAttribute('aria-label', t('tmSlider'));
  slider.style.cssText = 'flex:1 1 12em;min-width:8em';
  const at = document.createElement('span');
  at.className = 'tm-at';
  at.style.cssText = 'min-width:9em;font-variant-numeric:tabular-nums;font-size:1.1em';
  const announcer = document.createElement('div');
  announcer.className = 'tm-announce';
  announcer.setAttribute('aria-live', 'polite');
  // Heard, not seen: the figures are on screen already.
  announcer.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap';
  const grid = document.createElement('div');
  grid.className = 'tm-views';
  grid.style.cssText = 'display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:0.4em';
  controls.append(play, back, slider, forward, at);
  root.append(controls, announcer, grid);

  // The slider's arrows step the run, not the slides: reveal listens on the document and never hears them.
  slider.addEventListener('keydown', (event) => event.stopPropagation());
  slider.addEventListener('input', () => on.seek(Number(slider.value)));
  play.addEventListener('click', () => on.togglePlay());
  back.addEventListener('click', () => on.step(-1));
  forward.addEventListener('click', () => on.step(1));

  const cells = new Map<string, HTMLElement>();
  return {
    root,
    /** Shows snapshot `index` of `count`, worded `moment` (e.g. "epoch 3 (4/21)"). */
    show(index: number, count: number, moment: string, valueText: string): void {
      slider.max = String(Math.max(0, count - 1));
      slider.value = String(index);
      slider.setAttribute('aria-valuetext', valueText);
      at.textContent = moment;
      back.disabled = index <= 0;
      forward.disabled = index >= count - 1;
    },
    playing(on: boolean): void {
      play.textContent = t(on ? 'tmPause' : 'tmPlay');
      play.setAttribute('aria-pressed', String(on));
    },
    announce(text: string): void {
      announcer.textContent = text;
    },
    /** The plot element for figure `key`, made on first use, in the order asked; cells not in `keys` are removed. */
    cellsFor(keys: readonly string[]): Map<string, HTMLElement> {
      for (const [key, cell] of cells) {
        if (!keys.includes(key)) {
          cell.parentElement?.remove();
          cells.delete(key);
        }
      }
      keys.forEach((key, i) => {
        // Existing cells are moved into the asked order (a second tape's figure goes beside the first's),
        // only when out of it: moving a drawn plot re-styles its whole SVG, and this runs on every scrub step.
        const known = cells.get(key);
        if (known) {
          if (grid.children[i] !== known.parentElement) grid.insertBefore(known.parentElement!, grid.children[i] ?? null);
          return;
        }
        const box = document.createElement('div');
        box.style.minWidth = '0';
        const plot = document.createElement('div');
        plot.className = 'live-plot tm-plot';
        plot.dataset.tmView = key;
        plot.setAttribute('role', 'img');
        box.append(plot);
        grid.insertBefore(box, grid.children[i] ?? null);
        cells.set(key, plot);
      });
      return cells;
    },
  };
}

export type ScrubberView = ReturnType<typeof createScrubberView>;
