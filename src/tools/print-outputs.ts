/**
 * The PDF handout (`?print-pdf`): every live block shows its output under its static,
 * highlighted code — the build's precomputed output for the slide's own code, otherwise
 * (edited code, figures that depend on the machine) one run here, one block after the other. Plotly
 * plots become `<img>`s (a PDF cannot hold a live plot), pages are re-fitted so a slide that
 * grew with its output still fills exactly one page, and `data-print-ready` tells the PDF
 * script (scripts/pdf.mjs) that the page can be printed. Loaded only in print view.
 */
import type { RevealApi } from 'reveal.js';
import '../../assets/print.css';
import type { LiveBlock } from '../live';
import { DEFAULT_TIMEOUT_MS, clampTimeout } from '../sandbox/limits';
import { pageLanguage, t } from '../i18n/ui-text';
import { loadPrecomputedOutputs, precomputedFor } from '../sandbox/precomputed';
import { fingerprint } from '../slides/live-options';

/** Time beyond a block's own limit after which the handout gives up waiting on it. */
const GIVE_UP_GRACE_MS = 5000;
/** Longest wait for the plots of the finished runs to be drawn. */
const PLOT_WAIT_MS = 15_000;
/** Pixel density of the plot images (2: sharp when the PDF is zoomed or printed). */
const IMAGE_SCALE = 2;
/** Smallest zoom of a live slide fitted to its page (below, code gets too small to read). */
const MIN_ZOOM = 0.4;

type PlotlyApi = Awaited<ReturnType<typeof import('../plot/draw-plot').loadPlotly>>;

/**
 * Runs every live block once and turns its plots into images, then sets
 * `document.documentElement.dataset.printReady = 'true'` — always, even when a step fails:
 * a broken snippet shows its message on its page and never holds the PDF back.
 */
export async function renderPrintOutputs(
  deck: RevealApi,
  blocks: LiveBlock[],
  decorate: (slides: HTMLElement[]) => Promise<void>,
): Promise<void> {
  try {
    await printLayoutDone(deck);
    // Highlighting and formulas run lazily (when a slide is near, or idle): on paper every slide is near.
    await decorate(deck.getSlides());
    // The build's outputs of the slides' own code print as they are; only other code is run here.
    const table = await loadPrecomputedOutputs(pageLanguage()).catch(() => undefined);
    for (const block of blocks) {
      const original = block.plan.original;
      const entry = block.code() === original ? precomputedFor(table, block.id, fingerprint(original)) : undefined;
      // A block that sends tapes runs here: the build keeps no tapes, and its time machine prints the final snapshot.
      if (entry?.status === 'ok' && !/\bshowTape\s*\(/.test(original)) {
        block.showOutputs(entry.outputs);
        // As on screen (live/precomputed-output.ts): the block stays idle, its output says where it came from.
        block.element.dataset.outputFrom = 'precomputed';
      } else await runForPrint(block);
      withoutTiming(block);
    }
    if (document.querySelector('[data-live] .live-plot')) await plotsToImages();
    copyOutputsIntoFragmentPages(blocks);
    fitPages(deck);
    await frames(2);
  } catch (error) {
    console.error('PDF handout: outputs incomplete', error);
  } finally {
    document.documentElement.dataset.printReady = 'true';
  }
}

/** Resolves once reveal has laid the slides out as `.pdf-page`s (its `pdf-ready` event). */
function printLayoutDone(deck: RevealApi): Promise<void> {
  if (deck.getSlidesElement()?.querySelector('.pdf-page')) return Promise.resolve();
  return new Promise((resolve) => deck.on('pdf-ready', () => resolve()));
}

/** Runs one block within its own time limit (plus a margin); a hang or a throw becomes a message in its output. */
async function runForPrint(block: LiveBlock): Promise<void> {
  const limit = clampTimeout(block.options.timeoutMs ?? DEFAULT_TIMEOUT_MS) + GIVE_UP_GRACE_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const gaveUp = new Promise<'gave-up'>((resolve) => (timer = setTimeout(() => resolve('gave-up'), limit)));
  try {
    const end = await Promise.race([block.run(), gaveUp]);
    if (end === 'gave-up') {
      await block.stop().catch(() => undefined);
      note(block, t('printNoAnswer', { seconds: (limit / 1000).toFixed(1) }));
    }
  } catch (error) {
    note(block, t('printFailed', { reason: error instanceof Error ? error.message : String(error) }));
  } finally {
    clearTimeout(timer);
  }
}

/** A run's duration ("✓ 4 ms") says nothing on paper: a finished block prints no status. */
function withoutTiming(block: LiveBlock): void {
  const state = block.element.querySelector('.live-state');
  if (state && block.status() === 'done') state.textContent = '';
}

function note(block: LiveBlock, text: string): void {
  const line = document.createElement('div');
  line.className = 'log log-error';
  line.textContent = text;
  block.element.querySelector('[data-output]')?.append(line);
  block.element.dataset.status = 'error';
}

/** Replaces every drawn plot with a PNG of itself (same size, its text summary as `alt`). */
async function plotsToImages(): Promise<void> {
  const { loadPlotly } = await import('../plot/draw-plot');
  const Plotly = await loadPlotly();
  await plotsDrawn();
  // Streamed updates are coalesced to one redraw per frame: let the last one land.
  await frames(2);
  for (const plot of document.querySelectorAll<HTMLElement>('[data-live] .live-plot')) {
    await plotToImage(Plotly, plot).catch((error: unknown) => console.error('PDF handout: plot not converted', error));
  }
}

/** Waits until every plot element of the runs has been drawn by Plotly (or the wait runs out). */
async function plotsDrawn(): Promise<void> {
  const until = performance.now() + PLOT_WAIT_MS;
  const pending = () =>
    [...document.querySelectorAll<HTMLElement>('[data-live] .live-plot')].some(
      (el) => !el.querySelector('.main-svg, canvas.network-canvas'),
    );
  while (pending() && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
}

async function plotToImage(Plotly: PlotlyApi, plot: HTMLElement): Promise<void> {
  const canvas = plot.querySelector<HTMLCanvasElement>('canvas.network-canvas');
  if (!plot.querySelector('.main-svg') && !canvas) return;
  const layout = (plot as HTMLElement & { _fullLayout?: { width?: number; height?: number } })._fullLayout;
  const width = Math.round(layout?.width ?? (canvas?.clientWidth || plot.offsetWidth));
  const height = Math.round(layout?.height ?? (canvas?.clientHeight || plot.offsetHeight));
  // A network view is painted, not Plotly's (network-canvas.ts): painted again at print resolution.
  const url = canvas
    ? (await import('../plot/network-canvas')).networkImage(plot, IMAGE_SCALE)
    : await Plotly.toImage(plot, { format: 'png', width, height, scale: IMAGE_SCALE } as Parameters<PlotlyApi['toImage']>[1]);
  const img = document.createElement('img');
  img.className = 'live-plot live-plot-image';
  if (plot.dataset.plotId) img.dataset.plotId = plot.dataset.plotId;
  img.alt = plot.getAttribute('aria-label') ?? t('plot');
  img.width = width;
  img.height = height;
  img.src = url;
  await img.decode().catch(() => undefined);
  if (!canvas) Plotly.purge(plot);
  plot.replaceWith(img);
}

/**
 * With `pdfSeparateFragments` on, reveal prints a slide once per fragment step, as clones
 * made before anything ran: give the clones of a live block the output of the original.
 */
function copyOutputsIntoFragmentPages(blocks: LiveBlock[]): void {
  for (const block of blocks) {
    const { id } = block.element;
    if (!id) continue;
    const output = block.element.querySelector('[data-output]');
    for (const twin of document.querySelectorAll<HTMLElement>(`[data-live][id="${CSS.escape(id)}"]`)) {
      if (twin === block.element) continue;
      twin.dataset.status = block.element.dataset.status ?? 'idle';
      const twinOutput = twin.querySelector('[data-output]');
      if (output && twinOutput) twinOutput.replaceChildren(...[...output.childNodes].map((node) => node.cloneNode(true)));
    }
  }
}

/**
 * reveal measured each slide before its output existed. Now that slides are final, give each
 * live slide exactly one page: when it grew taller than the page it is zoomed out until it
 * fits, keeping the page's full width (its lines re-wrap, so less shrinking is needed).
 * CSS `zoom` rather than a transform: Chromium paginates the untransformed layout, and a
 * plot image that crossed the page's edge there was dropped from the PDF. Other slides are
 * only centred again (formulas may have been typeset after reveal measured them).
 */
function fitPages(deck: RevealApi): void {
  const config = deck.getConfig();
  const size = deck.getComputedSlideSize(window.innerWidth, window.innerHeight);
  const pageHeight = Math.floor(size.height * (1 + (config.margin ?? 0.04)));
  const pageWidth = Math.floor(size.width * (1 + (config.margin ?? 0.04)));
  const available = pageHeight + (config.pdfPageHeightOffset ?? -1);
  // Live slides are top-aligned (theme.css): give them the page's margin above and below.
  const margin = Math.round((pageHeight - size.height) / 2);
  const room = available - 2 * margin;
  for (const page of document.querySelectorAll<HTMLElement>('.reveal .slides .pdf-page')) {
    const slide = page.querySelector<HTMLElement>(':scope > section');
    if (!slide) continue;
    if (!slide.classList.contains('has-live')) {
      const height = slide.scrollHeight;
      if ((config.center || slide.classList.contains('center')) && height <= available)
        slide.style.top = `${Math.max((pageHeight - height) / 2, 0)}px`;
      continue;
    }
    page.style.height = `${available}px`;
    // Lengths on a zoomed element are zoomed too: place it in unzoomed page pixels.
    const place = (zoom: number) => {
      slide.style.zoom = zoom === 1 ? '' : zoom.toFixed(4);
      slide.style.setProperty('top', `${margin / zoom}px`, 'important');
      slide.style.left = `${(pageWidth - size.width) / 2 / zoom}px`;
      slide.style.width = `${size.width / zoom}px`;
    };
    let zoom = 1;
    place(zoom);
    for (let attempt = 0; attempt < 6; attempt++) {
      const height = slide.getBoundingClientRect().height;
      if (height <= room) break;
      zoom = Math.max(MIN_ZOOM, zoom * (room / height) - 0.004);
      place(zoom);
      if (zoom === MIN_ZOOM) break;
    }
    if (zoom < 1) slide.dataset.printScale = zoom.toFixed(3);
  }
}

function frames(n: number): Promise<void> {
  return n <= 0 ? Promise.resolve() : new Promise((resolve) => requestAnimationFrame(() => void frames(n - 1).then(resolve)));
}
