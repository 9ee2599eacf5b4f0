/**
 * Cholesky factorisation, inverse and solve for the small symmetric positive definite p x p
 * matrices of core/ols.ts (p <= 6: the centred cross-products S of the regressors). Matrices are
 * Float64Array, row-major, p x p.
 *
 * Cholesky rather than a general LU or an explicit inverse because S is symmetric positive definite
 * whenever the design has full rank, the factorisation needs no pivoting there, and its pivots say
 * which regressor breaks the rank (Golub & Van Loan 2013, Matrix Computations, 4th ed., sec. 4.2).
 */

/** Relative pivot tolerance of the Cholesky factorisation: below it a regressor is a linear combination of the others. */
export const PIVOT_TOL = 1e-12;

/**
 * S = L L', L lower triangular with a positive diagonal, written into `L` (p x p, zero above the
 * diagonal on entry). Column by column (Golub & Van Loan sec. 4.2, the gaxpy form):
 *
 *   d_j  = S_jj - sum_{m<j} L_jm^2,     L_jj = sqrt(d_j),
 *   L_ij = (S_ij - sum_{m<j} L_im L_jm) / L_jj     for i > j.
 *
 * For centred cross-products d_j = S_jj (1 - R_j^2), with R_j^2 that of regressor j on the regressors
 * before it, so a pivot d_j <= PIVOT_TOL * S_jj means regressor j is (numerically) a linear
 * combination of the earlier ones. Returns that first such column j, leaving `L` partly written, or
 * -1 when S is positive definite and `L` is complete.
 *
 * @example
 * // S = [4 2; 2 5] = L L' with L = [2 0; 1 2]
 * const L = new Float64Array(4);
 * choleskyFactor(Float64Array.of(4, 2, 2, 5), 2, L) // -1, L = [2, 0, 1, 2]
 */
export function choleskyFactor(S: Float64Array, p: number, L: Float64Array): number {
  for (let j = 0; j < p; j++) {
    let d = S[j * p + j];
    for (let m = 0; m < j; m++) d -= L[j * p + m] * L[j * p + m];
    if (!(d > PIVOT_TOL * S[j * p + j])) return j;
    const ljj = Math.sqrt(d);
    L[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = S[i * p + j];
      for (let m = 0; m < j; m++) s -= L[i * p + m] * L[j * p + m];
      L[i * p + j] = s / ljj;
    }
  }
  return -1;
}

/**
 * S^-1 from the Cholesky factor L of S: first L^-1 (lower triangular, by forward substitution on
 * the columns of I),
 *
 *   (L^-1)_jj = 1 / L_jj,     (L^-1)_ij = -sum_{j<=m<i} L_im (L^-1)_mj / L_ii     for i > j,
 *
 * then S^-1 = (L L')^-1 = L^-T L^-1, whose (i, j) entry is sum_{m >= max(i,j)} (L^-1)_mi (L^-1)_mj.
 * The result is exactly symmetric (each pair computed once and written to both halves), as
 * (X'X)^-1 and the prediction-error quadratic forms built from it expect.
 *
 * @example
 * // L = [2 0; 1 2] (S = [4 2; 2 5]): S^-1 = [5 -2; -2 4] / 16
 * choleskyInverse(Float64Array.of(2, 0, 1, 2), 2) // [0.3125, -0.125, -0.125, 0.25]
 */
export function choleskyInverse(L: Float64Array, p: number): Float64Array {
  const Li = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    Li[j * p + j] = 1 / L[j * p + j];
    for (let i = j + 1; i < p; i++) {
      let s = 0;
      for (let m = j; m < i; m++) s -= L[i * p + m] * Li[m * p + j];
      Li[i * p + j] = s / L[i * p + i];
    }
  }
  const Sinv = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let m = i; m < p; m++) s += Li[m * p + i] * Li[m * p + j];
      Sinv[i * p + j] = s;
      Sinv[j * p + i] = s;
    }
  }
  return Sinv;
}

/**
 * The solution b of S b = r from the Cholesky factor L of S: forward substitution L z = r, then
 * back substitution L' b = z (Golub & Van Loan sec. 3.1). Two triangular solves round less than
 * multiplying r by S^-1, which is why the OLS slopes come from here and not from choleskyInverse.
 *
 * @example
 * // L = [2 0; 1 2] (S = [4 2; 2 5]); S (1.5, 2)' = (6 + 4, 3 + 10)' = (10, 13)'
 * choleskySolve(Float64Array.of(2, 0, 1, 2), 2, Float64Array.of(10, 13)) // [1.5, 2]
 */
export function choleskySolve(L: Float64Array, p: number, r: Float64Array): Float64Array {
  const z = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = r[i];
    for (let m = 0; m < i; m++) s -= L[i * p + m] * z[m];
    z[i] = s / L[i * p + i];
  }
  const b = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i];
    for (let m = i + 1; m < p; m++) s -= L[m * p + i] * b[m];
    b[i] = s / L[i * p + i];
  }
  return b;
}
