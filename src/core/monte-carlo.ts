// Running a tiny experiment many times: each run gets its own generator forked from one seed,
// so run 17 is reproducible on its own and the whole study is reproducible from the seed.
import { createRng, type Rng } from './rng';

/** Summary statistics of many runs. */
export interface Summary {
  /** Number of values. */
  readonly count: number;
  /** Arithmetic mean (for booleans: the share that were true). */
  readonly mean: number;
  /** Sample standard deviation. */
  readonly std: number;
  /** Standard error of the mean, std/√count. */
  readonly stderr: number;
  /** Smallest value. */
  readonly min: number;
  /** Median. */
  readonly median: number;
  /** Largest value. */
  readonly max: number;
}

/** Runs experiment(rng, run) `runs` times with independent seeded generators and returns the results in order. */
export function monteCarlo<T>(runs: number, experiment: (rng: Rng, run: number) => T, seed = 1): T[] {
  if (!(Number.isInteger(runs) && runs > 0)) throw new RangeError(`monteCarlo: runs must be a whole number ≥ 1, got ${runs}`);
  const master = createRng(seed);
  const results: T[] = [];
  for (let run = 0; run < runs; run++) results.push(experiment(master.fork(), run));
  return results;
}

/** Mean, spread and range of numbers (booleans count as 1/0, so the mean is a probability). */
export function summarize(values: readonly (number | boolean)[]): Summary {
  if (values.length === 0) throw new RangeError('summarize: expected at least one value');
  const v = values.map(Number).sort((a, b) => a - b);
  const count = v.length;
  const mean = v.reduce((s, x) => s + x, 0) / count;
  const std = count > 1 ? Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / (count - 1)) : 0;
  const mid = count >> 1;
  const median = count % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { count, mean, std, stderr: std / Math.sqrt(count), min: v[0], median, max: v[count - 1] };
}
