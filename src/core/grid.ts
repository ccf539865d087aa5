// A regular grid over the plane, for decision-boundary heatmaps: evaluate the network at every
// grid point and hand the matrix to a heatmap plot.
import { forward } from './forward';
import type { Network } from './network';

/** Points of a regular 2-D grid: `x` is the flat list of (x, y) pairs, row by row along ys. */
export interface Grid {
  /** The grid points as a flat array of (x, y) pairs: nx·ny rows of 2, ys outer, xs inner. */
  readonly x: Float64Array;
  /** The column coordinates. */
  readonly xs: number[];
  /** The row coordinates. */
  readonly ys: number[];
}

/** A resolution × resolution grid over [x0, x1] × [y0, y1] (default [−1.5, 1.5]², 50 steps). */
export function grid(options: { x?: [number, number]; y?: [number, number]; resolution?: number } = {}): Grid {
  const [x0, x1] = options.x ?? [-1.5, 1.5];
  const [y0, y1] = options.y ?? [-1.5, 1.5];
  const res = options.resolution ?? 50;
  if (!(Number.isInteger(res) && res >= 2)) throw new RangeError(`grid: resolution must be a whole number ≥ 2, got ${res}`);
  if (!(x1 > x0 && y1 > y0)) throw new RangeError(`grid: ranges must go from low to high, got x [${x0}, ${x1}], y [${y0}, ${y1}]`);
  const step = (a: number, b: number) => Array.from({ length: res }, (_, i) => a + ((b - a) * i) / (res - 1));
  const xs = step(x0, x1);
  const ys = step(y0, y1);
  const x = new Float64Array(res * res * 2);
  for (let r = 0; r < res; r++) {
    for (let c = 0; c < res; c++) {
      x[2 * (r * res + c)] = xs[c];
      x[2 * (r * res + c) + 1] = ys[r];
    }
  }
  return { x, xs, ys };
}

/** The network's output column `column` at every grid point, as rows (one per y) for a heatmap's z. */
export function predictGrid(net: Network, g: Grid, column = 0): number[][] {
  if (net.sizes[0] !== 2)
    throw new RangeError(`predictGrid: the network must take 2 inputs to be drawn over a plane, it takes ${net.sizes[0]}`);
  const t = forward(net, g.x);
  const out = t.a[t.a.length - 1];
  const width = net.sizes[net.sizes.length - 1];
  if (!(Number.isInteger(column) && column >= 0 && column < width))
    throw new RangeError(`predictGrid: column must be in 0..${width - 1}, got ${column}`);
  return g.ys.map((_, r) => g.xs.map((_, c) => out[(r * g.xs.length + c) * width + column]));
}
