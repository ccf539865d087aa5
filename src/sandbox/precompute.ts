/**
 * Outputs before Run: a live block's original snippet, run once at build time (in Node) with
 * the very snippet module the sandbox's worker gives it (snippet-module.ts: the real core,
 * plot, progress, sleep, param), so what the deck shows before anyone presses Run is what a
 * run in the browser shows. The core is seeded and never calls Math.random, so the two agree;
 * a snippet that reads the clock or Math.random cannot, and is recorded as machine-dependent
 * instead of showing one machine's numbers as the viewer's.
 *
 * What is kept is the output as the panel ends up showing it: logs in order, each figure
 * with its last update folded in, the last progress report, and how the run ended — as
 * plain JSON data (see precomputed.ts for the types and the deck's side).
 */
import { RUNNER_LIMITS } from './limits';
import type { PrecomputedBlock, PrecomputedEnd } from './precomputed';
import type { PlotLayout, PlotTrace, RunMessage, SnippetOutput } from './protocol';
import { createSnippetModule } from './snippet-module';
import { transpile } from './transpile';
import { SNIPPET_GLOBAL, wrapSnippet } from './wrap';

/** Fence word that marks a block machine-dependent by hand (```ts live machine). */
export const MACHINE_WORD = 'machine';

/** Reads of the clock or of chance: a snippet making them cannot be computed ahead for the viewer. */
const VARYING = /\b(?:Date\.now|performance\.now|Math\.random|new\s+Date)\b/;

/** Whether a block's output depends on where or when it runs: its fence says `machine`, or its code reads the clock or chance. */
export function isMachineDependent(code: string, info = ''): boolean {
  return info.trim().split(/\s+/).includes(MACHINE_WORD) || VARYING.test(code);
}

/**
 * Runs `code` the way the worker does and returns every message it posted, unthrottled (the
 * throttle only decides how many intermediate frames a viewer sees, not the last one).
 * Rejects if the run does not end within `limitMs`.
 */
export async function runForMessages(code: string, limitMs: number, params: Record<string, number> = {}): Promise<RunMessage[]> {
  const messages: RunMessage[] = [];
  const compiled = transpile(code);
  if (!compiled.ok) return [{ kind: 'error', phase: 'compile', message: compiled.message }];
  const { require, console, flush } = createSnippetModule({
    limits: { ...RUNNER_LIMITS, throttleMs: 0 },
    params,
    post: (message) => messages.push(message),
  });
  const scope: Record<string, unknown> = {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    // Same realm as the core, as in the worker: the plot schema accepts only this realm's plain objects.
    new Function('self', wrapSnippet(compiled.js))(scope);
    const run = scope[SNIPPET_GLOBAL] as (...args: unknown[]) => Promise<unknown>;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RangeError(`ran longer than ${limitMs} ms`)), limitMs);
    });
    await Promise.race([run(require, {}, { exports: {} }, console), limit]);
    flush();
    messages.push({ kind: 'done', ms: 0 });
  } catch (error) {
    if (error instanceof RangeError && /^ran longer than/.test(error.message)) throw error;
    flush();
    messages.push({ kind: 'error', phase: 'run', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  } finally {
    clearTimeout(timer);
  }
  return messages;
}

/** The output panel's final state after `messages`: updates folded into their figure, the last progress only. */
export function finalOutputs(messages: readonly RunMessage[]): { outputs: SnippetOutput[]; end: PrecomputedEnd } {
  const outputs: SnippetOutput[] = [];
  const figures = new Map<string, { traces: PlotTrace[]; layout?: PlotLayout }>();
  let end: PrecomputedEnd = { kind: 'done' };
  for (const message of messages) {
    if (message.kind === 'log') outputs.push(message);
    else if (message.kind === 'plot') {
      const figure = {
        kind: 'plot' as const,
        id: message.id,
        traces: message.traces,
        ...(message.layout ? { layout: message.layout } : {}),
      };
      figures.set(message.id, figure);
      outputs.push(figure);
    } else if (message.kind === 'plot-update') {
      const figure = figures.get(message.id);
      if (!figure) continue;
      figure.traces = message.traces;
      if (message.layout) figure.layout = message.layout; // an update without a layout keeps the figure's
    } else if (message.kind === 'progress') {
      const last = outputs.findIndex((o) => o.kind === 'progress');
      if (last >= 0) outputs.splice(last, 1);
      outputs.push(message);
    } else if (message.kind === 'error') end = { kind: 'error', message: message.message, phase: message.phase };
    else if (message.kind === 'killed') end = { kind: 'error', message: message.message, phase: 'run' };
  }
  return { outputs: outputs.map((o) => toPlain(o) as SnippetOutput), end };
}

/** `value` as JSON keeps it: typed arrays (a plot's series) become plain arrays of the same numbers. */
export function toPlain(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(toPlain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
  return value;
}

/** One block's precomputed output: its original code run (or marked machine-dependent). */
export async function precomputeBlock(code: string, info: string, fingerprint: string, limitMs: number): Promise<PrecomputedBlock> {
  if (isMachineDependent(code, info)) return { fingerprint, status: 'machine-dependent' };
  try {
    return { fingerprint, status: 'ok', ...finalOutputs(await runForMessages(code, limitMs)) };
  } catch (error) {
    return { fingerprint, status: 'unavailable', reason: error instanceof Error ? error.message : String(error) };
  }
}
