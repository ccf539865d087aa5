// What a plot is, as data: the traces and layout a snippet passes to `plot`, and the same
// shapes after the sandbox rebuilt them (plot-schema.ts) on their way to the deck (plot/).
// One definition for all three: snippet-api.ts re-exports these types, so the editor's
// generated declarations (generated/snippet-api.d.ts.txt) show the same fields and docs.
// The lists are `as const` so the schema checks values against the very lists the types
// are made of (the editor's declarations keep them as unexported helpers: snippets see the
// types, not these values, which the 'rectify' module does not have).

/** Plotly trace types a snippet may draw; anything else is refused. */
export const TRACE_TYPES = ['scatter', 'bar', 'heatmap', 'contour', 'histogram'] as const;

/** The axes a plot may have, per direction: the first, and one more for a second panel. */
export const AXIS_REFS = { x: ['x', 'x2'], y: ['y', 'y2'] } as const;

/** Scales an axis may have. */
export const AXIS_TYPES = ['linear', 'log', 'category'] as const;

/** How several bar traces share a category. */
export const BAR_MODES = ['group', 'stack', 'overlay'] as const;

/** A Plotly trace type: 'scatter' (lines and points), 'bar', 'heatmap', 'contour' or 'histogram'. */
export type TraceType = (typeof TRACE_TYPES)[number];

/** An axis reference in one direction: 'x' or 'x2', 'y' or 'y2'. */
export type AxisRef<D extends keyof typeof AXIS_REFS> = (typeof AXIS_REFS)[D][number];

/** Numbers for one axis: an array (null, NaN or ±Infinity leaves a gap) or a typed array. */
export type Series =
  | ReadonlyArray<number | null>
  | Float64Array
  | Float32Array
  | Int32Array
  | Int16Array
  | Int8Array
  | Uint32Array
  | Uint16Array
  | Uint8Array
  | Uint8ClampedArray;

/** One Plotly-style trace. Fields not listed here are dropped, with a warning in the output. */
export interface PlotTrace {
  /** Trace type (default 'scatter'). */
  type?: TraceType;
  /** Legend entry, plain text. */
  name?: string;
  /** Scatter mode, e.g. 'lines', 'markers', 'lines+markers'. */
  mode?: string;
  /** x values (numbers, or category labels). */
  x?: Series | ReadonlyArray<string>;
  /** y values (numbers, or category labels for heatmaps). */
  y?: Series | ReadonlyArray<string>;
  /** Grid of values for heatmap/contour, one row per y. */
  z?: ReadonlyArray<Series>;
  /** Line colour (CSS name or hex), width (px) and dash ('solid', 'dot', 'dash', …). */
  line?: { color?: string; width?: number; dash?: string };
  /** Marker colour (one, or one number per point), size (px, or one per point) and colour scale. */
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
  xaxis?: AxisRef<'x'>;
  /** Vertical axis of this trace: 'y' (default) or 'y2'. */
  yaxis?: AxisRef<'y'>;
}

/** An axis of a plot. */
export interface PlotAxis {
  /** Axis title, plain text. */
  title?: string;
  /** Axis scale. */
  type?: (typeof AXIS_TYPES)[number];
  /** Fixed [min, max] range. */
  range?: [number, number];
  /** Whether a line is drawn at zero. */
  zeroline?: boolean;
  /** Fraction of the figure the axis spans, e.g. [0, 0.45] and [0.55, 1] for two panels side by side. */
  domain?: [number, number];
  /** The axis of the other direction it is drawn against, e.g. 'y' for xaxis2. */
  anchor?: AxisRef<'x'> | AxisRef<'y'>;
}

/** Plotly-style layout. The width always fits the output panel. */
export interface PlotLayout {
  /** Figure title, plain text. */
  title?: string;
  /** Horizontal axis. */
  xaxis?: PlotAxis;
  /** Vertical axis. */
  yaxis?: PlotAxis;
  /** A second horizontal axis, for traces with xaxis: 'x2' (give both axes a domain). */
  xaxis2?: PlotAxis;
  /** A second vertical axis, for traces with yaxis: 'y2'. */
  yaxis2?: PlotAxis;
  /** Whether a legend is drawn. */
  showlegend?: boolean;
  /** Height in px. */
  height?: number;
  /** How several bar traces share a category. */
  barmode?: (typeof BAR_MODES)[number];
}
