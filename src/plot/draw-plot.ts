/**
 * Draws a snippet's plot spec with Plotly, inside the output panel of its live block.
 * Plotly is the official cartesian partial bundle (every trace the demos use, a third of
 * the full bundle's size) and loads on first use. Specs arrive already rebuilt from the
 * sandbox's schema (src/sandbox/plot-schema.ts); this file only styles and draws them.
 */
import type { Data, Layout as PlotlyLayout } from 'plotly.js-dist-min';
import type { Layout, Trace } from '../sandbox/protocol';

type PlotlyApi = typeof import('plotly.js-dist-min').default;

let plotlyLoading: Promise<PlotlyApi> | undefined;

/** Loads Plotly once (also used to prefetch it before a plot slide is shown). */
export function loadPlotly(): Promise<PlotlyApi> {
  plotlyLoading ??= import('plotly.js-cartesian-dist-min').then((module) => module.default as PlotlyApi);
  return plotlyLoading;
}

/** The deck theme's colours, in the article's order: ReLU blue, sigmoid red, then others. */
export const PLOT_COLORS = ['#1f5fbf', '#c0392b', '#2e8b57', '#d68910', '#7d3c98', '#17a2b8', '#5b6270'];

const FONT = 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

/** Deck styling under the snippet's own layout: fonts, colours, margins that fit a slide. */
function styledLayout(layout: Layout | undefined, width: number): Record<string, unknown> {
  const axis = (a: Layout['xaxis']) => ({
    gridcolor: '#e3e0d8',
    zerolinecolor: '#9a968c',
    automargin: true,
    ...a,
    title: a?.title ? { text: a.title } : undefined,
  });
  return {
    ...layout,
    title: layout?.title ? { text: layout.title, font: { size: 18 } } : undefined,
    xaxis: axis(layout?.xaxis),
    yaxis: axis(layout?.yaxis),
    width,
    height: layout?.height ?? 300,
    margin: { l: 56, r: 16, t: layout?.title ? 40 : 16, b: 44 },
    font: { family: FONT, size: 14, color: '#1b1d22' },
    colorway: PLOT_COLORS,
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: '#ffffff',
    // Inside the plot, top left: a legend below the axis costs a slide ~40 px it does not have.
    legend: {
      x: 0.01,
      y: 0.99,
      xanchor: 'left',
      yanchor: 'top',
      bgcolor: 'rgba(255,255,255,0.85)',
      bordercolor: '#d9d5cb',
      borderwidth: 1,
    },
  };
}

/**
 * Draws (or redraws, with `Plotly.react`: a diff, not a rebuild) `traces` into `element`.
 * The width is the element's layout width, not its scaled screen width: reveal scales
 * slides with a CSS transform, which Plotly's hit-testing already accounts for.
 */
export async function drawPlot(element: HTMLElement, traces: Trace[], layout?: Layout): Promise<void> {
  const Plotly = await loadPlotly();
  const width = element.offsetWidth || element.parentElement?.offsetWidth || 600;
  await Plotly.react(element, traces as Data[], styledLayout(layout, width) as Partial<PlotlyLayout>, {
    displaylogo: false,
    responsive: false,
    modeBarButtonsToRemove: ['select2d', 'lasso2d', 'toImage'],
  });
}

/** Re-fits plots to their panel: needed when their slide was hidden while they were drawn. */
export async function resizePlots(root: ParentNode): Promise<void> {
  const plots = [...root.querySelectorAll<HTMLElement>('.js-plotly-plot')];
  if (plots.length === 0) return;
  const Plotly = await loadPlotly();
  for (const plot of plots) {
    if (plot.offsetWidth > 0) await Plotly.relayout(plot, { width: plot.offsetWidth });
  }
}
