/**
 * Sliders (or number boxes) for a snippet's `param(…)` calls, above its output, so a speaker
 * can explore without typing. Rebuilt when the code changes; values the viewer set persist.
 */
import { defaultStep, findParams, type ParamSpec } from './snippet-params';

/** Renders the controls of `source`'s parameters into `box`; `onChange` gets each new value. */
export function renderParamControls(
  box: HTMLElement,
  source: string,
  values: Record<string, number>,
  onChange: (name: string, value: number) => void,
): void {
  const specs = findParams(source);
  box.hidden = specs.length === 0;
  box.replaceChildren(...specs.map((spec) => (spec.kind === 'toggle' ? toggle(spec, values, onChange) : slider(spec, values, onChange))));
}

/** A slider (or a number box, when the snippet gives no range) with its value beside it. */
function slider(spec: ParamSpec, values: Record<string, number>, onChange: (name: string, value: number) => void): HTMLElement {
  const value = valueOf(spec, values);
  const label = document.createElement('label');
  label.className = 'live-param';
  const text = document.createElement('span');
  text.textContent = spec.label;
  const input = document.createElement('input');
  const ranged = spec.min !== undefined && spec.max !== undefined;
  input.type = ranged ? 'range' : 'number';
  input.dataset.param = spec.name;
  if (spec.min !== undefined) input.min = String(spec.min);
  if (spec.max !== undefined) input.max = String(spec.max);
  input.step = String(defaultStep(spec));
  input.value = String(value);
  const shown = document.createElement('output');
  shown.textContent = formatValue(value);
  input.addEventListener('input', () => {
    const next = Number(input.value);
    if (!Number.isFinite(next)) return;
    shown.textContent = formatValue(next);
    onChange(spec.name, next);
  });
  label.append(text, input, shown);
  return label;
}

/** An on/off switch for a `param('name', true)` toggle; the snippet gets true or false. */
function toggle(spec: ParamSpec, values: Record<string, number>, onChange: (name: string, value: number) => void): HTMLElement {
  const label = document.createElement('label');
  label.className = 'live-param live-toggle';
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.setAttribute('role', 'switch');
  input.dataset.param = spec.name;
  input.checked = valueOf(spec, values) !== 0;
  const text = document.createElement('span');
  text.textContent = spec.label;
  input.addEventListener('change', () => onChange(spec.name, input.checked ? 1 : 0));
  label.append(input, text);
  return label;
}

/** The value to show: the viewer's, if it is a usable number, else the code's default. */
function valueOf(spec: ParamSpec, values: Record<string, number>): number {
  const value = Object.hasOwn(values, spec.name) ? values[spec.name] : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : spec.initial;
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}
