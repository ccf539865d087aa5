// A dataset is plain data: inputs x and targets y as flat row-major arrays, with their widths.
import { checkFinite, toFloatArray } from './validate';
import type { DType, FloatArray } from './types';

/** Inputs and targets for supervised learning: x is n × inputSize, y is n × outputSize, row-major. */
export interface Dataset {
  /** Inputs, n rows of inputSize numbers. */
  readonly x: FloatArray;
  /** Targets, n rows of outputSize numbers (labels 0/1, one-hot rows, or regression values). */
  readonly y: FloatArray;
  /** Number of examples. */
  readonly n: number;
  /** Numbers per input row. */
  readonly inputSize: number;
  /** Numbers per target row. */
  readonly outputSize: number;
}

/** Builds a Dataset from rows, e.g. toDataset([[0, 0], [0, 1]], [0, 1]); checks shapes and finiteness. */
export function toDataset(
  x: ArrayLike<number> | ArrayLike<ArrayLike<number>>,
  y: ArrayLike<number> | ArrayLike<ArrayLike<number>>,
  options: { inputSize?: number; dtype?: DType } = {},
): Dataset {
  const dtype = options.dtype ?? 'float64';
  const n = x.length && typeof x[0] === 'number' ? undefined : x.length;
  const xs = toFloatArray(x, dtype, 'toDataset: x');
  const ys = toFloatArray(y, dtype, 'toDataset: y');
  const rows = n ?? (options.inputSize ? xs.length / options.inputSize : y.length);
  return checkDataset({ x: xs, y: ys, n: rows, inputSize: xs.length / rows, outputSize: ys.length / rows });
}

/** Throws a clear error unless the dataset's arrays match its declared sizes and hold only finite numbers. */
export function checkDataset(data: Dataset, where = 'dataset'): Dataset {
  if (
    !data ||
    !(data.x instanceof Float32Array || data.x instanceof Float64Array) ||
    !(data.y instanceof Float32Array || data.y instanceof Float64Array)
  ) {
    throw new TypeError(`${where}: expected { x, y, n, inputSize, outputSize } with Float32Array/Float64Array x and y (see toDataset)`);
  }
  const { x, y, n, inputSize, outputSize } = data;
  if (!(Number.isInteger(n) && n > 0)) throw new RangeError(`${where}: expected at least one example, got n = ${n}`);
  if (!Number.isInteger(inputSize) || x.length !== n * inputSize) {
    throw new RangeError(`${where}: x has ${x.length} values, expected n × inputSize = ${n} × ${inputSize}`);
  }
  if (!Number.isInteger(outputSize) || y.length !== n * outputSize) {
    throw new RangeError(`${where}: y has ${y.length} values, expected n × outputSize = ${n} × ${outputSize}`);
  }
  checkFinite(x, `${where}: inputs x`);
  checkFinite(y, `${where}: targets y`);
  return data;
}
