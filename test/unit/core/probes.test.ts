import { describe, expect, it } from 'vitest';
import {
  activationStats,
  datasets,
  deadFraction,
  deadUnits,
  DivergenceError,
  gradientNorms,
  lossAndGradients,
  mlp,
  sparsity,
  train,
} from '../../../src/core/index';

describe('probes', () => {
  it('sparsity counts exact zeros (±0) and nothing else', () => {
    expect(sparsity(Float32Array.from([0, -0, 1e-30, -2]))).toBe(0.5);
    expect(() => sparsity(new Float32Array(0))).toThrow(/at least one value/);
  });

  it('deadUnits marks a unit dead only if its pre-activation is ≤ 0 on every input', () => {
    const net = mlp([1, 3, 1], { dtype: 'float64' });
    net.layers[0].weights.set([1, -1, 0]);
    net.layers[0].bias.set([0, 0, -1]);
    expect(deadUnits(net, Float64Array.from([1, 2]))[0]).toEqual([false, true, true]);
    expect(deadUnits(net, Float64Array.from([1, -2]))[0]).toEqual([false, false, true]);
    expect(deadFraction(net, Float64Array.from([1, -2]))).toBeCloseTo(1 / 3, 15);
  });

  it('refuses to call a unit dead or alive when its pre-activation is NaN or infinite (a diverged net), naming layer and unit', () => {
    const net = mlp([1, 2, 1], { dtype: 'float64' });
    const x = Float64Array.from([1, -1]);
    expect(() => deadFraction(net, x)).not.toThrow(); // control: a finite net is measured
    net.layers[0].bias[1] = NaN;
    expect(() => deadUnits(net, x)).toThrow(/layer 1, unit 2 has the pre-activation NaN on input row 1: .*neither dead nor alive/);
    expect(() => deadFraction(net, x)).toThrow(/neither dead nor alive/);
    expect(() => activationStats(net, x)).toThrow(/neither dead nor alive/);
    net.layers[0].bias[1] = 0;
    net.layers[0].weights[0] = 1e308;
    net.layers[0].bias[0] = 1e308;
    expect(() => deadUnits(net, x)).toThrow(/layer 1, unit 1 has the pre-activation Infinity/);
  });

  it('activationStats reports per-layer mean, spread, sparsity and dead units', () => {
    const stats = activationStats(mlp([2, 8, 8, 1], { seed: 2 }), datasets.moons({ n: 64 }).x);
    expect(stats.map((s) => [s.layer, s.activation, s.units])).toEqual([
      [0, 'relu', 8],
      [1, 'relu', 8],
      [2, 'linear', 1],
    ]);
    for (const s of stats.slice(0, 2)) {
      expect(s.min).toBe(0);
      expect(s.sparsity).toBeGreaterThan(0);
      expect(s.std).toBeGreaterThan(0);
    }
  });

  it('gradientNorms gives the Frobenius norm of each layer’s dL/dW and dL/db', () => {
    const net = mlp([2, 4, 1], { activation: 'tanh', dtype: 'float64', seed: 3 });
    const { x, y } = datasets.blobs({ n: 20 });
    const norms = gradientNorms(net, x, y, 'mse');
    const g = lossAndGradients(net, x, y, 'mse').gradients;
    expect(norms).toHaveLength(2);
    expect(norms[0].weights).toBeCloseTo(Math.hypot(...g.weights[0]), 14);
    expect(norms[1].bias).toBeCloseTo(Math.hypot(...g.bias[1]), 14);
  });

  // papers.md check 5c: regress sin(3x) on 256 points, 1-64-64-1 ReLU, He init, zero biases,
  // minibatch SGD (batch 32, 20 epochs), and count hidden units dead on all 256 inputs.
  // papers.md saw 0.25–0.33 at lr 0.1 over its 5 seeds; with our generator single seeds spread
  // wider (0.19–0.40 over seeds 1–8), so the [0.2, 0.45] band is applied to the 5-seed mean.
  it('5c: a high learning rate kills units: dead(lr 0.1) > dead(lr 0.01) on every one of 5 seeds, and the mean dead(lr 0.1) is in [0.2, 0.45]', () => {
    const data = datasets.sine({ n: 256 });
    const highs: number[] = [];
    for (const seed of [1, 2, 3, 4, 5]) {
      const deadAfter = (learningRate: number) => {
        const net = mlp([1, 64, 64, 1], { seed });
        try {
          train(net, data, { learningRate, epochs: 20, batchSize: 32, seed });
        } catch (e) {
          // A NaN pre-activation would count as dead; papers.md says skip such runs.
          if (e instanceof DivergenceError) return NaN;
          throw e;
        }
        return deadFraction(net, data.x);
      };
      const low = deadAfter(0.01);
      const high = deadAfter(0.1);
      expect(high).toBeGreaterThan(low);
      highs.push(high);
    }
    const mean = highs.reduce((a, b) => a + b, 0) / highs.length;
    expect(mean).toBeGreaterThanOrEqual(0.2);
    expect(mean).toBeLessThanOrEqual(0.45);
  });
});
