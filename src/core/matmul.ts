// Dense matrix products, the cost centre of every forward and backward pass. One strided
// kernel serves C = A·B, Aᵀ·B and A·Bᵀ: the strides say how to walk A and B, so backprop's
// transposes never copy. It computes 4×4 blocks of C in 16 local variables, so each loaded
// element of A and B is used four times (register blocking: ~3.5–4× a naive i-k-j loop in V8).
import type { FloatArray } from './types';

/**
 * General matrix product C (m×n, row-major) = A·B (or C += A·B when accumulate is true), where
 * A[i][p] = a[i·aRow + p·aCol] and B[p][j] = b[p·bRow + j·bCol]; pass strides to read a transpose.
 */
export function gemm(
  m: number,
  n: number,
  k: number,
  a: FloatArray,
  aRow: number,
  aCol: number,
  b: FloatArray,
  bRow: number,
  bCol: number,
  c: FloatArray,
  accumulate = false,
): FloatArray {
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < m4; i += 4) {
    for (let j = 0; j < n4; j += 4) {
      let c00 = 0,
        c01 = 0,
        c02 = 0,
        c03 = 0,
        c10 = 0,
        c11 = 0,
        c12 = 0,
        c13 = 0;
      let c20 = 0,
        c21 = 0,
        c22 = 0,
        c23 = 0,
        c30 = 0,
        c31 = 0,
        c32 = 0,
        c33 = 0;
      let pa = i * aRow;
      let pb = j * bCol;
      for (let p = 0; p < k; p++) {
        const a0 = a[pa],
          a1 = a[pa + aRow],
          a2 = a[pa + 2 * aRow],
          a3 = a[pa + 3 * aRow];
        const b0 = b[pb],
          b1 = b[pb + bCol],
          b2 = b[pb + 2 * bCol],
          b3 = b[pb + 3 * bCol];
        c00 += a0 * b0;
        c01 += a0 * b1;
        c02 += a0 * b2;
        c03 += a0 * b3;
        c10 += a1 * b0;
        c11 += a1 * b1;
        c12 += a1 * b2;
        c13 += a1 * b3;
        c20 += a2 * b0;
        c21 += a2 * b1;
        c22 += a2 * b2;
        c23 += a2 * b3;
        c30 += a3 * b0;
        c31 += a3 * b1;
        c32 += a3 * b2;
        c33 += a3 * b3;
        pa += aCol;
        pb += bRow;
      }
      let o = i * n + j;
      if (accumulate) {
        c[o] += c00;
        c[o + 1] += c01;
        c[o + 2] += c02;
        c[o + 3] += c03;
        o += n;
        c[o] += c10;
        c[o + 1] += c11;
        c[o + 2] += c12;
        c[o + 3] += c13;
        o += n;
        c[o] += c20;
        c[o + 1] += c21;
        c[o + 2] += c22;
        c[o + 3] += c23;
        o += n;
        c[o] += c30;
        c[o + 1] += c31;
        c[o + 2] += c32;
        c[o + 3] += c33;
      } else {
        c[o] = c00;
        c[o + 1] = c01;
        c[o + 2] = c02;
        c[o + 3] = c03;
        o += n;
        c[o] = c10;
        c[o + 1] = c11;
        c[o + 2] = c12;
        c[o + 3] = c13;
        o += n;
        c[o] = c20;
        c[o + 1] = c21;
        c[o + 2] = c22;
        c[o + 3] = c23;
        o += n;
        c[o] = c30;
        c[o + 1] = c31;
        c[o + 2] = c32;
        c[o + 3] = c33;
      }
    }
  }
  // The ragged right edge of the blocked rows, then the ragged bottom rows: plain dot products.
  for (let i = 0; i < m; i++) {
    for (let j = i < m4 ? n4 : 0; j < n; j++) {
      let s = 0;
      let pa = i * aRow;
      let pb = j * bCol;
      for (let p = 0; p < k; p++) {
        s += a[pa] * b[pb];
        pa += aCol;
        pb += bRow;
      }
      c[i * n + j] = accumulate ? c[i * n + j] + s : s;
    }
  }
  return c;
}

/** C (m×n) = A (m×k) · B (k×n), all row-major; checks the sizes, then runs the blocked kernel. */
export function matmul(a: FloatArray, b: FloatArray, c: FloatArray, m: number, k: number, n: number): FloatArray {
  if (a.length !== m * k || b.length !== k * n || c.length !== m * n) {
    throw new RangeError(
      `matmul: expected A ${m}×${k} (${m * k}), B ${k}×${n} (${k * n}), C ${m}×${n} (${m * n}) values, ` +
        `got ${a.length}, ${b.length}, ${c.length}`,
    );
  }
  return gemm(m, n, k, a, k, 1, b, n, 1, c);
}
