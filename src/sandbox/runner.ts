// Runs inside the sandbox's Blob Worker (bundled with the core as one classic script).
// Waits for one `start`, loads the snippet from a blob URL, and gives it `require` and
// `console` from snippet-module.ts (the 'rectify' module: core + plot, progress, sleep, param).
// Its caps are a courtesy for honest snippets; the shell and host enforce the real ones.
import { paramValues } from './param-name';
import { formatArg } from './pretty';
import type { RunMessage, RunnerLimits, StartMessage } from './protocol';
import { createSnippetModule } from './snippet-module';
import { SNIPPET_GLOBAL, bodyPosition, wrapSnippet } from './wrap';

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
scope.onmessage = (event) => {
  scope.onmessage = null;
  const msg = event.data as StartMessage;
  if (msg && msg.kind === 'start' && typeof msg.js === 'string') void start(msg.js, msg.limits, paramValues(msg.params));
};

async function start(js: string, limits: RunnerLimits, params: Record<string, number>): Promise<void> {
  const t0 = now();
  let ended = false;
  const out = createSnippetModule({ limits, params, post });
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
