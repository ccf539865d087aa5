/**
 * The `param('lr', 0.1, { min: 0.001, max: 1, step: 0.001, label: '学习率' })` calls of a
 * snippet, read from its source so their controls show before the first run, and the rules
 * for parameter values read from untrusted places (storage, links). Pure. A call whose
 * arguments are not literals gets no control and keeps its default. `param('name', true)`
 * declares an on/off toggle; its value travels as 1 or 0.
 */
import { PARAM_NAME } from '../sandbox/param-name';

/** Parameter values from an untrusted place (storage, a link, another window): see `paramValues`. */
export { paramValues as readParamValues } from '../sandbox/param-name';

/** One parameter a snippet declares. */
export interface ParamSpec {
  name: string;
  /** `toggle` for a `true`/`false` default (a checkbox, values 1 and 0); `number` otherwise. */
  kind?: 'toggle';
  /** The default written in the code (a toggle's: 1 for true, 0 for false). */
  initial: number;
  min?: number;
  max?: number;
  step?: number;
  /** Text next to the control; the name when absent. */
  label: string;
}

const NUMBER = String.raw`-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?`;
const CALL = new RegExp(
  String.raw`\bparam\(\s*(['"])(${PARAM_NAME.source.slice(1, -1)})\1\s*,\s*(${NUMBER}|true|false)\s*(?:,\s*\{([^}]*)\})?\s*\)`,
  'g',
);
const OPTION = new RegExp(String.raw`(\w+)\s*:\s*(${NUMBER}|'[^']*'|"[^"]*")`, 'g');

/** The parameters declared in `source`, in order of first appearance (one per name). */
export function findParams(source: string): ParamSpec[] {
  const found = new Map<string, ParamSpec>();
  for (const call of source.matchAll(CALL)) {
    const name = call[2];
    if (found.has(name)) continue;
    const toggle = call[3] === 'true' || call[3] === 'false';
    const spec: ParamSpec = toggle
      ? { name, kind: 'toggle', initial: call[3] === 'true' ? 1 : 0, label: name }
      : { name, initial: Number(call[3]), label: name };
    for (const option of (call[4] ?? '').matchAll(OPTION)) {
      const [, key, raw] = option;
      if (key === 'label' && /^['"]/.test(raw)) spec.label = raw.slice(1, -1);
      if (!toggle && (key === 'min' || key === 'max' || key === 'step') && !/^['"]/.test(raw)) spec[key] = Number(raw);
    }
    found.set(name, spec);
  }
  return [...found.values()];
}

/** A step that suits the range when the author gave none: about 100 positions, or 1 for whole numbers. */
export function defaultStep(spec: ParamSpec): number {
  if (spec.step !== undefined && spec.step > 0) return spec.step;
  const whole = [spec.initial, spec.min ?? 0, spec.max ?? 0].every(Number.isInteger);
  if (whole) return 1;
  const span = (spec.max ?? spec.initial * 2) - (spec.min ?? 0);
  return span > 0 ? Number((span / 100).toPrecision(1)) : 0.01;
}

/**
 * `values` as the snippet's controls can show them: a number outside its slider's range is
 * moved to the nearest end, a toggle's value is 1 or 0. Names without a control stay as given.
 */
export function clampParams(values: Record<string, number>, specs: ParamSpec[]): Record<string, number> {
  const out: Record<string, number> = { ...values };
  for (const spec of specs) {
    const value = out[spec.name];
    if (value === undefined) continue;
    if (spec.kind === 'toggle') out[spec.name] = value === 0 ? 0 : 1;
    else out[spec.name] = Math.min(spec.max ?? Infinity, Math.max(spec.min ?? -Infinity, value));
  }
  return out;
}
