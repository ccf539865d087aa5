// Runs inside the sandbox's Blob Worker (bundled with the core as one classic script).
// Waits for one `start`, loads the snippet from a blob URL, and gives it `require`
// (the 'rectify' module: core + plot + progress + sleep) and a pretty-printing `console`.
// Its caps are a courtesy for honest snippets; the shell and host enforce the real ones.
import * as core from '../core/index';
import { hardLimitsFor } from './limits';
import { Budget, LAYOUT_FIELDS, SchemaError, TRACE_FIELDS, rebuildPlot } from './plot-schema';
import { capParts, formatArg } from './pretty';
import type { Layout, LogLevel, RunMessage, RunnerLimits, StartMessage, Trace } from './protocol';
import { MODULE_NAME, MODULE_NAMES, SNIPPET_GLOBAL, bodyPosition, wrapSnippet } from './wrap';

interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
  importScripts(...urls: string[]): void;
  addEventListener(type: string, listener: (event: Event) => void): void;
  [SNIPPET_GLOBAL]?: (require: (name: string) => unknown, exports: object, module: object, console: object) => Promise<unknown>;
}

const scope = self as unknown as WorkerScope;
const post: (m: RunMessage) => void = scope.postMessage.bind(scope);
const now = performance.now.bind(performance);
const PLOT_CAPS = hardLimitsFor(0);

/** A figure a snippet drew; `update` redraws it in place (throttled, the latest data always wins). */
export interface PlotHandle {
  /** The figure's id in this run. */
  id: string;
  /** Replace the figure's traces (and layout). */
  update(traces: unknown, layout?: Layout): void;
}

/** Streamed training state shown next to the Run button. */
export interface Progress {
  epoch?: number;
  step?: number;
  loss?: number;
}

scope.onmessage = (event) => {
  scope.onmessage = null;
  const msg = event.data as StartMessage;
  if (msg && msg.kind === 'start' && typeof msg.js === 'string') void start(msg.js, msg.limits, msg.params ?? {});
};

async function start(js: string, limits: RunnerLimits, params: Record<string, number>): Promise<void> {
  const t0 = now();
  let ended = false;
  const out = createOutput(limits, params);
  const end = (m: RunMessage) => {
    if (ended) return;
    ended = true;
    out.flush();
    post(m);
  };
  const url = URL.createObjectURL(new Blob([wrapSnippet(js)], { type: 'text/javascript' }));
  const fail = (e: unknown) => end(errorMessage(e, url, limits.maxLogChars));
  scope.addEventListener('error', (e) => {
    e.preventDefault();
    fail((e as ErrorEvent).error ?? (e as ErrorEvent).message);
  });
  scope.addEventListener('unhandledrejection', (e) => {
    e.preventDefault();
    fail((e as PromiseRejectionEvent).reason);
  });
  try {
    scope.importScripts(url);
    const fn = scope[SNIPPET_GLOBAL];
    if (typeof fn !== 'function') throw new Error('The snippet did not load.');
    const exports = {};
    await fn(out.require, exports, { exports }, out.console);
    end({ kind: 'done', ms: now() - t0 });
  } catch (e) {
    fail(e);
  }
}

/** The snippet's output channels: console, plots, progress, with the runner's caps and throttling. */
function createOutput(limits: RunnerLimits, params: Record<string, number>) {
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

  const handles = new Map<string, PlotHandle>();
  /** Draw a figure; with `{ id }` of an existing figure, update it in place instead. */
  const plot = (traces: unknown, layout?: Layout, options?: { id?: string }): PlotHandle => {
    const existing = options?.id !== undefined ? handles.get(String(options.id)) : undefined;
    if (existing) {
      existing.update(traces, layout);
      return existing;
    }
    const id = options?.id !== undefined ? String(options.id) : `plot-${++plotSeq}`;
    if (!/^[\w.:-]{1,64}$/.test(id)) throw new TypeError(`plot: id '${id}' must be 1–64 letters, digits, '_', '.', ':' or '-'`);
    const first = spec(traces, layout);
    lastSent.set(id, now());
    post({ kind: 'plot', id, ...first });
    const handle: PlotHandle = {
      id,
      update(t: unknown, l?: Layout) {
        const next = spec(t, l);
        send(id, () => post({ kind: 'plot-update', id, ...next }));
      },
    };
    handles.set(id, handle);
    return handle;
  };
  /** Report training progress (epoch, step, loss); throttled like plot updates. */
  const progress = (p: Progress) => {
    const m: RunMessage = { kind: 'progress' };
    if (typeof p?.epoch === 'number') m.epoch = p.epoch;
    if (typeof p?.step === 'number') m.step = p.step;
    if (typeof p?.loss === 'number') m.loss = p.loss;
    send('\0progress', () => post(m));
  };
  /** Wait `ms` milliseconds (lets timers, and so throttled updates, run). */
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

  /**
   * A number (or, with a `true`/`false` default, an on/off toggle) the viewer can change with a
   * control above the output; `initial` until they do. Toggles travel as 1/0 like every value.
   */
  const param = (name: string, initial: number | boolean) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (typeof initial === 'boolean') return typeof value === 'number' ? value !== 0 : initial;
    return typeof value === 'number' && Number.isFinite(value) ? value : initial;
  };

  const module = Object.freeze({ ...core, plot, progress, sleep, param });
  const require = (name: string) => {
    if (name === MODULE_NAME) return module;
    throw new Error(`Cannot import '${name}'. Available modules: ${MODULE_NAMES.map((n) => `'${n}'`).join(', ')}.`);
  };
  return { console, require, flush };
}

/** `plot([1, 2, 3])` draws y values; `plot({ y })` one trace; `plot([{…}, {…}])` several. */
function normaliseTraces(traces: unknown): unknown[] {
  if (ArrayBuffer.isView(traces)) return [{ y: traces }];
  if (!Array.isArray(traces)) return [traces];
  if (traces.length > 0 && (typeof traces[0] === 'number' || traces[0] === null)) return [{ y: traces }];
  return traces as Trace[];
}

/** An `error` message for something the snippet threw, with its position in the body (the host maps it to the TS source). */
function errorMessage(e: unknown, url: string, maxChars: number): RunMessage {
  let message: string;
  let stack = '';
  try {
    if (e instanceof Error) {
      message = e.message ? `${e.name}: ${e.message}` : e.name;
      stack = String(e.stack ?? '');
    } else {
      message = `Uncaught ${formatArg(e)}`;
    }
  } catch {
    message = 'Uncaught exception';
  }
  if (message.length > maxChars) message = message.slice(0, maxChars) + '…';
  const out: RunMessage = { kind: 'error', message, phase: 'run' };
  const at = stack.indexOf(url + ':');
  if (at >= 0) {
    const m = /^:(\d+):(\d+)/.exec(stack.slice(at + url.length));
    const pos = m ? bodyPosition(+m[1], +m[2]) : undefined;
    if (pos) Object.assign(out, pos);
  }
  return out;
}
