// src/core — the deck's own small neural-network engine, and the API live snippets type against.
// Owns: activations (function + derivative), seeded randomness, initialisers, dense MLPs with
// forward/backward over typed arrays, losses, optimisers, the training loop, toy datasets and
// probes (sparsity, dead units, gradient norms). Pure and deterministic: imports only files in
// src/core, touches no DOM or Worker globals, and never calls Math.random — so it runs the same
// in Node (tests, bench), in the sandbox's Blob Worker and in the editor's type declarations
// (generated from this file by scripts/core-dts.mjs into generated/core.d.ts.txt).

export type { FloatArray, DType } from './types';
export type { Activation, ActivationSpec } from './define-activation';
export { defineActivation } from './define-activation';
export {
  relu,
  leakyRelu,
  makeLeakyRelu,
  sigmoid,
  tanh,
  elu,
  makeElu,
  gelu,
  softplus,
  silu,
  linear,
  activations,
  getActivation,
  applyActivation,
} from './activations';
export type { ActivationName } from './activations';
export type { Rng } from './rng';
export { createRng } from './rng';
export type { Initializer, InitializerName } from './init';
export { heNormal, heUniform, glorotNormal, glorotUniform, normalInit, constant, zeros, initializers, getInitializer } from './init';
export type { Layer, Network, MlpOptions, ActivationLike, InitializerLike } from './network';
export { mlp, reinitialize, parameters, parameterCount, cloneNetwork } from './network';
export type { Trace } from './forward';
export { forward, predict, createTrace } from './forward';
export type { Gradients, PenaltyOptions } from './backward';
export { backward, lossAndGradients } from './backward';
export type { Loss, LossName } from './losses';
export { mse, bce, softmaxCrossEntropy, softmax, losses, getLoss } from './losses';
export type { Optimizer, AdamOptions } from './optimizers';
export { sgd, momentum, adam } from './optimizers';
export type { TrainOptions, TrainResult, StepInfo, EpochInfo } from './train';
export { train, DivergenceError } from './train';
export { stepsTrained } from './train-steps';
export type { Tape, TapeShape } from './tape';
export { TAPE_FORMAT, TAPE_LAYER_STATS, tapeShape, snapshotBytes, tapeBytes, restoreSnapshot } from './tape';
export type { RecordOptions, RecordSpacing } from './record';
export { record, RECORD_MAX_SNAPSHOTS, RECORD_MAX_BYTES, RECORD_SPACINGS } from './record';
export { activityL1Penalty } from './activity-l1';
export type { Dataset } from './dataset';
export { toDataset } from './dataset';
/** Seeded toy datasets: xor, moons, circles, spiral, blobs and sine (1-D regression). */
export * as datasets from './toy-datasets';
export type { Grid } from './grid';
export { grid, predictGrid } from './grid';
export type { LayerStats } from './probes';
export { sparsity, deadUnits, deadFraction, activationStats, gradientNorms } from './probes';
export type { Summary } from './monte-carlo';
export { monteCarlo, summarize } from './monte-carlo';
export { describe } from './describe';
export { matmul } from './matmul';
