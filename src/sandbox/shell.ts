// Trusted code in an untrusted place: the one inline script of the sandboxed iframe.
// It accepts a single `init` from its parent (runner source + a MessagePort), then runs each
// snippet in a fresh Blob Worker (a spare one is spawned ahead), enforces the time limit and
// the output caps, and relays only validated, rebuilt messages to the host.
import { RUNNER_LIMITS, hardLimitsFor } from './limits';
import { paramValues } from './param-name';
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
  const init = event.data as { kind?: unknown; runner?: unknown } | null;
  if (port || event.source !== parent || !init || init.kind !== 'init' || typeof init.runner !== 'string' || !event.ports[0]) return;
  window.removeEventListener('message', onInit);
  port = event.ports[0];
  runnerUrl = URL.createObjectURL(new Blob([init.runner], { type: 'text/javascript' }));
  port.onmessage = (event) => onHost(event.data as HostToShell);
  send({ kind: 'ready' });
  spawnSpare();
}
window.addEventListener('message', onInit);

function send(message: ShellToHost): void {
  port?.postMessage(message);
}

// The host is trusted, but its message is still checked field by field before use.
function onHost(request: HostToShell): void {
  if (!request || typeof request !== 'object') return;
  if (request.kind === 'ping' && typeof request.n === 'number') send({ kind: 'pong', n: request.n });
  else if (request.kind === 'stop' && current && current.runId === request.runId) kill(current, 'stopped', 'Stopped.');
  else if (
    request.kind === 'run' &&
    typeof request.js === 'string' &&
    typeof request.runId === 'number' &&
    typeof request.timeoutMs === 'number'
  ) {
    startRun(request.runId, request.js, request.timeoutMs, request.params);
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
  worker.onmessage = (event) => current === run && relay(run, event.data);
  worker.onmessageerror = () => kill(run, 'limit', 'Stopped: the snippet sent a message that could not be read.');
  worker.onerror = (event) => {
    event.preventDefault();
    end(run, {
      kind: 'error',
      message: typeof event.message === 'string' ? event.message.slice(0, 500) : 'The snippet failed.',
      phase: 'run',
    });
  };
  const start: StartMessage = { kind: 'start', js, limits: RUNNER_LIMITS, params: paramValues(params) };
  worker.postMessage(start);
}

function relay(run: Run, raw: unknown): void {
  if (current !== run) return;
  let message: RunMessage;
  try {
    message = validateRunMessage(raw, run.tally, 'worker');
  } catch (error) {
    kill(run, 'limit', `Stopped: the snippet sent ${error instanceof Violation ? error.message : 'a malformed message'}.`);
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
