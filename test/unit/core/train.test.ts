import { describe, expect, it } from 'vitest';
import {
  adam,
  cloneNetwork,
  parameters,
  stepsTrained,
  datasets,
  describe as describeNet,
  DivergenceError,
  forward,
  grid,
  mlp,
  momentum,
  monteCarlo,
  parameterCount,
  predict,
  predictGrid,
  sgd,
  summarize,
  toDataset,
  train,
  type EpochInfo,
  type StepInfo,
} from '../../../src/core/index';

describe('train', () => {
  it('is reproducible: same seeds twice give an identical loss history, bit for bit', () => {
    const run = () => {
      const net = mlp([2, 8, 8, 1], { output: 'sigmoid', seed: 3 });
      const losses: number[] = [];
      train(net, datasets.moons({ n: 200, seed: 4 }), {
        loss: 'bce',
        optimizer: adam(0.01),
        epochs: 5,
        batchSize: 16,
        seed: 5,
        onStep: (s) => losses.push(s.loss),
      });
      return losses;
    };
    const a = run();
    expect(a).toHaveLength(5 * 13);
    expect(run()).toEqual(a);
  });

  it('shuffles from its seed: a different seed gives a different history', () => {
    const run = (seed: number) => {
      const net = mlp([2, 8, 1], { output: 'sigmoid', seed: 3 });
      return train(net, datasets.moons({ n: 100, seed: 4 }), { loss: 'bce', epochs: 3, batchSize: 10, seed }).history.loss;
    };
    expect(run(1)).not.toEqual(run(2));
  });

  it.each([
    ['sgd', sgd(0.1)],
    ['momentum', momentum(0.05)],
    ['adam', adam(0.01)],
  ] as const)('learns two moons with %s to ≥ 97% training accuracy', (_name, optimizer) => {
    const data = datasets.moons({ n: 300, seed: 2 });
    const net = mlp([2, 16, 16, 1], { output: 'sigmoid', seed: 1 });
    const r = train(net, data, { loss: 'bce', optimizer, epochs: 60, batchSize: 32 });
    expect(r.accuracy).toBeGreaterThanOrEqual(0.97);
    expect(r.history.loss.at(-1)!).toBeLessThan(r.history.loss[0]);
  });

  it('classifies three spiral arms with softmax cross-entropy', () => {
    const data = datasets.spiral({ n: 300, classes: 3, seed: 1 });
    expect(data.outputSize).toBe(3);
    const net = mlp([2, 32, 32, 3], { seed: 2 });
    const r = train(net, data, { loss: 'softmaxCrossEntropy', optimizer: adam(0.01), epochs: 150, batchSize: 32 });
    expect(r.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('fits sin(3x) with MSE', () => {
    const data = datasets.sine({ n: 128 });
    const net = mlp([1, 32, 32, 1], { seed: 1 });
    const r = train(net, data, { optimizer: adam(0.01), epochs: 200, batchSize: 32 });
    expect(r.loss).toBeLessThan(0.01);
  });

  it('calls onStep after every step and onEpoch after every epoch, with loss and accuracy', () => {
    const steps: StepInfo[] = [];
    const epochs: EpochInfo[] = [];
    const net = mlp([2, 4, 1], { output: 'sigmoid' });
    train(net, datasets.blobs({ n: 50 }), {
      loss: 'bce',
      epochs: 3,
      batchSize: 20,
      onStep: (s) => steps.push(s),
      onEpoch: (e) => epochs.push(e),
    });
    expect(steps.map((s) => [s.step, s.epoch])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 2],
      [5, 2],
      [6, 2],
      [7, 3],
      [8, 3],
      [9, 3],
    ]);
    expect(epochs.map((e) => [e.epoch, e.step])).toEqual([
      [1, 3],
      [2, 6],
      [3, 9],
    ]);
    for (const s of steps) expect(s.accuracy).toBeGreaterThanOrEqual(0);
    expect(epochs[0].accuracy).toBeGreaterThanOrEqual(0);
  });

  it('can be stopped from a callback or by an abort signal', () => {
    const net = mlp([2, 4, 1]);
    const data = datasets.xor();
    const r = train(net, data, { epochs: 100, onEpoch: ({ epoch, stop }) => epoch === 7 && stop() });
    expect([r.epochs, r.stopped]).toEqual([7, true]);
    const r2 = train(net, data, { epochs: 100, batchSize: 1, onStep: ({ step, stop }) => step === 3 && stop() });
    expect([r2.steps, r2.stopped]).toEqual([3, true]);
    const controller = new AbortController();
    let calls = 0;
    const r3 = train(net, data, { epochs: 100, signal: controller.signal, onEpoch: () => ++calls === 2 && controller.abort() });
    expect([r3.epochs, r3.stopped]).toEqual([2, true]);
  });

  it('reports divergence as a DivergenceError naming the step, instead of training on NaN', () => {
    const net = mlp([1, 16, 1], { seed: 1 });
    let err: unknown;
    const seen: number[] = [];
    try {
      train(net, datasets.sine({ n: 64 }), { learningRate: 50, epochs: 100, onStep: (s) => seen.push(s.loss) });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DivergenceError);
    const d = err as DivergenceError;
    expect(d.step).toBe(seen.length + 1);
    expect(seen.every(Number.isFinite)).toBe(true);
    expect(d.message).toMatch(
      new RegExp(
        `Training diverged at step ${d.step} \\(epoch ${d.epoch}\\): the loss became (NaN|Infinity).*smaller learning rate than 50`,
      ),
    );
  });

  it('never returns with non-finite weights: an overflow in the last update of a call throws, naming that step (issue 11.9)', () => {
    const data = datasets.sine({ n: 64 });
    const causes: string[] = [];
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const net = mlp([1, 16, 16, 1], { seed });
      try {
        for (let call = 0; call < 5; call++) {
          train(net, data, { learningRate: 4, epochs: 4 });
          // Whatever train() hands back must be a usable network.
          expect(parameters(net).every((p) => p.every(Number.isFinite))).toBe(true);
        }
      } catch (e) {
        expect(e).toBeInstanceOf(DivergenceError);
        const d = e as DivergenceError;
        expect(d.step).toBe(stepsTrained(net));
        causes.push(d.cause);
        if (d.cause === 'weights') expect(d.message).toMatch(/its update left non-finite weights \(the loss before it was [\d.e+]+\)/);
      }
    }
    // The runs include both kinds (a control that the check above sees the last-update case).
    expect(causes).toContain('weights');
    expect(causes).toContain('loss');
  });

  it('numbers steps across train() calls on the same network, so a divergence names the real step', () => {
    const data = datasets.sine({ n: 64 });
    const net = mlp([1, 16, 1], { seed: 1 });
    train(net, data, { learningRate: 0.01, epochs: 30 });
    train(net, data, { learningRate: 0.01, epochs: 20 });
    expect(stepsTrained(net)).toBe(50);
    expect(stepsTrained(cloneNetwork(net))).toBe(0);
    let err: DivergenceError | undefined;
    try {
      train(net, data, { learningRate: 50, epochs: 100 });
    } catch (e) {
      err = e as DivergenceError;
    }
    expect(err).toBeInstanceOf(DivergenceError);
    expect(err!.step).toBeGreaterThan(50);
    expect(err!.message).toContain(`at step ${err!.step} `);
  });

  it('rejects mismatched shapes, NaN data, empty data and bad options with messages saying what was expected', () => {
    const net = mlp([2, 4, 1]);
    expect(() => train(net, datasets.sine({ n: 8 }))).toThrow(/maps 2 inputs to 1 outputs, but the data has 1 inputs and 1 targets/);
    expect(() => train(net, toDataset([[0, NaN]], [1]))).toThrow(/inputs x contain NaN at index 1; expected finite numbers/);
    expect(() => train(net, toDataset([[0, 1]], [Infinity]))).toThrow(/targets y contain Infinity at index 0/);
    expect(() => train(net, { x: new Float32Array(0), y: new Float32Array(0), n: 0, inputSize: 2, outputSize: 1 })).toThrow(
      /at least one example, got n = 0/,
    );
    expect(() => train(net, { x: new Float32Array(3), y: new Float32Array(2), n: 2, inputSize: 2, outputSize: 1 })).toThrow(
      /x has 3 values, expected n × inputSize = 2 × 2/,
    );
    expect(() => train(net, datasets.xor(), { batchSize: 0 })).toThrow(/batchSize must be a whole number ≥ 1/);
    expect(() => train(net, datasets.xor(), { epochs: 1.5 })).toThrow(/epochs must be a whole number/);
    expect(() => train(net, datasets.xor(), { loss: 'hinge' as 'mse' })).toThrow(/Known losses: mse, bce, softmaxCrossEntropy/);
    expect(() => sgd(-1)).toThrow(/positive learning rate/);
  });
});

describe('forward and predict', () => {
  it('reject a batch whose width does not match the network, or an empty batch, or NaN inputs', () => {
    const net = mlp([3, 4, 2]);
    expect(() => predict(net, new Float32Array(7))).toThrow(/expects rows of 3 inputs, but got 7 values/);
    expect(() => predict(net, new Float32Array(0))).toThrow(/batch is empty/);
    expect(() => predict(net, Float32Array.from([1, NaN, 2]))).toThrow(/contain NaN at index 1/);
    expect(() => predict(net, [1, 2, 3] as unknown as Float32Array)).toThrow(/Float32Array or Float64Array/);
  });
  it('return rows × outputs values and keep every layer in the trace', () => {
    const net = mlp([3, 4, 2]);
    const t = forward(net, new Float32Array(9));
    expect([t.rows, t.z.length, t.a[1].length]).toEqual([3, 2, 6]);
  });
});

describe('mlp', () => {
  it('builds any depth with per-layer activations and the requested precision', () => {
    const net = mlp([2, 3, 4, 5, 1], { activation: ['relu', 'tanh', 'leakyRelu'], output: 'sigmoid', dtype: 'float64' });
    expect(net.layers.map((l) => l.activation.name)).toEqual(['relu', 'tanh', 'leakyRelu', 'sigmoid']);
    expect(net.layers[1].weights).toBeInstanceOf(Float64Array);
    expect(parameterCount(net)).toBe(2 * 3 + 3 + 3 * 4 + 4 + 4 * 5 + 5 + 5 + 1);
  });
  it('sets a deliberately bad bias (every hidden bias −5) and He weights with variance 2/fan_in', () => {
    const net = mlp([400, 400, 1], { bias: -5, seed: 2 });
    expect([...net.layers[0].bias].every((b) => b === -5)).toBe(true);
    expect(net.layers[1].bias[0]).toBe(0);
    const w = net.layers[0].weights;
    const variance = Array.from(w).reduce((s, v) => s + v * v, 0) / w.length;
    expect(variance).toBeCloseTo(2 / 400, 4);
  });
  it('rejects bad sizes, unknown names and mismatched activation lists', () => {
    expect(() => mlp([2])).toThrow(/at least an input and an output width/);
    expect(() => mlp([2, 0, 1])).toThrow(/width 1 must be a positive integer, got 0/);
    expect(() => mlp([2, 3, 1], { activation: 'rectifier' as 'relu' })).toThrow(/Known activations: relu/);
    expect(() => mlp([2, 3, 1], { init: 'kaiming' as 'he' })).toThrow(/Unknown initializer 'kaiming'\. Known initializers: heNormal/);
    expect(() => mlp([2, 3, 3, 1], { activation: ['relu'] })).toThrow(/2 hidden layers but 1 activations/);
  });
});

describe('describe', () => {
  it('prints the architecture an audience understands', () => {
    expect(describeNet(mlp([2, 16, 16, 1], { output: 'sigmoid' }))).toBe(
      [
        'MLP 2 → 16 → 16 → 1  (3 dense layers, 337 parameters, float32)',
        '  hidden 1  2 → 16      relu       W 2×16 + b 16 = 48 parameters',
        '  hidden 2  16 → 16     relu       W 16×16 + b 16 = 272 parameters',
        '  output    16 → 1      sigmoid    W 16×1 + b 1 = 17 parameters',
      ].join('\n'),
    );
  });
});

describe('datasets', () => {
  it.each([
    ['moons', () => datasets.moons({ n: 50, seed: 3 })],
    ['circles', () => datasets.circles({ n: 50, seed: 3 })],
    ['spiral', () => datasets.spiral({ n: 50, seed: 3 })],
    ['blobs', () => datasets.blobs({ n: 50, seed: 3 })],
    ['xor (noisy)', () => datasets.xor({ n: 50, seed: 3 })],
  ])('%s: n rows of 2 inputs and a 0/1 label, balanced, reproducible from the seed', (_name, make) => {
    const a = make();
    expect([a.n, a.inputSize, a.outputSize, a.x.length]).toEqual([50, 2, 1, 100]);
    expect([...a.y].every((v) => v === 0 || v === 1)).toBe(true);
    const ones = [...a.y].filter((v) => v === 1).length;
    expect(ones).toBeGreaterThan(10);
    expect(ones).toBeLessThan(40);
    expect(make()).toEqual(a);
  });
  it('circles follow papers.md: radius 0.5 for class 0 and 1.0 for class 1, jitter ±0.05, labels alternating', () => {
    const d = datasets.circles({ n: 100, seed: 1 });
    for (let i = 0; i < 100; i++) {
      const r = Math.hypot(d.x[2 * i], d.x[2 * i + 1]);
      expect(d.y[i]).toBe(i % 2);
      expect(Math.abs(r - (i % 2 ? 1 : 0.5))).toBeLessThanOrEqual(0.05);
    }
  });
  it('xor without n is the four points of Goodfellow et al. 6.1', () => {
    const d = datasets.xor();
    expect([...d.x]).toEqual([0, 0, 0, 1, 1, 0, 1, 1]);
    expect([...d.y]).toEqual([0, 1, 1, 0]);
  });
  it('grid + predictGrid give a heatmap matrix with one row per y', () => {
    const g = grid({ x: [-1, 1], y: [0, 2], resolution: 5 });
    expect(g.xs).toEqual([-1, -0.5, 0, 0.5, 1]);
    const net = mlp([2, 1], { dtype: 'float64' });
    net.layers[0].weights.set([1, 10]);
    const z = predictGrid(net, g);
    expect(z).toHaveLength(5);
    expect(z[4][0]).toBe(-1 + 10 * 2);
    expect(() => predictGrid(mlp([3, 1]), g)).toThrow(/must take 2 inputs/);
  });
  it('reject a bad n', () => {
    expect(() => datasets.moons({ n: -1 })).toThrow(/n must be a whole number ≥ 1, got -1/);
  });
});

describe('monteCarlo and summarize', () => {
  it('runs an experiment with independent seeded generators, reproducibly, and summarises booleans as probabilities', () => {
    const flips = () => monteCarlo(4000, (rng) => rng.uniform() < 0.25, 3);
    const a = flips();
    expect(flips()).toEqual(a);
    const s = summarize(a);
    expect(Math.abs(s.mean - 0.25)).toBeLessThan(5 * s.stderr);
    expect(summarize([1, 2, 3, 4])).toMatchObject({ count: 4, mean: 2.5, median: 2.5, min: 1, max: 4 });
  });
});
