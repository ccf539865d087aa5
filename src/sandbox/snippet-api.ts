// The snippet-facing API beyond the core, as declarations for the editor: the module
// 'rectify' is the core plus `plot`, `progress` and `sleep` (see runner.ts). Give Monaco this
// text as `file:///node_modules/rectify/index.d.ts`, next to the core's generated declarations
// at `file:///node_modules/core/index.d.ts` (which it re-exports).

/** Declarations of the module snippets import from (`import { relu, plot } from 'rectify'`). */
export const SNIPPET_API_DTS = `export * from 'core';

/** Numbers for one axis; null (or NaN/Infinity) leaves a gap. */
export type Series = ArrayLike<number | null>;

/** One Plotly-style trace. Unsupported fields are ignored with a warning. */
export interface PlotTrace {
  /** Trace type (default 'scatter'). */
  type?: 'scatter' | 'bar' | 'heatmap' | 'contour' | 'histogram';
  /** Legend entry. */
  name?: string;
  /** Scatter mode, e.g. 'lines', 'markers', 'lines+markers'. */
  mode?: string;
  /** x values (numbers, or category labels). */
  x?: Series | string[];
  /** y values (numbers, or category labels for heatmaps). */
  y?: Series | string[];
  /** Grid of values for heatmap/contour, one row per y. */
  z?: Series[];
  /** Line colour, width (px) and dash ('solid', 'dot', 'dash', …). */
  line?: { color?: string; width?: number; dash?: string };
  /** Marker colour (one, or one number per point), size and colour scale. */
  marker?: { color?: string | Series; size?: number | Series; colorscale?: string };
  /** Colour scale for heatmap/contour, e.g. 'Viridis', 'RdBu'. */
  colorscale?: string;
  /** Whether heatmap/contour shows its colour bar. */
  showscale?: boolean;
  /** Lower end of the colour scale (give two maps the same zmin/zmax to compare them). */
  zmin?: number;
  /** Upper end of the colour scale. */
  zmax?: number;
  /** Opacity in [0, 1]. */
  opacity?: number;
  /** Whether the trace appears in the legend. */
  showlegend?: boolean;
  /** Number of histogram bins. */
  nbinsx?: number;
  /** Horizontal axis of this trace: 'x' (default) or 'x2' (a second panel, see PlotLayout.xaxis2). */
  xaxis?: 'x' | 'x2';
  /** Vertical axis of this trace: 'y' (default) or 'y2'. */
  yaxis?: 'y' | 'y2';
}

/** An axis of a plot. */
export interface PlotAxis {
  title?: string;
  type?: 'linear' | 'log' | 'category';
  range?: [number, number];
  zeroline?: boolean;
  /** Fraction of the figure the axis spans, e.g. [0, 0.45] and [0.55, 1] for two panels side by side. */
  domain?: [number, number];
  /** The axis of the other direction it is drawn against, e.g. 'y' for xaxis2. */
  anchor?: 'x' | 'x2' | 'y' | 'y2';
}

/** Plotly-style layout. The width always fits the output panel. */
export interface PlotLayout {
  title?: string;
  xaxis?: PlotAxis;
  yaxis?: PlotAxis;
  /** A second horizontal axis, for traces with xaxis: 'x2' (give both axes a domain). */
  xaxis2?: PlotAxis;
  /** A second vertical axis, for traces with yaxis: 'y2'. */
  yaxis2?: PlotAxis;
  showlegend?: boolean;
  /** Height in px. */
  height?: number;
  barmode?: 'group' | 'stack' | 'overlay';
}

/** A figure drawn by \`plot\`. */
export interface PlotHandle {
  /** The figure's id in this run. */
  readonly id: string;
  /** Redraw the figure in place with new data (streamed at most ~20 times a second; the last call always shows). */
  update(traces: PlotTrace[] | PlotTrace | Series, layout?: PlotLayout): void;
}

/**
 * Draw a figure under the snippet: \`plot([1, 4, 9])\`, \`plot({ x, y, name: 'loss' })\` or
 * \`plot([traceA, traceB], { title: 'Loss' })\`. Called again with the same \`{ id }\`, it
 * updates that figure instead — the way to stream a training curve.
 */
export declare function plot(traces: PlotTrace[] | PlotTrace | Series, layout?: PlotLayout, options?: { id?: string }): PlotHandle;

/** Report training progress next to the Run button (throttled to ~20 updates a second). */
export declare function progress(p: { epoch?: number; step?: number; loss?: number }): void;

/** Wait \`ms\` milliseconds (lets throttled plot updates and progress go out mid-run). */
export declare function sleep(ms: number): Promise<void>;

/** Options of a parameter's control. */
export interface ParamOptions {
  /** Smallest value the slider offers. */
  min?: number;
  /** Largest value the slider offers. */
  max?: number;
  /** Slider step. */
  step?: number;
  /** Label shown next to the control (defaults to the name). */
  label?: string;
}

/**
 * A number the viewer can change without editing code: \`const lr = param('lr', 0.1, { min: 0.001, max: 1 })\`
 * shows a slider above the output; moving it re-runs the snippet with the new value.
 */
export declare function param(name: string, initial: number, options?: ParamOptions): number;
/**
 * An on/off switch the viewer can flip without editing code: \`const show = param('derivative', false, { label: 'show f′' })\`
 * shows a toggle above the output; flipping it re-runs the snippet.
 */
export declare function param(name: string, initial: boolean, options?: { label?: string }): boolean;
`;

/** Names the runner adds to the core in the 'rectify' module. */
export const SNIPPET_EXTRAS: readonly string[] = ['plot', 'progress', 'sleep', 'param'];
