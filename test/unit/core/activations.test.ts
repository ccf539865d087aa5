import { describe, expect, it } from 'vitest';
import {
  activations,
  applyActivation,
  createRng,
  defineActivation,
  elu,
  gelu,
  getActivation,
  leakyRelu,
  linear,
  makeElu,
  makeLeakyRelu,
  relu,
  sigmoid,
  silu,
  softplus,
  tanh,
  type Activation,
} from '../../../src/core/index';

// Inputs from −6 to 6, skipping the kink at 0 where ReLU-like derivatives are one-sided.
const GRID = Array.from({ length: 241 }, (_, i) => -6 + i * 0.05).filter((x) => Math.abs(x) > 1e-3);
const KINKED = new Set(['relu', 'leakyRelu', 'leakyRelu(0.2)', 'elu', 'elu(0.5)']);
const ALL: Activation[] = [relu, leakyRelu, makeLeakyRelu(0.2), sigmoid, tanh, elu, makeElu(0.5), gelu, softplus, silu, linear];

function centralDifference(f: (x: number) => number, x: number, h = 1e-5): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}

function relErr(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale < 1e-12 ? Math.abs(a - b) : Math.abs(a - b) / scale;
}

describe('every activation', () => {
  it.each(ALL.map((a) => [a.name, a] as const))(
    '%s: derivative matches a central finite difference (float64, rel err ≤ 1e-6 away from kinks)',
    (_name, act) => {
      let worst = 0;
      for (const x of GRID) {
        if (KINKED.has(act.name) && Math.abs(x) < 1e-4) continue;
        worst = Math.max(worst, relErr(act.derivative(x), centralDifference(act.output, x)));
      }
      expect(worst).toBeLessThanOrEqual(1e-6);
    },
  );

  it.each(ALL.map((a) => [a.name, a] as const))('%s: is callable on a number and equals its output()', (_name, act) => {
    for (const x of [-3, -0.5, 0.25, 2]) expect(act(x)).toBe(act.output(x));
  });

  it.each(ALL.map((a) => [a.name, a] as const))(
    '%s: forward/backward over Float32Array and Float64Array match the scalar f and f′',
    (_name, act) => {
      for (const Arr of [Float64Array, Float32Array]) {
        const z = Arr.from(GRID);
        const g = Arr.from(GRID.map((_, i) => 0.5 + (i % 7) / 3));
        const out = new Arr(z.length);
        expect(act.forward(z, out)).toBe(out);
        const back = act.backward(z, g, new Arr(z.length));
        const round = Arr === Float32Array ? Math.fround : (v: number) => v;
        for (let i = 0; i < z.length; i++) {
          expect(out[i]).toBeCloseTo(round(act.output(z[i])), Arr === Float32Array ? 6 : 15);
          expect(back[i]).toBeCloseTo(round(g[i] * act.derivative(z[i])), Arr === Float32Array ? 6 : 15);
        }
      }
    },
  );

  it('rejects arrays of different lengths or non-float arrays with a message naming the call', () => {
    expect(() => relu.forward(new Float32Array(3), new Float32Array(2))).toThrow(/relu\.forward.*same length.*3, 2/);
    expect(() => sigmoid.backward(new Float64Array(2), new Float64Array(3), new Float64Array(2))).toThrow(/sigmoid\.backward/);
    expect(() => tanh.forward([1, 2] as unknown as Float32Array, new Float32Array(2))).toThrow(/Float32Array or Float64Array/);
  });
});

describe('relu', () => {
  it('is max(0, x): relu(5) = 5, relu(−2) = 0', () => {
    expect(relu(5)).toBe(5);
    expect(relu(-2)).toBe(0);
    expect(relu.name).toBe('relu');
  });

  it('has derivative 1 for x > 0 and 0 for x ≤ 0 (TensorFlow convention at the kink)', () => {
    expect([relu.derivative(-1), relu.derivative(0), relu.derivative(1e-30)]).toEqual([0, 0, 1]);
  });

  it('propagates NaN and turns −∞ into NaN (a diverged net must not look healthy), maps −0 to +0, keeps +∞ — scalar and array alike', () => {
    const z = Float64Array.from([NaN, -0, -Infinity, Infinity, -1e-300]);
    const out = relu.forward(z, new Float64Array(5));
    for (const v of [out, z.map((x) => relu(x))]) {
      expect(Number.isNaN(v[0])).toBe(true);
      expect(Object.is(v[1], 0)).toBe(true);
      expect(Number.isNaN(v[2])).toBe(true);
      expect(v[3]).toBe(Infinity);
      expect(Object.is(v[4], 0)).toBe(true);
    }
  });

  it('backward passes the gradient only where z > 0 (NaN z passes nothing)', () => {
    const z = Float32Array.from([-1, 0, 2, NaN]);
    const g = Float32Array.from([10, 20, 30, 40]);
    expect([...relu.backward(z, g, new Float32Array(4))]).toEqual([0, 0, 30, 0]);
  });

  it('can write in place (out = z), over lengths that are not a multiple of the 4-way unrolled loop', () => {
    for (const n of [1, 2, 3, 4, 5, 7, 9]) {
      const z = Float32Array.from({ length: n }, (_, i) => (i % 2 ? i : -i));
      relu.forward(z, z);
      expect([...z]).toEqual(Array.from({ length: n }, (_, i) => (i % 2 ? i : 0)));
      const g = leakyRelu.backward(
        Float64Array.from({ length: n }, (_, i) => (i % 2 ? 1 : -1)),
        new Float64Array(n).fill(2),
        new Float64Array(n),
      );
      expect([...g]).toEqual(Array.from({ length: n }, (_, i) => (i % 2 ? 2 : 0.02)));
    }
  });

  it('array loops on float64 equal the scalar function bit for bit (relu and leaky ReLU, forward and backward)', () => {
    const rng = createRng(3);
    const z = Float64Array.from({ length: 1001 }, () => rng.normal(0, 1e3));
    const g = Float64Array.from({ length: 1001 }, () => rng.normal());
    for (const act of [relu, leakyRelu, makeLeakyRelu(0.3)]) {
      const out = act.forward(z, new Float64Array(z.length));
      const back = act.backward(z, g, new Float64Array(z.length));
      for (let i = 0; i < z.length; i++) {
        expect(out[i]).toBe(act(z[i]));
        expect(back[i]).toBe(g[i] * act.derivative(z[i]));
      }
    }
  });
});

describe('leakyRelu', () => {
  it('defaults to slope 0.01 on the negative side, so the gradient is never exactly zero', () => {
    expect(leakyRelu(-2)).toBeCloseTo(-0.02, 15);
    expect(leakyRelu.derivative(-2)).toBe(0.01);
    expect(makeLeakyRelu(0.1).derivative(-2)).toBe(0.1);
  });
  it('rejects a slope outside [0, 1)', () => {
    expect(() => makeLeakyRelu(1.5)).toThrow(/0 ≤ alpha < 1/);
  });
});

describe('sigmoid (papers.md check 3a)', () => {
  it('has max derivative 1/4, at x = 0, and 10 stacked maxima give 0.25^10 ≈ 9.54e-7', () => {
    const grid = Array.from({ length: 2001 }, (_, i) => -10 + i * 0.01);
    const max = Math.max(...grid.map(sigmoid.derivative));
    expect(max).toBe(0.25);
    expect(sigmoid.derivative(0)).toBe(0.25);
    expect(sigmoid.derivative(0) ** 10).toBeCloseTo(9.5367e-7, 10);
    expect(tanh.derivative(0)).toBe(1);
  });
  it('does not overflow for large |x|', () => {
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
    expect(softplus(1000)).toBe(1000);
    expect(softplus(-1000)).toBe(0);
  });
});

describe('registry', () => {
  it('finds every activation by name, with aliases swish → silu and identity → linear', () => {
    expect(getActivation('relu')).toBe(relu);
    expect(getActivation('swish')).toBe(silu);
    expect(getActivation('identity')).toBe(linear);
    expect(getActivation(tanh)).toBe(tanh);
    expect(Object.keys(activations)).toEqual(
      expect.arrayContaining(['relu', 'leakyRelu', 'sigmoid', 'tanh', 'elu', 'gelu', 'softplus', 'silu', 'linear']),
    );
  });
  it('rejects an unknown name with a message listing the known ones', () => {
    expect(() => getActivation('rectifier')).toThrow(/Unknown activation 'rectifier'\. Known activations: relu, leakyRelu, sigmoid, tanh/);
    expect(() => getActivation('toString')).toThrow(/Unknown activation/);
  });
  it('lets a snippet define its own activation from f and f′ and use it like a built-in', () => {
    const square = defineActivation({ name: 'square', output: (x) => x * x, derivative: (x) => 2 * x });
    expect(square(3)).toBe(9);
    expect([...applyActivation(square, Float64Array.from([1, -2]))]).toEqual([1, 4]);
    expect([...square.backward(Float64Array.from([3]), Float64Array.from([0.5]), new Float64Array(1))]).toEqual([3]);
  });
});
