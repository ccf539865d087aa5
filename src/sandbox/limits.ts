// Output and time limits, in one place: the runner applies the soft ones (clean messages for
// honest snippets), the shell and the host enforce the hard ones (the security boundary).
import type { RunnerLimits } from './protocol';

/** Time limit of a run when the slide does not set one, in ms. */
export const DEFAULT_TIMEOUT_MS = 3000;

/** Longest time limit a slide author may ask for, in ms (memory bombs need a short leash). */
export const MAX_TIMEOUT_MS = 120_000;

/** Extra time the host gives the shell beyond the run's limit before it rebuilds the sandbox. */
export const HOST_GRACE_MS = 700;

/** Runner-side caps. */
export const RUNNER_LIMITS: RunnerLimits = {
  maxLogs: 300,
  maxLogChars: 4000,
  maxLogLines: 60,
  throttleMs: 50,
};

/** Hard caps checked by the shell and again by the host. */
export interface HardLimits {
  /** Messages per run (all kinds). */
  maxMessages: number;
  /** Estimated bytes per run, summed over messages. */
  maxBytes: number;
  /** Estimated bytes of one message. */
  maxMessageBytes: number;
  /** Characters of one log part or one text field. */
  maxStringChars: number;
  /** Parts of one log message. */
  maxLogParts: number;
  /** Traces in one plot. */
  maxTraces: number;
  /** Points in one numeric series. */
  maxSeriesLength: number;
}

/**
 * Hard caps for a run with the given time limit: a fixed allowance plus a rate, so a long
 * training run may stream its loss curve for its whole length (20 updates/s) while a flood
 * is cut off within milliseconds.
 */
export function hardLimitsFor(timeoutMs: number): HardLimits {
  const seconds = Math.max(1, timeoutMs / 1000);
  return {
    maxMessages: Math.round(500 + 60 * seconds),
    maxBytes: Math.round((4 + 2 * seconds) * 1024 * 1024),
    maxMessageBytes: 1024 * 1024,
    maxStringChars: RUNNER_LIMITS.maxLogChars + 200,
    maxLogParts: 64,
    maxTraces: 64,
    maxSeriesLength: 100_000,
  };
}

/** Clamp a requested time limit into [100 ms, MAX_TIMEOUT_MS]; anything else gets the default. */
export function clampTimeout(ms: number | undefined): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return DEFAULT_TIMEOUT_MS;
  return Math.min(MAX_TIMEOUT_MS, Math.max(100, Math.round(ms)));
}
