// Losses: a scalar that says how wrong a batch of predictions is, with its gradient beside it.
// Cross-entropies read logits (the output layer's z), never probabilities: log(σ(z)) is computed
// as −softplus(−z), which cannot overflow or take log(0) — the numerically stable form.
import type { FloatArray } from './types';

/** A loss with its gradient: value(ŷ, t) averaged over the batch, and d value / d ŷ. */
export interface Loss {
  /** Registry name, e.g. 'mse'. */
  readonly name: string;
  /** 'output' compares the network's output a; 'logits' compares the output layer's pre-activation z. */
  readonly reads: 'output' | 'logits';
  /** Mean loss of a batch: `prediction` and `target` are rows × columns, row-major. */
  value(prediction: FloatArray, target: FloatArray, rows: number): number;
  /** Writes d value / d prediction into `out` (same shape) and returns it. */
  gradient(prediction: FloatArray, target: FloatArray, rows: number, out: FloatArray): FloatArray;
  /** Share of rows classified correctly, for classification losses. */
  accuracy?(prediction: FloatArray, target: FloatArray, rows: number): number;
}

/** Mean squared error: mean over all entries of (ŷ − t)², gradient 2(ŷ − t)/count. */
export const mse: Loss = {
  name: 'mse',
  reads: 'output',
  value(y, t) {
    let s = 0;
    for (let i = 0; i < y.length; i++) s += (y[i] - t[i]) * (y[i] - t[i]);
    return s / y.length;
  },
  gradient(y, t, _rows, out) {
    const k = 2 / y.length;
    for (let i = 0; i < y.length; i++) out[i] = k * (y[i] - t[i]);
    return out;
  },
};

// softplus(x) = ln(1 + eˣ) without overflow.
const softplus = (x: number): number => (x > 0 ? x : 0) + Math.log1p(Math.exp(-Math.abs(x)));

/** Binary cross-entropy from logits z, targets t ∈ [0, 1]: mean of softplus(z) − t·z, gradient (σ(z) − t)/count. */
export const bce: Loss = {
  name: 'bce',
  reads: 'logits',
  value(z, t) {
    let s = 0;
    for (let i = 0; i < z.length; i++) s += softplus(z[i]) - t[i] * z[i];
    return s / z.length;
  },
  gradient(z, t, _rows, out) {
    const k = 1 / z.length;
    for (let i = 0; i < z.length; i++) {
      const v = z[i];
      const p = v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
      out[i] = k * (p - t[i]);
    }
    return out;
  },
  accuracy(z, t) {
    let right = 0;
    for (let i = 0; i < z.length; i++) if (z[i] > 0 === t[i] > 0.5) right++;
    return right / z.length;
  },
};

/** Softmax cross-entropy from logits, one-hot (or probability) targets per row: mean over rows of −Σ t·log softmax(z). */
export const softmaxCrossEntropy: Loss = {
  name: 'softmaxCrossEntropy',
  reads: 'logits',
  value(z, t, rows) {
    const k = z.length / rows;
    let s = 0;
    for (let r = 0; r < rows; r++) {
      const o = r * k;
      const lse = logSumExp(z, o, k);
      for (let j = 0; j < k; j++) s -= t[o + j] * (z[o + j] - lse);
    }
    return s / rows;
  },
  gradient(z, t, rows, out) {
    const k = z.length / rows;
    for (let r = 0; r < rows; r++) {
      const o = r * k;
      const lse = logSumExp(z, o, k);
      for (let j = 0; j < k; j++) out[o + j] = (Math.exp(z[o + j] - lse) - t[o + j]) / rows;
    }
    return out;
  },
  accuracy(z, t, rows) {
    const k = z.length / rows;
    let right = 0;
    for (let r = 0; r < rows; r++) if (argmax(z, r * k, k) === argmax(t, r * k, k)) right++;
    return right / rows;
  },
};

// log Σ exp(z) over one row, shifted by the max so exp never overflows.
function logSumExp(z: FloatArray, offset: number, k: number): number {
  let m = -Infinity;
  for (let j = 0; j < k; j++) m = Math.max(m, z[offset + j]);
  let s = 0;
  for (let j = 0; j < k; j++) s += Math.exp(z[offset + j] - m);
  return m + Math.log(s);
}

function argmax(v: FloatArray, offset: number, k: number): number {
  let best = 0;
  for (let j = 1; j < k; j++) if (v[offset + j] > v[offset + best]) best = j;
  return best;
}

/** Softmax of each row of logits (rows × classes), as a new array of probabilities. */
export function softmax(logits: FloatArray, rows: number): FloatArray {
  const k = logits.length / rows;
  const out = logits.slice();
  for (let r = 0; r < rows; r++) {
    const lse = logSumExp(logits, r * k, k);
    for (let j = 0; j < k; j++) out[r * k + j] = Math.exp(logits[r * k + j] - lse);
  }
  return out;
}

/** Every built-in loss by registry name. */
export const losses: Readonly<Record<string, Loss>> = Object.freeze({ mse, bce, softmaxCrossEntropy });

/** Names accepted wherever a loss can be given by name. */
export type LossName = 'mse' | 'bce' | 'softmaxCrossEntropy';

/** Looks a loss up by name (or passes a Loss through); an unknown name lists the known ones. */
export function getLoss(loss: LossName | Loss | string): Loss {
  if (typeof loss === 'object' && loss !== null) return loss;
  const found = Object.hasOwn(losses, loss) ? losses[loss] : undefined;
  if (!found) throw new Error(`Unknown loss '${String(loss)}'. Known losses: ${Object.keys(losses).join(', ')}.`);
  return found;
}
