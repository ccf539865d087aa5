// What a plot is, as data: the traces and layout a snippet passes to `plot`, and the same
// shapes after the sandbox rebuilt them (plot-schema.ts) on their way to the deck (plot/).
// One definition for all three: snippet-api.ts re-exports these types, so the editor's
// generated declarations (generated/snippet-api.d.ts.txt) show the same fields and docs.
// The lists are `as const` so the schema checks values against the very lists the types
// are made of (the editor's declarations keep them as unexported helpers: snippets see the
// types, not these values, which the 'rectify' module does not have).

/** Plotly trace types a snippet may draw; anything else is refused. */
export const TRACE_TYPES = ['scatter', 'bar', 'heatmap', 'contour', 'histogram', 'network'] as const;

/** The axes a plot may have, per direction: the first, and one more for a second panel. */
export const AXIS_REFS = { x: ['x', 'x2'], y: ['y', 'y2'] } as const;

/** Scales an axis may have. */
export const AXIS_TYPES = ['linear', 'log', 'category'] as const;

/** How several bar traces share a category. */
export const BAR_MODES = ['group', 'stack', 'overlay'] as const;

/** What a network view's edges show: the weights, or the loss's gradient with respect to them. */
export const EDGE_MODES = ['weight', 'gradient'] as const;

/** Caps of a network view: wider layers are summarised, and at most maxEdges edges are drawn. */
export const NETWORK_CAPS = { maxLayers: 17, maxWidth: 1_000_000, maxUnitsDrawn: 64, maxEdges: 1000 } as const;

/** A trace type: Plotly's 'scatter' (lines and points), 'bar', 'heatmap', 'contour' or 'histogram'; or 'network', a diagram of an MLP (see NetworkView). */
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
  /** The diagram of a 'network' trace (the only trace of its plot); networkViewAt(tape, i) builds one. */
  network?: NetworkView;
}

/** One layer of a network view: the inputs, or a dense layer's units. */
export interface NetworkLayerView {
  /** Label: 'input', or the layer's activation name. */
  name: string;
  /** Units in the layer. A layer with more than 64 is drawn as one summarised block and gives no per-unit values. */
  units: number;
  /** Per unit: mean activation on the probe batch (the unit's colour). */
  mean?: Series;
  /** Per unit: 1 where the unit is dead (z ≤ 0 on every probe input), else 0. */
  dead?: Series;
  /** Per unit: smallest pre-activation z on the probe batch. */
  zMin?: Series;
  /** Per unit: largest pre-activation z on the probe batch. */
  zMax?: Series;
  /** Per unit: norm of its incoming weights ‖w‖. */
  weightNorm?: Series;
  /** Whether a unit with z ≤ 0 everywhere is stuck (ReLU: zero gradient, greyed) or only inactive (Leaky ReLU: still learns). */
  stuck?: boolean;
  /** Dead units in the layer. */
  deadCount?: number;
  /** ‖dL/dW‖ of the layer's incoming weights, shown under it. */
  gradNorm?: number;
}

/** A diagram of a small MLP at one moment of training: units coloured by activation, dead ones marked, the strongest edges. */
export interface NetworkView {
  /** Layers, the inputs first. */
  layers: NetworkLayerView[];
  /** Whether edges show weights or gradients. */
  edgeMode: (typeof EDGE_MODES)[number];
  /** Per edge drawn: the layer it enters (1 = first dense layer). */
  edgeLayer: Series;
  /** Per edge: unit of the layer before. */
  edgeFrom: Series;
  /** Per edge: unit of the layer it enters. */
  edgeTo: Series;
  /** Per edge: the weight, or dL/dweight. */
  edgeValue: Series;
  /** Edges in the whole net (the drawn ones are the strongest of them). */
  edgeTotal: number;
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

/** Options of networkViewAt. */
export interface NetworkViewOptions {
  /** Edge width and colour from the weights (default) or from the loss's gradient. */
  edges?: (typeof EDGE_MODES)[number];
  /** Most edges drawn; default 300 (at most 1000). */
  maxEdges?: number;
  /** Figure title; default none (the scrubber says the epoch). */
  title?: string;
  /** Figure height in px; default 300. */
  height?: number;
}
