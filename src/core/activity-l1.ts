// An L1 penalty on the hidden activations (Glorot, Bordes & Bengio 2011 train with one): adding
// λ·(1/rows)·Σ|a| over every hidden unit pushes activations towards exact zeros, which is where
// their 68–83 % sparsity came from. Its gradient, λ·sign(a)/rows, joins dL/da of each hidden
// layer before that layer's activation derivative (backward.ts does that).
import type { Trace } from './forward';
import type { FloatArray } from './types';

/** The penalty λ·(1/rows)·Σ|a| summed over the hidden layers' activations (the output layer is not penalised). */
export function activityL1Penalty(trace: Trace, lambda: number): number {
  if (lambda === 0) return 0;
  let sum = 0;
  for (let l = 0; l < trace.a.length - 1; l++) {
    const a = trace.a[l];
    for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]);
  }
  return (lambda * sum) / trace.rows;
}

/** Adds d(penalty)/da = λ·sign(a)/rows into one hidden layer's dL/da (sign(0) = 0, so an exact zero is left alone). */
export function addActivityL1Gradient(a: FloatArray, da: FloatArray, lambda: number, rows: number): void {
  const k = lambda / rows;
  for (let i = 0; i < a.length; i++) da[i] += k * Math.sign(a[i]);
}

/** Throws unless λ is a finite number ≥ 0. */
export function checkActivityL1(lambda: number, where: string): void {
  if (!(lambda >= 0 && Number.isFinite(lambda))) throw new RangeError(`${where}: activityL1 must be a finite number ≥ 0, got ${lambda}`);
}
