// createSnippetModule(): what a snippet's imports and console do, as the worker runs them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RUNNER_LIMITS } from '../../../src/sandbox/limits';
import type { RunMessage } from '../../../src/sandbox/protocol';
import type * as SnippetApi from '../../../src/sandbox/snippet-api';
import { createSnippetModule } from '../../../src/sandbox/snippet-module';
import { MODULE_NAME } from '../../../src/sandbox/wrap';

function setUp(options: { params?: Record<string, number>; maxLogs?: number } = {}) {
  const posted: RunMessage[] = [];
  const limits = { ...RUNNER_LIMITS, maxLogs: options.maxLogs ?? RUNNER_LIMITS.maxLogs };
  const snippet = createSnippetModule({ limits, params: options.params ?? {}, post: (message) => posted.push(message) });
  return { posted, ...snippet, api: snippet.require(MODULE_NAME) as typeof SnippetApi };
}

describe('createSnippetModule', () => {
  afterEach(() => vi.useRealTimers());

  it("refuses any import but 'rectify', naming what exists", () => {
    expect(() => setUp().require('fs')).toThrow("Cannot import 'fs'. Available modules: 'rectify'.");
  });

  it('pretty-prints console arguments and stops at the log cap with one notice', () => {
    const { posted, console } = setUp({ maxLogs: 2 });
    console.log('loss', 0.123456789, [1, 2]);
    console.warn('careful');
    console.error('dropped');
    console.info('dropped too');
    expect(posted).toEqual([
      { kind: 'log', level: 'log', parts: ['loss', '0.123457', '[1, 2]'] },
      { kind: 'log', level: 'warn', parts: ['careful'] },
      { kind: 'log', level: 'warn', parts: [expect.stringContaining('more than 2 log messages')] },
    ]);
  });

  it('gives param the control’s value, its default without one, and toggles as booleans', () => {
    const { api } = setUp({ params: { lr: 0.5, show: 1, hide: 0 } });
    expect(api.param('lr', 0.1)).toBe(0.5);
    expect(api.param('steps', 100)).toBe(100);
    expect(api.param('show', false)).toBe(true);
    expect(api.param('hide', true)).toBe(false);
    expect(api.param('absent', true)).toBe(true);
  });

  it('posts a rebuilt plot, warns once per unknown field, and refuses a malformed id', () => {
    const { posted, api } = setUp();
    api.plot([{ y: [1, 2], fill: 'tozeroy' } as SnippetApi.PlotTrace]);
    api.plot([{ y: [3], fill: 'tozeroy' } as SnippetApi.PlotTrace]);
    expect(posted.filter((m) => m.kind === 'log')).toEqual([
      { kind: 'log', level: 'warn', parts: [expect.stringContaining("ignored trace field 'fill'")] },
    ]);
    expect(posted.filter((m) => m.kind === 'plot')).toEqual([
      { kind: 'plot', id: 'plot-1', traces: [{ type: 'scatter', y: [1, 2] }] },
      { kind: 'plot', id: 'plot-2', traces: [{ type: 'scatter', y: [3] }] },
    ]);
    expect(() => api.plot([1], undefined, { id: 'no spaces' })).toThrow(TypeError);
  });

  it('throttles updates of a figure and progress: the latest within the interval goes out at flush', () => {
    vi.useFakeTimers();
    const { posted, api, flush } = setUp();
    const figure = api.plot([0]);
    for (let i = 1; i <= 5; i++) figure.update([i]);
    api.progress({ step: 1 });
    api.progress({ step: 2 });
    expect(posted.filter((m) => m.kind === 'plot-update')).toEqual([]); // control below: the same call later goes out
    expect(posted.filter((m) => m.kind === 'progress')).toEqual([{ kind: 'progress', step: 1 }]);
    flush();
    expect(posted.filter((m) => m.kind === 'plot-update')).toEqual([
      { kind: 'plot-update', id: 'plot-1', traces: [{ type: 'scatter', y: [5] }] },
    ]);
    expect(posted.filter((m) => m.kind === 'progress').at(-1)).toEqual({ kind: 'progress', step: 2 });
    vi.advanceTimersByTime(RUNNER_LIMITS.throttleMs);
    figure.update([6]);
    expect(posted.at(-1)).toEqual({ kind: 'plot-update', id: 'plot-1', traces: [{ type: 'scatter', y: [6] }] });
  });
});
