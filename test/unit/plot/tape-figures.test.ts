// The time machine's charts (src/plot/tape-figures.ts, tape-views.ts): the tape's own weights run
// forward give exactly what the core's network computes at that snapshot; the time axis says
// steps or epochs as the tape was recorded; markers sit at the snapshot shown; figures come in
// the order the snippet asked for, two network diagrams sharing the edge budget.
import { describe, expect, it } from 'vitest';
import { datasets, makeLeakyRelu, mlp, predict as corePredict, record, restoreSnapshot, train } from '../../../src/core/index';
import type { TapeData } from '../../../src/sandbox/protocol';
import { canShowOutput, gradientFigure, lossFigure, outputFigure, predict } from '../../../src/plot/tape-figures';
import { PLOT_COLORS, plotlyFigure } from '../../../src/plot/draw-plot';
import { figureKeys, timeAxis } from '../../../src/sandbox/tape-time';
import { tapeFigures, type ShownTape } from '../../../src/plot/tape-views';
import { mathsText } from '../../../src/plot/network-figure';
import { mathsTapeText } from '../../../src/plot/tape-figures';

const words = ((key: string, values: Record<string, string | number>) =>
  key.startsWith('net')
    ? mathsText(key as never, values)
    : key === 'tmNetwork'
      ? String(values.name)
      : key.startsWith('tmLayer')
        ? `<${key}>`
        : mathsTapeText(key as never, values)) as never;

function xorRun(activation: 'relu' | 'sigmoid' = 'relu') {
  const data = datasets.xor();
  const net = mlp([2, 8, 8, 1], { activation, seed: 1 });
  const tape = record(net, data, { everySteps: 5 });
  train(net, data, { epochs: 60, learningRate: 0.05, tape });
  return { net, tape: tape as unknown as TapeData, data };
}

describe('tape figures', () => {
  it('runs a snapshot’s weights forward exactly as the core does (ReLU, Leaky ReLU with its own slope)', () => {
    for (const activation of ['relu', makeLeakyRelu(0.2)] as const) {
      const data = datasets.moons({ n: 40, seed: 2 });
      const net = mlp([2, 6, 6, 1], { activation, output: 'sigmoid', seed: 4 });
      const tape = record(net, data, { every: 2 });
      train(net, data, { epochs: 6, learningRate: 0.5, loss: 'bce', seed: 1, tape });
      expect(canShowOutput(tape as unknown as TapeData)).toBe(true);
      const x = Float64Array.from({ length: 20 }, (_, i) => Math.sin(i) * 1.5);
      for (const i of [0, 2, tape.count - 1]) {
        const expected = corePredict(restoreSnapshot(mlp([2, 6, 6, 1], { activation, output: 'sigmoid' }), tape, i), x);
        const got = predict(tape as unknown as TapeData, i, x);
        got.forEach((v, k) => expect(v).toBeCloseTo(expected[k], 5));
      }
    }
  });

  it('keys the gradient chart’s colour ramp by its two ends: the first and the last layer in the legend, no other', () => {
    const { tape } = xorRun();
    const { traces, layout } = gradientFigure({ name: 'a', tape }, 3);
    expect(layout?.showlegend).toBe(true);
    const inLegend = traces.filter((trace) => trace.name !== undefined && trace.showlegend !== false).map((trace) => trace.name);
    expect(inLegend).toEqual([mathsTapeText('tmGradLayer', { layer: 1 }), mathsTapeText('tmGradLayer', { layer: 3 })]);
    // Every layer still has its line (and its dot at the snapshot shown).
    expect(traces.filter((trace) => trace.mode === 'lines+markers')).toHaveLength(3);
    expect(gradientFigure({ name: 'a', tape }, 3).mark?.points).toHaveLength(3);
  });

  it('moves only the mark from snapshot to snapshot: the same line arrays, the dot a layout shape', () => {
    const { tape } = xorRun();
    const [a, b] = [gradientFigure({ name: 'a', tape }, 1), gradientFigure({ name: 'a', tape }, 5)];
    // The same arrays, so Plotly.react finds the data unchanged and redraws only the shapes.
    a.traces.forEach((trace, k) => expect(trace.y).toBe(b.traces[k].y));
    expect(a.mark).not.toEqual(b.mark);
    const { layout } = plotlyFigure(b, 400, 200);
    const shapes = layout.shapes as { xanchor: number; yanchor: number; xsizemode: string }[];
    expect(shapes).toHaveLength(3);
    expect(shapes[0].xanchor).toBe(b.mark!.points[0].x);
    expect(shapes[0].yanchor).toBe(b.mark!.points[0].y); // a data value, on the gradient chart's log axis too
    expect(shapes[0].xsizemode).toBe('pixel');
    // Control: a chart without a mark has no shapes.
    expect(plotlyFigure({ traces: b.traces, layout: b.layout }, 400, 200).layout.shapes).toBeUndefined();
  });

  it('a step-recorded tape is timed in steps, an epoch-recorded one in epochs', () => {
    const { tape } = xorRun();
    expect(timeAxis(tape)).toEqual({ unit: 'step', values: Array.from({ length: 13 }, (_, i) => i * 5) });
    const data = datasets.xor();
    const net = mlp([2, 4, 1], { seed: 1 });
    const byEpoch = record(net, data, { every: 3 });
    train(net, data, { epochs: 9, batchSize: 2, learningRate: 0.05, tape: byEpoch });
    expect(timeAxis(byEpoch as unknown as TapeData)).toEqual({ unit: 'epoch', values: [0, 3, 6, 9] });
  });

  it('puts the loss mark at the snapshot shown; a decision map of the XOR net’s output with the probe points on top', () => {
    const { tape } = xorRun();
    const loss = lossFigure([{ name: 'a', tape }], 4);
    expect(loss.mark?.points).toEqual([{ x: 20, y: tape.loss[4], color: PLOT_COLORS[0], size: 11 }]);
    const map = outputFigure({ name: 'a', tape }, tape.count - 1, mathsTapeText, 200, 5);
    expect(map.traces[0].type).toBe('heatmap');
    const z = map.traces[0].z as number[][];
    expect(z).toHaveLength(5);
    expect(z.flat().every((v) => v >= 0 && v <= 1)).toBe(true);
    expect((map.traces[2].x as number[]).length + (map.traces[3].x as number[]).length).toBe(4);
  });

  it('lists figures in the order the tapes ask for them: one loss chart for all, a diagram per tape within the edge budget', () => {
    const a = xorRun('relu').tape;
    const b = xorRun('sigmoid').tape;
    const shown = (id: string, tape: TapeData): ShownTape => ({
      id,
      name: id,
      tape,
      views: ['network', 'loss', 'output'],
      edges: 'weight',
    });
    const figures = tapeFigures([shown('r', a), shown('s', b)], 3, words);
    expect(figures.map((f) => f.key)).toEqual(['network:r', 'network:s', 'loss', 'output:r', 'output:s']);
    expect(figureKeys([shown('r', a), shown('s', b)])).toEqual(figures.map((f) => f.key)); // the cells the scrubber makes before drawing
    for (const f of figures.slice(0, 2)) expect(f.traces[0].network!.edgeValue.length).toBeLessThanOrEqual(200);
    expect(figures[0].summary).toContain('2-8-8-1');
    // Layers are worded by the deck (the tape says 'input', 'relu', 'linear'): input and output in the viewer's words, activations by name.
    expect(figures[0].traces[0].network!.layers.map((l) => l.name)).toEqual(['<tmLayerInput>', 'ReLU', 'ReLU', '<tmLayerOutput>']);
  });
});
