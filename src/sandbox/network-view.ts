// networkViewAt: one moment of a tape as a network-view plot spec. Pure data in, data out, so
// a snippet (through the 'rectify' module) and the deck's scrubber (for every snapshot it
// shows) build the very same figure. It never draws more than a few hundred edges: per layer
// an equal share of `maxEdges`, the strongest into each unit first (issue 13: Plotly redraws
// every trace on each scrub step, and ~300 edges keep a step near 20 ms).
import type { NetworkLayerView, NetworkView, NetworkViewOptions, PlotLayout, PlotTrace } from './plot-spec';
import { EDGE_MODES, NETWORK_CAPS } from './plot-spec';
import type { TapeData } from './tape-spec';

/** Edges networkViewAt draws when not told. */
export const DEFAULT_MAX_EDGES = 300;

/**
 * The network at snapshot `index` of a tape, as a plot spec: `const v = networkViewAt(tape, i);
 * plot(v.traces, v.layout)`. Units are coloured by mean activation on the probe batch, dead
 * ReLU units greyed and crossed, edges drawn by weight or gradient, each layer's ‖dL/dW‖ under it.
 */
export function networkViewAt(
  tape: TapeData,
  index: number,
  options: NetworkViewOptions = {},
): { traces: PlotTrace[]; layout: PlotLayout } {
  if (!(Number.isInteger(index) && index >= 0 && index < tape.count)) {
    throw new RangeError(
      `networkViewAt: snapshot ${index} is not on the tape (it holds ${tape.count ? `0 to ${tape.count - 1}` : 'none yet'})`,
    );
  }
  const mode = options.edges ?? 'weight';
  if (!(EDGE_MODES as readonly string[]).includes(mode))
    throw new RangeError(`networkViewAt: edges must be 'weight' or 'gradient', not '${String(mode)}'`);
  const maxEdges = options.maxEdges ?? DEFAULT_MAX_EDGES;
  if (!(Number.isInteger(maxEdges) && maxEdges >= 0 && maxEdges <= NETWORK_CAPS.maxEdges)) {
    throw new RangeError(`networkViewAt: maxEdges must be a whole number in [0, ${NETWORK_CAPS.maxEdges}]`);
  }
  const { sizes } = tape;
  const L = sizes.length - 1;
  const units = sizes.slice(1).reduce((a, b) => a + b, 0);
  const parameters = sizes.slice(1).reduce((sum, out, l) => sum + sizes[l] * out + out, 0);
  const drawn = (width: number) => width <= NETWORK_CAPS.maxUnitsDrawn;
  const layers: NetworkLayerView[] = [{ name: 'input', units: sizes[0] }];
  let unitAt = index * units;
  let paramAt = index * parameters;
  const weightsOf: Float32Array[] = [];
  const valuesOf: Float32Array[] = [];
  for (let l = 0; l < L; l++) {
    const width = sizes[l + 1];
    const fanIn = sizes[l];
    const slice = <A extends Float32Array | Uint8Array>(a: A) => a.subarray(unitAt, unitAt + width) as A;
    const dead = slice(tape.dead);
    let deadCount = 0;
    for (const d of dead) deadCount += d;
    const layer: NetworkLayerView = {
      name: tape.activations[l],
      units: width,
      stuck: tape.activations[l] === 'relu',
      deadCount,
      gradNorm: tape.gradNorms[(index * L + l) * 2],
    };
    if (tape.hasWeights) {
      const w = tape.params.subarray(paramAt, paramAt + fanIn * width);
      weightsOf.push(w);
      valuesOf.push(mode === 'weight' ? w : tape.grads.subarray(paramAt, paramAt + fanIn * width));
    }
    if (drawn(width)) {
      layer.mean = Array.from(slice(tape.unitMean));
      layer.dead = Array.from(dead);
      layer.zMin = Array.from(slice(tape.zMin));
      layer.zMax = Array.from(slice(tape.zMax));
      if (tape.hasWeights) layer.weightNorm = incomingNorms(weightsOf[l], fanIn, width);
    }
    layers.push(layer);
    unitAt += width;
    paramAt += fanIn * width + width;
  }
  const view: NetworkView = { layers, edgeMode: mode, edgeLayer: [], edgeFrom: [], edgeTo: [], edgeValue: [], edgeTotal: 0 };
  if (tape.hasWeights) addEdges(view, sizes, valuesOf, maxEdges);
  const layout: PlotLayout = { height: options.height ?? 300, showlegend: false };
  if (options.title !== undefined) layout.title = options.title;
  return { traces: [{ type: 'network', network: view }], layout };
}

// ‖w‖ of each unit's incoming weights: column j of the fanIn × width matrix.
function incomingNorms(w: Float32Array, fanIn: number, width: number): number[] {
  const out = new Array<number>(width).fill(0);
  for (let i = 0; i < fanIn; i++) for (let j = 0; j < width; j++) out[j] += w[i * width + j] ** 2;
  return out.map(Math.sqrt);
}

// Per layer with both ends drawn, an equal share of the edges: the strongest |value| into each
// unit first (every unit keeps at least its strongest edge while the share allows), then the
// strongest of the rest.
function addEdges(view: NetworkView, sizes: readonly number[], values: Float32Array[], maxEdges: number): void {
  const pairs = values.map((_, l) => l).filter((l) => sizes[l] <= NETWORK_CAPS.maxUnitsDrawn && sizes[l + 1] <= NETWORK_CAPS.maxUnitsDrawn);
  view.edgeTotal = values.reduce((sum, v) => sum + v.length, 0);
  const [edgeLayer, edgeFrom, edgeTo, edgeValue] = [[], [], [], []] as number[][];
  pairs.forEach((l, k) => {
    const share = Math.floor((maxEdges - edgeLayer.length) / (pairs.length - k));
    const fanIn = sizes[l];
    const width = sizes[l + 1];
    const v = values[l];
    const perUnit = Math.max(1, Math.floor(share / width));
    const ranked: { i: number; j: number; rank: number; size: number }[] = [];
    for (let j = 0; j < width; j++) {
      const into = Array.from({ length: fanIn }, (_, i) => i).sort(
        (a, b) => Math.abs(v[b * width + j]) - Math.abs(v[a * width + j]) || a - b,
      );
      into.forEach((i, rank) => ranked.push({ i, j, rank: rank < perUnit ? 0 : 1, size: Math.abs(v[i * width + j]) }));
    }
    ranked.sort((a, b) => a.rank - b.rank || b.size - a.size || a.j - b.j || a.i - b.i);
    for (const e of ranked.slice(0, share)) {
      edgeLayer.push(l + 1);
      edgeFrom.push(e.i);
      edgeTo.push(e.j);
      edgeValue.push(v[e.i * width + e.j]);
    }
  });
  Object.assign(view, { edgeLayer, edgeFrom, edgeTo, edgeValue });
}
