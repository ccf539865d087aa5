// validateRunMessage(): the shell's and the host's check of every untrusted message.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hardLimitsFor } from '../../../src/sandbox/limits';
import { Violation, newTally, validateRunMessage } from '../../../src/sandbox/validate';

const tally = () => newTally(hardLimitsFor(3000));

describe('validateRunMessage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('rebuilds well-formed messages without extra fields', () => {
    const t = tally();
    expect(validateRunMessage({ kind: 'log', level: 'warn', parts: ['a', 'b'], html: '<b>' }, t, 'worker')).toEqual({
      kind: 'log',
      level: 'warn',
      parts: ['a', 'b'],
    });
    expect(validateRunMessage({ kind: 'progress', epoch: 3, loss: 0.5, extra: 1 }, t, 'worker')).toEqual({
      kind: 'progress',
      epoch: 3,
      loss: 0.5,
    });
    expect(validateRunMessage({ kind: 'plot', id: 'loss', traces: [{ y: [1] }] }, t, 'worker')).toEqual({
      kind: 'plot',
      id: 'loss',
      traces: [{ type: 'scatter', y: [1] }],
    });
    expect(validateRunMessage({ kind: 'plot-update', id: 'loss', traces: [{ y: [2] }] }, t, 'worker')).toMatchObject({
      kind: 'plot-update',
    });
    expect(validateRunMessage({ kind: 'error', message: 'E: x', line: 3, column: 4, phase: 'run' }, t, 'worker')).toEqual({
      kind: 'error',
      message: 'E: x',
      line: 3,
      column: 4,
      phase: 'run',
    });
    expect(validateRunMessage({ kind: 'done', ms: 12 }, t, 'worker')).toEqual({ kind: 'done', ms: 12 });
  });

  it.each([
    ['a non-object', 'hello', /not an object/],
    ['an unknown kind', { kind: 'eval', code: '1' }, /unknown kind/],
    ['killed from the worker', { kind: 'killed', reason: 'stopped', message: 'x' }, /unknown kind/],
    ['a compile error from the worker', { kind: 'error', message: 'x', phase: 'compile' }, /malformed error/],
    ['a bad log level', { kind: 'log', level: 'html', parts: [] }, /unknown level/],
    ['a non-string log part', { kind: 'log', level: 'log', parts: [{ toString: 1 }] }, /not a string/],
    ['an update of an unknown plot', { kind: 'plot-update', id: 'nope', traces: [] }, /unknown plot 'nope'/],
    ['a plot id with markup', { kind: 'plot', id: '<img>', traces: [] }, /malformed id/],
    ['a bad error position', { kind: 'error', message: 'x', phase: 'run', line: -1 }, /position/],
  ])('refuses %s', (_what, raw, message) => {
    expect(() => validateRunMessage(raw, tally(), 'worker')).toThrow(Violation);
    expect(() => validateRunMessage(raw, tally(), 'worker')).toThrow(message);
  });

  it('accepts killed only from the shell', () => {
    expect(validateRunMessage({ kind: 'killed', reason: 'timeout', message: 'Time limit' }, tally(), 'shell')).toEqual({
      kind: 'killed',
      reason: 'timeout',
      message: 'Time limit',
    });
  });

  it('sizes a huge string by its length, never by serialising it', () => {
    const stringify = vi.spyOn(JSON, 'stringify');
    const huge = 'x'.repeat(20_000_000);
    expect(() => validateRunMessage({ kind: 'log', level: 'log', parts: [huge] }, tally(), 'worker')).toThrow(
      /longer than 4200 characters/,
    );
    expect(stringify).not.toHaveBeenCalled();
  });

  it('caps the number of messages per run, not counting the one that ends it', () => {
    const t = tally();
    const max = t.limits.maxMessages;
    for (let i = 0; i < max; i++) validateRunMessage({ kind: 'progress', step: i }, t, 'worker');
    expect(() => validateRunMessage({ kind: 'progress' }, tally(), 'worker')).not.toThrow();
    expect(validateRunMessage({ kind: 'done', ms: 1 }, t, 'worker')).toEqual({ kind: 'done', ms: 1 });
    expect(() => validateRunMessage({ kind: 'progress' }, t, 'worker')).toThrow(`more than ${max} messages`);
  });

  it('caps the bytes per run', () => {
    const t = tally();
    const part = 'y'.repeat(4000);
    const parts = new Array(64).fill(part); // ~0.5 MB per message
    expect(() => {
      for (let i = 0; i < 100; i++) validateRunMessage({ kind: 'log', level: 'log', parts }, t, 'worker');
    }).toThrow(/more than 10 MB of output/);
    expect(t.bytes).toBeLessThanOrEqual(t.limits.maxBytes);
  });
});
