/**
 * The slides are executable docs: every ```ts live snippet in slides/ transpiles and runs
 * against the real core in Node, and its plots pass the sandbox's plot schema. A change to
 * the core that breaks a demo fails here, before anyone presents it.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import * as core from '../../../src/core/index';
import { isLiveFence, parseLiveOptions } from '../../../src/deck/live-options';
import { splitSlides } from '../../../src/deck/split-slides';
import { hardLimitsFor } from '../../../src/sandbox/limits';
import { Budget, rebuildPlot } from '../../../src/sandbox/plot-schema';
import { transpile } from '../../../src/sandbox/transpile';
import { wrapSnippet, SNIPPET_GLOBAL, MODULE_NAME } from '../../../src/sandbox/wrap';

interface Snippet {
  file: string;
  line: number;
  info: string;
  code: string;
}

/** Every live fence of every slide file, with where it is. */
function liveSnippets(): Snippet[] {
  const snippets: Snippet[] = [];
  for (const name of readdirSync('slides').filter((f) => f.endsWith('.md')).sort()) {
    const split = splitSlides(readFileSync(`slides/${name}`, 'utf8'));
    if (!split.ok) throw new Error(`slides/${name}: ${split.error.message}`);
    for (const slide of split.stacks.flat()) {
      const fence = /^```(.*)\n([\s\S]*?)^```\s*$/gm;
      for (let m = fence.exec(slide.markdown); m; m = fence.exec(slide.markdown)) {
        if (!isLiveFence(m[1])) continue;
        const line = slide.line + slide.markdown.slice(0, m.index).split('\n').length - 1;
        snippets.push({ file: `slides/${name}`, line, info: m[1], code: m[2] });
      }
    }
  }
  return snippets;
}

/** Runs a snippet the way the sandbox does (same transpiler, wrapper and module), in Node. */
async function runSnippet(snippet: Snippet): Promise<{ logs: string[]; plots: number }> {
  const compiled = transpile(snippet.code);
  if (!compiled.ok) throw new Error(`does not compile: line ${compiled.line}: ${compiled.message}`);
  const logs: string[] = [];
  let plots = 0;
  const caps = hardLimitsFor(0);
  const plot = (traces: unknown, layout?: unknown) => {
    const list = Array.isArray(traces) && typeof traces[0] !== 'object' ? [{ y: traces }] : Array.isArray(traces) ? traces : [traces];
    rebuildPlot(list, layout, caps, new Budget(caps.maxMessageBytes)); // throws on what the sandbox would refuse
    plots++;
    return { id: `plot-${plots}`, update: (t: unknown, l?: unknown) => void plot(t, l) };
  };
  const module = { ...core, plot, progress: () => {}, sleep: (ms: number) => new Promise((r) => setTimeout(r, ms)) };
  const require = (name: string) => {
    if (name === MODULE_NAME) return module;
    throw new Error(`Cannot import '${name}'`);
  };
  const log = (...values: unknown[]) => void logs.push(values.map(String).join(' '));
  const console = { log, info: log, warn: log, error: log };
  const scope: Record<string, unknown> = {};
  // Same realm as the core (as in the worker): the plot schema only accepts plain objects of this realm.
  new Function('self', wrapSnippet(compiled.js))(scope);
  const fn = scope[SNIPPET_GLOBAL] as (...args: unknown[]) => Promise<unknown>;
  const limitMs = parseLiveOptions(snippet.info).timeoutMs ?? 3000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    fn(require, {}, {}, console),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`ran longer than its ${limitMs} ms limit`)), limitMs * 2))),
  ]).finally(() => clearTimeout(timer));
  return { logs, plots };
}

const snippets = liveSnippets();

describe('live snippets in slides/', () => {
  it('exist (the deck proves its claims live)', () => {
    expect(snippets.length).toBeGreaterThan(0);
  });

  for (const snippet of snippets) {
    it(`${snippet.file}:${snippet.line} runs against the core and shows something`, async () => {
      const { logs, plots } = await runSnippet(snippet);
      expect(logs.length + plots).toBeGreaterThan(0);
    });
  }
});
