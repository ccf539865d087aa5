// The canvas network view's scene (src/plot/network-canvas.ts): the shapes it paints are those of
// networkFigure's Plotly figure — every unit where Plotly put it, the dead crossed, colours on the
// same scale — and hover finds the unit under the pointer.
import { describe, expect, it } from 'vitest';
import { datasets, mlp, record, train } from '../../../src/core/index';
import { plotlyFigure } from '../../../src/plot/draw-plot';
import { sceneOf, unitAt, type SceneItem } from '../../../src/plot/network-canvas';
import { networkViewAt } from '../../../src/sandbox/network-view';
import type { NetworkView } from '../../../src/sandbox/protocol';

function deadReluView(): NetworkView {
  const data = datasets.sine({ n: 256 });
  const net = mlp([1, 20, 20, 1], { activation: 'relu', seed: 5 });
  const tape = record(net, data, { everySteps: 1, spacing: 'log', probe: datasets.sine({ n: 16 }) });
  train(net, data, { epochs: 2, batchSize: 32, learningRate: 0.2, seed: 5, tape });
  return networkViewAt(tape, tape.count - 1).traces[0].network as NetworkView;
}

const units = (scene: SceneItem[]) => scene.filter((item) => item.kind === 'unit');

describe('network canvas scene', () => {
  const view = deadReluView();
  const figure = plotlyFigure({ traces: [{ type: 'network', network: view }], layout: { title: 'ReLU' } }, 400, 240);
  const scene = sceneOf(figure as Parameters<typeof sceneOf>[0], 400, 240);

  it('has one marker per unit, the dead crossed in grey, and the title and layer labels', () => {
    expect(units(scene).length).toBe(1 + 20 + 20 + 1);
    const dead = view.layers.reduce((s, l) => s + (l.stuck ? Array.from(l.dead ?? []).filter((d) => d === 1).length : 0), 0);
    expect(dead).toBeGreaterThan(0);
    expect(units(scene).filter((u) => u.kind === 'unit' && u.symbol === 'circle-x').length).toBe(dead);
    const labels = scene.filter((item) => item.kind === 'label').map((item) => (item.kind === 'label' ? item.text : ''));
    expect(labels).toContain('ReLU');
    expect(labels.filter((text) => text.startsWith('‖∇W‖')).length).toBe(3);
  });

  it('puts each unit where Plotly would: inside the plot area, a layer in one column, top to bottom', () => {
    const margin = (figure.layout as { margin: { t: number; b: number } }).margin;
    for (const unit of units(scene)) {
      if (unit.kind !== 'unit') continue;
      expect(unit.x).toBeGreaterThan(0);
      expect(unit.x).toBeLessThan(400);
      expect(unit.y).toBeGreaterThanOrEqual(margin.t);
      expect(unit.y).toBeLessThanOrEqual(240 - margin.b);
    }
    const columns = new Set(units(scene).map((u) => (u.kind === 'unit' ? Math.round(u.x) : 0)));
    expect(columns.size).toBe(4);
  });

  it('colours living units on the reversed YlGnBu scale: the least active pale yellow, the most active navy', () => {
    // The first marker trace holds the living units, their mean activations as colours.
    const living = figure.data.find((trace: any) => trace.mode === 'markers') as { color?: number[]; marker: { color: number[] } };
    const means = living.marker.color;
    const painted = units(scene).slice(0, means.length);
    const fillOf = (i: number) => (painted[i].kind === 'unit' ? painted[i].fill : '');
    expect(fillOf(means.indexOf(Math.min(...means)))).toBe('rgb(255,255,217)');
    expect(fillOf(means.indexOf(Math.max(...means)))).toBe('rgb(8,29,88)');
  });

  it('hover finds the unit under the pointer and nothing in empty space', () => {
    const target = units(scene)[5];
    if (target.kind !== 'unit') throw new Error('not a unit');
    expect(unitAt(scene, target.x + 1, target.y)?.text).toBe(target.text);
    expect(target.text).toMatch(/z ∈ \[/);
    expect(unitAt(scene, 2, 2)).toBeUndefined();
  });
});
