// Plain data shared by every file in the core: typed arrays of floats and their precision.

/** A flat array of floats: the core stores every vector and matrix in one of these, row-major. */
export type FloatArray = Float32Array | Float64Array;

/** Precision of a network's numbers: 'float32' for speed, 'float64' for gradient checks. */
export type DType = 'float32' | 'float64';

/** Allocates a zero-filled float array of the given precision and length. */
export function zerosOf(dtype: DType, length: number): FloatArray {
  return dtype === 'float64' ? new Float64Array(length) : new Float32Array(length);
}

/** Returns the precision of a float array. */
export function dtypeOf(array: FloatArray): DType {
  return array instanceof Float64Array ? 'float64' : 'float32';
}
