/**
 * The `param('lr', 0.1, { min: 0.001, max: 1, step: 0.001, label: '学习率' })` calls of a
 * snippet, read from its source so their controls show before the first run, and the rules
 * for parameter values read from untrusted places (storage, links). Pure. A call whose
 * arguments are not literals gets no control and keeps its default. `param('name', true)`
 * declares an on/off toggle; its value travels as 1 or 0.
 */

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
const CALL = new RegExp(String.raw`\bparam\(\s*(['"])([\w.-]{1,64})\1\s*,\s*(${NUMBER}|true|false)\s*(?:,\s*\{([^}]*)\})?\s*\)`, 'g');
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

/** A parameter name as `param()` takes it. */
export const PARAM_NAME = /^[\w.-]{1,64}$/;
/** Names that would reach an object's prototype machinery if used as keys: never accepted. */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
/** More values than any snippet declares: the rest of an untrusted record is ignored. */
const MAX_PARAM_VALUES = 64;

/**
 * Parameter values from an untrusted place (localStorage, a shared link): only finite numbers
 * under valid names are kept; anything else — wrong types, prototype keys, a non-object — is
 * left out. Never throws.
 */
export function readParamValues(raw: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
  let kept = 0;
  for (const [name, value] of Object.entries(raw)) {
    if (kept >= MAX_PARAM_VALUES) break;
    if (!PARAM_NAME.test(name) || RESERVED_NAMES.has(name)) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    out[name] = value;
    kept++;
  }
  return out;
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
