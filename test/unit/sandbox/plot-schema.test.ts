// rebuildPlot(): plot specs rebuilt from the schema before anything renders them.
import { describe, expect, it } from 'vitest';
import { Budget, SchemaError, rebuildPlot } from '../../../src/sandbox/plot-schema';

const caps = { maxTraces: 4, maxSeriesLength: 1000 };
const rebuild = (traces: unknown, layout?: unknown, bytes = 1e6) => rebuildPlot(traces, layout, caps, new Budget(bytes));

describe('rebuildPlot', () => {
  it('keeps the known fields of each trace type and defaults the type to scatter', () => {
    const out = rebuild(
      [
        { x: [1, 2], y: [3, 4], name: 'loss', mode: 'lines+markers', line: { color: '#ff8800', width: 2, dash: 'dot' } },
        { type: 'bar', x: ['a', 'b'], y: [1, 2], marker: { color: 'rgba(0, 0, 0, 0.5)' } },
        { type: 'heatmap', z: [[1, 2], new Float32Array([3, 4])], colorscale: 'Viridis', showscale: false },
        { type: 'histogram', x: [1, 1, 2], nbinsx: 10, opacity: 0.5 },
      ],
      { title: { text: 'T' }, xaxis: { title: 'x', type: 'log', range: [0, 1] }, height: 300, barmode: 'group' },
    );
    expect(out).toEqual({
      traces: [
        { type: 'scatter', x: [1, 2], y: [3, 4], name: 'loss', mode: 'lines+markers', line: { color: '#ff8800', width: 2, dash: 'dot' } },
        { type: 'bar', x: ['a', 'b'], y: [1, 2], marker: { color: 'rgba(0, 0, 0, 0.5)' } },
        { type: 'heatmap', z: [[1, 2], new Float64Array([3, 4])], colorscale: 'Viridis', showscale: false },
        { type: 'histogram', x: [1, 1, 2], nbinsx: 10, opacity: 0.5 },
      ],
      layout: { title: 'T', xaxis: { title: 'x', type: 'log', range: [0, 1] }, height: 300, barmode: 'group' },
    });
  });

  it('drops __proto__, constructor and unknown keys (CVE-2023-46308 style pollution)', () => {
    const hostile = JSON.parse(
      '{"y":[1],"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"onclick":"alert(1)","transforms":[{}]}',
    );
    const out = rebuild([hostile], JSON.parse('{"__proto__":{"polluted":1},"title":"t"}'));
    expect(out).toEqual({ traces: [{ type: 'scatter', y: [1] }], layout: { title: 't' } });
    expect(Object.getPrototypeOf(out.traces[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('copies typed arrays and turns non-finite numbers into gaps', () => {
    const y = new Float64Array([1, NaN, Infinity]);
    const out = rebuild([{ y, x: [0, null, 2] }]);
    expect(out.traces[0].y).not.toBe(y);
    expect(Array.from(out.traces[0].y as Float64Array)).toEqual([1, NaN, Infinity]); // typed arrays keep values
    expect(rebuild([{ y: [1, NaN, -Infinity] }]).traces[0].y).toEqual([1, null, null]);
    expect(out.traces[0].x).toEqual([0, null, 2]);
  });

  it.each([
    ['an unknown trace type', [{ type: 'pie' }], /traces\[0\]\.type must be one of scatter, bar, heatmap, contour, histogram/],
    ['a non-numeric point', [{ y: [1, '2'] }], /traces\[0\]\.y\[1\] must be a number/],
    ['too many traces', [{}, {}, {}, {}, {}], /at most 4 traces/],
    ['too many points', [{ y: new Array(1001).fill(0) }], /more than 1000 points/],
    ['a class instance', [new (class T {})()], /must be a plain object/],
    ['markup in a colour', [{ line: { color: '<b>red</b>' } }], /line\.color is not a valid value/],
    ['a long name', [{ name: 'n'.repeat(201) }], /longer than 200 characters/],
    ['traces that are not an array', { y: [1] }, /traces must be an array/],
  ])('refuses %s', (_what, traces, message) => {
    expect(() => rebuild(traces)).toThrow(SchemaError);
    expect(() => rebuild(traces)).toThrow(message);
  });

  it('counts bytes while walking and stops when the budget is spent', () => {
    expect(() => rebuild([{ y: new Array(1000).fill(1) }], undefined, 4000)).toThrow(/too large/);
    expect(() => rebuild([{ y: new Array(100).fill(1) }], undefined, 4000)).not.toThrow();
  });
});
