// A dense multilayer perceptron as plain data: a list of layers, each a weight matrix, a bias
// vector and an activation. Algorithms (forward, backward, train) are free functions over it.
import { getActivation, type ActivationName } from './activations';
import type { Activation } from './define-activation';
import { getInitializer, zeros, type Initializer, type InitializerName } from './init';
import { toRng, type Rng } from './rng';
import { zerosOf, type DType, type FloatArray } from './types';

/** One dense layer: a = f(z), z = x·W + b. */
export interface Layer {
  /** Width of the layer's input (fan-in). */
  readonly inputSize: number;
  /** Number of units (fan-out). */
  readonly outputSize: number;
  /** f, applied to every unit's pre-activation z. */
  activation: Activation;
  /** W, inputSize × outputSize row-major: weights[i·outputSize + j] connects input i to unit j. */
  readonly weights: FloatArray;
  /** b, one per unit. */
  readonly bias: FloatArray;
}

/** A dense feed-forward network: layers applied in order to a batch of input rows. */
export interface Network {
  /** Precision of every parameter and activation. */
  readonly dtype: DType;
  /** Widths from input to output, e.g. [2, 16, 16, 1]. */
  readonly sizes: readonly number[];
  /** The dense layers, input side first. */
  readonly layers: readonly Layer[];
}

/** An activation given by name or as an object. */
export type ActivationLike = ActivationName | Activation;

/** An initialiser given by name, as an object, or as a constant number. */
export type InitializerLike = InitializerName | Initializer | number;

/** Options for mlp(): activations, initialisation, precision and randomness. */
export interface MlpOptions {
  /** Hidden-layer activation, or one per hidden layer; default 'relu'. */
  activation?: ActivationLike | ActivationLike[];
  /** Output-layer activation; default 'linear' (use 'sigmoid' with the 'bce' loss for probabilities). */
  output?: ActivationLike;
  /** Weight initialiser; default 'heNormal' when the first hidden activation is ReLU-like, else 'glorotNormal'. */
  init?: InitializerLike;
  /** Hidden-layer bias initialiser, e.g. -5 for born-dead ReLU units; default 0. */
  bias?: InitializerLike;
  /** Output-layer bias initialiser; default 0. */
  outputBias?: InitializerLike;
  /** Precision; default 'float32' ('float64' for gradient checks). */
  dtype?: DType;
  /** Seed for the weights; default 1. */
  seed?: number;
  /** A generator to draw the weights from (instead of seed). */
  rng?: Rng;
}

const RELU_LIKE = /^(relu|leakyRelu|elu|gelu|silu)/;

/** Builds a dense MLP with the given widths, e.g. mlp([2, 16, 16, 1], { activation: 'relu', seed: 42 }). */
export function mlp(sizes: readonly number[], options: MlpOptions = {}): Network {
  if (!Array.isArray(sizes) || sizes.length < 2) {
    throw new RangeError(`mlp(sizes): expected at least an input and an output width, e.g. [2, 8, 1]; got ${JSON.stringify(sizes)}`);
  }
  sizes.forEach((s, i) => {
    if (!(Number.isInteger(s) && s > 0)) {
      throw new RangeError(`mlp(sizes): width ${i} must be a positive integer, got ${String(s)} in ${JSON.stringify(sizes)}`);
    }
  });
  const hidden = sizes.length - 2;
  const given = options.activation ?? 'relu';
  const hiddenActs = Array.isArray(given) ? given : Array.from({ length: hidden }, () => given);
  if (hiddenActs.length !== hidden) {
    throw new RangeError(`mlp: ${hidden} hidden layers but ${hiddenActs.length} activations were given`);
  }
  const acts = [...hiddenActs, options.output ?? 'linear'].map(getActivation);
  const dtype = options.dtype ?? 'float32';
  if (dtype !== 'float32' && dtype !== 'float64') throw new Error(`mlp: dtype must be 'float32' or 'float64', got '${String(dtype)}'`);
  const layers: Layer[] = acts.map((activation, l) => ({
    inputSize: sizes[l],
    outputSize: sizes[l + 1],
    activation,
    weights: zerosOf(dtype, sizes[l] * sizes[l + 1]),
    bias: zerosOf(dtype, sizes[l + 1]),
  }));
  return reinitialize({ dtype, sizes: [...sizes], layers }, options);
}

/** Draws fresh weights and biases in place (same rules and defaults as mlp), e.g. for the next Monte Carlo trial. */
export function reinitialize(net: Network, options: Pick<MlpOptions, 'init' | 'bias' | 'outputBias' | 'seed' | 'rng'> = {}): Network {
  const first = net.layers[0].activation.name;
  const init = getInitializer(options.init ?? (net.layers.length > 1 && RELU_LIKE.test(first) ? 'heNormal' : 'glorotNormal'));
  const bias = options.bias === undefined ? zeros : getInitializer(options.bias);
  const outputBias = options.outputBias === undefined ? zeros : getInitializer(options.outputBias);
  const rng = options.rng ?? toRng(options.seed);
  net.layers.forEach((layer, l) => {
    init.fill(layer.weights, layer.inputSize, layer.outputSize, rng);
    (l === net.layers.length - 1 ? outputBias : bias).fill(layer.bias, layer.inputSize, layer.outputSize, rng);
  });
  return net;
}

/** The trainable arrays in optimiser order: [W₁, b₁, W₂, b₂, …]. */
export function parameters(net: Network): FloatArray[] {
  return net.layers.flatMap((layer) => [layer.weights, layer.bias]);
}

/** Total number of trainable numbers (weights and biases). */
export function parameterCount(net: Network): number {
  return net.layers.reduce((sum, layer) => sum + layer.weights.length + layer.bias.length, 0);
}

/** A deep copy of a network (same activations, copied weights), e.g. to train two variants from one init. */
export function cloneNetwork(net: Network): Network {
  return {
    dtype: net.dtype,
    sizes: [...net.sizes],
    layers: net.layers.map((layer) => ({ ...layer, weights: layer.weights.slice(), bias: layer.bias.slice() })),
  };
}
