// Types only: the messages that cross the sandbox's three boundaries.
//   host (deck main thread) ══MessageChannel══▶ shell (sandboxed iframe) ──postMessage──▶ worker (runner + snippet)
// The worker's messages are untrusted: the shell and then the host validate and rebuild each
// one (see `validate.ts`) before the deck sees it.

/** Severity of a console line, after the console method that wrote it. */
export type LogLevel = 'log' | 'info' | 'warn' | 'error';

/** Plotly trace types a snippet may draw; anything else is refused by the schema. */
export type TraceType = 'scatter' | 'bar' | 'heatmap' | 'contour' | 'histogram';

/** A numeric series: plain numbers (null for a gap) or a typed array. */
export type NumberSeries = ReadonlyArray<number | null> | Float64Array | Float32Array | Int32Array | Uint8Array;

/** One Plotly-style trace, limited to the fields the schema keeps. */
export interface Trace {
  /** Trace type; `scatter` when omitted. */
  type?: TraceType;
  /** Legend entry, plain text. */
  name?: string;
  /** Scatter drawing mode, e.g. `lines`, `markers`, `lines+markers`. */
  mode?: string;
  /** x values (numbers, or category labels for bars). */
  x?: NumberSeries | ReadonlyArray<string>;
  /** y values (numbers, or category labels for heatmaps). */
  y?: NumberSeries | ReadonlyArray<string>;
  /** z grid for heatmap/contour: rows of numbers. */
  z?: ReadonlyArray<NumberSeries>;
  /** Line style: colour (CSS colour name or hex), width in px, dash pattern. */
  line?: { color?: string; width?: number; dash?: string };
  /** Marker style: colour (one, or one number per point), size in px. */
  marker?: { color?: string | NumberSeries; size?: number | NumberSeries; colorscale?: string };
  /** Colour scale name for heatmap/contour (e.g. `Viridis`, `RdBu`). */
  colorscale?: string;
  /** Whether heatmap/contour draws its colour bar. */
  showscale?: boolean;
  /** Lower end of a heatmap/contour's colour scale (so two maps can share one scale). */
  zmin?: number;
  /** Upper end of a heatmap/contour's colour scale. */
  zmax?: number;
  /** Trace opacity in [0, 1]. */
  opacity?: number;
  /** Whether this trace appears in the legend. */
  showlegend?: boolean;
  /** Histogram bin count hint. */
  nbinsx?: number;
  /** Which horizontal axis the trace uses: `x` (default) or `x2`, for side-by-side panels. */
  xaxis?: AxisRef<'x'>;
  /** Which vertical axis the trace uses: `y` (default) or `y2`. */
  yaxis?: AxisRef<'y'>;
}

/** The axes a plot may have, per direction: the first, and one more for a second panel. */
export const AXIS_REFS = { x: ['x', 'x2'], y: ['y', 'y2'] } as const;

/** An axis reference in one direction (`x`/`x2`, `y`/`y2`). */
export type AxisRef<D extends keyof typeof AXIS_REFS> = (typeof AXIS_REFS)[D][number];

/** One axis of a plot. */
export interface Axis {
  /** Axis title, plain text. */
  title?: string;
  /** Axis scale. */
  type?: 'linear' | 'log' | 'category';
  /** Fixed [min, max] range. */
  range?: [number, number];
  /** Whether a zero line is drawn. */
  zeroline?: boolean;
  /** The part of the figure's width (x axes) or height (y axes) the axis spans, as fractions in [0, 1]. */
  domain?: [number, number];
  /** The axis of the other direction this one is drawn against (e.g. `y` for `xaxis2`). */
  anchor?: AxisRef<'x'> | AxisRef<'y'>;
}

/** Plotly-style layout, limited to the fields the schema keeps. */
export interface Layout {
  /** Figure title, plain text. */
  title?: string;
  /** Horizontal axis. */
  xaxis?: Axis;
  /** Vertical axis. */
  yaxis?: Axis;
  /** Second horizontal axis (traces with `xaxis: 'x2'`), e.g. the right one of two panels. */
  xaxis2?: Axis;
  /** Second vertical axis (traces with `yaxis: 'y2'`). */
  yaxis2?: Axis;
  /** Whether a legend is drawn. */
  showlegend?: boolean;
  /** Figure height in px (width always fits the output panel). */
  height?: number;
  /** Bar grouping for several bar traces. */
  barmode?: 'group' | 'stack' | 'overlay';
}

/** Output a snippet produces while it runs, in the order it produced it. */
export type SnippetOutput =
  | {
      kind: 'log';
      /** Console method that wrote it. */
      level: LogLevel;
      /** One pretty-printed string per console argument (already capped in length). */
      parts: string[];
    }
  | {
      kind: 'plot';
      /** Figure id, unique in the run; later `plot-update`s with the same id redraw it. */
      id: string;
      /** Traces to draw. */
      traces: Trace[];
      /** Layout, if any. */
      layout?: Layout;
    }
  | {
      kind: 'plot-update';
      /** Id of a figure created earlier in the same run by a `plot` message. */
      id: string;
      /** Replacement traces (the whole data, not a delta). */
      traces: Trace[];
      /** Replacement layout, if it changed. */
      layout?: Layout;
    }
  | {
      kind: 'progress';
      /** Current epoch, counted from 0 or 1 as the snippet likes. */
      epoch?: number;
      /** Current step inside the run or epoch. */
      step?: number;
      /** Latest loss value. */
      loss?: number;
    };

/** Why a run can be ended from outside: each one is worded by the deck (see the output panel). */
export const KILL_REASONS = [
  /** It ran longer than its time limit. */
  'timeout',
  /** The user pressed Stop (or the host's `stop()` was called). */
  'stopped',
  /** It broke an output limit (message count, bytes, size) or sent a malformed message. */
  'limit',
  /** The sandbox stopped answering (hung or crashed) and was rebuilt. */
  'unresponsive',
  /** The sandbox never started (e.g. a Content-Security-Policy blocks it); decided by the host only. */
  'unavailable',
  /** A new run started before this one finished. */
  'superseded',
  /** The host was disposed. */
  'disposed',
] as const;

/** Why a run was ended from outside. */
export type KillReason = (typeof KILL_REASONS)[number];

/** The last message of every run: exactly one of these ends it. */
export type RunEnd =
  | {
      kind: 'done';
      /** Wall-clock time the snippet ran, in ms (measured in the worker). */
      ms: number;
    }
  | {
      kind: 'error';
      /** Error name and message, e.g. `TypeError: x is not a function`. */
      message: string;
      /** 1-based line in the TypeScript source, when known (between worker and host: in the transpiled body). */
      line?: number;
      /** 1-based column in the TypeScript source, when known (between worker and host: in the transpiled body). */
      column?: number;
      /** Whether it failed before running (transpile/import check) or while running. */
      phase: 'compile' | 'run';
    }
  | {
      kind: 'killed';
      /** Why it was ended. */
      reason: KillReason;
      /**
       * The run's time limit in ms, when it was passed (`timeout`, or `unresponsive` after the
       * limit): added by the host, which knows it, so the deck can word the limit.
       */
      limitMs?: number;
      /** A technical English sentence for logs and tests; the deck words what it shows from `reason`. */
      message: string;
    };

/** Everything a run reports to the deck, validated and rebuilt by the host. */
export type RunMessage = SnippetOutput | RunEnd;

/** Host → shell, posted once to the iframe window together with a MessagePort. */
export interface InitMessage {
  kind: 'init';
  /** Source of the runner bundle (runner + core, a classic script). */
  runner: string;
}

/** Host → shell, over the port. */
export type HostToShell =
  | {
      kind: 'run';
      /** Run id chosen by the host; echoed on every message of the run. */
      runId: number;
      /** Transpiled snippet body (already wrapped-ready JS, see `transpile.ts`). */
      js: string;
      /** Time limit in ms. */
      timeoutMs: number;
      /** Values the deck's controls set for the snippet's `param(name, …)` calls. */
      params: Record<string, number>;
    }
  | {
      kind: 'stop';
      /** Run to end; ignored if it already ended. */
      runId: number;
    }
  | {
      kind: 'ping';
      /** Sequence number echoed by `pong`. */
      n: number;
    };

/** Shell → host, over the port. */
export type ShellToHost =
  | {
      kind: 'ready';
    }
  | {
      kind: 'pong';
      /** Sequence number of the ping. */
      n: number;
    }
  | {
      kind: 'output';
      /** Run the message belongs to. */
      runId: number;
      /** The message, already checked by the shell (the host checks again). */
      message: RunMessage;
    };

/** Shell → worker: start the snippet (the worker was spawned, maybe ahead of time, with the runner). */
export interface StartMessage {
  kind: 'start';
  /** Transpiled snippet body. */
  js: string;
  /** Output limits the runner applies itself, so honest snippets get clean messages. */
  limits: RunnerLimits;
  /** Values for the snippet's `param(name, …)` calls (finite numbers only). */
  params: Record<string, number>;
}

/** The runner's own caps (courtesy, not the security boundary). */
export interface RunnerLimits {
  /** Log messages kept per run; later ones are dropped with one notice. */
  maxLogs: number;
  /** Characters kept per log message. */
  maxLogChars: number;
  /** Lines kept per log message. */
  maxLogLines: number;
  /** Minimum ms between two streamed updates of the same plot (and between progress messages). */
  throttleMs: number;
}
