// Trusted code in an untrusted place: the one inline script of the sandboxed iframe.
// It accepts a single `init` from its parent (runner source + a MessagePort), then runs each
// snippet in a fresh Blob Worker (a spare one is spawned ahead), enforces the time limit and
// the output caps, and relays only validated, rebuilt messages to the host.
import { RUNNER_LIMITS, hardLimitsFor } from './limits';
import type { HostToShell, KillReason, RunMessage, ShellToHost, StartMessage } from './protocol';
import { type RunTally, Violation, newTally, validateRunMessage } from './validate';

interface Run {
  runId: number;
  worker: Worker;
  timer: ReturnType<typeof setTimeout>;
  tally: RunTally;
  t0: number;
  timeoutMs: number;
}

let port: MessagePort | undefined;
let runnerUrl = '';
let spare: Worker | undefined;
let current: Run | undefined;

function onInit(event: MessageEvent): void {
  const d = event.data as { kind?: unknown; runner?: unknown } | null;
  if (port || event.source !== parent || !d || d.kind !== 'init' || typeof d.runner !== 'string' || !event.ports[0]) return;
  window.removeEventListener('message', onInit);
  port = event.ports[0];
  runnerUrl = URL.createObjectURL(new Blob([d.runner], { type: 'text/javascript' }));
  port.onmessage = (e) => onHost(e.data as HostToShell);
  send({ kind: 'ready' });
  spawnSpare();
}
window.addEventListener('message', onInit);

function send(m: ShellToHost): void {
  port?.postMessage(m);
}

function onHost(d: HostToShell): void {
  if (!d || typeof d !== 'object') return;
  if (d.kind === 'ping' && typeof d.n === 'number') send({ kind: 'pong', n: d.n });
  else if (d.kind === 'stop' && current && current.runId === d.runId) kill(current, 'stopped', 'Stopped.');
  else if (d.kind === 'run' && typeof d.js === 'string' && typeof d.runId === 'number' && typeof d.timeoutMs === 'number') {
    startRun(d.runId, d.js, d.timeoutMs, d.params);
  }
}

function spawnSpare(): void {
  if (!spare && runnerUrl) spare = new Worker(runnerUrl, { name: 'snippet' });
}

function startRun(runId: number, js: string, timeoutMs: number, params: unknown): void {
  if (current) kill(current, 'superseded', 'Replaced by a new run.');
  const worker = spare ?? new Worker(runnerUrl, { name: 'snippet' });
  spare = undefined;
  const run: Run = {
    runId,
    worker,
    tally: newTally(hardLimitsFor(timeoutMs)),
    t0: performance.now(),
    timeoutMs,
    timer: setTimeout(() => kill(run, 'timeout', timeoutText(run)), timeoutMs),
  };
  current = run;
  // After a kill, a flooding worker may have left thousands of messages queued: drop them
  // without touching `e.data` (deserialising is the expensive part).
  worker.onmessage = (e) => current === run && relay(run, e.data);
  worker.onmessageerror = () => kill(run, 'limit', 'Stopped: the snippet sent a message that could not be read.');
  worker.onerror = (e) => {
    e.preventDefault();
    end(run, { kind: 'error', message: typeof e.message === 'string' ? e.message.slice(0, 500) : 'The snippet failed.', phase: 'run' });
  };
  const start: StartMessage = { kind: 'start', js, limits: RUNNER_LIMITS, params: numbersOnly(params) };
  worker.postMessage(start);
}

function relay(run: Run, raw: unknown): void {
  if (current !== run) return;
  let message: RunMessage;
  try {
    message = validateRunMessage(raw, run.tally, 'worker');
  } catch (e) {
    kill(run, 'limit', `Stopped: the snippet sent ${e instanceof Violation ? e.message : 'a malformed message'}.`);
    return;
  }
  if (message.kind === 'done' || message.kind === 'error') end(run, message);
  else send({ kind: 'output', runId: run.runId, message });
}

function kill(run: Run, reason: KillReason, message: string): void {
  end(run, { kind: 'killed', reason, message });
}

/** Terminate the run's worker (and with it any timers and child workers), report, and get a spare ready. */
function end(run: Run, message: RunMessage): void {
  if (current !== run) return;
  current = undefined;
  clearTimeout(run.timer);
  run.worker.terminate();
  run.worker.onmessage = run.worker.onmessageerror = run.worker.onerror = null;
  send({ kind: 'output', runId: run.runId, message });
  setTimeout(spawnSpare, 0);
}

function timeoutText(run: Run): string {
  const s = (run.timeoutMs / 1000).toFixed(1);
  return `Time limit reached: stopped after ${s} s. An endless loop, or too much work for a live demo?`;
}

/** The host's parameter values, re-checked: plain names, finite numbers, at most 32. */
function numbersOnly(params: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (!params || typeof params !== 'object') return out;
  for (const name of Object.keys(params).slice(0, 32)) {
    const value = (params as Record<string, unknown>)[name];
    if (/^[\w.-]{1,64}$/.test(name) && typeof value === 'number' && Number.isFinite(value)) out[name] = value;
  }
  return out;
}
