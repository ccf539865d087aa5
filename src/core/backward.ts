// Backpropagation: the chain rule applied layer by layer, from the output back to the input.
//   dz_L = f_L′(z_L) ⊙ dL/da_L          (or dL/dz_L directly when the loss reads logits)
//   dW_l = a_{l−1}ᵀ · dz_l,  db_l = Σ_rows dz_l
//   da_{l−1} = dz_l · W_lᵀ (+ λ·sign(a_{l−1})/rows with an activity L1 penalty),  dz_{l−1} = f′(z_{l−1}) ⊙ da_{l−1}
import { activityL1Penalty, addActivityL1Gradient, checkActivityL1 } from './activity-l1';
import { forward, rowsOf, type Trace } from './forward';
import { getLoss, type Loss, type LossName } from './losses';
import { gemm } from './matmul';
import type { Network } from './network';
import { zerosOf, type FloatArray } from './types';
import { checkFinite } from './validate';

/** Gradients of the loss with respect to every parameter: weights[l] is dL/dW_l, bias[l] is dL/db_l. */
export interface Gradients {
  /** dL/dW per layer, same shape as the layer's weights. */
  readonly weights: FloatArray[];
  /** dL/db per layer, same shape as the layer's bias. */
  readonly bias: FloatArray[];
}

/** Allocates zeroed gradient arrays shaped like the network's parameters. */
export function createGradients(net: Network): Gradients {
  return {
    weights: net.layers.map((l) => zerosOf(net.dtype, l.weights.length)),
    bias: net.layers.map((l) => zerosOf(net.dtype, l.bias.length)),
  };
}

/**
 * Backpropagates dL/d(output) through a forward trace and returns dL/dW and dL/db for every layer;
 * with `wrt: 'logits'` the gradient is taken as dL/dz of the output layer (skipping its activation);
 * `activityL1` = λ adds the gradient of λ·(1/rows)·Σ|a| over the hidden activations (see activityL1Penalty).
 */
export function backward(
  net: Network,
  trace: Trace,
  gradOutput: FloatArray,
  wrt: 'output' | 'logits' = 'output',
  grads = createGradients(net),
  activityL1 = 0,
): Gradients {
  const L = net.layers.length;
  const last = trace.dz[L - 1];
  if (gradOutput.length !== last.length) {
    throw new RangeError(
      `backward: gradOutput has ${gradOutput.length} values, expected rows × outputs = ${trace.rows} × ${net.sizes[L]} = ${last.length}`,
    );
  }
  if (wrt === 'logits') last.set(gradOutput);
  else net.layers[L - 1].activation.backward(trace.z[L - 1], gradOutput, last);

  const rows = trace.rows;
  for (let l = L - 1; l >= 0; l--) {
    const { inputSize: nIn, outputSize: nOut, weights } = net.layers[l];
    const dz = trace.dz[l];
    const prev = l === 0 ? trace.input : trace.a[l - 1];
    // dW = a_prevᵀ · dz: read a_prev (rows × nIn) transposed through its strides.
    gemm(nIn, nOut, rows, prev, 1, nIn, dz, nOut, 1, grads.weights[l]);
    const db = grads.bias[l];
    db.fill(0);
    for (let r = 0, o = 0; r < rows; r++) for (let j = 0; j < nOut; j++, o++) db[j] += dz[o];
    if (l > 0) {
      // da_prev = dz · Wᵀ, then through the previous layer's activation.
      const da = trace.da[l - 1];
      gemm(rows, nIn, nOut, dz, nOut, 1, weights, 1, nOut, da);
      if (activityL1 > 0) addActivityL1Gradient(trace.a[l - 1], da, activityL1, rows);
      net.layers[l - 1].activation.backward(trace.z[l - 1], da, trace.dz[l - 1]);
    }
  }
  return grads;
}

/** Which gradient a loss hands to backprop, checking that the output activation fits the loss. */
export function lossInput(net: Network, loss: Loss): 'output' | 'logits' {
  if (loss.reads === 'output') return 'output';
  const out = net.layers[net.layers.length - 1].activation.name;
  const link = loss.name === 'bce' ? 'sigmoid' : undefined;
  if (out !== 'linear' && out !== link) {
    throw new Error(
      `Loss '${loss.name}' reads logits, so the output layer must be 'linear'${link ? ` or '${link}'` : ''}, not '${out}'. ` +
        `Build the net with mlp(sizes, { output: '${link ?? 'linear'}' }).`,
    );
  }
  return 'logits';
}

/** Regularisers lossAndGradients can add to the loss. */
export interface PenaltyOptions {
  /** λ of an L1 penalty on the hidden activations: adds λ·(1/rows)·Σ|a|; default 0. */
  activityL1?: number;
}

/** The loss of a batch (plus any penalty) and its gradients with respect to every parameter (one forward and one backward pass). */
export function lossAndGradients(
  net: Network,
  x: FloatArray,
  y: FloatArray,
  lossName: LossName | Loss = 'mse',
  penalties: PenaltyOptions = {},
): { loss: number; gradients: Gradients; trace: Trace } {
  const activityL1 = penalties.activityL1 ?? 0;
  checkActivityL1(activityL1, 'lossAndGradients');
  const loss = getLoss(lossName);
  const wrt = lossInput(net, loss);
  const rows = rowsOf(net, x, 'lossAndGradients');
  const outWidth = net.sizes[net.sizes.length - 1];
  if (y.length !== rows * outWidth) {
    throw new RangeError(`lossAndGradients: ${rows} input rows need ${rows} × ${outWidth} = ${rows * outWidth} targets, got ${y.length}`);
  }
  checkFinite(y, 'lossAndGradients: targets');
  const trace = forward(net, x);
  const L = net.layers.length - 1;
  const pred = wrt === 'logits' ? trace.z[L] : trace.a[L];
  const value = loss.value(pred, y, rows) + activityL1Penalty(trace, activityL1);
  const g = loss.gradient(pred, y, rows, zerosOf(net.dtype, pred.length));
  return { loss: value, gradients: backward(net, trace, g, wrt, createGradients(net), activityL1), trace };
}
