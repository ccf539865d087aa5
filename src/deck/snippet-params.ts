/**
 * The `param('lr', 0.1, { min: 0.001, max: 1, step: 0.001, label: '学习率' })` calls of a
 * snippet, read from its source so their controls show before the first run. Pure. A call
 * whose arguments are not literals gets no control and keeps its default.
 */

/** One parameter a snippet declares. */
export interface ParamSpec {
  name: string;
  /** The default written in the code. */
  initial: number;
  min?: number;
  max?: number;
  step?: number;
  /** Text next to the control; the name when absent. */
  label: string;
}

const NUMBER = String.raw`-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?`;
const CALL = new RegExp(String.raw`\bparam\(\s*(['"])([\w.-]{1,64})\1\s*,\s*(${NUMBER})\s*(?:,\s*\{([^}]*)\})?\s*\)`, 'g');
const OPTION = new RegExp(String.raw`(\w+)\s*:\s*(${NUMBER}|'[^']*'|"[^"]*")`, 'g');

/** The parameters declared in `source`, in order of first appearance (one per name). */
export function findParams(source: string): ParamSpec[] {
  const found = new Map<string, ParamSpec>();
  for (const call of source.matchAll(CALL)) {
    const name = call[2];
    if (found.has(name)) continue;
    const spec: ParamSpec = { name, initial: Number(call[3]), label: name };
    for (const option of (call[4] ?? '').matchAll(OPTION)) {
      const [, key, raw] = option;
      if (key === 'label' && /^['"]/.test(raw)) spec.label = raw.slice(1, -1);
      if ((key === 'min' || key === 'max' || key === 'step') && !/^['"]/.test(raw)) spec[key] = Number(raw);
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
