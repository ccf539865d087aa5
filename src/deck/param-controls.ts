/**
 * Sliders (or number boxes) for a snippet's `param(…)` calls, above its output, so a speaker
 * can explore without typing. Rebuilt when the code changes; values the viewer set persist.
 */
import { defaultStep, findParams } from './snippet-params';

/** Renders the controls of `source`'s parameters into `box`; `onChange` gets each new value. */
export function renderParamControls(
  box: HTMLElement,
  source: string,
  values: Record<string, number>,
  onChange: (name: string, value: number) => void,
): void {
  const specs = findParams(source);
  box.hidden = specs.length === 0;
  box.replaceChildren(
    ...specs.map((spec) => {
      const value = values[spec.name] ?? spec.initial;
      const label = document.createElement('label');
      label.className = 'live-param';
      const text = document.createElement('span');
      text.textContent = spec.label;
      const input = document.createElement('input');
      const slider = spec.min !== undefined && spec.max !== undefined;
      input.type = slider ? 'range' : 'number';
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
    }),
  );
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}
