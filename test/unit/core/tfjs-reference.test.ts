// Agreement with a peer implementation: the same network, weights and batch in @tensorflow/tfjs
// (CPU backend, float32) must give the same outputs and gradients within 1e-5 relative.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  adam,
  cloneNetwork,
  createRng,
  elu,
  forward,
  leakyRelu,
  lossAndGradients,
  mlp,
  momentum,
  relu,
  sgd,
  sigmoid,
  silu,
  softplus,
  tanh,
  train,
  type Activation,
  type ActivationLike,
  type FloatArray,
  type LossName,
  type Network,
} from '../../../src/core/index';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const TF_ACT: Record<string, (x: tf.Tensor) => tf.Tensor> = {
  relu: (x) => tf.relu(x),
  leakyRelu: (x) => tf.leakyRelu(x, 0.01),
  sigmoid: (x) => tf.sigmoid(x),
  tanh: (x) => tf.tanh(x),
  elu: (x) => tf.elu(x),
  softplus: (x) => tf.softplus(x),
  silu: (x) => tf.mul(x, tf.sigmoid(x)),
  linear: (x) => x,
};

// Relative error, measured against the tensor's scale for entries that are (nearly) zero.
function maxRelErr(ours: ArrayLike<number>, theirs: ArrayLike<number>): number {
  expect(ours.length).toBe(theirs.length);
  let scale = 0;
  for (let i = 0; i < theirs.length; i++) scale = Math.max(scale, Math.abs(theirs[i]));
  let worst = 0;
  for (let i = 0; i < theirs.length; i++) {
    const denom = Math.max(Math.abs(ours[i]), Math.abs(theirs[i]), 1e-3 * scale, 1e-30);
    worst = Math.max(worst, Math.abs(ours[i] - theirs[i]) / denom);
  }
  return worst;
}

// ‖ours − theirs‖ / ‖theirs‖ over a whole tensor.
function normRelErr(ours: ArrayLike<number>, theirs: ArrayLike<number>): number {
  let d = 0;
  let t = 0;
  for (let i = 0; i < theirs.length; i++) {
    d += (ours[i] - theirs[i]) ** 2;
    t += theirs[i] ** 2;
  }
  return Math.sqrt(d / t);
}

describe('activations against tfjs', () => {
  const z = Float32Array.from({ length: 401 }, (_, i) => -8 + i * 0.04 + 0.001);
  it.each([relu, leakyRelu, sigmoid, tanh, elu, softplus, silu].map((a) => [a.name, a] as const))(
    '%s: values and derivatives agree within 1e-5 relative',
    (name, act: Activation) => {
      const x = tf.tensor1d(z);
      const theirs = TF_ACT[name](x).dataSync();
      const theirGrad = tf
        .grad((t: tf.Tensor) => TF_ACT[name](t).sum())(x)
        .dataSync();
      const ours = act.forward(z, new Float32Array(z.length));
      const ourGrad = act.backward(z, new Float32Array(z.length).fill(1), new Float32Array(z.length));
      expect(maxRelErr(ours, theirs)).toBeLessThanOrEqual(1e-5);
      // tfjs forms σ′ = y(1 − y) and tanh′ = 1 − y² from the float32 output y, which loses relative
      // precision in the tails (at x = 4, 1 − tanh² ≈ 1e-3 carries ~1e-4 relative rounding); we
      // evaluate in float64 and round once. So derivatives are compared where float32 can hold 1e-5.
      const core = (v: number) => Math.abs(v) <= 2;
      const keep = (a: ArrayLike<number>) => Array.from(a).filter((_, i) => core(z[i]));
      expect(maxRelErr(keep(ourGrad), keep(theirGrad))).toBeLessThanOrEqual(1e-5);
    },
  );
});

function tfLoss(loss: LossName, y: tf.Tensor, out: tf.Tensor): tf.Scalar {
  if (loss === 'mse') return tf.losses.meanSquaredError(y, out) as tf.Scalar;
  if (loss === 'bce') return tf.losses.sigmoidCrossEntropy(y, out) as tf.Scalar;
  return tf.losses.softmaxCrossEntropy(y, out) as tf.Scalar;
}

// The same MLP in tfjs: explicit variables holding our weights, so nothing else can differ.
function tfModel(net: Network, x: FloatArray, rows: number, readsLogits: boolean) {
  const vars = net.layers.flatMap((l) => [
    tf.variable(tf.tensor2d(Float32Array.from(l.weights), [l.inputSize, l.outputSize])),
    tf.variable(tf.tensor1d(Float32Array.from(l.bias))),
  ]);
  const input = tf.tensor2d(Float32Array.from(x), [rows, net.sizes[0]]);
  const run = () => {
    let a: tf.Tensor = input;
    net.layers.forEach((l, i) => {
      const z = tf.add(tf.matMul(a, vars[2 * i]), vars[2 * i + 1]);
      a = readsLogits && i === net.layers.length - 1 ? z : TF_ACT[l.activation.name](z);
    });
    return a;
  };
  return { vars, run };
}

const cases: { loss: LossName; hidden: ActivationLike[]; output: ActivationLike }[] = [
  { loss: 'mse', hidden: ['relu', 'tanh'], output: 'linear' },
  { loss: 'mse', hidden: ['leakyRelu', 'elu'], output: 'sigmoid' },
  { loss: 'bce', hidden: ['relu', 'relu'], output: 'sigmoid' },
  { loss: 'softmaxCrossEntropy', hidden: ['softplus', 'silu'], output: 'linear' },
];

describe('a whole network against tfjs', () => {
  it.each(cases.map((c) => [c.loss, `${c.hidden.join('/')} → ${String(c.output)}`, c] as const))(
    '%s, %s: forward outputs, loss and every gradient agree within 1e-5 relative',
    (_l, _a, c) => {
      const net = mlp([4, 6, 5, 3], { activation: c.hidden, output: c.output, seed: 11, bias: 'glorotNormal', outputBias: 0.05 });
      const rows = 8;
      const rng = createRng(12);
      const x = Float32Array.from({ length: rows * 4 }, () => rng.normal());
      const y = Float32Array.from({ length: rows * 3 }, (_, i) =>
        c.loss === 'softmaxCrossEntropy'
          ? i % 3 === (Math.floor(i / 3) * 7) % 3
            ? 1
            : 0
          : c.loss === 'bce'
            ? rng.uniform() < 0.5
              ? 1
              : 0
            : rng.normal(),
      );
      const readsLogits = c.loss !== 'mse';
      const { vars, run } = tfModel(net, x, rows, readsLogits);
      const yt = tf.tensor2d(y, [rows, 3]);

      const L = net.layers.length - 1;
      const trace = forward(net, x);
      const ourOut = readsLogits ? trace.z[L] : trace.a[L];
      expect(maxRelErr(ourOut, run().dataSync())).toBeLessThanOrEqual(1e-5);

      const { value, grads } = tf.variableGrads(() => tfLoss(c.loss, yt, run()), vars);
      const ours = lossAndGradients(net, x, y, c.loss);
      expect(maxRelErr([ours.loss], value.dataSync())).toBeLessThanOrEqual(1e-5);
      net.layers.forEach((_layer, l) => {
        expect(maxRelErr(ours.gradients.weights[l], grads[vars[2 * l].name].dataSync())).toBeLessThanOrEqual(1e-5);
        expect(maxRelErr(ours.gradients.bias[l], grads[vars[2 * l + 1].name].dataSync())).toBeLessThanOrEqual(1e-5);
      });
      tf.dispose([...vars, yt, value, ...Object.values(grads)]);
    },
  );
});

describe('optimisers against tfjs', () => {
  it.each([
    ['sgd', () => sgd(0.1), () => tf.train.sgd(0.1)],
    ['momentum', () => momentum(0.05, 0.9), () => tf.train.momentum(0.05, 0.9)],
    ['adam', () => adam(0.01), () => tf.train.adam(0.01, 0.9, 0.999, 1e-8)],
  ] as const)('%s: 20 full-batch steps leave the same weights within 1e-5 relative', (name, ours, theirs) => {
    const net = mlp([4, 6, 5, 3], { activation: 'tanh', seed: 21 });
    const rows = 8;
    const rng = createRng(22);
    const x = Float32Array.from({ length: rows * 4 }, () => rng.normal());
    const y = Float32Array.from({ length: rows * 3 }, () => rng.normal());
    const { vars, run } = tfModel(cloneNetwork(net), x, rows, false);
    const yt = tf.tensor2d(y, [rows, 3]);
    const opt = theirs();
    for (let s = 0; s < 20; s++) opt.minimize(() => tfLoss('mse', yt, run()), false, vars);
    train(net, { x, y, n: rows, inputSize: 4, outputSize: 3 }, { optimizer: ours(), epochs: 20 });
    // Adam divides each gradient by its own running size, so an entry whose float32 gradient is
    // nearly zero (cancellation over the batch) gets a step that float32 noise can tilt; compare
    // Adam's weights as whole tensors (‖Δ‖/‖w‖), SGD and momentum element by element.
    const err = name === 'adam' ? normRelErr : maxRelErr;
    net.layers.forEach((layer, l) => {
      expect(err(layer.weights, vars[2 * l].dataSync())).toBeLessThanOrEqual(1e-5);
      expect(err(layer.bias, vars[2 * l + 1].dataSync())).toBeLessThanOrEqual(1e-5);
    });
    tf.dispose([...vars, yt]);
    opt.dispose();
  });
});
