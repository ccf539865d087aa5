// Recording a training run onto a tape (tape.ts): train() calls the recorder after its steps or
// epochs; each snapshot measures the network on one fixed probe batch with the same code the
// probes use (deadInTrace, statsOfTrace, frobenius), so a snapshot's dead masks and gradient
// norms are exactly what deadUnits and gradientNorms say at that moment. Nothing random happens
// here: the same seed gives the same tape, bit for bit. Arrays grow by doubling up to the cap;
// the cap (snapshots and bytes) fails with a message that says what to change.
import { backward, createGradients, lossInput } from './backward';
import { checkDataset, type Dataset } from './dataset';
import { createTrace, forwardUnchecked, type Trace } from './forward';
import type { Loss } from './losses';
import type { Network } from './network';
import { deadInTrace, frobenius, statsOfTrace } from './probes';
import { stepsTrained } from './train-steps';
import { TAPE_FORMAT, TAPE_LAYER_STATS, snapshotBytes, tapeShape, type Tape, type TapeShape } from './tape';
import { zerosOf, type FloatArray } from './types';
import { checkFinite } from './validate';

/** Options of record(): how often, on what, and how much. */
export interface RecordOptions {
  /** A snapshot after every k-th epoch; default 1. */
  every?: number;
  /** A snapshot after every k-th optimiser step instead (for long epochs, or full-batch runs counted in steps). */
  everySteps?: number;
  /**
   * 'even' (default): a snapshot every k epochs or steps. 'log': twice per doubling of the count
   * of k's — after 1, 2, 3, 4, 6, 8, 12, 16, 24 … of them — so the first steps, where most happens
   * (units die in the first few at a high learning rate), are seen one by one, and a long run
   * still makes a short tape (96 steps: 14 snapshots).
   */
  spacing?: RecordSpacing;
  /** The fixed probe batch: a dataset, or a number of rows spread evenly over the data; default min(n, 64) rows. */
  probe?: Dataset | number;
  /** Most snapshots the tape may hold; default 1000 (one more throws a RangeError naming the cap). */
  max?: number;
  /** Most bytes the tape may hold (see tapeBytes); default 8 MB. */
  maxBytes?: number;
  /** Keep every snapshot's weights and their gradients (edges of the network view, decision maps); default true. */
  weights?: boolean;
}

/** How record() spaces its snapshots over the run (RecordOptions.spacing). */
export const RECORD_SPACINGS = ['even', 'log'] as const;
/** One of RECORD_SPACINGS: 'even' or 'log'. */
export type RecordSpacing = (typeof RECORD_SPACINGS)[number];

/** Default snapshot cap of record(). */
export const RECORD_MAX_SNAPSHOTS = 1000;
/** Default byte cap of record(): 8 MB, under the sandbox's cap for one tape message. */
export const RECORD_MAX_BYTES = 8 * 1024 * 1024;
const DEFAULT_PROBE_ROWS = 64;

type Grow<A> = { [K in keyof A]: A[K] extends Float64Array | Float32Array | Int32Array | Uint8Array ? K : never }[keyof A];
type ArrayField = Exclude<Grow<Tape>, 'probeX' | 'probeY'>;

interface Recorder {
  readonly net: Network;
  readonly shape: TapeShape;
  readonly x: FloatArray;
  readonly y: FloatArray;
  readonly trace: Trace;
  readonly grads: ReturnType<typeof createGradients>;
  readonly every: number;
  readonly everySteps: number;
  readonly spacing: RecordSpacing;
  readonly max: number;
  readonly maxBytes: number;
  /** Values per snapshot of each growing field. */
  readonly widths: Record<ArrayField, number>;
  /** The full-capacity arrays the tape's fields are views of. */
  readonly store: Pick<Tape, ArrayField>;
  loss?: Loss;
  epochs: number;
  capacity: number;
}

const recorders = new WeakMap<Tape, Recorder>();

/**
 * Starts a tape of `net` training on `data`: pass it to train (`train(net, data, { tape })`),
 * over as many train() calls as you like; it keeps a snapshot before the first step and after
 * every `every` epochs (or `everySteps` steps). Send it to the deck with `showTape(tape)`, draw
 * a moment with `networkViewAt(tape, i)`, or restore one with `restoreSnapshot`.
 */
export function record(net: Network, data: Dataset, options: RecordOptions = {}): Tape {
  checkDataset(data, 'record: data');
  if (data.inputSize !== net.sizes[0] || data.outputSize !== net.sizes.at(-1)) {
    throw new RangeError(
      `record: the network is ${net.sizes.join('-')}, but the data has ${data.inputSize} inputs and ${data.outputSize} targets`,
    );
  }
  const every = whole(options.every ?? 1, 'every');
  const everySteps = options.everySteps === undefined ? 0 : whole(options.everySteps, 'everySteps');
  const spacing = options.spacing ?? 'even';
  if (!RECORD_SPACINGS.includes(spacing)) {
    throw new RangeError(`record: spacing must be ${RECORD_SPACINGS.map((v) => `'${v}'`).join(' or ')}, got ${String(spacing)}`);
  }
  const max = whole(options.max ?? RECORD_MAX_SNAPSHOTS, 'max');
  const maxBytes = options.maxBytes ?? RECORD_MAX_BYTES;
  if (!(maxBytes > 0)) throw new RangeError(`record: maxBytes must be a positive number, got ${maxBytes}`);
  const probe = probeOf(data, options.probe);
  const withWeights = options.weights ?? true;
  const shape = tapeShape(net.sizes);
  const L = shape.layers;
  const widths: Record<ArrayField, number> = {
    epoch: 1,
    step: 1,
    loss: 1,
    accuracy: 1,
    trainLoss: 1,
    layerStats: L * TAPE_LAYER_STATS.length,
    gradNorms: L * 2,
    dead: shape.units,
    unitMean: shape.units,
    zMin: shape.units,
    zMax: shape.units,
    params: withWeights ? shape.parameters : 0,
    grads: withWeights ? shape.parameters : 0,
  };
  const store: Pick<Tape, ArrayField> = {
    epoch: new Int32Array(0),
    step: new Int32Array(0),
    loss: new Float64Array(0),
    accuracy: new Float64Array(0),
    trainLoss: new Float64Array(0),
    layerStats: new Float64Array(0),
    gradNorms: new Float64Array(0),
    dead: new Uint8Array(0),
    unitMean: new Float32Array(0),
    zMin: new Float32Array(0),
    zMax: new Float32Array(0),
    params: new Float32Array(0),
    grads: new Float32Array(0),
  };
  const tape: Tape = {
    ...store,
    format: TAPE_FORMAT,
    sizes: [...net.sizes],
    activations: net.layers.map((layer) => layer.activation.name),
    lossName: '',
    classification: false,
    probeRows: probe.n,
    probeX: Float32Array.from(probe.x),
    probeY: Float32Array.from(probe.y),
    hasWeights: withWeights,
    count: 0,
  };
  const inNetType = (v: FloatArray) => (net.dtype === 'float64' ? Float64Array.from(v) : Float32Array.from(v));
  recorders.set(tape, {
    net,
    shape,
    x: inNetType(probe.x),
    y: inNetType(probe.y),
    trace: createTrace(net, probe.n),
    grads: createGradients(net),
    every,
    everySteps,
    spacing,
    max,
    maxBytes,
    widths,
    store,
    epochs: 0,
    capacity: 0,
  });
  return tape;
}

/** What train() calls on a tape: after each step and each epoch (and once before it starts). */
export interface TapeHooks {
  /** After an optimiser step; `loss` is the step's mini-batch loss. */
  afterStep(loss: number): void;
  /** After an epoch; `loss` is the epoch's mean mini-batch loss. */
  afterEpoch(loss: number): void;
}

/** The hooks train() drives for `tape`; checks the tape belongs to `net` and takes the first snapshot. */
export function tapeHooks(tape: Tape, net: Network, loss: Loss): TapeHooks {
  const rec = recorders.get(tape);
  if (!rec) throw new TypeError('train: options.tape must be a tape from record(net, data)');
  if (rec.net !== net) throw new RangeError('train: this tape records another network; record(net, data) the one you train');
  if (rec.loss && rec.loss.name !== loss.name) {
    throw new RangeError(`train: the tape measures the '${rec.loss.name}' loss, but this train() call uses '${loss.name}'`);
  }
  if (!rec.loss) {
    lossInput(net, loss);
    rec.loss = loss;
    tape.lossName = loss.name;
    tape.classification = loss.accuracy !== undefined;
  }
  if (tape.count === 0) snapshot(tape, rec, NaN);
  return {
    afterStep(value) {
      if (rec.everySteps > 0 && due(stepsTrained(net), rec.everySteps, rec.spacing)) snapshot(tape, rec, value);
    },
    afterEpoch(value) {
      rec.epochs++;
      if (rec.everySteps === 0 && due(rec.epochs, rec.every, rec.spacing)) snapshot(tape, rec, value);
    },
  };
}

/** Whether a snapshot is due after `count` epochs or steps, recording every `k` of them with this spacing. */
function due(count: number, k: number, spacing: RecordSpacing): boolean {
  if (count % k !== 0) return false;
  if (spacing === 'even') return true;
  // Twice per doubling: n = 2^m or 3·2^m (n ≥ 1), i.e. n with its factors of two taken out is 1 or 3.
  let n = count / k;
  while (n > 0 && n % 2 === 0) n /= 2;
  return n === 1 || n === 3;
}

function snapshot(tape: Tape, rec: Recorder, trainLoss: number): void {
  const { net, shape, trace, grads, x, y } = rec;
  const loss = rec.loss as Loss;
  const i = tape.count;
  reserve(tape, rec, i + 1);
  const out = rec.store;
  const wrt = lossInput(net, loss);
  forwardUnchecked(net, x, trace);
  const L = shape.layers;
  const pred = wrt === 'logits' ? trace.z[L - 1] : trace.a[L - 1];
  const rows = trace.rows;
  const gradOut = loss.gradient(pred, y, rows, zerosOf(net.dtype, pred.length));
  out.loss[i] = loss.value(pred, y, rows);
  out.accuracy[i] = loss.accuracy ? loss.accuracy(pred, y, rows) : NaN;
  out.trainLoss[i] = trainLoss;
  out.epoch[i] = rec.epochs;
  out.step[i] = stepsTrained(net);
  backward(net, trace, gradOut, wrt, grads);
  const dead = deadInTrace(net, trace);
  const stats = statsOfTrace(net, trace, dead);
  const S = TAPE_LAYER_STATS.length;
  for (let l = 0; l < L; l++) {
    TAPE_LAYER_STATS.forEach((field, k) => (out.layerStats[(i * L + l) * S + k] = stats[l][field]));
    out.gradNorms[(i * L + l) * 2] = frobenius(grads.weights[l]);
    out.gradNorms[(i * L + l) * 2 + 1] = frobenius(grads.bias[l]);
    const units = net.sizes[l + 1];
    const base = i * shape.units + shape.unitOffset[l];
    const z = trace.z[l];
    const a = trace.a[l];
    for (let j = 0; j < units; j++) {
      let lo = Infinity;
      let hi = -Infinity;
      let sum = 0;
      for (let o = j; o < z.length; o += units) {
        if (z[o] < lo) lo = z[o];
        if (z[o] > hi) hi = z[o];
        sum += a[o];
      }
      out.dead[base + j] = dead[l][j] ? 1 : 0;
      out.zMin[base + j] = lo;
      out.zMax[base + j] = hi;
      out.unitMean[base + j] = sum / rows;
    }
    if (tape.hasWeights) {
      const at = i * shape.parameters + shape.paramOffset[l];
      const { weights, bias } = net.layers[l];
      out.params.set(weights, at);
      out.params.set(bias, at + weights.length);
      out.grads.set(grads.weights[l], at);
      out.grads.set(grads.bias[l], at + weights.length);
    }
  }
  tape.count = i + 1;
  // Each field shows exactly the snapshots taken: a view on its (larger) store.
  for (const field of Object.keys(rec.widths) as ArrayField[]) {
    tape[field] = rec.store[field].subarray(0, rec.widths[field] * tape.count) as never;
  }
}

// Makes room for `count` snapshots (doubling, up to the cap), or throws the cap's message.
function reserve(tape: Tape, rec: Recorder, count: number): void {
  const per = snapshotBytes(rec.shape, tape.hasWeights);
  if (count > rec.max || count * per > rec.maxBytes) {
    const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
    const what =
      count > rec.max
        ? `${rec.max} snapshots (max)`
        : `${mb(rec.maxBytes)} (maxBytes; ${mb(per)} per snapshot of this ${tape.sizes.join('-')} net)`;
    throw new RangeError(
      `record: the tape is full at ${what}. Keep fewer snapshots: record every k-th epoch ({ every: k }) or step ({ everySteps: k }), ` +
        `train for fewer epochs${tape.hasWeights ? ', or leave out the weights ({ weights: false })' : ''}.`,
    );
  }
  if (count <= rec.capacity) return;
  const capacity = Math.min(Math.max(16, rec.capacity * 2), rec.max, Math.floor(rec.maxBytes / per));
  for (const field of Object.keys(rec.widths) as ArrayField[]) {
    const old = rec.store[field];
    const next = new (old.constructor as new (n: number) => typeof old)(rec.widths[field] * capacity);
    next.set(old as never);
    rec.store[field] = next as never;
  }
  rec.capacity = capacity;
}

function probeOf(data: Dataset, probe: RecordOptions['probe']): Dataset {
  if (typeof probe === 'object') {
    checkDataset(probe, 'record: probe');
    if (probe.inputSize !== data.inputSize || probe.outputSize !== data.outputSize) {
      throw new RangeError('record: the probe batch must have the data’s input and target widths');
    }
    return probe;
  }
  const rows = probe === undefined ? Math.min(data.n, DEFAULT_PROBE_ROWS) : whole(probe, 'probe');
  if (rows > data.n) throw new RangeError(`record: a probe of ${rows} rows, but the data has only ${data.n}`);
  const pick = (values: FloatArray, width: number) => {
    const out = new Float64Array(rows * width);
    for (let r = 0; r < rows; r++) {
      const from = Math.floor((r * data.n) / rows) * width;
      for (let c = 0; c < width; c++) out[r * width + c] = values[from + c];
    }
    return out;
  };
  const x = pick(data.x, data.inputSize);
  checkFinite(x, 'record: probe inputs');
  return { x, y: pick(data.y, data.outputSize), n: rows, inputSize: data.inputSize, outputSize: data.outputSize };
}

function whole(value: number, name: string): number {
  if (!(Number.isInteger(value) && value >= 1)) throw new RangeError(`record: ${name} must be a whole number ≥ 1, got ${String(value)}`);
  return value;
}
