// A network view rebuilt from the schema (plot-spec.ts's NetworkView): layer counts and widths
// bounded, per-unit values exactly one per unit and finite, dead marks 0 or 1, edge indices
// inside their layers, at most NETWORK_CAPS.maxEdges edges, names short plain text. The output
// is fresh number arrays; the drawing code (src/plot) escapes the names it shows.
import { Budget, SchemaError, bool, record } from './plot-schema';
import { EDGE_MODES, NETWORK_CAPS, type NetworkLayerView, type NetworkView } from './plot-spec';

const MAX_NAME = 40;
type Check = (x: number) => boolean;
const finite: Check = Number.isFinite;

/** Rebuild a 'network' trace's diagram, spending its size from `budget`. */
export function rebuildNetwork(raw: unknown, path: string, budget: Budget): NetworkView {
  const r = record(raw, path);
  if (!Array.isArray(r.layers) || r.layers.length < 2 || r.layers.length > NETWORK_CAPS.maxLayers) {
    throw new SchemaError(`${path}.layers must list 2 to ${NETWORK_CAPS.maxLayers} layers`);
  }
  const layers = r.layers.map((layer, l) => rebuildLayer(layer, `${path}.layers[${l}]`, budget));
  const edgeMode = r.edgeMode;
  if (typeof edgeMode !== 'string' || !(EDGE_MODES as readonly string[]).includes(edgeMode)) {
    throw new SchemaError(`${path}.edgeMode must be one of ${EDGE_MODES.join(', ')}`);
  }
  const count = Array.isArray(r.edgeLayer) || ArrayBuffer.isView(r.edgeLayer) ? (r.edgeLayer as ArrayLike<unknown>).length : -1;
  if (count < 0 || count > NETWORK_CAPS.maxEdges)
    throw new SchemaError(`${path}.edgeLayer must list at most ${NETWORK_CAPS.maxEdges} edges`);
  budget.spend(32 * count, path);
  const edgeLayer = values(r.edgeLayer, `${path}.edgeLayer`, count, (x) => Number.isInteger(x) && x >= 1 && x < layers.length);
  const drawn = (l: number) => layers[l].units <= NETWORK_CAPS.maxUnitsDrawn;
  const edgeFrom = values(r.edgeFrom, `${path}.edgeFrom`, count, (x) => Number.isInteger(x) && x >= 0);
  const edgeTo = values(r.edgeTo, `${path}.edgeTo`, count, (x) => Number.isInteger(x) && x >= 0);
  edgeLayer.forEach((l, e) => {
    if (!drawn(l) || !drawn(l - 1))
      throw new SchemaError(`${path}: edge ${e} enters or leaves a summarised layer (wider than ${NETWORK_CAPS.maxUnitsDrawn})`);
    if (edgeFrom[e] >= layers[l - 1].units || edgeTo[e] >= layers[l].units)
      throw new SchemaError(`${path}: edge ${e} names a unit its layers do not have`);
  });
  const edgeValue = values(r.edgeValue, `${path}.edgeValue`, count, finite);
  const edgeTotal = r.edgeTotal;
  if (typeof edgeTotal !== 'number' || !Number.isInteger(edgeTotal) || edgeTotal < count || edgeTotal > 1e12) {
    throw new SchemaError(`${path}.edgeTotal must be a whole number ≥ the edges drawn`);
  }
  return { layers, edgeMode: edgeMode as NetworkView['edgeMode'], edgeLayer, edgeFrom, edgeTo, edgeValue, edgeTotal };
}

function rebuildLayer(raw: unknown, path: string, budget: Budget): NetworkLayerView {
  const r = record(raw, path);
  if (typeof r.name !== 'string' || r.name.length > MAX_NAME)
    throw new SchemaError(`${path}.name must be text of at most ${MAX_NAME} characters`);
  budget.spend(2 * r.name.length + 16, path);
  const units = r.units;
  if (typeof units !== 'number' || !Number.isInteger(units) || units < 1 || units > NETWORK_CAPS.maxWidth) {
    throw new SchemaError(`${path}.units must be a whole number in [1, ${NETWORK_CAPS.maxWidth}]`);
  }
  const out: NetworkLayerView = { name: r.name, units };
  const perUnit = ['mean', 'dead', 'zMin', 'zMax', 'weightNorm'] as const;
  for (const key of perUnit) {
    if (r[key] === undefined) continue;
    if (units > NETWORK_CAPS.maxUnitsDrawn)
      throw new SchemaError(
        `${path}.${key}: a layer of more than ${NETWORK_CAPS.maxUnitsDrawn} units is summarised, without per-unit values`,
      );
    budget.spend(8 * units, path);
    out[key] = values(r[key], `${path}.${key}`, units, key === 'dead' ? (x) => x === 0 || x === 1 : finite);
  }
  if (r.stuck !== undefined) out.stuck = bool(r.stuck, `${path}.stuck`);
  if (r.deadCount !== undefined) {
    const d = r.deadCount;
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > units)
      throw new SchemaError(`${path}.deadCount must be a whole number in [0, ${units}]`);
    out.deadCount = d;
  }
  if (r.gradNorm !== undefined) {
    if (typeof r.gradNorm !== 'number' || !Number.isFinite(r.gradNorm) || r.gradNorm < 0)
      throw new SchemaError(`${path}.gradNorm must be a finite number ≥ 0`);
    out.gradNorm = r.gradNorm;
  }
  return out;
}

// Exactly `length` numbers (a typed array or a number array), each passing `ok`.
function values(v: unknown, path: string, length: number, ok: Check): number[] {
  if (!(Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView))))
    throw new SchemaError(`${path} must be an array of numbers`);
  const source = v as ArrayLike<unknown>;
  if (source.length !== length) throw new SchemaError(`${path} must hold ${length} values, not ${source.length}`);
  const out = new Array<number>(length);
  for (let i = 0; i < length; i++) {
    const x = source[i];
    if (typeof x !== 'number' || !ok(x))
      throw new SchemaError(`${path}[${i}] is not a valid value (${typeof x === 'number' ? x : typeof x})`);
    out[i] = x;
  }
  return out;
}
