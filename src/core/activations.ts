// The activations of the talk, each with f and f′ side by side, plus the registry by name.
//
// ReLU's array loops are the hot path of every ReLU network, so they avoid branches: with
// random signs a `v > 0 ? v : 0` loop mispredicts half its branches and runs ~6× slower than a
// copy loop (V8 compiles Math.max with branches too). Instead they use the textbook identity
// max(0, v) = (v + |v|)/2 — exact for every float32 and for float64 below 8.9e307 — and
// relu′(z)·g = g·[z > 0], unrolled 4 ways so the loop overhead is shared (bench/core.bench.ts).
// Edge cases, the same for numbers and arrays: relu(NaN) = NaN and relu(−∞) = NaN (∞ − ∞), so
// an overflowed, diverged net stays visibly broken; relu(−0) = +0; relu′(0) = relu′(NaN) = 0.
// The one difference: the scalar form is exact up to Number.MAX_VALUE, while the array loops'
// x + |x| overflows to +∞ above 8.98e307 — unreachable in float32 (its largest value is 3.4e38)
// and, in float64, only for a net that has already overflowed. Leaky ReLU's loops likewise turn
// ±∞ (and float64 beyond ±8.98e307) into NaN or ±∞ where its scalar form gives the exact value.
//
// Extreme inputs (test/unit/core/activation-limits.test.ts checks ±1e3, ±1e30, ±1e300,
// ±MAX_VALUE and ±∞): every value and derivative whose limit is finite is returned finite, e.g.
// gelu′(±1e300) and silu′(±∞) are 1 and 0, not 0·∞ = NaN. NaN is the answer only for a NaN input
// (except the derivatives of relu, leaky ReLU and linear, which are 0, α and 1 there: the
// TensorFlow convention, so a NaN backpropagates as no gradient rather than as more NaN) and for
// relu(−∞), deliberately, as above.
import { defineActivation, type Activation } from './define-activation';
import type { FloatArray } from './types';

/** Rectified linear unit: f(x) = max(0, x), f′(x) = 1 if x > 0 else 0 (relu(NaN) and relu(−∞) are NaN). */
export const relu: Activation = defineActivation({
  name: 'relu',
  // x − x is +0 for every finite x ≤ 0 (also −0) and NaN for −∞ and NaN, like the loops below.
  output: (x) => (x > 0 ? x : x - x),
  derivative: (x) => (x > 0 ? 1 : 0),
  forward(z, out) {
    const n = z.length;
    let i = 0;
    for (; i + 3 < n; i += 4) {
      const a = z[i],
        b = z[i + 1],
        c = z[i + 2],
        d = z[i + 3];
      out[i] = (a + Math.abs(a)) * 0.5;
      out[i + 1] = (b + Math.abs(b)) * 0.5;
      out[i + 2] = (c + Math.abs(c)) * 0.5;
      out[i + 3] = (d + Math.abs(d)) * 0.5;
    }
    for (; i < n; i++) out[i] = (z[i] + Math.abs(z[i])) * 0.5;
  },
  backward(z, g, out) {
    const n = z.length;
    let i = 0;
    for (; i + 3 < n; i += 4) {
      out[i] = g[i] * +(z[i] > 0);
      out[i + 1] = g[i + 1] * +(z[i + 1] > 0);
      out[i + 2] = g[i + 2] * +(z[i + 2] > 0);
      out[i + 3] = g[i + 3] * +(z[i + 3] > 0);
    }
    for (; i < n; i++) out[i] = g[i] * +(z[i] > 0);
  },
});

/** Leaky ReLU with negative slope alpha: f(x) = x if x > 0 else αx, f′(x) = 1 or α (Maas et al. 2013). */
export function makeLeakyRelu(alpha = 0.01): Activation {
  if (!(alpha >= 0 && alpha < 1)) throw new RangeError(`makeLeakyRelu(alpha): expected 0 ≤ alpha < 1, got ${alpha}`);
  // Branch-free like relu: f(v) = (v + |v|)/2 + α·(v − |v|)/2 and f′(z) = m + α(1 − m) with
  // m = [z > 0]; one of the two halves is exactly 0, so results equal the scalar f bit for bit.
  const h = alpha * 0.5;
  return defineActivation({
    name: alpha === 0.01 ? 'leakyRelu' : `leakyRelu(${alpha})`,
    output: (x) => (x > 0 ? x : alpha * x),
    derivative: (x) => (x > 0 ? 1 : alpha),
    forward(z, out) {
      const n = z.length;
      let i = 0;
      for (; i + 3 < n; i += 4) {
        const a = z[i],
          b = z[i + 1],
          c = z[i + 2],
          d = z[i + 3];
        const sa = Math.abs(a),
          sb = Math.abs(b),
          sc = Math.abs(c),
          sd = Math.abs(d);
        out[i] = (a + sa) * 0.5 + h * (a - sa);
        out[i + 1] = (b + sb) * 0.5 + h * (b - sb);
        out[i + 2] = (c + sc) * 0.5 + h * (c - sc);
        out[i + 3] = (d + sd) * 0.5 + h * (d - sd);
      }
      for (; i < n; i++) {
        const v = z[i],
          s = Math.abs(v);
        out[i] = (v + s) * 0.5 + h * (v - s);
      }
    },
    backward(z, g, out) {
      const n = z.length;
      let i = 0;
      for (; i + 3 < n; i += 4) {
        const ma = +(z[i] > 0),
          mb = +(z[i + 1] > 0),
          mc = +(z[i + 2] > 0),
          md = +(z[i + 3] > 0);
        out[i] = g[i] * (ma + alpha * (1 - ma));
        out[i + 1] = g[i + 1] * (mb + alpha * (1 - mb));
        out[i + 2] = g[i + 2] * (mc + alpha * (1 - mc));
        out[i + 3] = g[i + 3] * (md + alpha * (1 - md));
      }
      for (; i < n; i++) {
        const m = +(z[i] > 0);
        out[i] = g[i] * (m + alpha * (1 - m));
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
  // Once σ(2u) underflows to 0 (x ≲ −19) the value is 0, also at x = −∞ (where x·0 is NaN).
  output: (x) => {
    const s = logistic(2 * GELU_C * (x + 0.044715 * x * x * x));
    return s === 0 ? 0 : x * s;
  },
  // Once σ(2u)σ(−2u) underflows to 0 (|x| ≳ 19) the slope is σ(2u), i.e. 1 or 0; computing the
  // second term anyway would give 0·∞ = NaN for |x| ≳ 1e154, where x² overflows.
  derivative: (x) => {
    const u2 = 2 * GELU_C * (x + 0.044715 * x * x * x);
    const s = logistic(u2);
    const bump = s * logistic(-u2);
    return bump === 0 ? s : s + x * bump * 2 * GELU_C * (1 + 3 * 0.044715 * x * x);
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
  // As in gelu: once σ(x) or 1 − σ(x) is exactly 0, the limits 0 and 1 avoid ±∞·0 = NaN at x = ±∞.
  output: (x) => {
    const s = logistic(x);
    return s === 0 ? 0 : x * s;
  },
  derivative: (x) => {
    const s = logistic(x);
    return s * (1 - s) === 0 ? s : s * (1 + x * (1 - s));
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
export type ActivationName =
  'relu' | 'leakyRelu' | 'sigmoid' | 'tanh' | 'elu' | 'gelu' | 'softplus' | 'silu' | 'swish' | 'linear' | 'identity';

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
