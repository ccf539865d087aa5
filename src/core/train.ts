// The training loop: for each epoch, shuffle, then for each mini-batch forward → loss →
// backward → optimiser step. Callbacks stream loss and accuracy so a plot can update live; a
// non-finite loss stops training with an error naming the step, never a silent NaN plot; so
// does an update that leaves non-finite weights behind, even when it was the call's last one.
// Steps are numbered across calls on the same network, so a demo that trains in chunks of 100
// steps hears "step 1234", not "step 34".
import { activityL1Penalty, checkActivityL1 } from './activity-l1';
import { backward, createGradients, lossInput } from './backward';
import { checkDataset, type Dataset } from './dataset';
import { createTrace, forwardUnchecked, type Trace } from './forward';
import { getLoss, type Loss, type LossName } from './losses';
import { parameters, type Network } from './network';
import { sgd, type Optimizer } from './optimizers';
import { tapeHooks } from './record';
import { toRng, type Rng } from './rng';
import type { Tape } from './tape';
import { setStepsTrained, stepsTrained } from './train-steps';
import { zerosOf, type FloatArray } from './types';

/** What onStep receives after every optimiser step. */
export interface StepInfo {
  /** Steps done so far in this train() call, counting from 1. */
  readonly step: number;
  /** Current epoch of this call, counting from 1. */
  readonly epoch: number;
  /** Loss of this mini-batch (before the update, including the L2 and activity-L1 terms). */
  readonly loss: number;
  /** Share of this batch classified correctly (classification losses only). */
  readonly accuracy?: number;
  /** Ends training after this step. */
  stop(): void;
}

/** What onEpoch receives after every pass over the data. */
export interface EpochInfo {
  /** Epochs done so far, counting from 1. */
  readonly epoch: number;
  /** Steps done so far. */
  readonly step: number;
  /** Mean mini-batch loss over the epoch. */
  readonly loss: number;
  /** Mean mini-batch accuracy over the epoch (classification losses only). */
  readonly accuracy?: number;
  /** Ends training after this epoch. */
  stop(): void;
}

/** Options for train(): loss, optimiser, schedule, regularisation and callbacks. */
export interface TrainOptions {
  /** The loss; default 'mse'. */
  loss?: LossName | Loss;
  /** The optimiser; default sgd(learningRate). */
  optimizer?: Optimizer;
  /** Step size for the default SGD optimiser; default 0.1. */
  learningRate?: number;
  /** Passes over the data; default 100. */
  epochs?: number;
  /** Examples per step; default all of them (full-batch gradient descent). */
  batchSize?: number;
  /** Shuffle the examples every epoch (from the seeded rng); default true. */
  shuffle?: boolean;
  /** Seed for shuffling; default 1. */
  seed?: number;
  /** A generator for shuffling (instead of seed). */
  rng?: Rng;
  /** L2 weight decay λ: adds (λ/2)·Σ W² to the loss (weights only, not biases); default 0. */
  l2?: number;
  /** Activity L1 penalty λ: adds λ·(1/rows)·Σ|a| over every hidden activation, pushing them to exact zeros; default 0. */
  activityL1?: number;
  /** Called after every step. */
  onStep?(info: StepInfo): void;
  /** Called after every epoch. */
  onEpoch?(info: EpochInfo): void;
  /** Stops training when `aborted` becomes true (an AbortSignal works). */
  signal?: { readonly aborted: boolean };
  /** A tape from record(net, data): snapshots of this run are added to it (see record). */
  tape?: Tape;
}

/** What train() returns: final figures and the per-epoch history. */
export interface TrainResult {
  /** Epochs completed. */
  readonly epochs: number;
  /** Optimiser steps taken. */
  readonly steps: number;
  /** Mean loss of the last epoch. */
  readonly loss: number;
  /** Mean accuracy of the last epoch (classification losses only). */
  readonly accuracy?: number;
  /** Per-epoch mean loss and accuracy. */
  readonly history: { readonly loss: number[]; readonly accuracy: number[] };
  /** True if a callback or the signal stopped training early. */
  readonly stopped: boolean;
}

/** Thrown when the loss, or the weights after an update, become NaN or infinite; says at which step, so a demo can show it. */
export class DivergenceError extends Error {
  /** The step whose loss was not finite (or whose update broke the weights), counted from 1 across every train() call on this network. */
  readonly step: number;
  /** The epoch (from 1) of that step within its train() call. */
  readonly epoch: number;
  /** The offending loss value (NaN or ±Infinity); the last finite loss when the update broke the weights. */
  readonly loss: number;
  /** 'loss' when the loss was not finite, 'weights' when an update left a non-finite weight or bias. */
  readonly cause: 'loss' | 'weights';
  constructor(step: number, epoch: number, loss: number, learningRate: number, cause: 'loss' | 'weights' = 'loss') {
    const what = cause === 'loss' ? `the loss became ${loss}` : `its update left non-finite weights (the loss before it was ${loss})`;
    super(
      `Training diverged at step ${step} (epoch ${epoch}): ${what}. ` +
        `The updates overshot; try a smaller learning rate than ${learningRate}.`,
    );
    this.name = 'DivergenceError';
    this.step = step;
    this.epoch = epoch;
    this.loss = loss;
    this.cause = cause;
  }
}

/** Trains a network in place on a dataset with mini-batch gradient descent; see TrainOptions. */
export function train(net: Network, data: Dataset, options: TrainOptions = {}): TrainResult {
  checkDataset(data, 'train: data');
  if (data.inputSize !== net.sizes[0] || data.outputSize !== net.sizes[net.sizes.length - 1]) {
    throw new RangeError(
      `train: the network maps ${net.sizes[0]} inputs to ${net.sizes[net.sizes.length - 1]} outputs, ` +
        `but the data has ${data.inputSize} inputs and ${data.outputSize} targets per example`,
    );
  }
  const loss = getLoss(options.loss ?? 'mse');
  const wrt = lossInput(net, loss);
  const optimizer = options.optimizer ?? sgd(options.learningRate ?? 0.1);
  const epochs = options.epochs ?? 100;
  const n = data.n;
  const batchSize = Math.min(options.batchSize ?? n, n);
  const l2 = options.l2 ?? 0;
  const activityL1 = options.activityL1 ?? 0;
  if (!(Number.isInteger(epochs) && epochs >= 0)) throw new RangeError(`train: epochs must be a whole number ≥ 0, got ${epochs}`);
  if (!(Number.isInteger(batchSize) && batchSize > 0))
    throw new RangeError(`train: batchSize must be a whole number ≥ 1, got ${options.batchSize}`);
  if (!(l2 >= 0)) throw new RangeError(`train: l2 must be ≥ 0, got ${l2}`);
  checkActivityL1(activityL1, 'train');
  const rng = options.rng ?? toRng(options.seed);
  const shuffle = options.shuffle ?? true;
  const tape = options.tape && tapeHooks(options.tape, net, loss);

  // Work in the network's precision, so the inner loops see one array type.
  const x = sameType(net, data.x);
  const y = sameType(net, data.y);
  const nIn = data.inputSize;
  const nOut = data.outputSize;
  const L = net.layers.length - 1;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const params = parameters(net);
  const grads = createGradients(net);
  const gradList = grads.weights.flatMap((w, l) => [w, grads.bias[l]]);
  const buffers = new Map<number, { trace: Trace; xb: FloatArray; yb: FloatArray; g: FloatArray }>();
  const buffersFor = (rows: number) => {
    let b = buffers.get(rows);
    if (!b) {
      b = {
        trace: createTrace(net, rows),
        xb: zerosOf(net.dtype, rows * nIn),
        yb: zerosOf(net.dtype, rows * nOut),
        g: zerosOf(net.dtype, rows * nOut),
      };
      buffers.set(rows, b);
    }
    return b;
  };

  let stopped = false;
  const stop = () => {
    stopped = true;
  };
  let step = 0;
  let epoch = 0;
  const stepsBefore = stepsTrained(net);
  let lastLoss = NaN;
  const history = { loss: [] as number[], accuracy: [] as number[] };

  while (epoch < epochs && !stopped && !options.signal?.aborted) {
    epoch++;
    if (shuffle && batchSize < n) rng.shuffle(order);
    let lossSum = 0;
    let accSum = 0;
    for (let start = 0; start < n && !stopped; start += batchSize) {
      const rows = Math.min(batchSize, n - start);
      const buf = buffersFor(rows);
      let xb = x;
      let yb = y;
      if (rows < n) {
        xb = buf.xb;
        yb = buf.yb;
        for (let r = 0; r < rows; r++) {
          const i = order[start + r];
          for (let c = 0; c < nIn; c++) xb[r * nIn + c] = x[i * nIn + c];
          for (let c = 0; c < nOut; c++) yb[r * nOut + c] = y[i * nOut + c];
        }
      }
      forwardUnchecked(net, xb, buf.trace);
      const pred = wrt === 'logits' ? buf.trace.z[L] : buf.trace.a[L];
      let value = loss.value(pred, yb, rows);
      if (l2 > 0) value += addWeightDecay(net, grads, l2, false);
      value += activityL1Penalty(buf.trace, activityL1);
      step++;
      setStepsTrained(net, stepsBefore + step);
      if (!Number.isFinite(value)) throw new DivergenceError(stepsBefore + step, epoch, value, optimizer.learningRate);
      loss.gradient(pred, yb, rows, buf.g);
      backward(net, buf.trace, buf.g, wrt, grads, activityL1);
      if (l2 > 0) addWeightDecay(net, grads, l2, true);
      optimizer.step(params, gradList);
      lastLoss = value;
      const accuracy = loss.accuracy?.(pred, yb, rows);
      lossSum += value * rows;
      accSum += (accuracy ?? 0) * rows;
      tape?.afterStep(value);
      options.onStep?.({ step, epoch, loss: value, accuracy, stop });
      if (options.signal?.aborted) stopped = true;
    }
    const epochLoss = lossSum / n;
    const epochAcc = loss.accuracy ? accSum / n : undefined;
    history.loss.push(epochLoss);
    if (epochAcc !== undefined) history.accuracy.push(epochAcc);
    tape?.afterEpoch(epochLoss);
    options.onEpoch?.({ epoch, step, loss: epochLoss, accuracy: epochAcc, stop });
  }
  if (options.signal?.aborted) stopped = true;
  // The loss check above only sees an update's damage at the next step; the call's last update
  // has no next step, so look at the weights themselves before handing the network back.
  if (step > 0 && !params.every(allFinite))
    throw new DivergenceError(stepsBefore + step, epoch, lastLoss, optimizer.learningRate, 'weights');
  return {
    epochs: epoch,
    steps: step,
    loss: history.loss.at(-1) ?? NaN,
    accuracy: history.accuracy.at(-1),
    history,
    stopped,
  };
}

// L2 weight decay: returns (λ/2)·Σ W² when computing the loss, or adds λ·W to dL/dW when `intoGradients`.
function addWeightDecay(net: Network, grads: { weights: FloatArray[] }, l2: number, intoGradients: boolean): number {
  let sum = 0;
  net.layers.forEach((layer, l) => {
    const w = layer.weights;
    const g = grads.weights[l];
    for (let j = 0; j < w.length; j++) {
      if (intoGradients) g[j] += l2 * w[j];
      else sum += w[j] * w[j];
    }
  });
  return 0.5 * l2 * sum;
}

function allFinite(values: FloatArray): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] - values[i] !== 0) return false;
  return true;
}

function sameType(net: Network, values: FloatArray): FloatArray {
  if (net.dtype === 'float64') return values instanceof Float64Array ? values : Float64Array.from(values);
  return values instanceof Float32Array ? values : Float32Array.from(values);
}
