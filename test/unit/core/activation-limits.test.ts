// Issue 11.10: at extreme inputs every activation's value and derivative stay finite wherever the
// function's limit is finite (GELU′ used to return 0·∞ = NaN for |x| ≳ 1e154). NaN is the
// documented answer only for a NaN input and for relu(−∞) (src/core/activations.ts says why).
import { describe, expect, it } from 'vitest';
import { activations, type Activation } from '../../../src/core/index';

const MAX = Number.MAX_VALUE;
const EXTREMES = [1e3, 1e30, 1e300, MAX, Infinity];

/** What f(x) and f′(x) tend to for large positive (`pos`) and large negative (`neg`) x. */
interface Limits {
  value: { pos: (x: number) => number; neg: (x: number) => number };
  slope: { pos: number; neg: number };
}
const relu: Limits = { value: { pos: (x) => x, neg: () => 0 }, slope: { pos: 1, neg: 0 } };
const LIMITS: Record<string, Limits> = {
  relu,
  leakyRelu: { value: { pos: (x) => x, neg: (x) => 0.01 * x }, slope: { pos: 1, neg: 0.01 } },
  sigmoid: { value: { pos: () => 1, neg: () => 0 }, slope: { pos: 0, neg: 0 } },
  tanh: { value: { pos: () => 1, neg: () => -1 }, slope: { pos: 0, neg: 0 } },
  elu: { value: { pos: (x) => x, neg: () => -1 }, slope: { pos: 1, neg: 0 } },
  gelu: relu,
  softplus: relu,
  silu: relu,
  swish: relu,
  linear: { value: { pos: (x) => x, neg: (x) => x }, slope: { pos: 1, neg: 1 } },
  identity: { value: { pos: (x) => x, neg: (x) => x }, slope: { pos: 1, neg: 1 } },
};

// Equal up to one part in 1e15 (zeros of either sign count as equal; ∞ equals only ∞).
function near(actual: number, expected: number): boolean {
  if (expected === 0 || !Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= 1e-15 * Math.abs(expected);
}

function problemsOf(name: string, f: Activation): string[] {
  const { value, slope } = LIMITS[name];
  const problems: string[] = [];
  for (const big of EXTREMES) {
    for (const x of [big, -big]) {
      const side = x > 0 ? 'pos' : 'neg';
      if (name === 'relu' && x === -Infinity) continue; // relu(−∞) = NaN on purpose: checked below
      if (!near(f(x), value[side](x))) problems.push(`${name}(${x}) = ${f(x)}, expected ${value[side](x)}`);
      if (!near(f.derivative(x), slope[side])) problems.push(`${name}′(${x}) = ${f.derivative(x)}, expected ${slope[side]}`);
    }
  }
  return problems;
}

describe('every exported activation at ±1e3, ±1e30, ±1e300, ±MAX_VALUE and ±∞', () => {
  it('covers every activation in the registry', () => {
    expect(Object.keys(LIMITS).sort()).toEqual(Object.keys(activations).sort());
  });

  for (const [name, f] of Object.entries(activations)) {
    it(`${name}: value and derivative equal their limits (finite wherever the limit is finite)`, () => {
      expect(problemsOf(name, f)).toEqual([]);
    });
  }

  it('catches a derivative that turns into NaN (control: the old GELU′ formula, 0·∞ at 1e300)', () => {
    const C = Math.sqrt(2 / Math.PI);
    const logistic = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
    const oldDerivative = (x: number) => {
      const u2 = 2 * C * (x + 0.044715 * x * x * x);
      const s = logistic(u2);
      return s + x * s * logistic(-u2) * 2 * C * (1 + 3 * 0.044715 * x * x);
    };
    const broken = Object.assign((x: number) => activations.gelu(x), { ...activations.gelu, derivative: oldDerivative });
    expect(problemsOf('gelu', broken as Activation)).toContain('gelu′(1e+300) = NaN, expected 1');
  });

  it('gives NaN for a NaN input, except the slopes of relu, leaky ReLU and linear (0, α, 1: no gradient, not more NaN)', () => {
    for (const [name, f] of Object.entries(activations)) {
      expect(Number.isNaN(f(NaN)), name).toBe(true);
      const slope = f.derivative(NaN);
      if (['relu', 'leakyRelu', 'linear', 'identity'].includes(name)) expect(slope, name).toBe(LIMITS[name].slope.neg);
      else expect(Number.isNaN(slope), name).toBe(true);
    }
  });

  it('keeps relu(−∞) = NaN, so an overflowed net stays visibly broken (the one documented exception)', () => {
    expect(Number.isNaN(activations.relu(-Infinity))).toBe(true);
    expect(activations.relu.derivative(-Infinity)).toBe(0);
  });
});
