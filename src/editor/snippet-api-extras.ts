/**
 * Declarations of what the snippet module 'rectify' adds to the core (see
 * src/sandbox/runner.ts: plot, progress, sleep) and of the sandbox's `console`, for the
 * editor's type-checking and IntelliSense. A unit test keeps these names and the plot
 * fields in step with the runner and the plot schema.
 */
export const SNIPPET_API_EXTRAS = `
// ── The snippet module's additions (src/sandbox/runner.ts) ──
/** A numeric series: numbers (null for a gap) or a typed array. */
export type NumberSeries = ReadonlyArray<number | null> | Float64Array | Float32Array | Int32Array | Uint8Array;

/** One Plotly-style trace (the fields the deck keeps). */
export interface PlotTrace {
    /** Trace type; 'scatter' when omitted. */
    type?: 'scatter' | 'bar' | 'heatmap' | 'contour' | 'histogram';
    /** Legend entry. */
    name?: string;
    /** Scatter mode: 'lines', 'markers', 'lines+markers'. */
    mode?: string;
    /** x values (numbers, or category labels for bars). */
    x?: NumberSeries | ReadonlyArray<string>;
    /** y values. */
    y?: NumberSeries | ReadonlyArray<string>;
    /** z grid for heatmap/contour: rows of numbers. */
    z?: ReadonlyArray<NumberSeries>;
    /** Line colour, width (px) and dash ('dash', 'dot', …). */
    line?: { color?: string; width?: number; dash?: string };
    /** Marker colour and size. */
    marker?: { color?: string | NumberSeries; size?: number | NumberSeries; colorscale?: string };
    /** Colour scale for heatmap/contour, e.g. 'Viridis', 'RdBu'. */
    colorscale?: string;
    /** Whether a heatmap/contour shows its colour bar. */
    showscale?: boolean;
    /** Opacity in [0, 1]. */
    opacity?: number;
    /** Whether the trace is in the legend. */
    showlegend?: boolean;
    /** Histogram bin count. */
    nbinsx?: number;
}

/** One axis of a plot. */
export interface PlotAxis {
    title?: string;
    type?: 'linear' | 'log' | 'category';
    range?: [number, number];
    zeroline?: boolean;
}

/** Plot layout (the fields the deck keeps). */
export interface PlotLayout {
    title?: string;
    xaxis?: PlotAxis;
    yaxis?: PlotAxis;
    showlegend?: boolean;
    /** Height in px; the width always fits the output panel. */
    height?: number;
    barmode?: 'group' | 'stack' | 'overlay';
}

/** A figure drawn by plot(); update() redraws it in place (e.g. a loss curve while training). */
export interface PlotHandle {
    /** The figure's id in this run. */
    readonly id: string;
    /** Replace the figure's traces (and layout). */
    update(traces: PlotTrace | PlotTrace[] | NumberSeries, layout?: PlotLayout): void;
}

/**
 * Draws a figure under the code: plot([1, 4, 9]) for y values, plot({ x, y }) for one trace,
 * plot([trace, trace]) for several. With { id } of an earlier figure, updates it instead.
 */
export declare function plot(traces: PlotTrace | PlotTrace[] | NumberSeries, layout?: PlotLayout, options?: { id?: string }): PlotHandle;

/** Reports training progress (shown next to the Run button); throttled. */
export declare function progress(p: { epoch?: number; step?: number; loss?: number }): void;

/** Waits ms milliseconds (await sleep(0) lets streamed plot updates go out). */
export declare function sleep(ms: number): Promise<void>;

declare global {
    /** Prints to the output panel: numbers, arrays, typed arrays, objects and Maps are pretty-printed. */
    const console: {
        log(...values: unknown[]): void;
        info(...values: unknown[]): void;
        warn(...values: unknown[]): void;
        error(...values: unknown[]): void;
    };
}
`;
