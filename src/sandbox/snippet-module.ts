// The module snippets import ('rectify': the core plus plot, progress, sleep, param, showTape and networkViewAt, as
// declared in snippet-api.ts) and the console they write to, for one run. Everything they
// output goes out through `post` as protocol messages, with the runner's caps and throttling.
// The worker (runner.ts) posts them to the shell; the Node tests that run every slide's
// snippet (test/unit/slides/run-snippets.ts) collect them, so both run this very code.
import * as core from '../core/index';
import { hardLimitsFor } from './limits';
import { networkViewAt } from './network-view';
import { Budget, LAYOUT_FIELDS, SchemaError, TRACE_FIELDS, rebuildPlot } from './plot-schema';
import { capParts, formatArg } from './pretty';
import type { LogLevel, RunMessage, RunnerLimits } from './protocol';
import type * as SnippetApi from './snippet-api';
import type { ParamOptions, PlotHandle, PlotLayout, PlotOptions, PlotTrace, ProgressReport, ToggleOptions } from './snippet-api';
import { rebuildTape, rebuildTapeDisplay } from './tape-schema';
import { TAPE_CAPS, type ShowTapeOptions, type TapeData } from './tape-spec';
import { PLOT_ID } from './validate';
import { MODULE_NAME, MODULE_NAMES } from './wrap';

/** What one run's snippet module needs from where it runs. */
export interface SnippetModuleOptions {
  /** The runner's own output caps. */
  limits: RunnerLimits;
  /** Values for `param(name, …)` calls, set by the deck's controls. */
  params: Record<string, number>;
  /** Sends one output message on (the worker posts it to the shell). */
  post: (message: RunMessage) => void;
}

const PLOT_CAPS = hardLimitsFor(0);

// The core's Tape and the wire's TapeData are written twice (the sandbox may not import the
// core): this line stops compiling the day they differ (and converts a core tape for the deck's tests).
export const asTapeData: (tape: core.Tape) => TapeData = (tape) => tape;
const now = () => performance.now();

/** The snippet module and console of one run, and `flush` for the messages a throttle still holds. */
export function createSnippetModule({ limits, params, post }: SnippetModuleOptions) {
  let logs = 0;
  let plotSeq = 0;
  const pending = new Map<string, () => void>();
  const lastSent = new Map<string, number>();
  const warned = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const log = (level: LogLevel, args: unknown[]) => {
    if (logs >= limits.maxLogs) {
      // One notice past the cap; the deck's panel shows its own words for it (in the deck's language).
      if (logs++ === limits.maxLogs) {
        post({
          kind: 'log',
          level: 'warn',
          parts: [`… more than ${limits.maxLogs} log messages: the rest of this run's logs are not shown.`],
        });
      }
      return;
    }
    logs++;
    post({
      kind: 'log',
      level,
      parts: capParts(
        args.map((a) => formatArg(a)),
        limits,
      ),
    });
  };
  const console = {
    log: (...a: unknown[]) => log('log', a),
    info: (...a: unknown[]) => log('info', a),
    debug: (...a: unknown[]) => log('log', a),
    warn: (...a: unknown[]) => log('warn', a),
    error: (...a: unknown[]) => log('error', a),
  };

  // Streaming: at most one message per key every `throttleMs`; the latest pending one is sent
  // when the interval has passed (checked on each call, so tight loops stream too) or at the end.
  const send = (key: string, message: () => void) => {
    const t = now();
    const since = t - (lastSent.get(key) ?? -Infinity);
    if (since >= limits.throttleMs) {
      pending.delete(key);
      lastSent.set(key, t);
      message();
      return;
    }
    pending.set(key, message);
    timer ??= setTimeout(flushDue, limits.throttleMs - since);
  };
  const flushDue = () => {
    timer = undefined;
    for (const [key, message] of [...pending]) send(key, message);
  };
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    for (const message of pending.values()) message();
    pending.clear();
  };

  const spec = (traces: unknown, layout: unknown) => {
    const list = normaliseTraces(traces);
    warnUnknown(list, layout);
    try {
      return rebuildPlot(list, layout, PLOT_CAPS, new Budget(PLOT_CAPS.maxMessageBytes));
    } catch (e) {
      throw new TypeError(`plot: ${e instanceof SchemaError ? e.message : String(e)}`);
    }
  };
  const warnUnknown = (traces: unknown[], layout: unknown) => {
    const check = (o: unknown, known: readonly string[], what: string) => {
      if (typeof o !== 'object' || o === null) return;
      for (const k of Object.keys(o)) {
        if (known.includes(k) || warned.has(what + k)) continue;
        warned.add(what + k);
        log('warn', [`plot: ignored ${what} field '${k}' (supported: ${known.join(', ')})`]);
      }
    };
    traces.forEach((t) => check(t, TRACE_FIELDS, 'trace'));
    check(layout, LAYOUT_FIELDS, 'layout');
  };

  // The snippet API's functions: the parameters are `unknown` because snippets are plain
  // JavaScript by now; `satisfies` below checks them against the declarations in snippet-api.ts.
  const handles = new Map<string, PlotHandle>();
  /** Draw a figure; with `{ id }` of an existing figure, update it in place instead. */
  const plot = (traces: unknown, layout?: unknown, options?: PlotOptions): PlotHandle => {
    const existing = options?.id !== undefined ? handles.get(String(options.id)) : undefined;
    if (existing) {
      existing.update(traces as PlotTrace, layout as PlotLayout);
      return existing;
    }
    const id = options?.id !== undefined ? String(options.id) : `plot-${++plotSeq}`;
    if (!PLOT_ID.test(id)) throw new TypeError(`plot: id '${id}' must be 1–64 letters, digits, '_', '.', ':' or '-'`);
    const first = spec(traces, layout);
    lastSent.set(id, now());
    post({ kind: 'plot', id, ...first });
    const handle: PlotHandle = {
      id,
      update(nextTraces: unknown, nextLayout?: unknown) {
        const next = spec(nextTraces, nextLayout);
        send(id, () => post({ kind: 'plot-update', id, ...next }));
      },
    };
    handles.set(id, handle);
    return handle;
  };
  /** Report training progress (epoch, step, loss); throttled like plot updates. */
  const progress = (report: ProgressReport) => {
    const message: RunMessage = { kind: 'progress' };
    if (typeof report?.epoch === 'number') message.epoch = report.epoch;
    if (typeof report?.step === 'number') message.step = report.step;
    if (typeof report?.loss === 'number') message.loss = report.loss;
    send('\0progress', () => post(message));
  };
  /** Wait `ms` milliseconds (lets timers, and so throttled updates, run). */
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

  /**
   * A number (or, with a `true`/`false` default, an on/off toggle) the viewer can change with a
   * control above the output; `initial` until they do. Toggles travel as 1/0 like every value.
   */
  function param(name: string, initial: number, options?: ParamOptions): number;
  function param(name: string, initial: boolean, options?: ToggleOptions): boolean;
  function param(name: string, initial: number | boolean): number | boolean {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (typeof initial === 'boolean') return typeof value === 'number' ? value !== 0 : initial;
    return typeof value === 'number' && Number.isFinite(value) ? value : initial;
  }

  /** Send a tape to the deck (rebuilt here first, so a bad one fails in the snippet with the schema's words). */
  let tapeSeq = 0;
  const tapeIds = new Set<string>();
  const showTape = (tape: TapeData, options?: ShowTapeOptions) => {
    const id = options?.id !== undefined ? String(options.id) : `tape-${++tapeSeq}`;
    if (!PLOT_ID.test(id)) throw new TypeError(`showTape: id '${id}' must be 1–64 letters, digits, '_', '.', ':' or '-'`);
    if (!tapeIds.has(id) && tapeIds.size >= TAPE_CAPS.maxTapes)
      throw new RangeError(`showTape: at most ${TAPE_CAPS.maxTapes} tapes per run`);
    const name = options?.name === undefined ? undefined : String(options.name).slice(0, 40);
    let rebuilt: TapeData;
    let display: ReturnType<typeof rebuildTapeDisplay>;
    try {
      display = rebuildTapeDisplay(options?.views, options?.edges);
      rebuilt = rebuildTape(tape, new Budget(TAPE_CAPS.maxBytes + 1024));
    } catch (e) {
      throw new TypeError(`showTape: ${e instanceof SchemaError ? e.message : String(e)}`);
    }
    tapeIds.add(id);
    post({ kind: 'tape', id, ...(name !== undefined && { name }), tape: rebuilt, ...display });
  };

  const extras = { plot, progress, sleep, param, showTape, networkViewAt } satisfies typeof SnippetApi;
  const module = Object.freeze({ ...core, ...extras });
  const require = (name: string) => {
    if (name === MODULE_NAME) return module;
    throw new Error(`Cannot import '${name}'. Available modules: ${MODULE_NAMES.map((n) => `'${n}'`).join(', ')}.`);
  };
  return {
    /** What the snippet's imports resolve to: `require('rectify')` is the module, anything else throws. */
    require,
    /** The snippet's `console`: each call becomes one pretty-printed `log` message. */
    console,
    /** Sends what the throttle still holds (each plot's latest update, the latest progress); call before the run's last message. */
    flush,
  };
}

/** One run's snippet module, as returned by `createSnippetModule`. */
export type SnippetModule = ReturnType<typeof createSnippetModule>;

/** `plot([1, 2, 3])` draws y values; `plot({ y })` one trace; `plot([{…}, {…}])` several. */
function normaliseTraces(traces: unknown): unknown[] {
  if (ArrayBuffer.isView(traces)) return [{ y: traces }];
  if (!Array.isArray(traces)) return [traces];
  if (traces.length > 0 && (typeof traces[0] === 'number' || traces[0] === null)) return [{ y: traces }];
  return traces;
}
