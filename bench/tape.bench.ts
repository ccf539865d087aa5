// `npx vitest run --project bench bench/tape.bench.ts --disable-console-intercept`: the training
// time machine's Node-side costs (issue 13) — recording's overhead on the dead-ReLU demo's
// training (target ≤ 20 %), tape sizes, and building one snapshot's network view and its Plotly
// traces (what the scrubber does per step, before Plotly draws). Variants run interleaved,
// round by round; each figure is a median. Prints; asserts only that everything ran.
import { expect, it } from 'vitest';
import { datasets, mlp, record, tapeBytes, train, type Dataset, type RecordOptions } from '../src/core/index';
import { plotlyFigure } from '../src/plot/draw-plot';
import { networkViewAt } from '../src/sandbox/network-view';

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

// The dead-share-lr slide: a 1-64-64-1 ReLU net fitting sin(3x), 256 points, batches of 32, lr 0.1, 20 epochs.
const sine = datasets.sine({ n: 256 });
const slideRun = (options?: RecordOptions) => {
  const net = mlp([1, 64, 64, 1], { activation: 'relu', seed: 1 });
  const tape = options && record(net, sine, options);
  for (let epoch = 1; epoch <= 20; epoch++) train(net, sine, { epochs: 1, batchSize: 32, learningRate: 0.1, seed: epoch, tape });
  return tape;
};
// The dead-relu-scrub slide as it is: a 1-20-20-1 net on the same data, lr 0.2, seed 5, 12 epochs
// (96 steps), log-spaced snapshots (14) on 16 fixed inputs.
const scrubProbe = datasets.sine({ n: 16 });
const scrubRun = (options?: RecordOptions) => {
  const net = mlp([1, 20, 20, 1], { activation: 'relu', seed: 5 });
  const tape = options && record(net, sine, { probe: scrubProbe, ...options });
  train(net, sine, { epochs: 12, batchSize: 32, learningRate: 0.2, seed: 5, tape });
  return tape;
};
// The time machine's reference net (anchors-2: 2-16-16-1): moons, full batch, lr 2, 200 epochs.
const moons = datasets.moons({ n: 128, seed: 3 });
const smallRun = (options?: RecordOptions, data: Dataset = moons) => {
  const net = mlp([2, 16, 16, 1], { activation: 'relu', output: 'sigmoid', seed: 1 });
  const tape = options && record(net, data, options);
  train(net, data, { loss: 'bce', epochs: 200, learningRate: 2, tape });
  return tape;
};

function interleaved(rounds: number, variants: Record<string, () => unknown>): Record<string, number> {
  const times: Record<string, number[]> = {};
  for (const fn of Object.values(variants)) fn();
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of Object.entries(variants)) {
      const t = performance.now();
      fn();
      (times[name] ??= []).push(performance.now() - t);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

it('recording overhead, tape sizes and one network-view frame', () => {
  const slide = interleaved(9, {
    plain: () => slideRun(),
    'every epoch, probe 64': () => slideRun({}),
    'every epoch, probe 32': () => slideRun({ probe: 32 }),
    'every epoch, probe 256 (all)': () => slideRun({ probe: 256 }),
    'every step, probe 64': () => slideRun({ everySteps: 1 }),
  });
  const scrub = interleaved(25, {
    plain: () => scrubRun(),
    'log-spaced steps, probe 16 (the slide)': () => scrubRun({ everySteps: 1, spacing: 'log' }),
    'every 4 steps, probe 16': () => scrubRun({ everySteps: 4 }),
    'every 2 steps, probe 16': () => scrubRun({ everySteps: 2 }),
    'every step, probe 16': () => scrubRun({ everySteps: 1 }),
  });
  const small = interleaved(9, {
    plain: () => smallRun(),
    'every epoch (= step), probe 64': () => smallRun({}),
    'every 5th epoch, probe 64': () => smallRun({ every: 5 }),
  });
  const lines = ['recording overhead (median of 9 rounds, 25 for the dead-relu-scrub slide; interleaved):'];
  for (const [what, times] of [
    ['dead-share-lr slide, 1-64-64-1, 20 epochs × 8 steps', slide],
    ['dead-relu-scrub slide, 1-20-20-1, 12 epochs × 8 steps', scrub],
    ['2-16-16-1 moons, full batch, 200 epochs', small],
  ] as const) {
    lines.push(`  ${what}: plain ${times.plain.toFixed(1)} ms`);
    for (const [name, ms] of Object.entries(times)) {
      if (name !== 'plain') lines.push(`    ${name}: ${ms.toFixed(1)} ms, ratio ${(ms / times.plain).toFixed(2)} (target ≤ 1.20)`);
    }
  }

  const slideTape = slideRun({})!;
  const stepTape = slideRun({ everySteps: 1 })!;
  const smallTape = smallRun({})!;
  const scrubTape = scrubRun({ everySteps: 1, spacing: 'log' })!;
  const per1000 = (tape: NonNullable<typeof smallTape>) =>
    `${(((tapeBytes(tape) / tape.count) * 1000) / 1024 / 1024).toFixed(2)} MB per 1,000`;
  lines.push(
    'tape sizes:',
    `  dead-relu-scrub (the slide): ${scrubTape.count} snapshots, ${mb(tapeBytes(scrubTape))} (${per1000(scrubTape)})`,
    `  dead-share-lr, per epoch: ${slideTape.count} snapshots, ${mb(tapeBytes(slideTape))}`,
    `  dead-share-lr, per step: ${stepTape.count} snapshots, ${mb(tapeBytes(stepTape))}`,
    `  2-16-16-1, per epoch: ${smallTape.count} snapshots, ${mb(tapeBytes(smallTape))} (${per1000(smallTape)})`,
  );

  const frame = (tape: NonNullable<typeof smallTape>, edges: 'weight' | 'gradient') => () => {
    const i = Math.floor(tape.count / 2);
    const spec = networkViewAt(tape, i, { edges });
    return plotlyFigure(spec, 800, 300);
  };
  const views = interleaved(200, {
    '2-16-16-1 weights': frame(smallTape, 'weight'),
    '2-16-16-1 gradients': frame(smallTape, 'gradient'),
    '1-20-20-1 weights (dead-relu-scrub)': frame(scrubTape, 'weight'),
    '1-64-64-1 weights': frame(slideTape, 'weight'),
  });
  lines.push('one snapshot → network-view spec → Plotly traces (Node, median of 200):');
  for (const [name, ms] of Object.entries(views)) lines.push(`  ${name}: ${ms.toFixed(3)} ms`);
  console.log(lines.join('\n'));
  expect(smallTape.count).toBe(201);
});
