// The activations of the talk, each with f and f′ side by side, plus the registry by name.
// The ReLU loops are written as `v <= 0 ? 0 : v` on purpose: V8 compiles the select without a
// mispredicted branch (see bench/core.bench.ts), and the comparison's order decides the edge
// cases: relu(NaN) = NaN (a diverged net stays visibly broken), relu(-0) = +0, relu(-∞) = 0.
import { defineActivation, type Activation } from './activation';
import type { FloatArray } from './types';

/** Rectified linear unit: f(x) = max(0, x), f′(x) = 1 if x > 0 else 0 (so f′(0) = 0, as in TensorFlow). */
export const relu: Activation = defineActivation({
  name: 'relu',
  output: (x) => (x <= 0 ? 0 : x),
  derivative: (x) => (x > 0 ? 1 : 0),
  forward(z, out) {
    const n = z.length;
    for (let i = 0; i < n; i++) {
      const v = z[i];
      out[i] = v <= 0 ? 0 : v;
    }
  },
  backward(z, g, out) {
    const n = z.length;
    for (let i = 0; i < n; i++) out[i] = z[i] > 0 ? g[i] : 0;
  },
});

/** Leaky ReLU with negative slope alpha: f(x) = x if x > 0 else αx, f′(x) = 1 or α (Maas et al. 2013). */
export function makeLeakyRelu(alpha = 0.01): Activation {
  if (!(alpha >= 0 && alpha < 1)) throw new RangeError(`makeLeakyRelu(alpha): expected 0 ≤ alpha < 1, got ${alpha}`);
  return defineActivation({
    name: alpha === 0.01 ? 'leakyRelu' : `leakyRelu(${alpha})`,
    output: (x) => (x > 0 ? x : alpha * x),
    derivative: (x) => (x > 0 ? 1 : alpha),
    forward(z, out) {
      const n = z.length;
      for (let i = 0; i < n; i++) {
        const v = z[i];
        out[i] = v > 0 ? v : alpha * v;
      }
    },
    backward(z, g, out) {
      const n = z.length;
      for (let i = 0; i < n; i++) {
        const gi = g[i];
        out[i] = z[i] > 0 ? gi : alpha * gi;
      }
    },
  });
}

/** Leaky ReLU with the usual slope α = 0.01: never exactly zero gradient, so units cannot die. */
export const leakyRelu: Activation = makeLeakyRelu(0.01);

// Logistic sigmoid evaluated without overflow: exp only ever sees a non-positive argument.
function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** Logistic sigmoid: f(x) = 1/(1+e^(−x)), f′(x) = f(x)(1−f(x)) ≤ 1/4 — the vanishing-gradient culprit. */
export const sigmoid: Activation = defineActivation({
  name: 'sigmoid',
  output: logistic,
  derivative: (x) => {
    const s = logistic(x);
    return s * (1 - s);
  },
  forward(z, out) {
    const n = z.length;
    for (let i = 0; i < n; i++) out[i] = logistic(z[i]);
  },
  backward(z, g, out) {
    const n = z.length;
    for (let i = 0; i < n; i++) {
      const s = logistic(z[i]);
      out[i] = g[i] * s * (1 - s);
    }
  },
});

/** Hyperbolic tangent: f(x) = tanh x, f′(x) = 1 − tanh²x (zero-centred, f′(0) = 1). */
export const tanh: Activation = defineActivation({
  name: 'tanh',
  output: Math.tanh,
  derivative: (x) => {
    const t = Math.tanh(x);
    return 1 - t * t;
  },
  forward(z, out) {
    const n = z.length;
    for (let i = 0; i < n; i++) out[i] = Math.tanh(z[i]);
  },
  backward(z, g, out) {
    const n = z.length;
    for (let i = 0; i < n; i++) {
      const t = Math.tanh(z[i]);
      out[i] = g[i] * (1 - t * t);
    }
  },
});

/** Exponential linear unit with scale alpha: f(x) = x if x > 0 else α(eˣ−1), f′(x) = 1 or αeˣ (Clevert et al. 2015). */
export function makeElu(alpha = 1): Activation {
  if (!(alpha > 0)) throw new RangeError(`makeElu(alpha): expected alpha > 0, got ${alpha}`);
  return defineActivation({
    name: alpha === 1 ? 'elu' : `elu(${alpha})`,
    output: (x) => (x > 0 ? x : alpha * Math.expm1(x)),
    derivative: (x) => (x > 0 ? 1 : alpha * Math.exp(x)),
  });
}

/** ELU with α = 1: smooth for x < 0, saturating at −1. */
export const elu: Activation = makeElu(1);

// √(2/π), the constant of GELU's tanh approximation.
const GELU_C = Math.sqrt(2 / Math.PI);

/** GELU, tanh form (Hendrycks & Gimpel 2016, as in BERT/GPT-2): f(x) = ½x(1 + tanh(√(2/π)(x + 0.044715x³))). */
export const gelu: Activation = defineActivation({
  name: 'gelu',
  // ½(1 + tanh u) = σ(2u): the logistic form avoids 1 + tanh u cancelling to 0 for x ≪ 0.
  output: (x) => x * logistic(2 * GELU_C * (x + 0.044715 * x * x * x)),
  derivative: (x) => {
    const u2 = 2 * GELU_C * (x + 0.044715 * x * x * x);
    const s = logistic(u2);
    return s + x * s * logistic(-u2) * 2 * GELU_C * (1 + 3 * 0.044715 * x * x);
  },
});

/** Softplus, the smooth ReLU: f(x) = ln(1 + eˣ), f′(x) = σ(x) (computed without overflow). */
export const softplus: Activation = defineActivation({
  name: 'softplus',
  output: (x) => (x > 0 ? x : 0) + Math.log1p(Math.exp(-Math.abs(x))),
  derivative: logistic,
});

/** SiLU / swish: f(x) = x·σ(x), f′(x) = σ(x)(1 + x(1 − σ(x))) (Ramachandran et al. 2017). */
export const silu: Activation = defineActivation({
  name: 'silu',
  output: (x) => x * logistic(x),
  derivative: (x) => {
    const s = logistic(x);
    return s * (1 + x * (1 - s));
  },
});

/** Identity: f(x) = x, f′(x) = 1 — a network of only these collapses to one affine map. */
export const linear: Activation = defineActivation({
  name: 'linear',
  output: (x) => x,
  derivative: () => 1,
  forward(z, out) {
    if (out !== z) out.set(z);
  },
  backward(_z, g, out) {
    if (out !== g) out.set(g);
  },
});

/** Every built-in activation by registry name. */
export const activations: Readonly<Record<string, Activation>> = Object.freeze({
  relu,
  leakyRelu,
  sigmoid,
  tanh,
  elu,
  gelu,
  softplus,
  silu,
  swish: silu,
  linear,
  identity: linear,
});

/** Names accepted wherever an activation can be given by name. */
export type ActivationName = 'relu' | 'leakyRelu' | 'sigmoid' | 'tanh' | 'elu' | 'gelu' | 'softplus' | 'silu' | 'swish' | 'linear' | 'identity';

/** Looks an activation up by name (or passes an Activation through); an unknown name lists the known ones. */
export function getActivation(nameOrActivation: ActivationName | Activation | string): Activation {
  if (typeof nameOrActivation === 'function') return nameOrActivation;
  const found = Object.hasOwn(activations, nameOrActivation) ? activations[nameOrActivation] : undefined;
  if (!found) {
    throw new Error(
      `Unknown activation '${String(nameOrActivation)}'. Known activations: ${Object.keys(activations).join(', ')} ` +
        `(for another leak or ELU scale use makeLeakyRelu(alpha) or makeElu(alpha)).`,
    );
  }
  return found;
}

/** Applies an activation to every element of a float array into a new array of the same type. */
export function applyActivation(activation: Activation, z: FloatArray): FloatArray {
  return activation.forward(z, z instanceof Float64Array ? new Float64Array(z.length) : new Float32Array(z.length));
}
