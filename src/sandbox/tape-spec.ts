// What a tape is on the wire: the recorded training run a snippet sends with `showTape` (the
// core's record() makes it; src/core/tape.ts documents each field), checked and rebuilt by
// tape-schema.ts at the shell and again at the host. The sandbox may not import the core, so
// the shape is written here once more; snippet-module.ts does not compile if the two differ.

/** The tape format the deck reads. */
export const TAPE_FORMAT = 'rectify-tape/1';

/** Activation statistics per layer and snapshot, in this order. */
export const TAPE_LAYER_STATS = ['mean', 'std', 'min', 'max', 'sparsity', 'zRms'] as const;

/** Caps of one tape message: layers, widths, snapshots and bytes. */
export const TAPE_CAPS = {
  /** Dense layers. */
  maxLayers: 16,
  /** Units in one layer (inputs included). */
  maxWidth: 4096,
  /** Snapshots on one tape. */
  maxSnapshots: 100_000,
  /** Rows in the probe batch. */
  maxProbeRows: 100_000,
  /** Bytes of one tape's arrays (record()'s default cap is 8 MB). */
  maxBytes: 9 * 1024 * 1024,
  /** Different tapes in one run (e.g. ReLU and Leaky ReLU side by side). */
  maxTapes: 4,
  /** Tape bytes in one run, over every `showTape` call. */
  maxRunBytes: 40 * 1024 * 1024,
} as const;

/** A recorded training run as the deck receives it (see the core's `Tape` for each field's meaning). */
export interface TapeData {
  /** Always 'rectify-tape/1'. */
  readonly format: typeof TAPE_FORMAT;
  /** Widths from input to output. */
  readonly sizes: readonly number[];
  /** Each layer's activation name. */
  readonly activations: readonly string[];
  /** The loss the gradients are of. */
  lossName: string;
  /** Whether `accuracy` means anything. */
  classification: boolean;
  /** Rows in the probe batch. */
  readonly probeRows: number;
  /** Probe inputs, probeRows × sizes[0]. */
  readonly probeX: Float32Array;
  /** Probe targets, probeRows × output width. */
  readonly probeY: Float32Array;
  /** Whether `params` and `grads` hold every snapshot's weights and gradients. */
  readonly hasWeights: boolean;
  /** Snapshots. */
  count: number;
  /** Per snapshot: epochs done. */
  epoch: Int32Array;
  /** Per snapshot: steps done. */
  step: Int32Array;
  /** Per snapshot: probe loss. */
  loss: Float64Array;
  /** Per snapshot: probe accuracy (NaN unless classification). */
  accuracy: Float64Array;
  /** Per snapshot: train()'s reported loss (NaN before training). */
  trainLoss: Float64Array;
  /** Per snapshot × layer × TAPE_LAYER_STATS. */
  layerStats: Float64Array;
  /** Per snapshot × layer: ‖dL/dW‖, ‖dL/db‖. */
  gradNorms: Float64Array;
  /** Per snapshot × unit: 1 if dead on the probe batch. */
  dead: Uint8Array;
  /** Per snapshot × unit: mean activation. */
  unitMean: Float32Array;
  /** Per snapshot × unit: smallest pre-activation. */
  zMin: Float32Array;
  /** Per snapshot × unit: largest pre-activation. */
  zMax: Float32Array;
  /** Per snapshot × parameter ([W₁, b₁, W₂, b₂, …]): weights. */
  params: Float32Array;
  /** Per snapshot × parameter: gradients. */
  grads: Float32Array;
}

/**
 * The views the deck's scrubber draws for a tape (issue 13): the network diagram, the loss
 * curve, the model's output (a decision map for 2 inputs, a fitted curve for 1; needs weights)
 * and the per-layer gradient norms through time. Default: network and loss.
 */
export const TAPE_VIEWS = ['network', 'loss', 'output', 'gradients'] as const;
export type TapeView = (typeof TAPE_VIEWS)[number];

/** What a tape message asks of the scrubber besides the tape: its views and how edges are drawn. */
export type TapeDisplay = Pick<ShowTapeOptions, 'views' | 'edges'>;

/** Options of `showTape`. */
export interface ShowTapeOptions {
  /** The scrubber's views, in this order: 'network', 'loss', 'output' (decision map or fitted curve), 'gradients'; default network and loss. */
  views?: TapeView[];
  /** Edges of the network view by weight (default) or by gradient magnitude. */
  edges?: 'weight' | 'gradient';
  /** The tape's id in this run: showing another tape with the same id replaces it (1–64 letters, digits, '_', '.', ':' or '-'). */
  id?: string;
  /** A short name the scrubber shows, e.g. 'ReLU' or 'Leaky ReLU'. */
  name?: string;
}
