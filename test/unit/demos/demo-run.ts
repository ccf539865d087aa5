/**
 * Runs a slide's live demo in Node (the exact snippet on the slide) and reads its key figures:
 * the last state of its plot, numbers from its log lines or plot titles.
 */
import type { PlotTrace } from '../../../src/sandbox/protocol';
import { runSnippet, snippetOn, type SnippetRun } from '../slides/run-snippets';

/** The run of the live snippet on slide `slideId`, with the given slider values. */
export function runDemo(slideId: string, params: Record<string, number> = {}): Promise<SnippetRun> {
  return runSnippet(snippetOn(slideId), params);
}

/** The figure as the viewer sees it when the run ends (the last plot or plot update). */
export function finalPlot(run: SnippetRun) {
  const last = run.plots.at(-1);
  if (!last) throw new Error('the demo drew no plot');
  return last;
}

/** A trace's y values as numbers. */
export const ys = (trace: PlotTrace): number[] => Array.from(trace.y as ArrayLike<number>, Number);

/** Every number in a text (ASCII digits, optional sign, decimals and exponent), in order. */
export const numbersIn = (text: string): number[] =>
  [...text.matchAll(/[-−]?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g)].map((m) => Number(m[0].replace('−', '-')));

/** The one log line containing `marker`, or a clear error. */
export function logLine(run: SnippetRun, marker: string): string {
  const found = run.logs.filter((l) => l.includes(marker));
  if (found.length !== 1) throw new Error(`expected one log line with "${marker}", got ${found.length}: ${run.logs.join(' | ')}`);
  return found[0];
}
