// Weight initialisers: how the first random weights are scaled decides whether a deep net's
// signal survives (He et al. 2015) or shrinks by √2 per layer (Xavier on ReLU). Conventions
// follow papers.md: He normal is N(0, 2/fan_in), Glorot normal is N(0, 2/(fan_in + fan_out)).
import type { Rng } from './rng';
import type { FloatArray } from './types';

/** A rule for filling a weight or bias array, given the layer's fan-in and fan-out. */
export interface Initializer {
  /** Registry name, e.g. 'heNormal'. */
  readonly name: string;
  /** Fills `values` in place and returns it. */
  fill(values: FloatArray, fanIn: number, fanOut: number, rng: Rng): FloatArray;
}

function normalWithStd(name: string, std: (fanIn: number, fanOut: number) => number): Initializer {
  return {
    name,
    fill(values, fanIn, fanOut, rng) {
      const s = std(fanIn, fanOut);
      for (let i = 0; i < values.length; i++) values[i] = rng.normal(0, s);
      return values;
    },
  };
}

function uniformWithLimit(name: string, limit: (fanIn: number, fanOut: number) => number): Initializer {
  return {
    name,
    fill(values, fanIn, fanOut, rng) {
      const l = limit(fanIn, fanOut);
      for (let i = 0; i < values.length; i++) values[i] = rng.uniform(-l, l);
      return values;
    },
  };
}

/** He/Kaiming normal: N(0, 2/fan_in), keeps ReLU activations' variance constant layer to layer. */
export const heNormal: Initializer = normalWithStd('heNormal', (fanIn) => Math.sqrt(2 / fanIn));

/** He/Kaiming uniform: U(−√(6/fan_in), +√(6/fan_in)), same variance as heNormal. */
export const heUniform: Initializer = uniformWithLimit('heUniform', (fanIn) => Math.sqrt(6 / fanIn));

/** Glorot/Xavier normal: N(0, 2/(fan_in + fan_out)), balances forward and backward variance for tanh. */
export const glorotNormal: Initializer = normalWithStd('glorotNormal', (fanIn, fanOut) => Math.sqrt(2 / (fanIn + fanOut)));

/** Glorot/Xavier uniform: U(−√(6/(fan_in+fan_out)), +√(6/(fan_in+fan_out))), Glorot & Bengio 2010's "normalized" init. */
export const glorotUniform: Initializer = uniformWithLimit('glorotUniform', (fanIn, fanOut) => Math.sqrt(6 / (fanIn + fanOut)));

/** A normal init with a fixed standard deviation, for experiments that vary only the scale. */
export function normalInit(std: number): Initializer {
  if (!(std >= 0)) throw new RangeError(`normalInit(std): expected std ≥ 0, got ${std}`);
  return normalWithStd(`normal(${std})`, () => std);
}

/** Every value set to one number — e.g. constant(-5) for a deliberately dead ReLU bias. */
export function constant(value: number): Initializer {
  if (!Number.isFinite(value)) throw new RangeError(`constant(value): expected a finite number, got ${value}`);
  return {
    name: `constant(${value})`,
    fill(values) {
      return values.fill(value);
    },
  };
}

/** All zeros: the usual bias init (and a bad weight init: every unit stays identical). */
export const zeros: Initializer = { name: 'zeros', fill: (values) => values.fill(0) };

/** Every built-in initialiser by registry name. */
export const initializers: Readonly<Record<string, Initializer>> = Object.freeze({
  heNormal,
  heUniform,
  glorotNormal,
  glorotUniform,
  xavierNormal: glorotNormal,
  xavierUniform: glorotUniform,
  he: heNormal,
  glorot: glorotNormal,
  xavier: glorotNormal,
  zeros,
});

/** Names accepted wherever an initialiser can be given by name ('he' and 'glorot' mean the normal forms). */
export type InitializerName =
  'heNormal' | 'heUniform' | 'glorotNormal' | 'glorotUniform' | 'xavierNormal' | 'xavierUniform' | 'he' | 'glorot' | 'xavier' | 'zeros';

/** Looks an initialiser up by name, or turns a number into constant(number); unknown names list the known ones. */
export function getInitializer(init: InitializerName | Initializer | number | string): Initializer {
  if (typeof init === 'number') return constant(init);
  if (typeof init === 'object' && init !== null) return init;
  const found = Object.hasOwn(initializers, init) ? initializers[init] : undefined;
  if (!found) {
    throw new Error(
      `Unknown initializer '${String(init)}'. Known initializers: ${Object.keys(initializers).join(', ')}, ` +
        `or a number for a constant.`,
    );
  }
  return found;
}
