/**
 * Outputs before Run, the deck's side: the build ran every live block's original snippet
 * (precompute.ts, at build time) and embeds the results per language; this loads a
 * language's table when asked and hands out a block's entry only while the block's original
 * code is the code it was computed from (same fingerprint, slides/live-options.ts).
 * Light on purpose: no core, no runner — the table is data.
 */
/// <reference path="./virtual-precomputed.d.ts" />
import type { SnippetOutput } from './protocol';

/** How a precomputed run ended (no wall-clock time: that is the build machine's). */
export type PrecomputedEnd = { kind: 'done' } | { kind: 'error'; message: string; phase: 'compile' | 'run' };

/** One block's precomputed output, for the code it was computed from. */
export type PrecomputedBlock =
  | {
      /** Fingerprint (slides/live-options.ts) of the original code; another code means stale. */
      fingerprint: string;
      status: 'ok';
      /** What the output panel shows after a run: logs, figures (updates folded in), last progress. */
      outputs: SnippetOutput[];
      end: PrecomputedEnd;
    }
  | {
      fingerprint: string;
      /** Its output depends on the viewer's machine (timings) or on chance: nothing to show before a run. */
      status: 'machine-dependent';
    }
  | {
      fingerprint: string;
      /** The build could not finish the run within its time limit: nothing to show before a run. */
      status: 'unavailable';
      reason: string;
    };

/** Precomputed outputs of one language's deck, by block id (`02-relu#1`). */
export type PrecomputedOutputs = Record<string, PrecomputedBlock>;

/** The precomputed output for a block's original code, or undefined if there is none or it is stale. */
export function precomputedFor(table: PrecomputedOutputs | undefined, id: string, fingerprint: string): PrecomputedBlock | undefined {
  const entry = table && Object.hasOwn(table, id) ? table[id] : undefined;
  return entry && entry.fingerprint === fingerprint ? entry : undefined;
}

/** A language's table (a lazy chunk each: a reader who never switches language never loads the other). */
export function loadPrecomputedOutputs(language: 'zh' | 'en'): Promise<PrecomputedOutputs> {
  const load = language === 'en' ? import('virtual:precomputed-outputs/en') : import('virtual:precomputed-outputs/zh');
  return load.then((m) => m.default);
}
