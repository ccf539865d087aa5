// Checks and rebuilds one untrusted run message. The shell runs it on what the worker posts,
// the host runs it again on what the shell relays: whitelisted kinds, `typeof`/`.length`
// before use, plot specs through the schema, sizes counted while walking (never by
// serialising), and a per-run tally of messages and bytes.
import type { HardLimits } from './limits';
import { Budget, SchemaError, isOneOf, rebuildPlot } from './plot-schema';
import { KILL_REASONS, LOG_LEVELS, type RunMessage } from './protocol';
import { rebuildTape, rebuildTapeDisplay } from './tape-schema';
import { TAPE_CAPS } from './tape-spec';

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
  /** Tape ids sent so far. */
  tapeIds: Set<string>;
  /** Bytes of tapes accepted so far (tapes have their own allowance, TAPE_CAPS). */
  tapeBytes: number;
}

/** A fresh tally for a run with these limits. */
export function newTally(limits: HardLimits): RunTally {
  return { limits, messages: 0, bytes: 0, plotIds: new Set(), tapeIds: new Set(), tapeBytes: 0 };
}

// Every reason but `unavailable`, which only the host decides (a sandbox that never started).
const SANDBOX_KILL_REASONS = KILL_REASONS.filter((reason) => reason !== 'unavailable');
/** A plot id: 1–64 letters, digits, '_', '.', ':' or '-' (the runner refuses others with a clear error). */
export const PLOT_ID = /^[\w.:-]{1,64}$/;
const MAX_PLOT_IDS = 64;

/**
 * Validate `raw` and return a rebuilt copy, or throw `Violation`. `from` says who sent it:
 * only the shell may send `killed`, and a worker may only report run-time errors.
 */
export function validateRunMessage(raw: unknown, tally: RunTally, from: 'worker' | 'shell'): RunMessage {
  const limits = tally.limits;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Violation('a message that is not an object');
  const message = raw as Record<string, unknown>;
  // The message that ends a run (at most one is ever accepted) does not count against the cap.
  const ending = message.kind === 'done' || message.kind === 'error' || message.kind === 'killed';
  if (!ending && ++tally.messages > limits.maxMessages) throw new Violation(`more than ${limits.maxMessages} messages`);
  if (message.kind === 'tape') return validateTape(message, tally);
  const budget = new Budget(Math.min(limits.maxMessageBytes, limits.maxBytes - tally.bytes));
  let rebuilt: RunMessage;
  try {
    rebuilt = rebuild(message, limits, tally, budget, from);
  } catch (error) {
    if (error instanceof Violation) throw error;
    if (error instanceof SchemaError) {
      throw new Violation(budget.remaining < 0 ? tooLarge(limits, tally) : `a malformed plot (${error.message})`);
    }
    throw new Violation('a malformed message');
  }
  tally.bytes += Math.min(limits.maxMessageBytes, limits.maxBytes - tally.bytes) - budget.remaining;
  return rebuilt;
}

// A tape is large by nature (a recorded run, up to TAPE_CAPS.maxBytes): it is counted against
// the run's tape allowance, not the allowance of logs and plots.
function validateTape(message: Record<string, unknown>, tally: RunTally): RunMessage {
  const id = message.id;
  if (typeof id !== 'string' || !PLOT_ID.test(id)) throw new Violation('a tape with a malformed id');
  if (!tally.tapeIds.has(id) && tally.tapeIds.size >= TAPE_CAPS.maxTapes) throw new Violation(`more than ${TAPE_CAPS.maxTapes} tapes`);
  const budget = new Budget(TAPE_CAPS.maxRunBytes - tally.tapeBytes);
  const before = budget.remaining;
  try {
    const name = message.name === undefined ? undefined : str(message.name, 40, budget, 'a tape name');
    const tape = rebuildTape(message.tape, budget);
    const display = rebuildTapeDisplay(message.views, message.edges);
    tally.tapeIds.add(id);
    tally.tapeBytes += before - budget.remaining;
    return { kind: 'tape', id, ...(name !== undefined && { name }), tape, ...display };
  } catch (error) {
    if (error instanceof Violation) throw error;
    if (error instanceof SchemaError) {
      throw new Violation(
        budget.remaining < 0 ? `more than ${TAPE_CAPS.maxRunBytes / 1024 / 1024} MB of tapes` : `a malformed tape (${error.message})`,
      );
    }
    throw new Violation('a malformed tape');
  }
}

function tooLarge(limits: HardLimits, tally: RunTally): string {
  return limits.maxBytes - tally.bytes < limits.maxMessageBytes
    ? `more than ${mb(limits.maxBytes)} of output`
    : `a message larger than ${mb(limits.maxMessageBytes)}`;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MB`;
}

function rebuild(raw: Record<string, unknown>, limits: HardLimits, tally: RunTally, budget: Budget, from: 'worker' | 'shell'): RunMessage {
  switch (raw.kind) {
    case 'log': {
      const level = raw.level;
      if (!isOneOf(level, LOG_LEVELS)) throw new Violation('a log with an unknown level');
      if (!Array.isArray(raw.parts) || raw.parts.length > limits.maxLogParts) throw new Violation('a malformed log');
      const parts = raw.parts.map((part) => str(part, limits.maxStringChars, budget, 'a log part'));
      return { kind: 'log', level, parts };
    }
    case 'plot':
    case 'plot-update': {
      const id = raw.id;
      if (typeof id !== 'string' || !PLOT_ID.test(id)) throw new Violation('a plot with a malformed id');
      if (raw.kind === 'plot') {
        if (!tally.plotIds.has(id) && tally.plotIds.size >= MAX_PLOT_IDS) throw new Violation(`more than ${MAX_PLOT_IDS} plots`);
        tally.plotIds.add(id);
      } else if (!tally.plotIds.has(id)) {
        throw new Violation(`an update of an unknown plot '${id}'`);
      }
      const spec = rebuildPlot(raw.traces, raw.layout, limits, budget);
      return { kind: raw.kind, id, ...spec };
    }
    case 'progress': {
      const out: RunMessage = { kind: 'progress' };
      for (const field of ['epoch', 'step', 'loss'] as const) {
        const value = raw[field];
        if (value === undefined) continue;
        if (typeof value !== 'number') throw new Violation(`a progress ${field} that is not a number`);
        out[field] = value;
      }
      budget.spend(32, 'progress');
      return out;
    }
    case 'done': {
      if (typeof raw.ms !== 'number' || !(raw.ms >= 0)) throw new Violation('a malformed done');
      return { kind: 'done', ms: raw.ms };
    }
    case 'error': {
      const message = str(raw.message, limits.maxStringChars, budget, 'an error message');
      const phase = raw.phase;
      if (phase !== 'run' && (from === 'worker' || phase !== 'compile')) throw new Violation('a malformed error');
      const out: RunMessage = { kind: 'error', message, phase };
      if (raw.line !== undefined) out.line = position(raw.line);
      if (raw.column !== undefined) out.column = position(raw.column);
      return out;
    }
    case 'killed': {
      if (from === 'worker') throw new Violation('a message of unknown kind');
      const reason = raw.reason;
      if (!isOneOf(reason, SANDBOX_KILL_REASONS)) throw new Violation('a kill with an unknown reason');
      return { kind: 'killed', reason, message: str(raw.message, limits.maxStringChars, budget, 'a kill message') };
    }
    default:
      throw new Violation('a message of unknown kind');
  }
}

function str(value: unknown, max: number, budget: Budget, what: string): string {
  if (typeof value !== 'string') throw new Violation(`${what} that is not a string`);
  if (value.length > max) throw new Violation(`${what} longer than ${max} characters`);
  budget.spend(2 * value.length + 16, what);
  return value;
}

function position(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 1e7) throw new Violation('a malformed error position');
  return value;
}
