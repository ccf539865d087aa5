// The published checks of ../shared/research/papers.md that the core can run in a few seconds,
// with the expected values and tolerances given there (check numbers in the test names).
import { describe, expect, it } from 'vitest';
import {
  activationStats,
  createRng,
  datasets,
  deadUnits,
  forward,
  lossAndGradients,
  makeLeakyRelu,
  mlp,
  monteCarlo,
  predict,
  reinitialize,
  relu,
  summarize,
  train,
  type ActivationLike,
  type FloatArray,
  type InitializerLike,
  type Network,
} from '../../../src/core/index';

const gaussianBatch = (seed: number, rows: number, width: number) => {
  const rng = createRng(seed);
  return Float64Array.from({ length: rows * width }, () => rng.normal());
};
const seeds = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

function mseOn(net: Network, x: FloatArray, y: FloatArray): number {
  const out = predict(net, x);
  let s = 0;
  for (let i = 0; i < out.length; i++) s += (out[i] - y[i]) ** 2;
  return s / out.length;
}

describe('claim 1: without a nonlinearity, stacked linear layers collapse to one affine map', () => {
  it('1a: a 4→8→8→3 linear stack equals its product map (max |Δ| < 1e-12 in float64, < 1e-4 in float32)', () => {
    for (const [dtype, tol] of [
      ['float64', 1e-12],
      ['float32', 1e-4],
    ] as const) {
      const net = mlp([4, 8, 8, 3], { activation: 'linear', bias: 'glorotNormal', outputBias: 'glorotNormal', dtype, seed: 2 });
      // x·W₁·W₂·W₃ + (b₁·W₂·W₃ + b₂·W₃ + b₃), in float64 from the network's own numbers.
      const [l1, l2, l3] = net.layers;
      const mul = (a: ArrayLike<number>, b: ArrayLike<number>, m: number, k: number, n: number) => {
        const c = new Float64Array(m * n);
        for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) c[i * n + j] += a[i * k + p] * b[p * n + j];
        return c;
      };
      const W = mul(mul(l1.weights, l2.weights, 4, 8, 8), l3.weights, 4, 8, 3);
      const b = mul(mul(l1.bias, l2.weights, 1, 8, 8), l3.weights, 1, 8, 3).map(
        (v, j) => v + mul(l2.bias, l3.weights, 1, 8, 3)[j] + l3.bias[j],
      );
      const x = gaussianBatch(3, 100, 4);
      const stack = predict(net, dtype === 'float32' ? Float32Array.from(x) : x);
      const single = mul(x, W, 100, 4, 3).map((v, i) => v + b[i % 3]);
      let worst = 0;
      for (let i = 0; i < single.length; i++) worst = Math.max(worst, Math.abs(stack[i] - single[i]));
      expect(worst).toBeLessThan(tol);
    }
  });

  const xor = datasets.xor();
  const fit = (sizes: number[], activation: ActivationLike, seed: number, init?: InitializerLike) => {
    const net = mlp(sizes, { activation, seed, dtype: 'float64', ...(init ? { init } : {}) });
    train(net, xor, { epochs: 2000, learningRate: 0.05, loss: 'mse' });
    return mseOn(net, xor.x, xor.y);
  };

  it('1b: a deep linear 2-8-8-1 net (Xavier) ends at MSE 0.25 ± 1e-3 on every one of 20 seeds', () => {
    for (const s of seeds(20)) expect(Math.abs(fit([2, 8, 8, 1], 'linear', s, 'glorotNormal') - 0.25)).toBeLessThanOrEqual(1e-3);
  });

  it('1b: ReLU 2-8-1 (He) solves XOR (MSE < 0.01) on ≥ 18/20 seeds, ReLU 2-8-8-1 on ≥ 15/20', () => {
    const solved = (sizes: number[]) => seeds(20).filter((s) => fit(sizes, 'relu', s, 'heNormal') < 0.01).length;
    expect(solved([2, 8, 1])).toBeGreaterThanOrEqual(18);
    expect(solved([2, 8, 8, 1])).toBeGreaterThanOrEqual(15);
  });

  it("1c: Goodfellow et al.'s hand-set 2-2-1 ReLU net outputs exactly [0, 1, 1, 0]", () => {
    const net = mlp([2, 2, 1], { dtype: 'float64' });
    net.layers[0].weights.set([1, 1, 1, 1]);
    net.layers[0].bias.set([0, -1]);
    net.layers[1].weights.set([1, -2]);
    net.layers[1].bias.set([0]);
    expect([...predict(net, xor.x)]).toEqual([0, 1, 1, 0]);
  });

  it('1c: the same 2-2-1 net trained from He init solves XOR on only 4–11 of 20 seeds', () => {
    const solved = seeds(20).filter((s) => fit([2, 2, 1], 'relu', s, 'heNormal') < 0.01).length;
    expect(solved).toBeGreaterThanOrEqual(4);
    expect(solved).toBeLessThanOrEqual(11);
  });
});

// log₁₀ of ‖dL/dW₁‖ / ‖dL/dW_D‖: first vs last hidden layer, at initialisation, zero biases.
function log10GradientRatio(depth: number, width: number, activation: ActivationLike, init: InitializerLike, seed: number): number {
  const net = mlp([width, ...Array(depth).fill(width), 1], { activation, init, seed, dtype: 'float64' });
  const x = gaussianBatch(1000 + seed, 128, width);
  const y = gaussianBatch(2000 + seed, 128, 1);
  const g = lossAndGradients(net, x, y, 'mse').gradients.weights;
  const norm = (a: FloatArray) => Math.hypot(...a);
  return Math.log10(norm(g[0]) / norm(g[depth - 1]));
}

describe('claim 3: sigmoid gradients vanish with depth, ReLU + He keeps them', () => {
  const meanLog = (d: number, w: number, a: ActivationLike, i: InitializerLike) =>
    summarize(seeds(10).map((s) => log10GradientRatio(d, w, a, i, s))).mean;

  it('3b: at depth 10, width 32, first/last gradient ratio: sigmoid + Glorot ~1e-7–1e-5 (papers: log₁₀ −6.1), ReLU + He ~0.1–1', () => {
    const sig = meanLog(10, 32, 'sigmoid', 'glorotNormal');
    const rel = meanLog(10, 32, 'relu', 'heNormal');
    expect(sig).toBeGreaterThanOrEqual(-7.5);
    expect(sig).toBeLessThanOrEqual(-4.5);
    expect(rel).toBeGreaterThanOrEqual(-1.5);
    expect(rel).toBeLessThanOrEqual(0.7);
  });

  it('3b: at depth 20, width 64: sigmoid + Xavier log₁₀ ratio in [−14, −9], tanh + Xavier in [−1, 1], ReLU + He in [−1.5, 0.7]', () => {
    const sig = meanLog(20, 64, 'sigmoid', 'glorotNormal');
    expect(sig).toBeGreaterThanOrEqual(-14);
    expect(sig).toBeLessThanOrEqual(-9);
    const th = meanLog(20, 64, 'tanh', 'glorotNormal');
    expect(Math.abs(th)).toBeLessThanOrEqual(1);
    const rel = meanLog(20, 64, 'relu', 'heNormal');
    expect(rel).toBeGreaterThanOrEqual(-1.5);
    expect(rel).toBeLessThanOrEqual(0.7);
  });

  it("3c: He et al.'s identity: same draws, Xavier/He ratio of rms(z₃₀)/rms(z₁) is exactly 2^−14.5 (±1e-9 in log₂); bands Xavier [−17.5, −13], He [−3, 1]", () => {
    const log2Growth = (init: InitializerLike, seed: number) => {
      const net = mlp([100, ...Array(30).fill(100), 1], { activation: 'relu', init, seed, dtype: 'float64' });
      const stats = activationStats(net, gaussianBatch(seed + 50, 64, 100));
      return Math.log2(stats[29].zRms / stats[0].zRms);
    };
    const xav: number[] = [];
    const he: number[] = [];
    for (const s of seeds(8)) {
      xav.push(log2Growth('glorotNormal', s));
      he.push(log2Growth('heNormal', s));
      expect(Math.abs(xav.at(-1)! - he.at(-1)! + 14.5)).toBeLessThanOrEqual(1e-9);
    }
    const mx = summarize(xav).mean;
    const mh = summarize(he).mean;
    expect(mx).toBeGreaterThanOrEqual(-17.5);
    expect(mx).toBeLessThanOrEqual(-13);
    expect(mh).toBeGreaterThanOrEqual(-3);
    expect(mh).toBeLessThanOrEqual(1);
  });
});

describe('claim 4: about half of ReLU activations are exactly zero at initialisation', () => {
  it('4a: 20 → 5×100 He net on 1000 Gaussian inputs: layer 1 at 0.50 ± 0.01 per seed, every layer 0.50 ± 0.03 on average, ± 0.10 per seed', () => {
    const perSeed = seeds(20).map((s) => {
      const net = mlp([20, 100, 100, 100, 100, 100, 1], { activation: 'relu', init: 'heNormal', seed: s, dtype: 'float64' });
      return activationStats(net, gaussianBatch(s + 100, 1000, 20))
        .slice(0, 5)
        .map((l) => l.sparsity);
    });
    for (const layers of perSeed) {
      expect(Math.abs(layers[0] - 0.5)).toBeLessThanOrEqual(0.01);
      for (const z of layers.slice(1)) expect(Math.abs(z - 0.5)).toBeLessThanOrEqual(0.1);
    }
    for (let l = 0; l < 5; l++) expect(Math.abs(summarize(perSeed.map((p) => p[l])).mean - 0.5)).toBeLessThanOrEqual(0.03);
    const sigmoidNet = mlp([20, 100, 1], { activation: 'sigmoid', seed: 1 });
    expect(activationStats(sigmoidNet, gaussianBatch(9, 100, 20))[0].sparsity).toBe(0);
  });
});

describe('claim 5: dying ReLU', () => {
  // Bias-free ReLU nets with one input are positively homogeneous: x = +1 and x = −1 decide everything.
  const bornDead = (width: number, depth: number) => {
    const net = mlp([1, ...Array(depth).fill(width), 1], { activation: 'relu', dtype: 'float64' });
    const x = Float64Array.from([1, -1]);
    const trace = forward(net, x);
    return monteCarlo(
      20000,
      (rng) => {
        forward(reinitialize(net, { rng }), x, trace);
        const a = trace.a[depth - 1];
        const deadAt = (row: number) => a.subarray(row * width, (row + 1) * width).every((v) => v === 0);
        return { plus: deadAt(0), both: deadAt(0) && deadAt(1) };
      },
      7,
    );
  };

  it('5a: width 2, depth 10 is born dead with probability 0.910 ± 0.015 (dead at x = +1: 0.9437 ± 0.01)', () => {
    const runs = bornDead(2, 10);
    expect(Math.abs(summarize(runs.map((r) => r.both)).mean - 0.91)).toBeLessThanOrEqual(0.015);
    expect(Math.abs(summarize(runs.map((r) => r.plus)).mean - (1 - (1 - 2 ** -2) ** 10))).toBeLessThanOrEqual(0.01);
  });

  it('5a: width 5, depth 20 is born dead with probability 0.377 ± 0.015 (dead at x = +1: 0.4701 ± 0.015)', () => {
    const runs = bornDead(5, 20);
    expect(Math.abs(summarize(runs.map((r) => r.both)).mean - 0.377)).toBeLessThanOrEqual(0.015);
    expect(Math.abs(summarize(runs.map((r) => r.plus)).mean - 0.4701)).toBeLessThanOrEqual(0.015);
  });

  // One unit y = f(w·x + b), w = (0.5, −0.3), b = −5: pre-activation in [−5.8, −4.2] on all 64 inputs.
  const singleUnit = (activation: ActivationLike) => {
    const rng = createRng(5);
    const x = Float64Array.from({ length: 128 }, () => rng.uniform(-1, 1));
    const data = { x, y: new Float64Array(64).fill(1), n: 64, inputSize: 2, outputSize: 1 };
    const net = mlp([2, 1], { output: activation, dtype: 'float64' });
    net.layers[0].weights.set([0.5, -0.3]);
    net.layers[0].bias.set([-5]);
    let firstActive = 0;
    const result = train(net, data, {
      epochs: 2000,
      learningRate: 0.5,
      loss: 'mse',
      onStep: ({ step }) => {
        if (!firstActive && !deadUnits(net, x)[0][0]) firstActive = step;
      },
    });
    return { net, firstActive, finalLoss: mseOn(net, x, data.y), result };
  };

  it('5b: a dead ReLU unit never moves: loss exactly 1 and w, b bit-identical after 2000 steps', () => {
    const { net, firstActive, finalLoss, result } = singleUnit(relu);
    expect(firstActive).toBe(0);
    expect(finalLoss).toBe(1);
    expect(result.history.loss.every((l) => l === 1)).toBe(true);
    expect([...net.layers[0].weights]).toEqual([0.5, -0.3]);
    expect(net.layers[0].bias[0]).toBe(-5);
  });

  it('5b: Leaky ReLU 0.01 reactivates between steps 350 and 500 and reaches loss < 1e-6; Leaky 0.1 by step 50', () => {
    const leaky = singleUnit('leakyRelu');
    expect(leaky.firstActive).toBeGreaterThanOrEqual(350);
    expect(leaky.firstActive).toBeLessThanOrEqual(500);
    expect(leaky.finalLoss).toBeLessThan(1e-6);
    const leaky10 = singleUnit(makeLeakyRelu(0.1));
    expect(leaky10.firstActive).toBeGreaterThan(0);
    expect(leaky10.firstActive).toBeLessThanOrEqual(50);
  });
});
