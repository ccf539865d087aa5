// What an activation is: a function and its derivative side by side (TensorFlow Playground's
// `{ output, der }`), callable on a number and runnable over typed arrays in place.
import type { FloatArray } from './types';

/** An activation function f with its derivative f′; call it like a function: `relu(5)`. */
export interface Activation {
  /** f(x) for one number. */
  (x: number): number;
  /** The name it is registered under, e.g. 'relu'. */
  readonly name: string;
  /** f(x) for one number. */
  output(x: number): number;
  /** f′(x), the slope at the pre-activation x (at a kink, TensorFlow's choice: relu′(0) = 0). */
  derivative(x: number): number;
  /** out[i] = f(z[i]) for every i; returns out. */
  forward(z: FloatArray, out: FloatArray): FloatArray;
  /** out[i] = gradOut[i] · f′(z[i]) — the chain rule through this activation; returns out. */
  backward(z: FloatArray, gradOut: FloatArray, out: FloatArray): FloatArray;
}

/** The parts an activation is made of: f and f′, and optionally hand-written array loops for speed. */
export interface ActivationSpec {
  /** Registry name. */
  name: string;
  /** f(x). */
  output(x: number): number;
  /** f′(x). */
  derivative(x: number): number;
  /** A faster out[i] = f(z[i]) loop; by default one is built from `output`. */
  forward?(z: FloatArray, out: FloatArray): void;
  /** A faster out[i] = gradOut[i]·f′(z[i]) loop; by default one is built from `derivative`. */
  backward?(z: FloatArray, gradOut: FloatArray, out: FloatArray): void;
}

/** Builds an Activation from f and f′ (and optional fast loops), checking array lengths on every call. */
export function defineActivation(spec: ActivationSpec): Activation {
  const { name, output, derivative } = spec;
  const forwardLoop =
    spec.forward ??
    ((z: FloatArray, out: FloatArray) => {
      for (let i = 0; i < z.length; i++) out[i] = output(z[i]);
    });
  const backwardLoop =
    spec.backward ??
    ((z: FloatArray, g: FloatArray, out: FloatArray) => {
      for (let i = 0; i < z.length; i++) out[i] = g[i] * derivative(z[i]);
    });
  const fn = (x: number): number => output(x);
  Object.defineProperty(fn, 'name', { value: name });
  return Object.assign(fn, {
    output,
    derivative,
    forward(z: FloatArray, out: FloatArray): FloatArray {
      sameLength(`${name}.forward(z, out)`, z, out);
      forwardLoop(z, out);
      return out;
    },
    backward(z: FloatArray, gradOut: FloatArray, out: FloatArray): FloatArray {
      sameLength(`${name}.backward(z, gradOut, out)`, z, gradOut, out);
      backwardLoop(z, gradOut, out);
      return out;
    },
  }) as Activation;
}

function sameLength(where: string, ...arrays: FloatArray[]): void {
  for (const a of arrays) {
    if (!(a instanceof Float32Array || a instanceof Float64Array)) {
      throw new TypeError(`${where}: expected Float32Array or Float64Array arguments, got ${describeValue(a)}`);
    }
    if (a.length !== arrays[0].length) {
      throw new RangeError(`${where}: arrays must have the same length, got ${arrays.map((x) => x.length).join(', ')}`);
    }
  }
}

function describeValue(v: unknown): string {
  if (v === null || typeof v !== 'object') return String(v);
  return (v as object).constructor?.name ?? 'object';
}
