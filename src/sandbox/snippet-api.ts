// What the 'rectify' module adds to the core for snippets (`import { relu, plot } from 'rectify'`;
// plot, progress, sleep, param, showTape and networkViewAt):
// the one source of that contract. `node scripts/core-dts.mjs` generates the editor's
// declarations from this file (generated/snippet-api.d.ts.txt, given to Monaco as
// `file:///node_modules/rectify/index.d.ts`, after `export * from 'core'`), and
// snippet-module.ts implements it (it does not compile if the two disagree).
// Declarations only: nothing here exists at run time, so import it with `import type`.
import type { NetworkViewOptions, PlotLayout, PlotTrace, Series } from './plot-spec';
import type { ShowTapeOptions, TapeData } from './tape-spec';

export type {
  AxisRef,
  NetworkLayerView,
  NetworkView,
  NetworkViewOptions,
  PlotAxis,
  PlotLayout,
  PlotTrace,
  Series,
  TraceType,
} from './plot-spec';
export type { ShowTapeOptions, TapeData } from './tape-spec';

/** A figure drawn by `plot`. */
export interface PlotHandle {
  /** The figure's id in this run. */
  readonly id: string;
  /** Redraw the figure in place with new data (streamed at most ~20 times a second; the last call always shows). */
  update(traces: PlotTrace[] | PlotTrace | Series, layout?: PlotLayout): void;
}

/** Options of `plot`. */
export interface PlotOptions {
  /** The figure's id: a second `plot` with the same id updates that figure (1–64 letters, digits, '_', '.', ':' or '-'). */
  id?: string;
}

/** Training progress, shown next to the Run button. */
export interface ProgressReport {
  /** Current epoch. */
  epoch?: number;
  /** Current step inside the run or epoch. */
  step?: number;
  /** Latest loss value. */
  loss?: number;
}

/** Options of a number parameter's slider. */
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

/** Options of an on/off parameter's toggle. */
export interface ToggleOptions {
  /** Label shown next to the toggle (defaults to the name). */
  label?: string;
}

/**
 * Draw a figure under the snippet: `plot([1, 4, 9])`, `plot({ x, y, name: 'loss' })` or
 * `plot([traceA, traceB], { title: 'Loss' })`. Called again with the same `{ id }`, it
 * updates that figure instead — the way to stream a training curve.
 */
export declare function plot(traces: PlotTrace[] | PlotTrace | Series, layout?: PlotLayout, options?: PlotOptions): PlotHandle;

/** Report training progress next to the Run button (throttled to ~20 updates a second). */
export declare function progress(report: ProgressReport): void;

/** Wait `ms` milliseconds (lets throttled plot updates and progress go out mid-run). */
export declare function sleep(ms: number): Promise<void>;

/**
 * A number the viewer can change without editing code: `const lr = param('lr', 0.1, { min: 0.001, max: 1 })`
 * shows a slider above the output; moving it re-runs the snippet with the new value.
 */
export declare function param(name: string, initial: number, options?: ParamOptions): number;
/**
 * An on/off switch the viewer can flip without editing code: `const show = param('derivative', false, { label: 'show f′' })`
 * shows a toggle above the output; flipping it re-runs the snippet.
 */
export declare function param(name: string, initial: boolean, options?: ToggleOptions): boolean;

/**
 * Send a recorded training run to the deck, which shows a time slider under the output to
 * scrub it without re-running: `const tape = record(net, data); train(net, data, { tape });
 * showTape(tape, { name: 'ReLU' })`. Two tapes of one run share one time axis.
 */
export declare function showTape(tape: TapeData, options?: ShowTapeOptions): void;

/**
 * Snapshot `index` of a tape as a network diagram: `const v = networkViewAt(tape, tape.count - 1);
 * plot(v.traces, v.layout)`. Units coloured by mean activation, dead ReLU units greyed and
 * crossed, the strongest edges by weight (or `{ edges: 'gradient' }`), ‖dL/dW‖ under each layer.
 */
export declare function networkViewAt(
  tape: TapeData,
  index: number,
  options?: NetworkViewOptions,
): { traces: PlotTrace[]; layout: PlotLayout };
