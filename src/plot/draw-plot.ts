/**
 * Draws a snippet's plot spec with Plotly (a network view: on a canvas, network-canvas.ts),
 * inside the output panel of its live block.
 * Plotly is the official cartesian partial bundle (every trace the demos use, a third of
 * the full bundle's size) and loads on first use. Specs arrive already rebuilt from the
 * sandbox's schema (src/sandbox/plot-schema.ts); this file only styles and draws them.
 */
import type { Config, Data, Layout as PlotlyLayout } from 'plotly.js-dist-min';
import type { PlotLayout, PlotTrace } from '../sandbox/protocol';
import { drawNetworkCanvas } from './network-canvas';
import type { MomentMark } from './tape-figures';
import { networkFigure, networkSummary, type NetworkText } from './network-figure';
import { plainText } from './plain-text';

export { plainText } from './plain-text';

type PlotlyApi = typeof import('plotly.js-dist-min').default;

let plotlyLoading: Promise<PlotlyApi> | undefined;

/** Loads Plotly once (also used to prefetch it before a plot slide is shown). */
export function loadPlotly(): Promise<PlotlyApi> {
  plotlyLoading ??= import('plotly.js-cartesian-dist-min').then((module) => module.default as PlotlyApi);
  return plotlyLoading;
}

/** The deck theme's colours, in the article's order: ReLU blue, sigmoid red, then others. */
export const PLOT_COLORS = ['#1f5fbf', '#c0392b', '#2e8b57', '#d68910', '#7d3c98', '#17a2b8', '#5b6270'];

// Last, the deck's own subset font: only machines without a CJK font fetch it (see scripts/fallback-font.mjs).
const FONT = 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif, "Rectify CJK Fallback"';

/** Panels narrower than this put the legend under the plot; wider ones, to its right. */
const LEGEND_BESIDE_MIN_WIDTH = 640;
/** Height of one legend row under a narrow plot: the plot grows by it rather than lose its area to the legend. */
const LEGEND_ROW_PX = 24;
/** The smallest plot worth drawing when the slide is short of room. */
const MIN_HEIGHT = 150;

/** A trace with every label it shows escaped (names, category labels). */
function plainTrace(trace: PlotTrace): PlotTrace {
  const labels = (series: PlotTrace['x']) =>
    Array.isArray(series) && typeof series[0] === 'string' ? (series as string[]).map(plainText) : series;
  return { ...trace, name: trace.name === undefined ? undefined : plainText(trace.name), x: labels(trace.x), y: labels(trace.y) };
}

/** Deck styling under the snippet's own layout: fonts, colours, margins that fit a slide. */
function styledLayout(layout: PlotLayout | undefined, width: number, height: number): Record<string, unknown> {
  const axis = (a: NonNullable<PlotLayout['xaxis']>) => ({
    gridcolor: '#e3e0d8',
    zerolinecolor: '#9a968c',
    automargin: true,
    ...a,
    title: a.title ? { text: plainText(a.title) } : undefined,
  });
  const beside = width >= LEGEND_BESIDE_MIN_WIDTH;
  return {
    ...layout,
    title: layout?.title ? { text: plainText(layout.title), font: { size: 18 } } : undefined,
    xaxis: axis(layout?.xaxis ?? {}),
    yaxis: axis(layout?.yaxis ?? {}),
    // Only axes the snippet asked for: Plotly takes a present-but-undefined axis for a broken one.
    ...(layout?.xaxis2 && { xaxis2: axis(layout.xaxis2) }),
    ...(layout?.yaxis2 && { yaxis2: axis(layout.yaxis2) }),
    width,
    height,
    margin: { l: 56, r: 16, t: layout?.title ? 40 : 16, b: 44 },
    font: { family: FONT, size: 14, color: '#1b1d22' },
    colorway: PLOT_COLORS,
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: '#ffffff',
    // Outside the plot area, so it never covers data: beside the plot where the panel is wide,
    // under it (in rows) where it is narrow. Plotly widens the margin to make room for it.
    legend: beside
      ? { x: 1.01, xanchor: 'left', y: 1, yanchor: 'top', bgcolor: 'rgba(0,0,0,0)' }
      : { orientation: 'h', x: 0, xanchor: 'left', y: 0, yanchor: 'bottom', yref: 'container', bgcolor: 'rgba(0,0,0,0)' },
  };
}

/**
 * The height to draw at: the snippet's (300 px when it gives none), but no more than the room
 * its output panel has left (`max-height`, set from the slide's free space) after the panel's
 * other content — a plot taller than that hid under the editor or pushed the result line
 * out of view (issue 9).
 */
function fittedHeight(element: HTMLElement, requested: number): number {
  const panel = element.parentElement;
  const room = panel ? parseFloat(panel.style.maxHeight) : NaN;
  if (!panel || !Number.isFinite(room)) return requested;
  let others = 0;
  // An open data table (data-table.ts) is read by scrolling the panel: it takes no room from the plot.
  for (const child of panel.children) if (child !== element && !child.matches('.plot-table')) others += (child as HTMLElement).offsetHeight;
  return Math.max(MIN_HEIGHT, Math.min(requested, Math.floor(room - others - 4)));
}

/** How many legend rows go under a plot this narrow (one per named trace: narrow legends wrap). */
function legendRowsUnder(traces: PlotTrace[], layout: PlotLayout | undefined, width: number): number {
  if (width >= LEGEND_BESIDE_MIN_WIDTH || layout?.showlegend === false) return 0;
  const entries = traces.filter((trace) => trace.name !== undefined && trace.showlegend !== false).length;
  return entries > 1 || layout?.showlegend ? entries : 0;
}

/** The width to draw at: the panel's inner width (no horizontal scrollbar, ever). */
function fittedWidth(element: HTMLElement): number {
  return element.parentElement?.clientWidth || element.offsetWidth || 600;
}

// No mode bar: its buttons are English-only in this bundle (no locales) and cover the plot's
// corner on a slide; drag still zooms, and a double-click resets the axes.
const CONFIG: Partial<Config> = { displaylogo: false, responsive: false, displayModeBar: false };

/** What one plot draws: its traces and layout, and on a time-machine chart the moment shown. */
export interface Figure {
  traces: PlotTrace[];
  layout?: PlotLayout;
  /** The time machine's "now" on a chart (tape-figures.ts). */
  mark?: MomentMark;
}

/**
 * Draws (or redraws, with `Plotly.react`: a diff, not a rebuild) `figure` into `element`;
 * `text` words a network diagram's labels. Sizes are layout sizes, not scaled screen sizes:
 * reveal scales slides with a CSS transform, which Plotly's hit-testing already accounts for.
 */
export async function drawPlot(element: HTMLElement, figure: Figure, text?: NetworkText): Promise<void> {
  const { traces, layout } = figure;
  // A network view is painted on a canvas (network-canvas.ts), without Plotly.
  const network = traces[0]?.type === 'network';
  const Plotly = network ? undefined : await loadPlotly();
  const width = fittedWidth(element);
  const requested = (layout?.height ?? 300) + legendRowsUnder(traces, layout, width) * LEGEND_ROW_PX;
  const height = fittedHeight(element, requested);
  element.dataset.requestedHeight = String(requested);
  const { data, layout: styled } = plotlyFigure(figure, width, height, text);
  if (!Plotly) {
    canvasPlots.set(element, { figure, text });
    drawNetworkCanvas(element, { data: data as Record<string, unknown>[], layout: styled }, width, height, FONT);
    return;
  }
  await Plotly.react(element, data as Data[], styled as Partial<PlotlyLayout>, CONFIG);
}

/** What each canvas-painted plot was last drawn from, to paint it again at a new size. */
const canvasPlots = new WeakMap<HTMLElement, { figure: Figure; text?: NetworkText }>();

/**
 * The Plotly data and layout of a figure at a size, without Plotly (pure: Node benchmarks and
 * tests build it too). A 'network' trace (the only trace of its plot) becomes its diagram's
 * traces; `text` words its labels (the deck passes its t(); maths-only without).
 */
export function plotlyFigure(
  { traces, layout, mark }: Figure,
  width: number,
  height: number,
  text?: NetworkText,
): { data: unknown[]; layout: Record<string, unknown> } {
  const styled = styledLayout(layout, width, height);
  const network = traces[0]?.type === 'network' ? traces[0].network : undefined;
  if (!network) return { data: traces.map(plainTrace), layout: mark ? { ...styled, shapes: markShapes(mark, layout) } : styled };
  const margin = { l: 8, r: 8, t: layout?.title ? 40 : 8, b: 8 };
  const diagram = networkFigure(network, text, height - margin.t - margin.b);
  return { data: diagram.data, layout: { ...styled, ...diagram.layout, margin } };
}

/**
 * A chart's "now" as Plotly layout shapes: a disc of the series' colour at each point, sized in
 * pixels and anchored at the data value. A path, not a 'circle': on a log axis Plotly clamps a
 * circle's negative pixel offsets (y0 = −r) to a positive value and draws half an ellipse.
 */
function markShapes(mark: MomentMark, layout: PlotLayout | undefined): Record<string, unknown>[] {
  const log = layout?.yaxis?.type === 'log';
  return mark.points
    .filter((p) => p.y !== null && (!log || p.y > 0))
    .map((p) => ({
      type: 'path',
      path: discPath(p.size / 2),
      xref: 'x',
      yref: 'y',
      xsizemode: 'pixel',
      ysizemode: 'pixel',
      xanchor: p.x,
      yanchor: p.y,
      fillcolor: p.color,
      line: { color: '#ffffff', width: 1 },
    }));
}

// A circle of radius r around the origin in four cubic Béziers (Plotly's paths have no arcs).
function discPath(r: number): string {
  const k = 0.5523 * r;
  return `M${-r},0C${-r},${k} ${-k},${r} 0,${r}C${k},${r} ${r},${k} ${r},0C${r},${-k} ${k},${-r} 0,${-r}C${-k},${-r} ${-r},${-k} ${-r},0Z`;
}

/** A network plot's text summary for screen readers (networkSummary), or undefined for other plots. */
export function networkLabel(traces: PlotTrace[], text?: NetworkText): string | undefined {
  const network = traces[0]?.type === 'network' ? traces[0].network : undefined;
  return network && networkSummary(network, text);
}

/** Re-fits plots to their panel: after their slide was hidden while they were drawn, or the panel's room changed. */
export async function resizePlots(root: ParentNode): Promise<void> {
  for (const plot of root.querySelectorAll<HTMLElement>('[data-canvas-plot]')) {
    const spec = canvasPlots.get(plot);
    if (spec && plot.offsetWidth > 0) await drawPlot(plot, spec.figure, spec.text);
  }
  const plots = [...root.querySelectorAll<HTMLElement>('.js-plotly-plot')];
  if (plots.length === 0) return;
  const Plotly = await loadPlotly();
  for (const plot of plots) {
    // Hidden, or its first draw is still under way (Plotly fails on a figure it has not laid out yet).
    if (plot.offsetWidth === 0 || !('_fullLayout' in plot)) continue;
    const width = fittedWidth(plot);
    const height = fittedHeight(plot, Number(plot.dataset.requestedHeight) || 300);
    const legend = styledLayout(undefined, width, height).legend;
    await Plotly.relayout(plot, { width, height, legend } as Partial<PlotlyLayout>);
  }
}
