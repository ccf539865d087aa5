// Input checks shared by the core, so every entry point fails with the same clear message.
import type { FloatArray } from './types';

/** Throws if any value is NaN or ±Infinity, naming the first bad index. */
export function checkFinite(values: FloatArray, what: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v - v !== 0) throw new RangeError(`${what} contain ${v} at index ${i}; expected finite numbers (clean the data first)`);
  }
}

/** Converts nested arrays or a typed array to a flat float array of the given precision. */
export function toFloatArray(
  values: ArrayLike<number> | ArrayLike<ArrayLike<number>>,
  dtype: 'float32' | 'float64',
  what: string,
): FloatArray {
  const flat: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number') flat.push(v);
    else if (v && typeof v === 'object' && 'length' in v) for (let j = 0; j < v.length; j++) flat.push(v[j]);
    else throw new TypeError(`${what}: expected numbers or rows of numbers, got ${String(v)} at index ${i}`);
  }
  return dtype === 'float64' ? Float64Array.from(flat) : Float32Array.from(flat);
}
