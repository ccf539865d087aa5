// Seeded toy datasets for the demos, all 2-D classification unless noted. Every generator takes
// an rng or a seed, so the same call draws the same points in the talk and in the tests.
// Labels are 0/1 in one column (use 'bce'), or one-hot rows when `classes` > 2.
import type { Dataset } from './dataset';
import { toRng, type Rng } from './rng';

/** Options shared by the dataset generators. */
export interface DatasetOptions {
  /** Number of examples. */
  n?: number;
  /** Noise: standard deviation of Gaussian jitter (or half-width of radial jitter for circles). */
  noise?: number;
  /** Seed; default 1. */
  seed?: number;
  /** A generator (instead of seed). */
  rng?: Rng;
}

function make(points: number[][], labels: number[], classes: number): Dataset {
  const n = points.length;
  const inputSize = points[0].length;
  const outputSize = classes > 2 ? classes : 1;
  const x = new Float64Array(n * inputSize);
  const y = new Float64Array(n * outputSize);
  for (let i = 0; i < n; i++) {
    x.set(points[i], i * inputSize);
    if (outputSize === 1) y[i] = labels[i];
    else y[i * outputSize + labels[i]] = 1;
  }
  return { x, y, n, inputSize, outputSize };
}

function countOf(where: string, n: number | undefined, fallback: number): number {
  const c = n ?? fallback;
  if (!(Number.isInteger(c) && c > 0)) throw new RangeError(`datasets.${where}: n must be a whole number ≥ 1, got ${n}`);
  return c;
}

/** XOR: without n, Goodfellow et al.'s four points (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0; with n, noisy points in the four quadrants of [−1, 1]². */
export function xor(options: DatasetOptions = {}): Dataset {
  if (options.n === undefined)
    return make(
      [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ],
      [0, 1, 1, 0],
      2,
    );
  const n = countOf('xor', options.n, 4);
  const rng = options.rng ?? toRng(options.seed);
  const noise = options.noise ?? 0.1;
  const pts: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = rng.uniform(-1, 1);
    const b = rng.uniform(-1, 1);
    pts.push([a + rng.normal(0, noise), b + rng.normal(0, noise)]);
    labels.push(a * b < 0 ? 1 : 0);
  }
  return make(pts, labels, 2);
}

/** Two interleaving half-circles (scikit-learn's make_moons): label 0 on the upper moon, 1 on the lower. */
export function moons(options: DatasetOptions = {}): Dataset {
  const n = countOf('moons', options.n, 200);
  const rng = options.rng ?? toRng(options.seed);
  const noise = options.noise ?? 0.1;
  const pts: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const t = Math.PI * rng.uniform();
    const [px, py] = label === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
    pts.push([px + rng.normal(0, noise), py + rng.normal(0, noise)]);
    labels.push(label);
  }
  return make(pts, labels, 2);
}

/** Two concentric circles: radius 0.5 (label 0) and 1.0 (label 1), labels alternating, radial jitter ±noise (default 0.05). */
export function circles(options: DatasetOptions = {}): Dataset {
  const n = countOf('circles', options.n, 100);
  const rng = options.rng ?? toRng(options.seed);
  const noise = options.noise ?? 0.05;
  const pts: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const angle = rng.uniform(0, 2 * Math.PI);
    const r = (label === 0 ? 0.5 : 1) + rng.uniform(-noise, noise);
    pts.push([r * Math.cos(angle), r * Math.sin(angle)]);
    labels.push(label);
  }
  return make(pts, labels, 2);
}

/** Interleaved spiral arms (CS231n's spiral), one arm per class; more than two classes give one-hot targets. */
export function spiral(options: DatasetOptions & { classes?: number; turns?: number } = {}): Dataset {
  const n = countOf('spiral', options.n, 200);
  const classes = options.classes ?? 2;
  if (!(Number.isInteger(classes) && classes >= 2))
    throw new RangeError(`datasets.spiral: classes must be a whole number ≥ 2, got ${classes}`);
  const rng = options.rng ?? toRng(options.seed);
  const noise = options.noise ?? 0.05;
  const turns = options.turns ?? 1;
  const pts: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % classes;
    const r = rng.uniform(0.05, 1);
    const angle = (2 * Math.PI * label) / classes + 2 * Math.PI * turns * r;
    pts.push([r * Math.sin(angle) + rng.normal(0, noise), r * Math.cos(angle) + rng.normal(0, noise)]);
    labels.push(label);
  }
  return make(pts, labels, classes);
}

/** Gaussian blobs: `classes` clusters (default 2) with centres on a circle of radius `spread`, each with std `noise`. */
export function blobs(options: DatasetOptions & { classes?: number; spread?: number } = {}): Dataset {
  const n = countOf('blobs', options.n, 200);
  const classes = options.classes ?? 2;
  if (!(Number.isInteger(classes) && classes >= 2))
    throw new RangeError(`datasets.blobs: classes must be a whole number ≥ 2, got ${classes}`);
  const rng = options.rng ?? toRng(options.seed);
  const noise = options.noise ?? 0.3;
  const spread = options.spread ?? 1;
  const pts: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % classes;
    const angle = (2 * Math.PI * label) / classes;
    pts.push([spread * Math.cos(angle) + rng.normal(0, noise), spread * Math.sin(angle) + rng.normal(0, noise)]);
    labels.push(label);
  }
  return make(pts, labels, classes);
}

/** 1-D regression y = sin(frequency·x) on n evenly spaced x in [−1, 1] (default frequency 3), plus optional Gaussian noise. */
export function sine(options: DatasetOptions & { frequency?: number } = {}): Dataset {
  const n = countOf('sine', options.n, 256);
  const frequency = options.frequency ?? 3;
  const noise = options.noise ?? 0;
  const rng = options.rng ?? toRng(options.seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = n === 1 ? 0 : -1 + (2 * i) / (n - 1);
    y[i] = Math.sin(frequency * x[i]) + (noise > 0 ? rng.normal(0, noise) : 0);
  }
  return { x, y, n, inputSize: 1, outputSize: 1 };
}
