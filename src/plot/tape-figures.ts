/**
 * The scrubber's charts of a recorded run (issue 13), as plot specs for drawPlot: the loss curve
 * with a mark at the current snapshot (MomentMark), each layer's gradient norm through time, and what the
 * model computes at a snapshot — a decision map over two inputs or a fitted curve over one — by
 * running the tape's own weights forward (no core needed: a tape is plain numbers). Pure: data
 * in, specs out, so Node tests and the bench build the very figures the deck draws. The words
 * come from the caller (the deck's t()), maths-only without.
 */
import type { PlotLayout, PlotTrace, TapeData } from '../sandbox/protocol';
import { PLOT_COLORS } from './draw-plot';
import { fillSlots } from './network-figure';
import { timeAxis } from '../sandbox/tape-time';

/** The words the charts show, by key (the deck passes its t()). */
export type TapeTextKey = 'tmLossTitle' | 'tmLossAxis' | 'tmEpochAxis' | 'tmStepAxis' | 'tmGradTitle' | 'tmGradLayer' | 'tmOutputTitle';
export type TapeText = (key: TapeTextKey, values: Record<string, string | number>) => string;

const MATHS: Record<TapeTextKey, string> = {
  tmLossTitle: 'L',
  tmLossAxis: 'L',
  tmEpochAxis: 'epoch',
  tmStepAxis: 'step',
  tmGradTitle: '‖∂L/∂W‖',
  tmGradLayer: '{layer}',
  tmOutputTitle: 'f(x) · {name}',
};

/** The maths-only wording. */
export const mathsTapeText: TapeText = (key, values) => fillSlots(MATHS[key], values);

/** A tape with the name the scrubber shows for it. */
export interface NamedTape {
  name: string;
  tape: TapeData;
}

/**
 * Where a chart shows "now": a dot on each series at the snapshot shown. Drawn as layout shapes
 * over the lines (draw-plot.ts), so a scrub step changes only the layout and Plotly redraws the
 * shapes, not every trace (issue 13's bench: 4–9 ms instead of 18–40 ms per chart).
 */
export interface MomentMark {
  points: { x: number; y: number | null; color: string; size: number }[];
}

type Spec = { traces: PlotTrace[]; layout: PlotLayout; mark?: MomentMark };

// Invisible markers on every point of a line: Plotly pads the axes for them, so the mark's dot
// is never cut in half at the chart's edge (a shape makes no room for itself).
const roomForMark = (size: number) => ({ color: 'rgba(0,0,0,0)', size });

// A chart's lines are the same arrays at every snapshot of a tape (only the mark moves), so
// Plotly.react sees unchanged data; built once per tape and key.
const seriesOfTape = new WeakMap<TapeData, Map<string, unknown>>();
function series<T>(tape: TapeData, key: string, build: () => T): T {
  let known = seriesOfTape.get(tape);
  if (!known) seriesOfTape.set(tape, (known = new Map()));
  if (!known.has(key)) known.set(key, build());
  return known.get(key) as T;
}

/** Loss of every tape over time, one colour each, with a mark at snapshot `index` (clamped per tape). */
export function lossFigure(tapes: readonly NamedTape[], index: number, text: TapeText = mathsTapeText, height = 170): Spec {
  const traces: PlotTrace[] = [];
  const mark: MomentMark = { points: [] };
  let low = Infinity;
  let high = 0;
  let unit: 'epoch' | 'step' = 'epoch';
  for (const [k, { name, tape }] of tapes.entries()) {
    const axis = series(tape, 'time', () => timeAxis(tape));
    const x = axis.values;
    unit = axis.unit;
    const y = series(tape, 'loss', () => Array.from(tape.loss, (v) => (Number.isFinite(v) ? v : null)));
    for (const v of y) if (v !== null && v > 0) [low, high] = [Math.min(low, v), Math.max(high, v)];
    const color = PLOT_COLORS[k % PLOT_COLORS.length];
    traces.push({ name, x, y, mode: 'lines+markers', line: { color, width: 2 }, marker: roomForMark(11) });
    const i = Math.min(index, tape.count - 1);
    mark.points.push({ x: x[i], y: y[i], color, size: 11 });
  }
  const log = high / low > 100;
  return {
    traces,
    mark,
    layout: {
      title: text('tmLossTitle', {}),
      height,
      showlegend: tapes.length > 1,
      xaxis: { title: text(unit === 'step' ? 'tmStepAxis' : 'tmEpochAxis', {}) },
      // On a log axis, one tick per power of ten (Plotly's default adds 2 and 5 between, which crowd a short chart).
      yaxis: { title: text('tmLossAxis', {}), ...(log ? { type: 'log', dtick: 1 } : { type: 'linear' }) },
    },
  };
}

/** ‖∂L/∂W‖ of each layer of one tape over time (log scale), with a mark at snapshot `index`. */
export function gradientFigure({ name, tape }: NamedTape, index: number, text: TapeText = mathsTapeText, height = 190): Spec {
  const layers = tape.sizes.length - 1;
  const { unit, values: x } = series(tape, 'time', () => timeAxis(tape));
  const i = Math.min(index, tape.count - 1);
  const traces: PlotTrace[] = [];
  const mark: MomentMark = { points: [] };
  for (let l = 0; l < layers; l++) {
    const y = series(tape, `grad${l}`, () =>
      Array.from({ length: tape.count }, (_, s) => {
        const v = tape.gradNorms[(s * layers + l) * 2];
        return v > 0 ? v : null;
      }),
    );
    // Input side blue to output side red. The legend names the two ends of that ramp only: a key
    // for every layer of a deep net would take more room than the chart.
    const color = shade(l / Math.max(1, layers - 1));
    const end = l === 0 || l === layers - 1;
    traces.push({
      name: text('tmGradLayer', { layer: l + 1 }),
      x,
      y,
      mode: 'lines+markers',
      line: { color, width: 1.5 },
      marker: roomForMark(8),
      ...(!end && { showlegend: false }),
    });
    mark.points.push({ x: x[i], y: y[i], color, size: 8 });
  }
  return {
    traces,
    mark,
    layout: {
      title: `${text('tmGradTitle', {})} · ${name}`,
      height,
      showlegend: layers > 1,
      xaxis: { title: text(unit === 'step' ? 'tmStepAxis' : 'tmEpochAxis', {}) },
      yaxis: { type: 'log' },
    },
  };
}

/** Whether a tape can show its model's output: one output, one or two inputs, weights kept, known activations. */
export function canShowOutput(tape: TapeData): boolean {
  return tape.hasWeights && tape.sizes.at(-1) === 1 && (tape.sizes[0] === 1 || tape.sizes[0] === 2) && tape.activations.every(known);
}

/** What the model computes at snapshot `index`: a decision map over 2 inputs, a fitted curve over 1; the probe batch on top. */
export function outputFigure(
  { name, tape }: NamedTape,
  index: number,
  text: TapeText = mathsTapeText,
  height = 220,
  resolution = 30,
): Spec {
  const title = text('tmOutputTitle', { name });
  const rows = tape.probeRows;
  if (tape.sizes[0] === 1) {
    const [lo, hi] = padded(tape.probeX, 1, 0, 0.05);
    const xs = Array.from({ length: 121 }, (_, k) => lo + ((hi - lo) * k) / 120);
    const ys = predict(tape, index, Float64Array.from(xs));
    return {
      traces: [
        { name: 'data', x: tape.probeX, y: tape.probeY, mode: 'markers', marker: { color: '#9a968c', size: 5 }, showlegend: false },
        { name, x: xs, y: Array.from(ys), mode: 'lines', line: { color: PLOT_COLORS[0], width: 3 }, showlegend: false },
      ],
      layout: { title, height, showlegend: false },
    };
  }
  const [x0, x1] = padded(tape.probeX, 2, 0, 0.15);
  const [y0, y1] = padded(tape.probeX, 2, 1, 0.15);
  const gx = Array.from({ length: resolution }, (_, k) => x0 + ((x1 - x0) * k) / (resolution - 1));
  const gy = Array.from({ length: resolution }, (_, k) => y0 + ((y1 - y0) * k) / (resolution - 1));
  const inputs = new Float64Array(resolution * resolution * 2);
  gy.forEach((y, r) => gx.forEach((x, c) => inputs.set([x, y], (r * resolution + c) * 2)));
  const out = predict(tape, index, inputs);
  const z = gy.map((_, r) => Array.from(out.subarray(r * resolution, (r + 1) * resolution), (v) => Math.min(1, Math.max(0, v))));
  const points = (label: number) => {
    const px: number[] = [];
    const py: number[] = [];
    for (let p = 0; p < rows; p++) {
      if (Math.round(tape.probeY[p]) !== label) continue;
      px.push(tape.probeX[p * 2]);
      py.push(tape.probeX[p * 2 + 1]);
    }
    return { x: px, y: py };
  };
  return {
    traces: [
      { type: 'heatmap', x: gx, y: gy, z, colorscale: 'RdBu', zmin: 0, zmax: 1, showscale: false },
      // A white disc under each point keeps it visible on a map of its own colour.
      {
        x: Array.from({ length: rows }, (_, p) => tape.probeX[p * 2]),
        y: Array.from({ length: rows }, (_, p) => tape.probeX[p * 2 + 1]),
        mode: 'markers',
        marker: { color: '#ffffff', size: 13 },
        showlegend: false,
      },
      { ...points(0), mode: 'markers', marker: { color: '#c0392b', size: 9 }, showlegend: false },
      { ...points(1), mode: 'markers', marker: { color: '#1f5fbf', size: 9 }, showlegend: false },
    ],
    layout: { title, height, showlegend: false, xaxis: { range: [x0, x1] }, yaxis: { range: [y0, y1] } },
  };
}

/** The model's output at snapshot `index` for each row of `inputs` (rows × sizes[0]), from the tape's weights. */
export function predict(tape: TapeData, index: number, inputs: Float64Array): Float64Array {
  const { sizes } = tape;
  const layers = sizes.length - 1;
  const parameters = sizes.slice(1).reduce((sum, out, l) => sum + sizes[l] * out + out, 0);
  const rows = inputs.length / sizes[0];
  let a = inputs;
  let at = index * parameters;
  for (let l = 0; l < layers; l++) {
    const [fanIn, width] = [sizes[l], sizes[l + 1]];
    const w = tape.params.subarray(at, at + fanIn * width);
    const b = tape.params.subarray(at + fanIn * width, at + fanIn * width + width);
    const f = activation(tape.activations[l]);
    const next = new Float64Array(rows * width);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < width; j++) {
        let z = b[j];
        for (let i = 0; i < fanIn; i++) z += a[r * fanIn + i] * w[i * width + j];
        next[r * width + j] = f(z);
      }
    }
    a = next;
    at += fanIn * width + width;
  }
  return a;
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const FIXED: Record<string, (x: number) => number> = {
  relu: (x) => (x > 0 ? x : 0),
  sigmoid: logistic,
  tanh: Math.tanh,
  linear: (x) => x,
  identity: (x) => x,
  softplus: (x) => (x > 0 ? x : 0) + Math.log1p(Math.exp(-Math.abs(x))),
  silu: (x) => x * logistic(x),
  swish: (x) => x * logistic(x),
  gelu: (x) => x * logistic(2 * Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)),
};
// The core names a leak or an ELU scale in the activation's name: leakyRelu(0.1), elu(0.5).
const SCALED = /^(leakyRelu|elu)(?:\((\d*\.?\d+(?:e-?\d+)?)\))?$/;

function known(name: string): boolean {
  return Object.hasOwn(FIXED, name) || SCALED.test(name);
}

function activation(name: string): (x: number) => number {
  if (Object.hasOwn(FIXED, name)) return FIXED[name];
  const m = SCALED.exec(name);
  if (!m) throw new RangeError(`unknown activation ${name}`);
  const alpha = m[2] === undefined ? (m[1] === 'elu' ? 1 : 0.01) : Number(m[2]);
  return m[1] === 'elu' ? (x) => (x > 0 ? x : alpha * Math.expm1(x)) : (x) => (x > 0 ? x : alpha * x);
}

// The range of column `column` of a rows × width array, widened by `pad` of its span on each side.
function padded(values: Float32Array, width: number, column: number, pad: number): [number, number] {
  let [lo, hi] = [Infinity, -Infinity];
  for (let i = column; i < values.length; i += width) [lo, hi] = [Math.min(lo, values[i]), Math.max(hi, values[i])];
  if (!(hi > lo)) [lo, hi] = [lo - 1, lo + 1];
  const span = hi - lo;
  return [lo - pad * span, hi + pad * span];
}

// From the deck's blue (0) to its red (1).
function shade(t: number): string {
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  const hex = (v: number) => v.toString(16).padStart(2, '0');
  return `#${hex(mix(0x1f, 0xc0))}${hex(mix(0x5f, 0x39))}${hex(mix(0xbf, 0x2b))}`;
}
