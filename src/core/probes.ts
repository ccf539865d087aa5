// Probes: measurements behind the talk's claims — how sparse a layer is, which units are dead,
// how gradients shrink from layer to layer. They read a forward trace; none changes the network.
// A non-finite pre-activation (NaN or ±∞, after an overflow) is neither dead nor alive: NaN > 0
// and NaN ≤ 0 are both false, so any answer would be made up. The unit probes (deadUnits,
// deadFraction, activationStats) therefore throw a RangeError naming the layer and unit; sparsity,
// which only counts exact zeros in an array it is given, counts NaN as not zero.
import { lossAndGradients } from './backward';
import { forward, type Trace } from './forward';
import type { Loss, LossName } from './losses';
import type { Network } from './network';
import type { FloatArray } from './types';

/** Statistics of one layer's activations over a batch. */
export interface LayerStats {
  /** Layer index, 0 for the first hidden layer. */
  readonly layer: number;
  /** Activation name. */
  readonly activation: string;
  /** Mean of a over all rows and units. */
  readonly mean: number;
  /** Standard deviation of a. */
  readonly std: number;
  /** Smallest a. */
  readonly min: number;
  /** Largest a. */
  readonly max: number;
  /** Share of activations that are exactly zero. */
  readonly sparsity: number;
  /** Root mean square of the pre-activations z (the signal He et al. keep constant). */
  readonly zRms: number;
  /** Units whose pre-activation is never positive on this batch. */
  readonly deadUnits: number;
  /** Units in the layer. */
  readonly units: number;
}

/** Share of values that are exactly zero (±0): ReLU's sparsity (NaN is not zero). */
export function sparsity(values: FloatArray): number {
  if (values.length === 0) throw new RangeError('sparsity: expected at least one value');
  let zeros = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === 0) zeros++;
  return zeros / values.length;
}

/** Per layer, which units are dead on a batch: true where the pre-activation z ≤ 0 for every input row; throws if any z is NaN or infinite. */
export function deadUnits(net: Network, x: FloatArray): boolean[][] {
  return deadInTrace(net, forward(net, x));
}

/** deadUnits over a forward trace already computed (the recorder reuses its own trace). */
export function deadInTrace(net: Network, t: Trace): boolean[][] {
  return net.layers.map((layer, l) => {
    const z = t.z[l];
    const dead = new Array<boolean>(layer.outputSize).fill(true);
    for (let o = 0; o < z.length; o++) {
      const v = z[o];
      if (v - v !== 0) {
        const unit = o % layer.outputSize;
        throw new RangeError(
          `layer ${l + 1}, unit ${unit + 1} has the pre-activation ${v} on input row ${Math.floor(o / layer.outputSize) + 1}: ` +
            'the network has overflowed (diverged), so its units are neither dead nor alive. Train with a smaller learning rate.',
        );
      }
      if (v > 0) dead[o % layer.outputSize] = false;
    }
    return dead;
  });
}

/** Share of hidden units (all layers but the output) that are dead on a batch (throws on a non-finite pre-activation); call it from train's onEpoch to watch units die. */
export function deadFraction(net: Network, x: FloatArray): number {
  const hidden = deadUnits(net, x).slice(0, -1).flat();
  if (hidden.length === 0) throw new RangeError('deadFraction: the network has no hidden layers');
  return hidden.filter(Boolean).length / hidden.length;
}

/** Per-layer activation statistics on a batch: mean, spread, sparsity, pre-activation size, dead units (throws on a non-finite pre-activation). */
export function activationStats(net: Network, x: FloatArray): LayerStats[] {
  const t = forward(net, x);
  return statsOfTrace(net, t, deadInTrace(net, t));
}

/** activationStats over a forward trace and its dead-unit masks (the recorder reuses both). */
export function statsOfTrace(net: Network, t: Trace, dead: boolean[][]): LayerStats[] {
  return net.layers.map((layer, l) => {
    const a = t.a[l];
    const z = t.z[l];
    let sum = 0,
      sq = 0,
      zsq = 0,
      min = Infinity,
      max = -Infinity;
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      sum += v;
      sq += v * v;
      zsq += z[i] * z[i];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const mean = sum / a.length;
    return {
      layer: l,
      activation: layer.activation.name,
      mean,
      std: Math.sqrt(Math.max(0, sq / a.length - mean * mean)),
      min,
      max,
      sparsity: sparsity(a),
      zRms: Math.sqrt(zsq / z.length),
      deadUnits: dead[l].filter(Boolean).length,
      units: layer.outputSize,
    };
  });
}

/** Per-layer gradient sizes at the current weights: Frobenius norms ‖dL/dW‖ and ‖dL/db‖ (vanishing gradients show as a falling first/last ratio). */
export function gradientNorms(
  net: Network,
  x: FloatArray,
  y: FloatArray,
  loss: LossName | Loss = 'mse',
): { weights: number; bias: number }[] {
  const { gradients } = lossAndGradients(net, x, y, loss);
  return gradients.weights.map((w, l) => ({ weights: frobenius(w), bias: frobenius(gradients.bias[l]) }));
}

/** √Σ g², summed in index order (the recorder's norms equal gradientNorms' to the bit). */
export function frobenius(g: FloatArray): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i] * g[i];
  return Math.sqrt(s);
}
