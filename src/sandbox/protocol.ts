// The messages that cross the sandbox's three boundaries.
//   host (deck main thread) ══MessageChannel══▶ shell (sandboxed iframe) ──postMessage──▶ worker (runner + snippet)
// The worker's messages are untrusted: the shell and then the host validate and rebuild each
// one (see `validate.ts`) before the deck sees it. Types, and the `as const` lists their unions
// are made of (so the validators check against the same lists).

import type { PlotLayout, PlotTrace } from './plot-spec';
import type { TapeData, TapeView } from './tape-spec';

// The plot shapes are defined once, with the snippet API (see plot-spec.ts).
export type { AxisRef, NetworkLayerView, NetworkView, PlotAxis, PlotLayout, PlotTrace, Series, TraceType } from './plot-spec';
export type { TapeData, TapeView } from './tape-spec';

/** Console methods a line can come from, by severity (debug is written as `log`). */
export const LOG_LEVELS = ['log', 'info', 'warn', 'error'] as const;

/** Severity of a console line, after the console method that wrote it. */
export type LogLevel = (typeof LOG_LEVELS)[number];

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
      traces: PlotTrace[];
      /** Layout, if any. */
      layout?: PlotLayout;
    }
  | {
      kind: 'plot-update';
      /** Id of a figure created earlier in the same run by a `plot` message. */
      id: string;
      /** Replacement traces (the whole data, not a delta). */
      traces: PlotTrace[];
      /** Replacement layout, if it changed. */
      layout?: PlotLayout;
    }
  | {
      kind: 'tape';
      /** Tape id, unique in the run; a later `tape` with the same id replaces it. */
      id: string;
      /** Short name for the scrubber (plain text), e.g. 'ReLU'. */
      name?: string;
      /** The recorded run (see tape-spec.ts), rebuilt by the shell and the host. */
      tape: TapeData;
      /** The scrubber's views for it (default network and loss). */
      views?: TapeView[];
      /** Edges of its network view by weight (default) or gradient. */
      edges?: 'weight' | 'gradient';
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
