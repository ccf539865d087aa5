import { describe, expect, it } from 'vitest';
import {
  activityL1Penalty,
  backward,
  bce,
  createRng,
  forward,
  getLoss,
  lossAndGradients,
  mlp,
  mse,
  softmaxCrossEntropy,
  train,
  toDataset,
  type ActivationLike,
  type FloatArray,
  type LossName,
  type Network,
} from '../../../src/core/index';

// Central-difference gradient of the batch loss (plus an optional activity L1 penalty) with respect to one parameter.
function numericalGradient(
  net: Network,
  x: FloatArray,
  y: FloatArray,
  loss: LossName,
  param: FloatArray,
  i: number,
  activityL1 = 0,
  h = 1e-6,
): number {
  const L = net.layers.length - 1;
  const value = () => {
    const t = forward(net, x);
    const l = getLoss(loss);
    return l.value(l.reads === 'logits' ? t.z[L] : t.a[L], y, t.rows) + activityL1Penalty(t, activityL1);
  };
  const keep = param[i];
  param[i] = keep + h;
  const up = value();
  param[i] = keep - h;
  const down = value();
  param[i] = keep;
  return (up - down) / (2 * h);
}

function randomBatch(seed: number, rows: number, width: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: rows * width }, () => rng.normal());
}

const cases: {
  loss: LossName;
  hidden: ActivationLike[];
  output: ActivationLike;
  targets: (rows: number, k: number) => Float64Array;
  /** λ of an activity L1 penalty on the hidden activations (issue 11.6), if any. */
  activityL1?: number;
}[] = [
  { loss: 'mse', hidden: ['tanh', 'relu'], output: 'linear', targets: (r, k) => randomBatch(12, r, k), activityL1: 0.05 },
  {
    loss: 'bce',
    hidden: ['relu', 'silu'],
    output: 'linear',
    targets: (r, k) => randomBatch(13, r, k).map((v) => (v > 0 ? 1 : 0)),
    activityL1: 0.1,
  },
  { loss: 'mse', hidden: ['tanh', 'gelu'], output: 'linear', targets: (r, k) => randomBatch(7, r, k) },
  { loss: 'mse', hidden: ['relu', 'softplus'], output: 'sigmoid', targets: (r, k) => randomBatch(8, r, k).map((v) => (v > 0 ? 1 : 0)) },
  { loss: 'mse', hidden: ['leakyRelu', 'elu'], output: 'tanh', targets: (r, k) => randomBatch(9, r, k).map(Math.tanh) },
  { loss: 'bce', hidden: ['silu', 'sigmoid'], output: 'sigmoid', targets: (r, k) => randomBatch(10, r, k).map((v) => (v > 0 ? 1 : 0)) },
  { loss: 'bce', hidden: ['relu', 'tanh'], output: 'linear', targets: (r, k) => randomBatch(11, r, k).map((v) => 1 / (1 + Math.exp(-v))) },
  {
    loss: 'softmaxCrossEntropy',
    hidden: ['tanh', 'relu'],
    output: 'linear',
    targets: (r, k) => Float64Array.from({ length: r * k }, (_, i) => (i % k === Math.floor(i / k) % k ? 1 : 0)),
  },
];

describe('backward (whole-network backprop)', () => {
  it.each(
    cases.map(
      (c) => [c.loss, `${c.hidden.join('/')} → ${String(c.output)}${c.activityL1 ? ` + activity L1 ${c.activityL1}` : ''}`, c] as const,
    ),
  )('%s, %s: every dL/dW and dL/db matches central differences (float64, rel err ≤ 1e-6)', (_l, _a, c) => {
    const net = mlp([3, 5, 4, 3], {
      activation: c.hidden,
      output: c.output,
      dtype: 'float64',
      seed: 3,
      bias: 'glorotNormal',
      outputBias: 0.1,
    });
    const rows = 6;
    const x = randomBatch(5, rows, 3);
    const y = c.targets(rows, 3);
    const { gradients } = lossAndGradients(net, x, y, c.loss, { activityL1: c.activityL1 });
    let worst = 0;
    let checked = 0;
    net.layers.forEach((layer, l) => {
      for (const [param, grad] of [
        [layer.weights, gradients.weights[l]],
        [layer.bias, gradients.bias[l]],
      ] as const) {
        for (let i = 0; i < param.length; i++) {
          const numeric = numericalGradient(net, x, y, c.loss, param, i, c.activityL1);
          // Central differences of an O(1) loss carry ~1e-10 absolute rounding noise (ε/h), so
          // gradients below 1e-4 are compared at that scale rather than their own.
          const err = Math.abs(grad[i] - numeric) / Math.max(Math.abs(grad[i]), Math.abs(numeric), 1e-4);
          worst = Math.max(worst, err);
          checked++;
        }
      }
    });
    expect(checked).toBe(3 * 5 + 5 + 5 * 4 + 4 + 4 * 3 + 3);
    expect(worst).toBeLessThanOrEqual(1e-6);
  });

  it('float32 gradients agree with float64 ones to float32 precision', () => {
    const n64 = mlp([2, 8, 1], { activation: 'tanh', dtype: 'float64', seed: 4 });
    const n32 = mlp([2, 8, 1], { activation: 'tanh', dtype: 'float32', seed: 4 });
    const x = randomBatch(1, 10, 2);
    const y = randomBatch(2, 10, 1);
    const g64 = lossAndGradients(n64, x, y, 'mse').gradients.weights[0];
    const g32 = lossAndGradients(n32, Float32Array.from(x), Float32Array.from(y), 'mse').gradients.weights[0];
    for (let i = 0; i < g64.length; i++) expect(g32[i]).toBeCloseTo(g64[i], 5);
  });

  it('matches the textbook gradient of a single linear unit under MSE: dL/dw = 2·mean((ŷ − t)·x)', () => {
    const net = mlp([1, 1], { dtype: 'float64', seed: 1 });
    net.layers[0].weights[0] = 2;
    net.layers[0].bias[0] = 0.5;
    const x = Float64Array.from([1, 2, 3]);
    const y = Float64Array.from([0, 0, 0]);
    const { loss, gradients } = lossAndGradients(net, x, y, mse);
    // ŷ = 2.5, 4.5, 6.5
    expect(loss).toBeCloseTo((2.5 ** 2 + 4.5 ** 2 + 6.5 ** 2) / 3, 12);
    expect(gradients.weights[0][0]).toBeCloseTo((2 * (2.5 * 1 + 4.5 * 2 + 6.5 * 3)) / 3, 12);
    expect(gradients.bias[0][0]).toBeCloseTo((2 * (2.5 + 4.5 + 6.5)) / 3, 12);
  });

  it('L2 weight decay adds λ·W to the weight gradients (checked through one SGD step)', () => {
    const a = mlp([2, 3, 1], { activation: 'tanh', dtype: 'float64', seed: 6 });
    const b = mlp([2, 3, 1], { activation: 'tanh', dtype: 'float64', seed: 6 });
    const data = toDataset(
      [
        [0.5, -1],
        [1, 2],
      ],
      [1, 0],
    );
    const w0 = a.layers[0].weights.slice();
    train(a, data, { epochs: 1, learningRate: 0.1 });
    train(b, data, { epochs: 1, learningRate: 0.1, l2: 0.5 });
    for (let i = 0; i < w0.length; i++) expect(b.layers[0].weights[i]).toBeCloseTo(a.layers[0].weights[i] - 0.1 * 0.5 * w0[i], 12);
  });
});

describe('losses', () => {
  it('bce from logits is finite and exact for huge logits (no log(0))', () => {
    const z = Float64Array.from([800, -800, 0]);
    const t = Float64Array.from([1, 0, 1]);
    expect(bce.value(z, t, 3)).toBeCloseTo(Math.log(2) / 3, 14);
    expect(bce.value(Float64Array.from([-800]), Float64Array.from([1]), 1)).toBe(800);
  });
  it('softmax cross-entropy of uniform logits is ln(classes)', () => {
    expect(softmaxCrossEntropy.value(new Float64Array(4), Float64Array.from([0, 0, 1, 0]), 1)).toBeCloseTo(Math.log(4), 14);
  });
  it('rejects an unknown loss name listing the known ones', () => {
    expect(() => getLoss('hinge')).toThrow(/Unknown loss 'hinge'\. Known losses: mse, bce, softmaxCrossEntropy/);
  });
  it('refuses a logit loss on an output activation that is not its link', () => {
    const net = mlp([2, 3, 1], { output: 'relu' });
    expect(() => lossAndGradients(net, new Float32Array(2), new Float32Array(1), 'bce')).toThrow(
      /output layer must be 'linear' or 'sigmoid', not 'relu'/,
    );
  });
  it('backward checks the gradient shape', () => {
    const net = mlp([2, 3, 1], { dtype: 'float64' });
    const t = forward(net, new Float64Array(4));
    expect(() => backward(net, t, new Float64Array(3))).toThrow(/expected rows × outputs = 2 × 1 = 2/);
  });
});
