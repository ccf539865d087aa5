// Seeded randomness: the only source of random numbers in the core, so a demo draws the same
// plot in the talk, in a reader's browser and in a test. mulberry32 is the generator
// papers.md's reference numbers were computed with; normals use Box–Muller. Uniforms are pure
// 32-bit integer arithmetic, identical on every engine; normals go through Math.log/sin/cos,
// which V8 evaluates identically in Node and Chromium (another engine may differ in the last bit).

/** A seeded random number generator: every draw is reproducible from the seed. */
export interface Rng {
  /** The seed this generator started from. */
  readonly seed: number;
  /** A uniform draw in [low, high), by default [0, 1). */
  uniform(low?: number, high?: number): number;
  /** A Gaussian draw with the given mean and standard deviation, by default N(0, 1). */
  normal(mean?: number, std?: number): number;
  /** A uniform integer in [low, high) (high exclusive). */
  int(low: number, high: number): number;
  /** Shuffles an array in place (Fisher–Yates) and returns it. */
  shuffle<A extends { length: number; [index: number]: unknown }>(array: A): A;
  /** A new independent generator derived from this one's next draw (for sub-experiments). */
  fork(): Rng;
}

/** Creates a seeded generator (mulberry32 uniforms, Box–Muller normals); same seed, same numbers. */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new TypeError(`createRng(seed): expected a finite number, got ${String(seed)}`);
  let state = seed >>> 0;
  // Box–Muller yields normals in pairs; keep the second for the next call.
  let spare = NaN;

  // mulberry32 (Tommy Ettinger): 32-bit state, passes PractRand to 2^32 outputs — plenty for demos.
  const next32 = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  const unit = (): number => next32() / 4294967296;

  const rng: Rng = {
    seed,
    uniform(low = 0, high = 1) {
      return low + (high - low) * unit();
    },
    normal(mean = 0, std = 1) {
      if (spare === spare) {
        const z = spare;
        spare = NaN;
        return mean + std * z;
      }
      // 1 - u lies in (0, 1], so the log is finite.
      const r = Math.sqrt(-2 * Math.log(1 - unit()));
      const theta = 2 * Math.PI * unit();
      spare = r * Math.sin(theta);
      return mean + std * r * Math.cos(theta);
    },
    int(low, high) {
      if (!(Number.isInteger(low) && Number.isInteger(high) && high > low)) {
        throw new RangeError(`rng.int(low, high): expected integers with low < high, got ${low}, ${high}`);
      }
      return low + Math.floor(unit() * (high - low));
    },
    shuffle(array) {
      for (let i = array.length - 1; i > 0; i--) {
        const j = Math.floor(unit() * (i + 1));
        const t = array[i];
        array[i] = array[j];
        array[j] = t;
      }
      return array;
    },
    fork() {
      return createRng(next32());
    },
  };
  return rng;
}

/** Accepts either a seed or a generator, so options can say `seed: 42` or pass an `rng`. */
export function toRng(seedOrRng: number | Rng | undefined, fallbackSeed = 1): Rng {
  if (seedOrRng === undefined) return createRng(fallbackSeed);
  return typeof seedOrRng === 'number' ? createRng(seedOrRng) : seedOrRng;
}
