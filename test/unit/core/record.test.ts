// record(): a training run's snapshots on a tape — deterministic, equal to the core's own probes
// at that moment, bounded with a clear message, and compact enough for the deck's demo nets.
import { describe, expect, it } from 'vitest';
import {
  activationStats,
  datasets,
  deadUnits,
  gradientNorms,
  mlp,
  record,
  restoreSnapshot,
  snapshotBytes,
  tapeBytes,
  tapeShape,
  TAPE_LAYER_STATS,
  train,
  type Tape,
} from '../../../src/core/index';

/** The dead-ReLU time-machine net: 2-16-16-1 ReLU on moons at a learning rate high enough to kill units. */
function deadReluRun(seed: number, epochs = 60) {
  const data = datasets.moons({ n: 128, seed: 3 });
  const net = mlp([2, 16, 16, 1], { activation: 'relu', output: 'sigmoid', seed });
  const tape = record(net, data, { every: 1 });
  train(net, data, { loss: 'bce', learningRate: 2, epochs, batchSize: 32, seed, tape });
  return { net, data, tape };
}

const arrays = (tape: Tape) =>
  Object.entries(tape)
    .filter(([, v]) => ArrayBuffer.isView(v))
    .map(([k, v]) => [k, Array.from(v as Float32Array)]);

describe('record', () => {
  it('keeps a snapshot before training and after every epoch, across train() calls', () => {
    const data = datasets.xor();
    const net = mlp([2, 4, 1], { seed: 2 });
    const tape = record(net, data, { every: 2 });
    train(net, data, { epochs: 4, tape });
    train(net, data, { epochs: 3, tape });
    expect(Array.from(tape.epoch)).toEqual([0, 2, 4, 6]);
    expect(Array.from(tape.step)).toEqual([0, 2, 4, 6]);
    expect(tape.count).toBe(4);
    expect(tape.loss.length).toBe(4);
    expect(tape.params.length).toBe(4 * tapeShape(net.sizes).parameters);
    expect(Number.isNaN(tape.trainLoss[0])).toBe(true);
    expect(tape.lossName).toBe('mse');
  });

  it('log spacing keeps a snapshot twice per doubling, of epochs or of every k steps', () => {
    const data = datasets.sine({ n: 64 });
    const byStep = mlp([1, 4, 1], { seed: 1 });
    const steps = record(byStep, data, { everySteps: 1, spacing: 'log' });
    train(byStep, data, { epochs: 13, batchSize: 8, tape: steps }); // 104 steps
    expect(Array.from(steps.step)).toEqual([0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96]);
    const byEpoch = mlp([1, 4, 1], { seed: 1 });
    const epochs = record(byEpoch, data, { every: 2, spacing: 'log' });
    train(byEpoch, data, { epochs: 20, tape: epochs });
    expect(Array.from(epochs.epoch)).toEqual([0, 2, 4, 6, 8, 12, 16]);
    // Control: even spacing (the default) over the same run keeps every k-th.
    const evenNet = mlp([1, 4, 1], { seed: 1 });
    const even = record(evenNet, data, { every: 2 });
    train(evenNet, data, { epochs: 20, tape: even });
    expect(Array.from(even.epoch)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(() => record(byStep, data, { spacing: 'linear' as never })).toThrow(/spacing must be 'even' or 'log', got linear/);
  });

  it('is deterministic: the same seed gives a bit-identical tape, another seed a different one', () => {
    const a = deadReluRun(7, 15).tape;
    const b = deadReluRun(7, 15).tape;
    const c = deadReluRun(8, 15).tape;
    expect(arrays(a)).toEqual(arrays(b));
    expect(Buffer.from(a.params.buffer, a.params.byteOffset, a.params.byteLength)).toEqual(
      Buffer.from(b.params.buffer, b.params.byteOffset, b.params.byteLength),
    );
    expect(arrays(a)).not.toEqual(arrays(c));
  });

  it('holds, at each epoch, exactly what deadUnits, gradientNorms and activationStats say then', () => {
    const data = datasets.moons({ n: 96, seed: 1 });
    const probe = datasets.moons({ n: 40, seed: 9 });
    const net = mlp([2, 12, 12, 1], { activation: 'relu', output: 'sigmoid', seed: 4 });
    const tape = record(net, data, { probe });
    const px = Float32Array.from(probe.x);
    const py = Float32Array.from(probe.y);
    const seen: { dead: boolean[][]; norms: { weights: number; bias: number }[]; stats: ReturnType<typeof activationStats> }[] = [];
    const measure = () =>
      seen.push({ dead: deadUnits(net, px), norms: gradientNorms(net, px, py, 'bce'), stats: activationStats(net, px) });
    measure();
    train(net, data, { loss: 'bce', learningRate: 3, epochs: 25, batchSize: 16, tape, onEpoch: measure });
    expect(tape.count).toBe(26);
    const shape = tapeShape(net.sizes);
    let deadSeen = 0;
    seen.forEach(({ dead, norms, stats }, i) => {
      const mask = Array.from(tape.dead.subarray(i * shape.units, (i + 1) * shape.units), Boolean);
      expect(mask).toEqual(dead.flat());
      deadSeen += mask.filter(Boolean).length;
      norms.forEach((n, l) => {
        expect(tape.gradNorms[(i * shape.layers + l) * 2]).toBe(n.weights);
        expect(tape.gradNorms[(i * shape.layers + l) * 2 + 1]).toBe(n.bias);
      });
      stats.forEach((s, l) =>
        TAPE_LAYER_STATS.forEach((field, k) =>
          expect(tape.layerStats[(i * shape.layers + l) * TAPE_LAYER_STATS.length + k]).toBe(s[field]),
        ),
      );
    });
    expect(deadSeen).toBeGreaterThan(0); // control: this high learning rate kills units, so the masks are not all 0
  });

  it('restores a snapshot’s weights bit for bit', () => {
    const { net, tape } = deadReluRun(3, 5);
    const copy = mlp([2, 16, 16, 1], { activation: 'relu', output: 'sigmoid', seed: 99 });
    restoreSnapshot(copy, tape, tape.count - 1);
    copy.layers.forEach((layer, l) => {
      expect(layer.weights).toEqual(net.layers[l].weights);
      expect(layer.bias).toEqual(net.layers[l].bias);
    });
    expect(() => restoreSnapshot(copy, tape, tape.count)).toThrow(/snapshot 6 is not on the tape \(it holds 0 to 5\)/);
  });

  it('refuses one snapshot past its cap, saying what to change', () => {
    const data = datasets.xor();
    const net = mlp([2, 4, 1], { seed: 1 });
    const tape = record(net, data, { max: 10 });
    expect(() => train(net, data, { epochs: 9, tape })).not.toThrow(); // control: 1 + 9 snapshots fit
    expect(() => train(net, data, { epochs: 1, tape })).toThrow(/the tape is full at 10 snapshots \(max\).*\{ every: k \}/);
    const big = mlp([1, 64, 64, 1], { seed: 1 });
    const sine = datasets.sine({ n: 64 });
    const capped = record(big, sine, { maxBytes: 200_000 });
    expect(() => train(big, sine, { epochs: 20, tape: capped })).toThrow(
      /full at 0\.2 MB \(maxBytes; 0\.0 MB per snapshot of this 1-64-64-1 net\).*weights: false/,
    );
    expect(capped.count).toBe(Math.floor(200_000 / snapshotBytes(tapeShape(big.sizes), true)));
  });

  it('refuses a tape of another network, and bad options', () => {
    const data = datasets.xor();
    const net = mlp([2, 4, 1]);
    const tape = record(net, data);
    expect(() => train(mlp([2, 4, 1]), data, { tape })).toThrow(/records another network/);
    expect(() => train(net, data, { tape: {} as Tape })).toThrow(/must be a tape from record/);
    expect(() => record(net, data, { every: 0 })).toThrow(/every must be a whole number ≥ 1/);
    expect(() => record(net, data, { probe: 5 })).toThrow(/probe of 5 rows, but the data has only 4/);
    train(net, data, { epochs: 1, tape });
    expect(() => train(net, data, { epochs: 1, tape, loss: 'bce' })).toThrow(/measures the 'mse' loss/);
  });

  it('keeps 1,000 snapshots of the deck’s demo nets within 5 MB', () => {
    const { tape } = deadReluRun(1, 999);
    expect(tape.count).toBe(1000);
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
    const heldBytes = arrays(tape).reduce((sum, [k]) => sum + (tape[k as keyof Tape] as Float32Array).byteLength, 0);
    expect(heldBytes).toBe(tapeBytes(tape));
    // The nets the deck records: dead-relu-scrub (with weights), xor-forming (with weights), vanishing-over-training (without).
    const demos = [
      ['1-20-20-1', tapeShape([1, 20, 20, 1]), true],
      ['2-8-8-1', tapeShape([2, 8, 8, 1]), true],
      ['2-12×8-1', tapeShape([2, ...Array<number>(8).fill(12), 1]), false],
    ] as const;
    const wide = tapeShape([1, 64, 64, 1]); // the dead-share-lr slide's net, which the deck does not record
    console.log(
      `tape sizes for 1,000 snapshots: 2-16-16-1 with weights ${mb(tapeBytes(tape))} MB; ` +
        demos.map(([name, shape, weights]) => `${name} ${mb(1000 * snapshotBytes(shape, weights))} MB`).join('; ') +
        `; 1-64-64-1 without weights ${mb(1000 * snapshotBytes(wide, false))} MB, with weights ${mb(1000 * snapshotBytes(wide, true))} MB`,
    );
    expect(tapeBytes(tape)).toBeLessThanOrEqual(5 * 1024 * 1024);
    for (const [, shape, weights] of demos) expect(1000 * snapshotBytes(shape, weights)).toBeLessThanOrEqual(5 * 1024 * 1024);
    // Control: the measure can fail — 64-wide layers with their weights are over the budget.
    expect(1000 * snapshotBytes(wide, true)).toBeGreaterThan(5 * 1024 * 1024);
  });
});
