// A tape rebuilt from the schema: every field checked for type and exact length (snapshots ×
// width, from the tape's own sizes) before its bytes are copied, numbers finite where they must
// be, text short and plain. Typed arrays of the right kind or plain number arrays are accepted;
// the result is always fresh typed arrays of the declared kind, so nothing of the sender's
// objects (getters, prototypes, oversized buffers behind a view) reaches the deck.
import { Budget, SchemaError, bool, isOneOf, record } from './plot-schema';
import { EDGE_MODES } from './plot-spec';
import { TAPE_CAPS, TAPE_FORMAT, TAPE_LAYER_STATS, TAPE_VIEWS, type TapeData, type TapeDisplay } from './tape-spec';

type Kind = Float64ArrayConstructor | Float32ArrayConstructor | Int32ArrayConstructor | Uint8ArrayConstructor;
/** What a field may hold: any finite number, or also NaN (a value that does not apply), or whole numbers in a range. */
type Values = 'finite' | 'nan' | { min: number; max: number };

const NAME = /^[\w.()\-, ]{1,40}$/;

/** Rebuild a tape, spending its bytes from `budget`; throws SchemaError naming the bad field. */
export function rebuildTape(raw: unknown, budget: Budget): TapeData {
  const r = record(raw, 'tape');
  if (r.format !== TAPE_FORMAT) throw new SchemaError(`tape.format must be '${TAPE_FORMAT}'`);
  if (!Array.isArray(r.sizes) || r.sizes.length < 2 || r.sizes.length > TAPE_CAPS.maxLayers + 1) {
    throw new SchemaError(`tape.sizes must list 2 to ${TAPE_CAPS.maxLayers + 1} widths`);
  }
  const sizes = r.sizes.map((s, i) => whole(s, `tape.sizes[${i}]`, 1, TAPE_CAPS.maxWidth));
  const layers = sizes.length - 1;
  let units = 0;
  let parameters = 0;
  for (let l = 0; l < layers; l++) {
    units += sizes[l + 1];
    parameters += sizes[l] * sizes[l + 1] + sizes[l + 1];
  }
  if (!Array.isArray(r.activations) || r.activations.length !== layers)
    throw new SchemaError(`tape.activations must name ${layers} activations`);
  const activations = r.activations.map((a, i) => name(a, `tape.activations[${i}]`));
  const count = whole(r.count, 'tape.count', 0, TAPE_CAPS.maxSnapshots);
  const probeRows = whole(r.probeRows, 'tape.probeRows', 1, TAPE_CAPS.maxProbeRows);
  const hasWeights = bool(r.hasWeights, 'tape.hasWeights');
  const p = hasWeights ? parameters : 0;
  // Sized before anything is copied: a tape that claims to be huge is refused by its header alone.
  const bytes = count * (32 + layers * 8 * (TAPE_LAYER_STATS.length + 2) + units * 13 + 8 * p) + 4 * probeRows * (sizes[0] + sizes[layers]);
  if (bytes > TAPE_CAPS.maxBytes) throw new SchemaError(`tape is larger than ${TAPE_CAPS.maxBytes / 1024 / 1024} MB`);
  budget.spend(bytes + 256, 'tape');
  const field = <K extends Kind>(key: string, kind: K, length: number, values: Values) =>
    numbers(r[key], `tape.${key}`, kind, length, values);
  const steps = { min: 0, max: 2 ** 31 - 1 };
  return {
    format: TAPE_FORMAT,
    sizes,
    activations,
    lossName: r.lossName === '' ? '' : name(r.lossName, 'tape.lossName'),
    classification: bool(r.classification, 'tape.classification'),
    probeRows,
    probeX: field('probeX', Float32Array, probeRows * sizes[0], 'finite'),
    probeY: field('probeY', Float32Array, probeRows * sizes[layers], 'finite'),
    hasWeights,
    count,
    epoch: field('epoch', Int32Array, count, steps),
    step: field('step', Int32Array, count, steps),
    loss: field('loss', Float64Array, count, 'nan'),
    accuracy: field('accuracy', Float64Array, count, 'nan'),
    trainLoss: field('trainLoss', Float64Array, count, 'nan'),
    layerStats: field('layerStats', Float64Array, count * layers * TAPE_LAYER_STATS.length, 'finite'),
    gradNorms: field('gradNorms', Float64Array, count * layers * 2, 'finite'),
    dead: field('dead', Uint8Array, count * units, { min: 0, max: 1 }),
    unitMean: field('unitMean', Float32Array, count * units, 'finite'),
    zMin: field('zMin', Float32Array, count * units, 'finite'),
    zMax: field('zMax', Float32Array, count * units, 'finite'),
    params: field('params', Float32Array, count * p, 'finite'),
    grads: field('grads', Float32Array, count * p, 'finite'),
  };
}

function numbers<K extends Kind>(v: unknown, path: string, kind: K, length: number, values: Values): InstanceType<K> {
  const isView = ArrayBuffer.isView(v) && !(v instanceof DataView);
  if (isView ? !(v instanceof kind) : !Array.isArray(v)) throw new SchemaError(`${path} must be a ${kind.name} or an array of numbers`);
  const source = v as ArrayLike<unknown>;
  if (source.length !== length) throw new SchemaError(`${path} must hold ${length} values, not ${source.length}`);
  const out = new kind(length) as InstanceType<K>;
  for (let i = 0; i < length; i++) {
    const x = source[i];
    if (typeof x !== 'number') throw new SchemaError(`${path}[${i}] must be a number`);
    const ok =
      values === 'nan'
        ? !Number.isFinite(x)
          ? Number.isNaN(x)
          : true
        : values === 'finite'
          ? Number.isFinite(x)
          : Number.isInteger(x) && x >= values.min && x <= values.max;
    if (!ok)
      throw new SchemaError(
        `${path}[${i}] is ${x}, not a ${values === 'nan' ? 'finite number or NaN' : values === 'finite' ? 'finite number' : `whole number in [${values.min}, ${values.max}]`}`,
      );
    out[i] = x;
  }
  return out;
}

function name(v: unknown, path: string): string {
  if (typeof v !== 'string' || !NAME.test(v))
    throw new SchemaError(`${path} must be a short name (letters, digits, '.', '(', ')', '-', ',')`);
  return v;
}

function whole(v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw new SchemaError(`${path} must be a whole number in [${min}, ${max}]`);
  return v;
}

/** showTape's display options rebuilt: known view names (each once, at most all of them) and edge mode; throws SchemaError. */
export function rebuildTapeDisplay(views: unknown, edges: unknown): TapeDisplay {
  const out: TapeDisplay = {};
  if (views !== undefined) {
    if (!Array.isArray(views) || views.length === 0 || views.length > TAPE_VIEWS.length)
      throw new SchemaError(`views must list 1 to ${TAPE_VIEWS.length} of ${TAPE_VIEWS.join(', ')}`);
    out.views = views.map((v, i) => {
      if (!isOneOf(v, TAPE_VIEWS)) throw new SchemaError(`views[${i}] must be one of ${TAPE_VIEWS.join(', ')}`);
      return v;
    });
    if (new Set(out.views).size !== out.views.length) throw new SchemaError('views must not repeat a view');
  }
  if (edges !== undefined) {
    if (!isOneOf(edges, EDGE_MODES)) throw new SchemaError(`edges must be ${EDGE_MODES.map((m) => `'${m}'`).join(' or ')}`);
    out.edges = edges;
  }
  return out;
}
