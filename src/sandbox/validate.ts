// Checks and rebuilds one untrusted run message. The shell runs it on what the worker posts,
// the host runs it again on what the shell relays: whitelisted kinds, `typeof`/`.length`
// before use, plot specs through the schema, sizes counted while walking (never by
// serialising), and a per-run tally of messages and bytes.
import type { HardLimits } from './limits';
import { Budget, SchemaError, rebuildPlot } from './plot-schema';
import { KILL_REASONS, type KillReason, type LogLevel, type RunMessage } from './protocol';

/** A message broke the protocol or a limit: the run must be killed with reason `limit`. */
export class Violation extends Error {
  override name = 'Violation';
}

/** Per-run state of the checks: limits, and what the run has sent so far. */
export interface RunTally {
  /** The run's hard limits. */
  limits: HardLimits;
  /** Messages accepted so far. */
  messages: number;
  /** Estimated bytes accepted so far. */
  bytes: number;
  /** Plot ids created so far (a `plot-update` must name one of them). */
  plotIds: Set<string>;
}

/** A fresh tally for a run with these limits. */
export function newTally(limits: HardLimits): RunTally {
  return { limits, messages: 0, bytes: 0, plotIds: new Set() };
}

const LEVELS: readonly LogLevel[] = ['log', 'info', 'warn', 'error'];
// Every reason but `unavailable`, which only the host decides (a sandbox that never started).
const REASONS: readonly KillReason[] = KILL_REASONS.filter((reason) => reason !== 'unavailable');
const PLOT_ID = /^[\w.:-]{1,64}$/;
const MAX_PLOT_IDS = 64;

/**
 * Validate `raw` and return a rebuilt copy, or throw `Violation`. `from` says who sent it:
 * only the shell may send `killed`, and a worker may only report run-time errors.
 */
export function validateRunMessage(raw: unknown, tally: RunTally, from: 'worker' | 'shell'): RunMessage {
  const L = tally.limits;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Violation('a message that is not an object');
  const m = raw as Record<string, unknown>;
  // The message that ends a run (at most one is ever accepted) does not count against the cap.
  const ending = m.kind === 'done' || m.kind === 'error' || m.kind === 'killed';
  if (!ending && ++tally.messages > L.maxMessages) throw new Violation(`more than ${L.maxMessages} messages`);
  const budget = new Budget(Math.min(L.maxMessageBytes, L.maxBytes - tally.bytes));
  let out: RunMessage;
  try {
    out = rebuild(m, L, tally, budget, from);
  } catch (e) {
    if (e instanceof Violation) throw e;
    if (e instanceof SchemaError) {
      throw new Violation(budget.remaining < 0 ? tooLarge(L, tally) : `a malformed plot (${e.message})`);
    }
    throw new Violation('a malformed message');
  }
  tally.bytes += Math.min(L.maxMessageBytes, L.maxBytes - tally.bytes) - budget.remaining;
  return out;
}

function tooLarge(L: HardLimits, tally: RunTally): string {
  return L.maxBytes - tally.bytes < L.maxMessageBytes
    ? `more than ${mb(L.maxBytes)} of output`
    : `a message larger than ${mb(L.maxMessageBytes)}`;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MB`;
}

function rebuild(m: Record<string, unknown>, L: HardLimits, tally: RunTally, budget: Budget, from: 'worker' | 'shell'): RunMessage {
  switch (m.kind) {
    case 'log': {
      const level = m.level as LogLevel;
      if (!LEVELS.includes(level)) throw new Violation('a log with an unknown level');
      if (!Array.isArray(m.parts) || m.parts.length > L.maxLogParts) throw new Violation('a malformed log');
      const parts = m.parts.map((p) => str(p, L.maxStringChars, budget, 'a log part'));
      return { kind: 'log', level, parts };
    }
    case 'plot':
    case 'plot-update': {
      const id = m.id;
      if (typeof id !== 'string' || !PLOT_ID.test(id)) throw new Violation('a plot with a malformed id');
      if (m.kind === 'plot') {
        if (!tally.plotIds.has(id) && tally.plotIds.size >= MAX_PLOT_IDS) throw new Violation(`more than ${MAX_PLOT_IDS} plots`);
        tally.plotIds.add(id);
      } else if (!tally.plotIds.has(id)) {
        throw new Violation(`an update of an unknown plot '${id}'`);
      }
      const spec = rebuildPlot(m.traces, m.layout, L, budget);
      return { kind: m.kind, id, ...spec };
    }
    case 'progress': {
      const out: RunMessage = { kind: 'progress' };
      for (const k of ['epoch', 'step', 'loss'] as const) {
        const v = m[k];
        if (v === undefined) continue;
        if (typeof v !== 'number') throw new Violation(`a progress ${k} that is not a number`);
        out[k] = v;
      }
      budget.spend(32, 'progress');
      return out;
    }
    case 'done': {
      if (typeof m.ms !== 'number' || !(m.ms >= 0)) throw new Violation('a malformed done');
      return { kind: 'done', ms: m.ms };
    }
    case 'error': {
      const message = str(m.message, L.maxStringChars, budget, 'an error message');
      const phase = m.phase;
      if (phase !== 'run' && (from === 'worker' || phase !== 'compile')) throw new Violation('a malformed error');
      const out: RunMessage = { kind: 'error', message, phase };
      if (m.line !== undefined) out.line = position(m.line);
      if (m.column !== undefined) out.column = position(m.column);
      return out;
    }
    case 'killed': {
      if (from === 'worker') throw new Violation('a message of unknown kind');
      const reason = m.reason as KillReason;
      if (!REASONS.includes(reason)) throw new Violation('a kill with an unknown reason');
      return { kind: 'killed', reason, message: str(m.message, L.maxStringChars, budget, 'a kill message') };
    }
    default:
      throw new Violation('a message of unknown kind');
  }
}

function str(v: unknown, max: number, budget: Budget, what: string): string {
  if (typeof v !== 'string') throw new Violation(`${what} that is not a string`);
  if (v.length > max) throw new Violation(`${what} longer than ${max} characters`);
  budget.spend(2 * v.length + 16, what);
  return v;
}

function position(v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 1e7) throw new Violation('a malformed error position');
  return v;
}
