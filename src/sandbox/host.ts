/// <reference path="./virtual.d.ts" />
// Main-thread side of the sandbox: creates the hidden sandboxed iframe on first use, speaks
// to its shell only over a private MessageChannel, validates every message again, and
// enforces its own fallback deadline — if the shell goes quiet, the iframe is rebuilt.
import runnerSource from 'virtual:sandbox-runner';
import shellSource, { hash as shellHash } from 'virtual:sandbox-shell';
import { DEFAULT_TIMEOUT_MS, HOST_GRACE_MS, clampTimeout, hardLimitsFor } from './limits';
import { paramValues } from './param-name';
import type { HostToShell, InitMessage, KillReason, RunEnd, RunMessage } from './protocol';
import { type PositionMap, prepareJs, transpile } from './transpile';
import { type RunTally, Violation, newTally, validateRunMessage } from './validate';

/** Options of one run. */
export interface RunOptions {
  /** Time limit in ms (default 3000, clamped to [100, 120000]). */
  timeoutMs?: number;
  /** Called with every validated message of the run, in order, including the final one. */
  onMessage?: (message: RunMessage) => void;
  /** Values for the snippet's `param(name, default)` calls, from the deck's controls. */
  params?: Record<string, number>;
}

/** Options of `createSandboxHost`. */
export interface SandboxHostOptions {
  /** Element the hidden iframe is appended to (default `document.body`). */
  container?: HTMLElement;
  /** How long the sandbox's shell may take to answer once its iframe has loaded, in ms (default 5000). */
  startTimeoutMs?: number;
  /** The hidden iframe's accessible name, in the deck's language (read each time it is built). */
  title?: () => string;
}

/** The sandbox's Content-Security-Policy: only the shell (by hash) and blob: scripts, no network at all. */
export function sandboxCsp(hash: string): string {
  return `default-src 'none'; script-src 'sha256-${hash}' blob:; worker-src blob:; base-uri 'none'; form-action 'none'`;
}

/** The iframe's whole document: CSP first, then the shell as one inline classic script. */
export function sandboxSrcdoc(shell: string, hash: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${sandboxCsp(hash)}"></head><body><script>${shell}</script></body></html>`;
}

interface Pending {
  runId: number;
  /** Body position → TypeScript source position, for run-time errors. */
  map?: PositionMap;
  timeoutMs: number;
  tally: RunTally;
  onMessage?: (message: RunMessage) => void;
  resolve: (end: RunEnd) => void;
  timer?: ReturnType<typeof setTimeout>;
}

interface Frame {
  iframe: HTMLIFrameElement;
  port: MessagePort;
  /** Settles when the shell answers `init` — or rejects when it does not in time (the frame is then gone). */
  ready: Promise<void>;
  /** Until the shell answers: the start limit. */
  startTimer?: ReturnType<typeof setTimeout>;
  /** Once it has: the liveness check. */
  pingTimer?: ReturnType<typeof setInterval>;
  pingSentAt: number;
  lastTick: number;
}

const PING_MS = 1000;
const PONG_GRACE_MS = 1500;
/** How many start limits an iframe may take to load at all, before its shell gets one limit to answer. */
const LOAD_ALLOWANCE = 4;

/** Create a sandbox host. Nothing is created in the page until `prewarm()` or the first `run()`. */
export function createSandboxHost(options: SandboxHostOptions = {}) {
  let frame: Frame | undefined;
  let current: Pending | undefined;
  let runSeq = 0;
  let pingSeq = 0;
  let disposed = false;

  const post = (m: HostToShell) => frame?.port.postMessage(m);

  function build(): Frame {
    const iframe = document.createElement('iframe');
    iframe.setAttribute('sandbox', 'allow-scripts');
    iframe.setAttribute('aria-hidden', 'true');
    iframe.setAttribute('data-sandbox', '');
    iframe.tabIndex = -1;
    const title = options.title?.();
    if (title) iframe.title = title;
    iframe.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
    iframe.srcdoc = sandboxSrcdoc(shellSource, shellHash);
    const channel = new MessageChannel();
    const startMs = options.startTimeoutMs ?? 5000;
    const built: Frame = { iframe, port: channel.port1, ready: Promise.resolve(), pingSentAt: 0, lastTick: 0 };
    built.ready = new Promise<void>((resolve, reject) => {
      // A frame that did not start is removed, so that the next run builds a new one rather than
      // failing at once on a start that timed out while the page was busy (a prewarm, say).
      const giveUp = () => {
        if (frame === built) teardown();
        reject(new Error('The sandbox did not start.'));
      };
      // The limit counts from the iframe's load (a shell blocked by a CSP never answers after it);
      // a busy machine can take long to get that far, so the limit from creation is a multiple.
      built.startTimer = setTimeout(giveUp, startMs * LOAD_ALLOWANCE);
      iframe.addEventListener(
        'load',
        () => {
          clearTimeout(built.startTimer);
          built.startTimer = setTimeout(giveUp, startMs);
          const init: InitMessage = { kind: 'init', runner: runnerSource };
          iframe.contentWindow?.postMessage(init, '*', [channel.port2]);
        },
        { once: true },
      );
      // Pings start once the shell can answer them: a slow start is not a hung sandbox.
      const started = () => {
        if (built.pingTimer) return;
        clearTimeout(built.startTimer);
        built.lastTick = performance.now();
        built.pingTimer = setInterval(() => ping(built), PING_MS);
        resolve();
      };
      channel.port1.onmessage = (event) => onShell(built, event.data, started);
    });
    built.ready.catch(() => {});
    (options.container ?? document.body).appendChild(iframe);
    return built;
  }

  function teardown(): void {
    if (!frame) return;
    clearTimeout(frame.startTimer);
    clearInterval(frame.pingTimer);
    frame.port.onmessage = null;
    frame.port.close();
    frame.iframe.remove();
    frame = undefined;
  }

  function ensure(): Frame {
    if (disposed) throw new Error('The sandbox host was disposed.');
    frame ??= build();
    return frame;
  }

  /**
   * Liveness check: a sandbox that misses a pong (hung or crashed process) is rebuilt. If this
   * timer itself fired late, the page was busy and the pong may be queued behind us: ask again.
   */
  function ping(pinged: Frame): void {
    if (pinged !== frame) return;
    const t = performance.now();
    const late = t - pinged.lastTick > PING_MS * 1.5;
    pinged.lastTick = t;
    if (pinged.pingSentAt && !late) {
      if (t - pinged.pingSentAt > PONG_GRACE_MS) rebuild('The sandbox stopped answering and was restarted.');
      return; // still waiting for the pong
    }
    pinged.pingSentAt = t;
    post({ kind: 'ping', n: ++pingSeq });
  }

  /** Replaces a sandbox that stopped answering; a run in it ends as `unresponsive` (with its limit, if it had passed it). */
  function rebuild(message: string, limitMs?: number): void {
    const run = current;
    teardown();
    if (run) finish(run, { kind: 'killed', reason: 'unresponsive', message, ...(limitMs === undefined ? {} : { limitMs }) });
    if (!disposed) ensure();
  }

  function onShell(from: Frame, data: unknown, started: () => void): void {
    if (from !== frame || typeof data !== 'object' || data === null) return;
    const reply = data as { kind?: unknown; runId?: unknown; message?: unknown };
    if (reply.kind === 'ready') started();
    else if (reply.kind === 'pong') from.pingSentAt = 0;
    else if (reply.kind === 'output' && current && reply.runId === current.runId) {
      const run = current;
      let message: RunMessage;
      try {
        message = validateRunMessage(reply.message, run.tally, 'shell');
      } catch (error) {
        post({ kind: 'stop', runId: run.runId });
        const what = error instanceof Violation ? error.message : 'a malformed message';
        finish(run, { kind: 'killed', reason: 'limit', message: `Stopped: the sandbox relayed ${what}.` });
        return;
      }
      if (message.kind === 'error') finish(run, toSource(run, message));
      else if (message.kind === 'killed' && message.reason === 'timeout') finish(run, { ...message, limitMs: run.timeoutMs });
      else if (message.kind === 'done' || message.kind === 'killed') finish(run, message);
      else deliver(run, message);
    }
  }

  /** The worker reports positions in the transpiled body; the deck wants them in the TypeScript. */
  function toSource(run: Pending, error: Extract<RunEnd, { kind: 'error' }>): RunEnd {
    const { line, column, ...rest } = error;
    const source = line !== undefined && run.map ? run.map(line, column ?? 1) : undefined;
    return source ? { ...rest, line: source.line, column: source.column } : rest;
  }

  function deliver(run: Pending, message: RunMessage): void {
    try {
      run.onMessage?.(message);
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  }

  function finish(run: Pending, end: RunEnd): void {
    if (current !== run) return;
    current = undefined;
    clearTimeout(run.timer);
    // A flood leaves the shell draining queued messages for a while: a fresh sandbox is faster.
    if (end.kind === 'killed' && end.reason === 'limit' && frame && !disposed) {
      teardown();
      ensure();
    }
    deliver(run, end);
    run.resolve(end);
  }

  function kill(reason: KillReason, message: string): void {
    const run = current;
    if (!run) return;
    post({ kind: 'stop', runId: run.runId });
    finish(run, { kind: 'killed', reason, message });
  }

  return {
    /** Create the sandbox now (idempotent) so the first run does not pay for it; resolves when it is ready. */
    prewarm(): Promise<void> {
      return ensure().ready;
    },

    /**
     * Run a TypeScript snippet (a string) or already-transpiled JavaScript (`{ js }`).
     * Resolves with the message that ended the run — `done`, `error` or `killed` — after
     * `onMessage` has seen it. A new run ends the previous one (`killed`, `superseded`).
     */
    run(snippet: string | { js: string }, opts: RunOptions = {}): Promise<RunEnd> {
      kill('superseded', 'Replaced by a new run.');
      const timeoutMs = clampTimeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      const runId = ++runSeq;
      return new Promise<RunEnd>((resolve) => {
        const run: Pending = { runId, timeoutMs, tally: newTally(hardLimitsFor(timeoutMs)), onMessage: opts.onMessage, resolve };
        current = run;
        if (disposed) return finish(run, { kind: 'killed', reason: 'disposed', message: 'The sandbox was closed.' });
        const compiled = typeof snippet === 'string' ? transpile(snippet) : { ok: true as const, ...prepareJs(snippet.js) };
        if (!compiled.ok) {
          return finish(run, { kind: 'error', phase: 'compile', message: compiled.message, line: compiled.line, column: compiled.column });
        }
        const js = compiled.js;
        run.map = compiled.map;
        const target = ensure();
        target.ready.then(
          () => {
            if (current !== run || frame !== target) return;
            post({ kind: 'run', runId, js, timeoutMs, params: paramValues(opts.params) });
            run.timer = setTimeout(
              () =>
                rebuild(
                  `Time limit reached (${(timeoutMs / 1000).toFixed(1)} s) and the sandbox stopped answering; it was restarted.`,
                  timeoutMs,
                ),
              timeoutMs + HOST_GRACE_MS,
            );
          },
          () =>
            finish(run, {
              kind: 'killed',
              reason: 'unavailable',
              message: 'The sandbox did not start (is a Content-Security-Policy blocking it?).',
            }),
        );
      });
    },

    /** End the current run at once; it resolves with `killed`, reason `stopped`. */
    stop(): void {
      kill('stopped', 'Stopped.');
    },

    /** Remove the sandbox; a running snippet ends with `killed`, reason `disposed`. */
    dispose(): void {
      if (disposed) return;
      kill('disposed', 'The sandbox was closed.');
      disposed = true;
      teardown();
    },

    /** Whether a run is in progress. */
    get running(): boolean {
      return current !== undefined;
    },
  };
}

/** A sandbox host, as returned by `createSandboxHost`. */
export type SandboxHost = ReturnType<typeof createSandboxHost>;
