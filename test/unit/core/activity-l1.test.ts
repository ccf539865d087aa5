// Issue 11.6: the activity L1 penalty λ·(1/rows)·Σ|a| on hidden activations (Glorot, Bordes &
// Bengio 2011 train with one; backprop.test.ts checks its gradient against central differences), and its
// effect: training with it makes a ReLU net much sparser than training without (papers.md 4b).
import { describe, expect, it } from 'vitest';
import { activationStats, activityL1Penalty, datasets, forward, lossAndGradients, mlp, train } from '../../../src/core/index';

const LAMBDA = 0.05;

describe('activityL1Penalty', () => {
  it('is λ·(1/rows)·Σ|a| over the hidden layers only (not the output)', () => {
    const net = mlp([2, 3, 1], { activation: 'tanh', dtype: 'float64', bias: 0.3, outputBias: 7 });
    const x = Float64Array.from([1, -2, 0.5, 0.25]);
    const t = forward(net, x);
    const expected = (LAMBDA * Array.from(t.a[0]).reduce((s, v) => s + Math.abs(v), 0)) / 2;
    expect(activityL1Penalty(t, LAMBDA)).toBeCloseTo(expected, 15);
    expect(activityL1Penalty(t, 0)).toBe(0);
  });
});

describe('lossAndGradients with activityL1 (its gradient is checked against finite differences in backprop.test.ts)', () => {
  it('differs from the unpenalised gradient (control: the check above would see a missing term)', () => {
    const net = mlp([2, 4, 1], { activation: 'tanh', dtype: 'float64', seed: 2 });
    const x = Float64Array.from([0.3, -1, 2, 0.5]);
    const y = Float64Array.from([1, 0]);
    const plain = lossAndGradients(net, x, y).gradients.weights[0];
    const withL1 = lossAndGradients(net, x, y, 'mse', { activityL1: LAMBDA }).gradients.weights[0];
    expect(Math.max(...withL1.map((g, i) => Math.abs(g - plain[i])))).toBeGreaterThan(1e-3);
  });

  it('rejects a negative or non-finite λ with a clear message', () => {
    const net = mlp([1, 2, 1]);
    const x = Float32Array.from([1]);
    expect(() => lossAndGradients(net, x, x, 'mse', { activityL1: -1 })).toThrow(/activityL1 must be a finite number ≥ 0, got -1/);
    expect(() => train(net, datasets.sine({ n: 4 }), { activityL1: NaN })).toThrow(
      /train: activityL1 must be a finite number ≥ 0, got NaN/,
    );
  });
});

describe('train with activityL1 (papers.md 4b: circles 200, 2-32-32-32-1, He, GD lr 0.3, 1000 steps)', () => {
  const zerosAfter = (lambda: number) => {
    const data = datasets.circles({ n: 200 });
    const net = mlp([2, 32, 32, 32, 1], { activation: 'relu' });
    const result = train(net, data, { epochs: 1000, learningRate: 0.3, loss: 'bce', activityL1: lambda });
    const share = activationStats(net, data.x)
      .slice(0, 3)
      .reduce((s, l) => s + l.sparsity / 3, 0);
    return { share, accuracy: result.accuracy };
  };

  it('λ = 0 leaves about half the activations at zero (≤ 0.55); λ = 0.001 raises it into [0.6, 0.8]; accuracy stays ≥ 0.95', () => {
    const plain = zerosAfter(0);
    const l1 = zerosAfter(0.001);
    expect(plain.share).toBeLessThanOrEqual(0.55);
    expect(l1.share).toBeGreaterThanOrEqual(0.6);
    expect(l1.share).toBeLessThanOrEqual(0.8);
    expect(plain.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(l1.accuracy).toBeGreaterThanOrEqual(0.95);
  });
});
