// The forward pass over a batch: z = a_prev·W + b, a = f(z), layer by layer. It keeps every z and
// a in a Trace, because backprop needs them and the probes (sparsity, dead units) read them.
import { gemm } from './matmul';
import type { Network } from './network';
import { zerosOf, type FloatArray } from './types';
import { checkFinite } from './validate';

/** What a forward pass leaves behind: per layer the pre-activations z and activations a (rows × units). */
export interface Trace {
  /** Number of input rows in the batch. */
  readonly rows: number;
  /** The batch that was fed in (rows × inputSize). */
  input: FloatArray;
  /** z[l] = a[l−1]·W[l] + b[l], per layer. */
  readonly z: FloatArray[];
  /** a[l] = f(z[l]), per layer; the last one is the network's output. */
  readonly a: FloatArray[];
  /** Scratch for backprop: dL/dz per layer. */
  readonly dz: FloatArray[];
  /** Scratch for backprop: dL/da per layer. */
  readonly da: FloatArray[];
}

/** Allocates the buffers of a forward pass for `rows` inputs, so a training loop can reuse them. */
export function createTrace(net: Network, rows: number): Trace {
  const per = () => net.layers.map((layer) => zerosOf(net.dtype, rows * layer.outputSize));
  return { rows, input: zerosOf(net.dtype, 0), z: per(), a: per(), dz: per(), da: per() };
}

/** Number of rows in a flat batch x for this network; throws if x is not rows × inputSize. */
export function rowsOf(net: Network, x: FloatArray, where = 'forward'): number {
  if (!(x instanceof Float32Array || x instanceof Float64Array)) {
    throw new TypeError(`${where}: expected the inputs as a Float32Array or Float64Array (rows × ${net.sizes[0]}), got ${typeof x}`);
  }
  const width = net.sizes[0];
  const rows = x.length / width;
  if (x.length === 0) throw new RangeError(`${where}: the batch is empty; expected at least one row of ${width} inputs`);
  if (!Number.isInteger(rows)) {
    throw new RangeError(
      `${where}: the network expects rows of ${width} inputs, but got ${x.length} values (${x.length} is not a multiple of ${width})`,
    );
  }
  return rows;
}

/** Runs the network on a batch x (rows × inputSize, row-major) and returns every layer's z and a. */
export function forward(net: Network, x: FloatArray, trace?: Trace): Trace {
  const rows = rowsOf(net, x);
  checkFinite(x, 'forward: inputs');
  const t = trace && trace.rows === rows ? trace : createTrace(net, rows);
  forwardUnchecked(net, x, t);
  return t;
}

/** The forward pass without input checks, for the training loop's inner steps. */
export function forwardUnchecked(net: Network, x: FloatArray, t: Trace): void {
  t.input = x;
  let prev = x;
  for (let l = 0; l < net.layers.length; l++) {
    const { inputSize, outputSize, weights, bias, activation } = net.layers[l];
    const z = t.z[l];
    gemm(t.rows, outputSize, inputSize, prev, inputSize, 1, weights, outputSize, 1, z);
    for (let r = 0, o = 0; r < t.rows; r++) {
      for (let j = 0; j < outputSize; j++, o++) z[o] += bias[j];
    }
    activation.forward(z, t.a[l]);
    prev = t.a[l];
  }
}

/** The network's output for a batch x, as a new array (rows × outputSize). */
export function predict(net: Network, x: FloatArray): FloatArray {
  const t = forward(net, x);
  return t.a[t.a.length - 1].slice();
}
