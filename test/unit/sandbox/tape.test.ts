// Tapes and network views through the sandbox: a snippet's tape crosses validateRunMessage
// (shell and host) rebuilt field by field; networkViewAt's spec passes the plot schema, and a
// malformed or hostile one does not; the drawing escapes every label and draws few edges.
import { describe, expect, it } from 'vitest';
import { datasets, mlp, record, train } from '../../../src/core/index';
import { networkFigure, networkSummary } from '../../../src/plot/network-figure';
import { plotlyFigure } from '../../../src/plot/draw-plot';
import { hardLimitsFor, RUNNER_LIMITS } from '../../../src/sandbox/limits';
import { networkViewAt } from '../../../src/sandbox/network-view';
import { Budget, rebuildPlot, SchemaError } from '../../../src/sandbox/plot-schema';
import type { NetworkView, RunMessage } from '../../../src/sandbox/protocol';
import { createSnippetModule } from '../../../src/sandbox/snippet-module';
import { newTally, validateRunMessage, Violation } from '../../../src/sandbox/validate';

function recorded(sizes = [2, 8, 8, 1], epochs = 12) {
  const data = datasets.moons({ n: 64, seed: 2 });
  const net = mlp(sizes, { activation: 'relu', output: 'sigmoid', seed: 5 });
  const tape = record(net, data);
  train(net, data, { loss: 'bce', learningRate: 2, epochs, batchSize: 16, tape });
  return tape;
}

const tally = () => newTally(hardLimitsFor(3000));
const caps = hardLimitsFor(3000);
const rebuild = (traces: unknown) => rebuildPlot(traces, undefined, caps, new Budget(caps.maxMessageBytes));

describe('tape messages', () => {
  it('cross the shell and the host rebuilt: same numbers, exact-length fresh arrays', () => {
    const tape = recorded();
    const out = validateRunMessage({ kind: 'tape', id: 'relu', name: 'ReLU', tape, extra: 1 }, tally(), 'worker');
    if (out.kind !== 'tape') throw new Error('not a tape');
    expect(out.name).toBe('ReLU');
    expect(Object.keys(out)).toEqual(['kind', 'id', 'name', 'tape']);
    expect(out.tape.count).toBe(13);
    expect(out.tape.params).toEqual(tape.params);
    expect(out.tape.params.buffer).not.toBe(tape.params.buffer);
    expect(out.tape.params.byteLength).toBe(out.tape.params.buffer.byteLength); // not a view on the sender's larger buffer
    expect(Array.from(out.tape.dead)).toEqual(Array.from(tape.dead));
  });

  it.each([
    ['a wrong length', (t: Record<string, unknown>) => (t.loss = new Float64Array(3)), /tape\.loss must hold 13 values, not 3/],
    [
      'NaN in the weights',
      (t: Record<string, unknown>) => ((t.params as Float32Array)[5] = NaN),
      /tape\.params\[5\] is NaN, not a finite number/,
    ],
    ['a dead mark of 2', (t: Record<string, unknown>) => ((t.dead as Uint8Array)[0] = 2), /tape\.dead\[0\] is 2/],
    ['a huge claimed count', (t: Record<string, unknown>) => (t.count = 99_999), /larger than 9 MB/],
    ['the wrong array type', (t: Record<string, unknown>) => (t.zMin = new Float64Array(13 * 17)), /tape\.zMin must be a Float32Array/],
    ['markup as an activation name', (t: Record<string, unknown>) => (t.activations = ['<img src=x>', 'relu', 'sigmoid']), /short name/],
    ['another format', (t: Record<string, unknown>) => (t.format = 'x'), /tape\.format/],
    [
      'a getter-laden class instance',
      (t: Record<string, unknown>) =>
        Object.setPrototypeOf(t, {
          get count() {
            return 1;
          },
        }),
      /plain object/,
    ],
  ])('refuses %s, naming the field', (_what, spoil, message) => {
    const tape = { ...recorded() } as Record<string, unknown>;
    spoil(tape);
    expect(() => validateRunMessage({ kind: 'tape', id: 't', tape }, tally(), 'worker')).toThrow(Violation);
    expect(() => validateRunMessage({ kind: 'tape', id: 't', tape }, tally(), 'worker')).toThrow(message);
  });

  it('accepts plain number arrays too, and caps the tapes of one run', () => {
    const tape = recorded([2, 3, 1], 2);
    const asArrays = Object.fromEntries(
      Object.entries(tape).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Float32Array) : v]),
    );
    const t = tally();
    expect(validateRunMessage({ kind: 'tape', id: 'a', tape: asArrays }, t, 'worker')).toMatchObject({ kind: 'tape', id: 'a' });
    for (const id of ['b', 'c', 'd']) validateRunMessage({ kind: 'tape', id, tape }, t, 'worker');
    expect(() => validateRunMessage({ kind: 'tape', id: 'a', tape }, t, 'worker')).not.toThrow(); // control: replacing one is fine
    expect(() => validateRunMessage({ kind: 'tape', id: 'e', tape }, t, 'worker')).toThrow(/more than 4 tapes/);
    expect(() => validateRunMessage({ kind: 'tape', id: '<b>', tape }, tally(), 'worker')).toThrow(/malformed id/);
  });

  it('leave a snippet through showTape, checked there first', () => {
    const posted: RunMessage[] = [];
    const mod = createSnippetModule({ limits: RUNNER_LIMITS, params: {}, post: (m) => posted.push(m) });
    const rectify = mod.require('rectify') as { showTape: (t: unknown, o?: unknown) => void };
    rectify.showTape(recorded([2, 3, 1], 2), { name: 'ReLU' });
    expect(posted).toMatchObject([{ kind: 'tape', id: 'tape-1', name: 'ReLU', tape: { count: 3 } }]);
    expect(() => rectify.showTape({ format: 'nope' })).toThrow(/showTape: tape\.format/);
  });
});

describe('networkViewAt and the network schema', () => {
  it('builds a spec the plot schema accepts unchanged, with dead units and gradient norms of that snapshot', () => {
    const tape = recorded([2, 16, 16, 1]);
    const last = tape.count - 1;
    const { traces } = networkViewAt(tape, last);
    expect(rebuild(traces).traces).toEqual(traces);
    const view = traces[0].network as NetworkView;
    expect(view.layers.map((l) => l.units)).toEqual([2, 16, 16, 1]);
    const deadShown = view.layers.slice(1).reduce((s, l) => s + (l.deadCount ?? 0), 0);
    expect(deadShown).toBe(Array.from(tape.dead.subarray(last * 33)).reduce((a, b) => a + b, 0));
    expect(view.layers[1].gradNorm).toBe(tape.gradNorms[last * 3 * 2]);
    expect(view.edgeValue.length).toBeLessThanOrEqual(300);
    const grad = networkViewAt(tape, last, { edges: 'gradient', maxEdges: 40 }).traces[0].network as NetworkView;
    expect(grad.edgeMode).toBe('gradient');
    expect(grad.edgeValue.length).toBe(40);
    expect(() => networkViewAt(tape, tape.count)).toThrow(/snapshot 13 is not on the tape/);
  });

  it('draws units no larger than their spacing in a short plot, so a column of 20 is 20 dots, not a bar', () => {
    const view = networkViewAt(recorded([2, 20, 20, 1], 2), 1).traces[0].network as NetworkView;
    const unitSizes = (height: number) =>
      plotlyFigure({ traces: [{ type: 'network', network: view }], layout: { title: 'net' } }, 400, height)
        .data.filter((d: any) => typeof d.mode === 'string' && d.mode.startsWith('markers'))
        .map((d: any) => d.marker.size as number);
    // 180 px tall, 40 px title: 132 px of plot for a y range of 2.8, the units over 2 of it: 4.96 px apart.
    const short = unitSizes(180);
    expect(Math.max(...short)).toBeLessThanOrEqual(5);
    // Control: with room, units are drawn larger.
    expect(Math.max(...unitSizes(600))).toBeGreaterThan(10);
  });

  it('summarises layers wider than 64 units and keeps the edges to a few hundred', () => {
    const tape = recorded([2, 100, 32, 32, 1], 2);
    const view = networkViewAt(tape, 1).traces[0].network as NetworkView;
    expect(view.layers[1].mean).toBeUndefined();
    expect(view.layers[1].deadCount).toBeTypeOf('number');
    expect(view.edgeValue.length).toBeLessThanOrEqual(300);
    expect(new Set(view.edgeLayer)).toEqual(new Set([3, 4])); // none into or out of the summarised layer
    const { data } = networkFigure(view);
    expect(data.filter((d) => d.mode === 'lines').length).toBeLessThanOrEqual(8); // bucketed: a few traces, not one per edge
    expect(data.some((d) => d.mode === 'markers+text')).toBe(true);
  });

  const good = (): Record<string, unknown> => {
    const view = networkViewAt(recorded([2, 4, 1], 1), 1).traces[0].network as unknown as Record<string, unknown>;
    return JSON.parse(JSON.stringify(view));
  };
  it.each([
    ['NaN as a mean activation', (v: any) => (v.layers[1].mean[0] = NaN), /mean\[0\] is not a valid value/],
    ['an edge into a unit that does not exist', (v: any) => (v.edgeTo[0] = 9), /names a unit its layers do not have/],
    ['a huge edge list', (v: any) => (v.edgeLayer = new Array(5000).fill(1)), /at most 1000 edges/],
    [
      'per-unit values for a wide layer',
      (v: any) => ((v.layers[1].units = 500), (v.layers[1].mean = new Array(500).fill(0))),
      /summarised/,
    ],
    ['a name of 10,000 characters', (v: any) => (v.layers[0].name = 'x'.repeat(10_000)), /at most 40 characters/],
    ['an unknown edge mode', (v: any) => (v.edgeMode = 'javascript'), /edgeMode must be one of weight, gradient/],
    ['too many layers', (v: any) => (v.layers = new Array(40).fill(v.layers[0])), /2 to 17 layers/],
  ])('refuses %s', (_what, spoil, message) => {
    const view = good();
    expect(() => rebuild([{ type: 'network', network: view }])).not.toThrow(); // control
    spoil(view);
    expect(() => rebuild([{ type: 'network', network: view }])).toThrow(SchemaError);
    expect(() => rebuild([{ type: 'network', network: view }])).toThrow(message);
  });

  it('keeps a network trace alone in its plot', () => {
    expect(() => rebuild([{ type: 'network', network: good() }, { y: [1] }])).toThrow(/only trace of its plot/);
    expect(() => rebuild([{ y: [1], network: good() }])).toThrow(/needs type 'network'/);
  });

  it('escapes markup in every label it draws', () => {
    const view = good() as unknown as NetworkView;
    view.layers[1].name = '<b onmouseover=x>relu</b>';
    const [{ network }] = rebuild([{ type: 'network', network: view }]).traces;
    const { data, layout } = plotlyFigure({ traces: [{ type: 'network', network }], layout: { title: '<i>t</i>' } }, 600, 300);
    const shown = JSON.stringify([data, layout]);
    expect(shown).toContain('&lt;b onmouseover=x&gt;relu&lt;/b&gt;');
    expect(shown).not.toContain('<b onmouseover');
    expect(shown).not.toContain('<i>');
    expect(networkSummary(network as NetworkView)).toMatch(/^2-4-1: /);
  });
});
