// Plot specs rebuilt from a schema: only known trace types and fields survive, numbers stay
// numbers, text stays short plain text, and every byte is counted against a budget while
// walking — nothing untrusted is ever serialised to measure it. The result is made of fresh
// object literals, so keys like `__proto__` or `constructor` cannot come through.
import { rebuildNetwork } from './network-schema';
import { AXIS_REFS, AXIS_TYPES, BAR_MODES, type PlotAxis, type PlotLayout, type PlotTrace, type Series, TRACE_TYPES } from './plot-spec';

/** Raised when a spec breaks the schema or the size budget; `path` names the offending field. */
export class SchemaError extends Error {
  override name = 'SchemaError';
}

/** A byte allowance that walking code spends as it goes; throws `SchemaError` when overdrawn. */
export class Budget {
  /** Bytes still available (negative once overdrawn). */
  remaining: number;
  constructor(bytes: number) {
    this.remaining = bytes;
  }
  /** Spend `bytes`, or throw if the allowance is exhausted. */
  spend(bytes: number, what: string): void {
    this.remaining -= bytes;
    if (this.remaining < 0) throw new SchemaError(`${what} is too large`);
  }
}

/** Structural caps of one plot spec. */
export interface PlotCaps {
  /** Traces per plot. */
  maxTraces: number;
  /** Points per series. */
  maxSeriesLength: number;
}

const MODE = /^(?:none|(?:lines|markers|text)(?:\+(?:lines|markers|text)){0,2})$/;
const COLOR = /^(?:#[0-9a-fA-F]{3,8}|[a-zA-Z]{1,30}|(?:rgb|rgba|hsl|hsla)\([0-9., %]{1,40}\))$/;
const NAME = /^[A-Za-z]{1,30}$/;
const DASHES = ['solid', 'dot', 'dash', 'longdash', 'dashdot', 'longdashdot'];
const MAX_TEXT = 200;

// One entry per field of the types, so a field added to plot-spec.ts without a rule here (and
// in rebuildTrace/rebuildLayout) does not compile.
const TRACE_KEYS = {
  type: true,
  name: true,
  mode: true,
  x: true,
  y: true,
  z: true,
  line: true,
  marker: true,
  colorscale: true,
  showscale: true,
  zmin: true,
  zmax: true,
  opacity: true,
  showlegend: true,
  nbinsx: true,
  xaxis: true,
  yaxis: true,
  network: true,
} as const satisfies Record<keyof PlotTrace, true>;
const LAYOUT_KEYS = {
  title: true,
  xaxis: true,
  yaxis: true,
  xaxis2: true,
  yaxis2: true,
  showlegend: true,
  height: true,
  barmode: true,
} as const satisfies Record<keyof PlotLayout, true>;

/** Known trace fields (anything else is dropped; the runner warns about them). */
export const TRACE_FIELDS = Object.keys(TRACE_KEYS) as ReadonlyArray<keyof PlotTrace>;
/** Known layout fields. */
export const LAYOUT_FIELDS = Object.keys(LAYOUT_KEYS) as ReadonlyArray<keyof PlotLayout>;
const ANCHORS = [...AXIS_REFS.x, ...AXIS_REFS.y] as const;

/** Rebuild `traces` (and `layout`) from the schema, spending their size from `budget`. */
export function rebuildPlot(
  traces: unknown,
  layout: unknown,
  caps: PlotCaps,
  budget: Budget,
): { traces: PlotTrace[]; layout?: PlotLayout } {
  if (!Array.isArray(traces)) throw new SchemaError('traces must be an array of trace objects');
  if (traces.length > caps.maxTraces) throw new SchemaError(`a plot may have at most ${caps.maxTraces} traces`);
  budget.spend(16 * traces.length, 'plot');
  const out = traces.map((t, i) => rebuildTrace(t, `traces[${i}]`, caps, budget));
  if (out.length > 1 && out.some((t) => t.type === 'network')) throw new SchemaError('a network trace must be the only trace of its plot');
  return layout === undefined || layout === null ? { traces: out } : { traces: out, layout: rebuildLayout(layout, budget) };
}

function rebuildTrace(t: unknown, path: string, caps: PlotCaps, budget: Budget): PlotTrace {
  const r = record(t, path);
  const out: PlotTrace = {};
  out.type = oneOf(r.type ?? 'scatter', TRACE_TYPES, `${path}.type`);
  if (out.type === 'network' || r.network !== undefined) {
    // A diagram, not a Plotly trace: only its name and its network are kept.
    if (out.type !== 'network') throw new SchemaError(`${path}.network needs type 'network'`);
    if (r.name !== undefined) out.name = text(r.name, `${path}.name`, budget);
    out.network = rebuildNetwork(r.network, `${path}.network`, budget);
    return out;
  }
  if (r.name !== undefined) out.name = text(r.name, `${path}.name`, budget);
  if (r.mode !== undefined) out.mode = pattern(r.mode, MODE, `${path}.mode`);
  if (r.x !== undefined) out.x = series(r.x, `${path}.x`, caps, budget, true);
  if (r.y !== undefined) out.y = series(r.y, `${path}.y`, caps, budget, true);
  if (r.z !== undefined) {
    if (!Array.isArray(r.z)) throw new SchemaError(`${path}.z must be an array of rows`);
    if (r.z.length > caps.maxSeriesLength) throw new SchemaError(`${path}.z has too many rows`);
    budget.spend(16 * r.z.length, path);
    out.z = r.z.map((row, i) => series(row, `${path}.z[${i}]`, caps, budget, false) as Series);
  }
  if (r.line !== undefined) {
    const l = record(r.line, `${path}.line`);
    out.line = {};
    if (l.color !== undefined) out.line.color = pattern(l.color, COLOR, `${path}.line.color`);
    if (l.width !== undefined) out.line.width = num(l.width, `${path}.line.width`, 0, 100);
    if (l.dash !== undefined) out.line.dash = oneOf(l.dash, DASHES, `${path}.line.dash`);
  }
  if (r.marker !== undefined) {
    const m = record(r.marker, `${path}.marker`);
    out.marker = {};
    if (typeof m.color === 'string') out.marker.color = pattern(m.color, COLOR, `${path}.marker.color`);
    else if (m.color !== undefined) out.marker.color = series(m.color, `${path}.marker.color`, caps, budget, false) as Series;
    if (typeof m.size === 'number') out.marker.size = num(m.size, `${path}.marker.size`, 0, 1000);
    else if (m.size !== undefined) out.marker.size = series(m.size, `${path}.marker.size`, caps, budget, false) as Series;
    if (m.colorscale !== undefined) out.marker.colorscale = pattern(m.colorscale, NAME, `${path}.marker.colorscale`);
  }
  if (r.colorscale !== undefined) out.colorscale = pattern(r.colorscale, NAME, `${path}.colorscale`);
  if (r.showscale !== undefined) out.showscale = bool(r.showscale, `${path}.showscale`);
  if (r.zmin !== undefined) out.zmin = num(r.zmin, `${path}.zmin`);
  if (r.zmax !== undefined) out.zmax = num(r.zmax, `${path}.zmax`);
  if (r.opacity !== undefined) out.opacity = num(r.opacity, `${path}.opacity`, 0, 1);
  if (r.showlegend !== undefined) out.showlegend = bool(r.showlegend, `${path}.showlegend`);
  if (r.nbinsx !== undefined) out.nbinsx = num(r.nbinsx, `${path}.nbinsx`, 1, 10_000);
  if (r.xaxis !== undefined) out.xaxis = oneOf(r.xaxis, AXIS_REFS.x, `${path}.xaxis`);
  if (r.yaxis !== undefined) out.yaxis = oneOf(r.yaxis, AXIS_REFS.y, `${path}.yaxis`);
  return out;
}

function rebuildLayout(l: unknown, budget: Budget): PlotLayout {
  const r = record(l, 'layout');
  const out: PlotLayout = {};
  if (r.title !== undefined) out.title = title(r.title, 'layout.title', budget);
  if (r.xaxis !== undefined) out.xaxis = rebuildAxis(r.xaxis, 'layout.xaxis', budget);
  if (r.yaxis !== undefined) out.yaxis = rebuildAxis(r.yaxis, 'layout.yaxis', budget);
  if (r.xaxis2 !== undefined) out.xaxis2 = rebuildAxis(r.xaxis2, 'layout.xaxis2', budget);
  if (r.yaxis2 !== undefined) out.yaxis2 = rebuildAxis(r.yaxis2, 'layout.yaxis2', budget);
  if (r.showlegend !== undefined) out.showlegend = bool(r.showlegend, 'layout.showlegend');
  if (r.height !== undefined) out.height = num(r.height, 'layout.height', 50, 2000);
  if (r.barmode !== undefined) out.barmode = oneOf(r.barmode, BAR_MODES, 'layout.barmode');
  return out;
}

function rebuildAxis(a: unknown, path: string, budget: Budget): PlotAxis {
  const r = record(a, path);
  const out: PlotAxis = {};
  if (r.title !== undefined) out.title = title(r.title, `${path}.title`, budget);
  if (r.type !== undefined) out.type = oneOf(r.type, AXIS_TYPES, `${path}.type`);
  if (r.range !== undefined) {
    if (!Array.isArray(r.range) || r.range.length !== 2) throw new SchemaError(`${path}.range must be [min, max]`);
    out.range = [num(r.range[0], `${path}.range[0]`), num(r.range[1], `${path}.range[1]`)];
  }
  if (r.zeroline !== undefined) out.zeroline = bool(r.zeroline, `${path}.zeroline`);
  if (r.domain !== undefined) {
    if (!Array.isArray(r.domain) || r.domain.length !== 2) throw new SchemaError(`${path}.domain must be [from, to]`);
    const [from, to] = [num(r.domain[0], `${path}.domain[0]`, 0, 1), num(r.domain[1], `${path}.domain[1]`, 0, 1)];
    if (from >= to) throw new SchemaError(`${path}.domain must be [from, to] with from < to`);
    out.domain = [from, to];
  }
  if (r.anchor !== undefined) out.anchor = oneOf(r.anchor, ANCHORS, `${path}.anchor`);
  return out;
}

/** A plain object (or a structured clone of one); arrays, functions and class instances are refused. */
export function record(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || ArrayBuffer.isView(v)) {
    throw new SchemaError(`${path} must be an object`);
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) throw new SchemaError(`${path} must be a plain object`);
  return v as Record<string, unknown>;
}

/** Numbers (null or non-finite → null: a gap), a typed array, or — when allowed — short category labels. */
function series(v: unknown, path: string, caps: PlotCaps, budget: Budget, labels: boolean): Series | string[] {
  if (ArrayBuffer.isView(v) && !(v instanceof DataView) && !(v instanceof BigInt64Array) && !(v instanceof BigUint64Array)) {
    const t = v as Float64Array;
    if (t.length > caps.maxSeriesLength) throw new SchemaError(`${path} has more than ${caps.maxSeriesLength} points`);
    budget.spend(8 * t.length, path);
    return Float64Array.from(t);
  }
  if (!Array.isArray(v)) throw new SchemaError(`${path} must be an array of numbers`);
  if (v.length > caps.maxSeriesLength) throw new SchemaError(`${path} has more than ${caps.maxSeriesLength} points`);
  budget.spend(8 * v.length, path);
  if (labels && v.length > 0 && typeof v[0] === 'string') {
    return v.map((s, i) => text(s, `${path}[${i}]`, budget));
  }
  const out: (number | null)[] = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (typeof x === 'number') out[i] = Number.isFinite(x) ? x : null;
    else if (x === null || x === undefined) out[i] = null;
    else throw new SchemaError(`${path}[${i}] must be a number`);
  }
  return out;
}

function text(v: unknown, path: string, budget: Budget): string {
  if (typeof v !== 'string') throw new SchemaError(`${path} must be a string`);
  if (v.length > MAX_TEXT) throw new SchemaError(`${path} is longer than ${MAX_TEXT} characters`);
  budget.spend(2 * v.length + 16, path);
  return v;
}

function title(v: unknown, path: string, budget: Budget): string {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return text(record(v, path).text, `${path}.text`, budget);
  return text(v, path, budget);
}

function pattern(v: unknown, re: RegExp, path: string): string {
  if (typeof v !== 'string' || v.length > 60 || !re.test(v)) throw new SchemaError(`${path} is not a valid value`);
  return v;
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string): T {
  if (!isOneOf(v, allowed)) throw new SchemaError(`${path} must be one of ${allowed.join(', ')}`);
  return v;
}

/** Whether `v` is one of `allowed` (a type guard, so the value keeps the list's union type). */
export function isOneOf<T extends string>(v: unknown, allowed: readonly T[]): v is T {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v);
}

function num(v: unknown, path: string, min = -Infinity, max = Infinity): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    throw new SchemaError(`${path} must be a number${Number.isFinite(min) ? ` in [${min}, ${max}]` : ''}`);
  }
  return v;
}

/** A boolean, or a SchemaError naming the field. */
export function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') throw new SchemaError(`${path} must be true or false`);
  return v;
}
