// A tape: what a recorded training run kept, snapshot by snapshot, as plain data (typed arrays,
// numbers, strings) so it survives a structured clone from the sandbox's worker to the deck and
// the deck can scrub it without the core. record.ts fills it; this file says what it holds and
// reads it back. Every per-snapshot field is one flat array, snapshot-major: snapshot i's part
// starts at i × (its width), so a 1,000-snapshot tape is a dozen arrays, not 1,000 objects.
import type { Network } from './network';

/** The tape format this core writes (the deck refuses others). */
export const TAPE_FORMAT = 'rectify-tape/1';

/** Per layer and snapshot, these activation statistics, in this order (as in LayerStats). */
export const TAPE_LAYER_STATS = ['mean', 'std', 'min', 'max', 'sparsity', 'zRms'] as const;

/** A recorded training run: see record(). Arrays hold exactly `count` snapshots. */
export interface Tape {
  /** Always TAPE_FORMAT. */
  readonly format: typeof TAPE_FORMAT;
  /** Widths from input to output, e.g. [2, 16, 16, 1]. */
  readonly sizes: readonly number[];
  /** Each layer's activation name, input side first (the last is the output layer's). */
  readonly activations: readonly string[];
  /** The loss the gradients were taken of ('' until the first train() call names it). */
  lossName: string;
  /** Whether the loss has an accuracy (classification): `accuracy` is NaN otherwise. */
  classification: boolean;
  /** Rows in the fixed probe batch every snapshot is measured on. */
  readonly probeRows: number;
  /** The probe inputs (probeRows × sizes[0]), e.g. to draw them under a decision map. */
  readonly probeX: Float32Array;
  /** The probe targets (probeRows × output width). */
  readonly probeY: Float32Array;
  /** Whether weights and their gradients were kept (`params`, `grads`); see RecordOptions.weights. */
  readonly hasWeights: boolean;
  /** Snapshots recorded so far. */
  count: number;
  /** Epochs completed at each snapshot (0: before training). */
  epoch: Int32Array;
  /** Optimiser steps taken at each snapshot (over every train() call on the network). */
  step: Int32Array;
  /** Loss on the probe batch at the snapshot's weights. */
  loss: Float64Array;
  /** Accuracy on the probe batch at the snapshot's weights (NaN unless classification). */
  accuracy: Float64Array;
  /** What train() reported: the epoch's mean mini-batch loss (or the step's loss); NaN for the snapshot before training. */
  trainLoss: Float64Array;
  /** Per snapshot × layer × TAPE_LAYER_STATS: activation statistics on the probe batch. */
  layerStats: Float64Array;
  /** Per snapshot × layer: ‖dL/dW‖, ‖dL/db‖ on the probe batch (exactly gradientNorms). */
  gradNorms: Float64Array;
  /** Per snapshot × unit (every layer's units, input side first): 1 where z ≤ 0 on every probe row (exactly deadUnits). */
  dead: Uint8Array;
  /** Per snapshot × unit: mean activation a over the probe batch. */
  unitMean: Float32Array;
  /** Per snapshot × unit: smallest pre-activation z over the probe batch. */
  zMin: Float32Array;
  /** Per snapshot × unit: largest pre-activation z over the probe batch. */
  zMax: Float32Array;
  /** Per snapshot × parameter, in parameters() order [W₁, b₁, W₂, b₂, …]: the weights (empty without weights). */
  params: Float32Array;
  /** Per snapshot × parameter, same order: dL/dparameter on the probe batch (empty without weights). */
  grads: Float32Array;
}

/** The shape of a tape's snapshots: layer, unit and parameter counts, and where each layer's part starts. */
export interface TapeShape {
  /** Dense layers (hidden and output). */
  readonly layers: number;
  /** Units over every layer (not the inputs). */
  readonly units: number;
  /** Weights and biases over every layer. */
  readonly parameters: number;
  /** Offset of layer l's first unit in a snapshot's units. */
  readonly unitOffset: readonly number[];
  /** Offset of layer l's W in a snapshot's parameters (its b follows at + in × out). */
  readonly paramOffset: readonly number[];
}

/** Counts and offsets of a tape (or a network) with these widths. */
export function tapeShape(sizes: readonly number[]): TapeShape {
  const unitOffset: number[] = [];
  const paramOffset: number[] = [];
  let units = 0;
  let parameters = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    unitOffset.push(units);
    paramOffset.push(parameters);
    units += sizes[l + 1];
    parameters += sizes[l] * sizes[l + 1] + sizes[l + 1];
  }
  return { layers: sizes.length - 1, units, parameters, unitOffset, paramOffset };
}

/** Bytes one snapshot of this shape takes on a tape (with or without its weights and gradients). */
export function snapshotBytes(shape: TapeShape, withWeights: boolean): number {
  const perSnapshot = 4 + 4 + 8 + 8 + 8;
  const perLayer = 8 * (TAPE_LAYER_STATS.length + 2);
  const perUnit = 1 + 4 + 4 + 4;
  return perSnapshot + shape.layers * perLayer + shape.units * perUnit + (withWeights ? 2 * 4 * shape.parameters : 0);
}

/** Bytes a tape's arrays take: its snapshots and its probe batch (what a 1,000-snapshot budget is measured in). */
export function tapeBytes(tape: Tape): number {
  return tape.count * snapshotBytes(tapeShape(tape.sizes), tape.hasWeights) + tape.probeX.byteLength + tape.probeY.byteLength;
}

/**
 * Copies snapshot `index`'s weights into `net` (same widths), e.g. to draw the decision map at
 * that epoch with predictGrid; returns net. Needs a tape recorded with weights.
 */
export function restoreSnapshot(net: Network, tape: Tape, index: number): Network {
  if (!tape.hasWeights) throw new RangeError('restoreSnapshot: this tape was recorded without weights (record(…, { weights: false }))');
  if (!(Number.isInteger(index) && index >= 0 && index < tape.count)) {
    throw new RangeError(`restoreSnapshot: snapshot ${index} is not on the tape (it holds 0 to ${tape.count - 1})`);
  }
  if (net.sizes.length !== tape.sizes.length || net.sizes.some((s, i) => s !== tape.sizes[i])) {
    throw new RangeError(`restoreSnapshot: the tape is of a ${tape.sizes.join('-')} net, not ${net.sizes.join('-')}`);
  }
  const shape = tapeShape(tape.sizes);
  let at = index * shape.parameters;
  for (const layer of net.layers) {
    layer.weights.set(tape.params.subarray(at, at + layer.weights.length));
    at += layer.weights.length;
    layer.bias.set(tape.params.subarray(at, at + layer.bias.length));
    at += layer.bias.length;
  }
  return net;
}
