/**
 * Finds the ```ts live snippets in slide files and runs them in Node the way the sandbox's
 * worker does: the same transpiler, wrapper and snippet module (src/sandbox/snippet-module.ts:
 * the real core, plot, progress, sleep and param, with the runner's caps and throttling),
 * collecting the messages it posts. Used to prove every demo runs, and to check each demo's
 * key figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isLiveFence, parseLiveOptions } from '../../../src/slides/live-options';
import { splitSlides } from '../../../src/slides/split-slides';
import { RUNNER_LIMITS } from '../../../src/sandbox/limits';
import type { PlotLayout, PlotTrace, RunMessage } from '../../../src/sandbox/protocol';
import { createSnippetModule } from '../../../src/sandbox/snippet-module';
import { transpile } from '../../../src/sandbox/transpile';
import { SNIPPET_GLOBAL, wrapSnippet } from '../../../src/sandbox/wrap';

/** One live snippet and where it stands. */
export interface Snippet {
  /** e.g. `slides/02-relu.md` */
  file: string;
  /** 1-based line of the fence. */
  line: number;
  /** The slide's id (`<!-- .slide: id="…" -->`), if it has one. */
  slideId?: string;
  /** The fence's info string, e.g. `ts live autorun`. */
  info: string;
  code: string;
}

/** What a run produced. */
export interface SnippetRun {
  /** One string per console call, its pretty-printed values joined by spaces (as the output panel shows them). */
  logs: string[];
  /** Each plot (and each update) as the sandbox passes it on, rebuilt from the schema. */
  plots: Array<{ traces: PlotTrace[]; layout?: PlotLayout }>;
  /** Every message the snippet module posted, in order. */
  messages: RunMessage[];
}

/** Every live fence of every `.md` file in `dir` (default `slides`), in deck order. */
export function liveSnippets(dir = 'slides'): Snippet[] {
  const snippets: Snippet[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
    const file = `${dir}/${name}`;
    const split = splitSlides(readFileSync(file, 'utf8'));
    if (!split.ok) throw new Error(`${file}: ${JSON.stringify(split.error.problem)}`);
    for (const slide of split.stacks.flat()) {
      const slideId = /<!--\s*\.slide:[^>]*\bid="([^"]+)"/.exec(slide.markdown)?.[1];
      const fence = /^```(.*)\n([\s\S]*?)^```\s*$/gm;
      for (let m = fence.exec(slide.markdown); m; m = fence.exec(slide.markdown)) {
        if (!isLiveFence(m[1])) continue;
        const line = slide.line + slide.markdown.slice(0, m.index).split('\n').length - 1;
        snippets.push({ file, line, slideId, info: m[1], code: m[2] });
      }
    }
  }
  return snippets;
}

/** Runs a snippet in Node against the real core; rejects on a compile error, a throw, or a run past twice its time limit. */
export async function runSnippet(snippet: Snippet | string, params: Record<string, number> = {}): Promise<SnippetRun> {
  const code = typeof snippet === 'string' ? snippet : snippet.code;
  const info = typeof snippet === 'string' ? 'ts live' : snippet.info;
  const compiled = transpile(code);
  if (!compiled.ok) throw new Error(`does not compile: line ${compiled.line}: ${compiled.message}`);
  const run: SnippetRun = { logs: [], plots: [], messages: [] };
  const post = (message: RunMessage) => {
    run.messages.push(message);
    if (message.kind === 'log') run.logs.push(message.parts.join(' '));
    else if (message.kind === 'plot' || message.kind === 'plot-update') run.plots.push({ traces: message.traces, layout: message.layout });
  };
  // Unthrottled (every update the snippet makes is recorded, whatever the machine's speed);
  // otherwise the runner's own caps. The throttle itself is tested in snippet-module.test.ts.
  const limits = { ...RUNNER_LIMITS, throttleMs: 0 };
  const { require, console, flush } = createSnippetModule({ limits, params, post });
  const scope: Record<string, unknown> = {};
  // Same realm as the core (as in the worker): the plot schema only accepts plain objects of this realm.
  new Function('self', wrapSnippet(compiled.js))(scope);
  const fn = scope[SNIPPET_GLOBAL] as (...args: unknown[]) => Promise<unknown>;
  const limitMs = timeLimitOf(info);
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    fn(require, {}, {}, console),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`ran longer than twice its ${limitMs} ms limit`)), limitMs * 2))),
  ]).finally(() => clearTimeout(timer));
  flush();
  return run;
}

/** A block's run-time limit in ms: its `timeout=` option, or the sandbox's default 3 s. */
export function timeLimitOf(snippet: Snippet | string): number {
  return parseLiveOptions(typeof snippet === 'string' ? snippet : snippet.info).timeoutMs ?? 3000;
}

/** How long a test may wait for a snippet: runSnippet's own cut-off (twice the limit) plus a margin, so it reports first. */
export const testTimeoutFor = (snippet: Snippet): number => 2 * timeLimitOf(snippet) + 2000;

/** The snippet on the slide with this id (the first, or the n-th), or a clear error. */
export function snippetOn(slideId: string, n = 0, dir = 'slides'): Snippet {
  const found = liveSnippets(dir).filter((s) => s.slideId === slideId);
  if (!found[n]) throw new Error(`no live snippet #${n} on a slide with id "${slideId}" in ${dir}/`);
  return found[n];
}
