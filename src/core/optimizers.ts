// Optimisers: how a gradient becomes a step. Each keeps its own state (velocity, moments) per
// parameter array, created on the first step, so one optimiser belongs to one network.
import type { FloatArray } from './types';

/** Turns gradients into in-place parameter updates; call step() once per batch. */
export interface Optimizer {
  /** Name for display, e.g. 'adam'. */
  readonly name: string;
  /** Step size η; can be changed between steps (schedules). */
  learningRate: number;
  /** Updates every params[i] in place from grads[i] (same order and shapes every call). */
  step(params: FloatArray[], grads: FloatArray[]): void;
}

function checkRate(where: string, lr: number): void {
  if (!(lr > 0 && Number.isFinite(lr))) throw new RangeError(`${where}: expected a positive learning rate, got ${lr}`);
}

function checkShapes(name: string, params: FloatArray[], grads: FloatArray[], state: FloatArray[][]): void {
  if (params.length !== grads.length) throw new RangeError(`${name}.step: ${params.length} parameter arrays but ${grads.length} gradients`);
  for (let i = 0; i < params.length; i++) {
    if (params[i].length !== grads[i].length) {
      throw new RangeError(`${name}.step: parameter ${i} has ${params[i].length} values but its gradient has ${grads[i].length}`);
    }
    for (const s of state) {
      if (s.length && s[i] && s[i].length !== params[i].length) {
        throw new RangeError(`${name}.step: parameter ${i} changed shape since the first step; use a new optimiser per network`);
      }
    }
  }
}

/** Plain gradient descent: θ ← θ − η·g. */
export function sgd(learningRate = 0.1): Optimizer {
  checkRate('sgd', learningRate);
  return {
    name: 'sgd',
    learningRate,
    step(params, grads) {
      checkShapes('sgd', params, grads, []);
      const lr = this.learningRate;
      for (let i = 0; i < params.length; i++) {
        const p = params[i];
        const g = grads[i];
        for (let j = 0; j < p.length; j++) p[j] -= lr * g[j];
      }
    },
  };
}

/** SGD with (heavy-ball) momentum β: v ← β·v + g, θ ← θ − η·v (PyTorch's convention). */
export function momentum(learningRate = 0.1, beta = 0.9): Optimizer {
  checkRate('momentum', learningRate);
  if (!(beta >= 0 && beta < 1)) throw new RangeError(`momentum: expected 0 ≤ beta < 1, got ${beta}`);
  const velocity: FloatArray[] = [];
  return {
    name: 'momentum',
    learningRate,
    step(params, grads) {
      checkShapes('momentum', params, grads, [velocity]);
      const lr = this.learningRate;
      for (let i = 0; i < params.length; i++) {
        const p = params[i];
        const g = grads[i];
        const v = (velocity[i] ??= new Float64Array(p.length));
        for (let j = 0; j < p.length; j++) {
          v[j] = beta * v[j] + g[j];
          p[j] -= lr * v[j];
        }
      }
    },
  };
}

/** Options of Adam, with Kingma & Ba's defaults. */
export interface AdamOptions {
  /** Decay of the first-moment (mean) estimate; default 0.9. */
  beta1?: number;
  /** Decay of the second-moment (uncentred variance) estimate; default 0.999. */
  beta2?: number;
  /** Added to √v̂ to avoid dividing by zero; default 1e-8. */
  epsilon?: number;
}

/** Adam (Kingma & Ba 2015): per-parameter steps η·m̂/(√v̂ + ε) from bias-corrected moment estimates. */
export function adam(learningRate = 0.001, options: AdamOptions = {}): Optimizer {
  checkRate('adam', learningRate);
  const { beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8 } = options;
  const m: FloatArray[] = [];
  const v: FloatArray[] = [];
  let t = 0;
  return {
    name: 'adam',
    learningRate,
    step(params, grads) {
      checkShapes('adam', params, grads, [m, v]);
      t++;
      // Bias corrections: m and v start at 0, so early averages are scaled up by 1/(1−βᵗ).
      const c1 = 1 - beta1 ** t;
      const c2 = 1 - beta2 ** t;
      const lr = this.learningRate;
      for (let i = 0; i < params.length; i++) {
        const p = params[i];
        const g = grads[i];
        const mi = (m[i] ??= new Float64Array(p.length));
        const vi = (v[i] ??= new Float64Array(p.length));
        for (let j = 0; j < p.length; j++) {
          const gj = g[j];
          mi[j] = beta1 * mi[j] + (1 - beta1) * gj;
          vi[j] = beta2 * vi[j] + (1 - beta2) * gj * gj;
          p[j] -= (lr * (mi[j] / c1)) / (Math.sqrt(vi[j] / c2) + epsilon);
        }
      }
    },
  };
}
