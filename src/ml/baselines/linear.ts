/**
 * Ordinary least squares with an intercept (scikit-learn's LinearRegression), the
 * regression baseline a network must match: min over (b0, w) of Σ (y - b0 - x·w)².
 *
 * Solved on centred, standardised columns (x - mean) / sd (the training split's; a
 * constant column gets scale 0 and drops out), so the intercept is ȳ and falls out of
 * the system, and one tiny ridge suits every column:
 * - up to EXACT_MAX_INPUTS encoded columns, exactly: the normal equations (XᵀX + λI) β = Xᵀy
 *   in float64, by Cholesky. XᵀX is built from each row's nonzeros (one-hot columns are
 *   mostly 0), rows x nonzeros² / 2 multiply-adds, then centred (XᵀX - n·μμᵀ);
 * - above it, where XᵀX would cost rows x p² / 2 (5,000 columns: 12.5 M per row) and its
 *   Cholesky p³ / 6, by conjugate gradients on the same objective (CGLS: products with X
 *   and Xᵀ only, never XᵀX; 2 x nonzeros per step), at most MAX_CG_STEPS steps, fewer when a
 *   table is so large that they would not fit CG_WORK, stopping early once converged.
 *
 * λ = RIDGE x trace(XᵀX) / p is not meant as regularisation (1e-8 of a column's own
 * weight: a well-determined coefficient moves by ~1e-8 of itself): it is there because an
 * encoded CSV is collinear by construction. A category's one-hot columns (with its missing
 * slot) sum to 1 on every row, the intercept's direction, so XᵀX is singular and a plain
 * Cholesky meets a zero pivot. With λ such a direction gets the least-norm answer, which
 * changes no prediction. (scikit-learn's LinearRegression, through scipy's lstsq, can keep
 * a rounding-sized singular value there instead and explode: movies' IMDB table, README.)
 * A direction that is only weakly determined is shrunk a little: on that table the test
 * R² is 9e-5 below numpy's least-norm lstsq.
 */
import type { Pace } from './pace';
import { featureScalePaced, type FeatureScale } from './standardize';

/** Up to this many encoded columns the normal equations are built and solved exactly. */
export const EXACT_MAX_INPUTS = 400;
/** The ridge, relative to the mean diagonal of XᵀX (see the header). */
export const RIDGE = 1e-8;
export const MAX_CG_STEPS = 300;
/** Conjugate-gradient steps even on the largest tables: fewer would not be a fit. */
const MIN_CG_STEPS = 25;
/** Multiply-adds for the whole conjugate-gradient fit: a few seconds at most. */
const CG_WORK = 1e9;
/** Converged: the normal equations' residual down to this fraction of its start. */
const CG_TOLERANCE = 1e-9;
/** Multiply-adds between two pauses: tens of milliseconds on a busy 2-core machine (2e7 was 100-250 ms there). */
const WORK_PER_PAUSE = 5e6;
/** Rows at most this dense (nonzeros / cells) are kept as their nonzeros for the CG products. */
const SPARSE_DENSITY = 1 / 3;
/** Rows of `inputs` columns per pause for a pass that reads each cell once or twice. */
const rowsPerPause = (inputs: number) => Math.max(1, Math.floor(WORK_PER_PAUSE / (2 * inputs)));

/** ŷ = intercept + Σ weights[j] · x[j], in the units of the y and x it was fitted on. */
export interface LinearFit {
  intercept: number;
  /** [inputs]; 0 for a column constant on the training rows. */
  weights: Float64Array;
  method: 'exact' | 'cg';
  /** Conjugate-gradient steps taken (0 for the exact solve). */
  steps: number;
}

/**
 * Least squares of y [rows] on x [rows, inputs] (row-major, float32 as the data sets
 * hold them), with an intercept. Deterministic; pauses on `pace` every few milliseconds.
 * `exactMaxInputs` only for tests, to set the two solvers side by side on one table.
 */
export async function fitLinear(x: Float32Array, y: ArrayLike<number>, rows: number, inputs: number, pace: Pace, exactMaxInputs = EXACT_MAX_INPUTS): Promise<LinearFit> {
  const scale = await featureScalePaced(x, rows, inputs, pace, rowsPerPause(inputs));
  let ySum = 0;
  for (let r = 0; r < rows; r++) ySum += y[r];
  const yMean = rows > 0 ? ySum / rows : 0;
  const solved =
    inputs <= exactMaxInputs
      ? { beta: await solveExact(x, y, rows, inputs, scale, ySum, pace), steps: 0 }
      : await solveCg(x, y, rows, inputs, scale, yMean, pace);
  // Back from standardised columns: ŷ = ȳ + Σ β_j s_j (x_j - μ_j).
  const weights = new Float64Array(inputs);
  let intercept = yMean;
  for (let j = 0; j < inputs; j++) {
    weights[j] = solved.beta[j] * scale.inverseStd[j];
    intercept -= weights[j] * scale.mean[j];
  }
  return { intercept, weights, method: inputs <= exactMaxInputs ? 'exact' : 'cg', steps: solved.steps };
}

/** ŷ for the first `rows` rows of x [rows, inputs], float64 [rows]. */
export function predictLinear(fit: LinearFit, x: Float32Array, rows: number): Float64Array {
  const inputs = fit.weights.length;
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const o = r * inputs;
    let s = fit.intercept;
    for (let j = 0; j < inputs; j++) s += fit.weights[j] * x[o + j];
    out[r] = s;
  }
  return out;
}

/** λ for standardised columns: RIDGE x the mean diagonal (1 when every column is constant, so λ > 0). */
function ridge(trace: number, inputs: number): number {
  return RIDGE * (trace > 0 ? trace / inputs : 1);
}

/**
 * β of (Gs + λI) β = Sᵀ Xcᵀ y, Gs the centred and scaled XᵀX [p, p] (upper triangle).
 * XᵀX is summed row by row over each row's nonzeros: Σ nonzeros² / 2 multiply-adds, so a
 * 380-level category costs one column per row, not 380. (Summing blocks of 64 rows as
 * dot products of their columns was a quarter faster on 10,000 dense rows x 400 columns,
 * 3.4 s against 4.5 s at a load of 4 on 2 cores, but twice as slow with a 380-level
 * one-hot: not worth a second path.)
 *
 * The sums are raw and centred after: Σ(x_a - μ_a)(x_b - μ_b) = Σ x_a x_b - n μ_a μ_b.
 * That loses digits only when |μ| >> sd, which the data sets' columns are not
 * (standardised numbers, 0/1 one-hots); float64 keeps 1e-16 relative.
 */
async function solveExact(x: Float32Array, y: ArrayLike<number>, rows: number, p: number, scale: FeatureScale, ySum: number, pace: Pace): Promise<Float64Array> {
  const gram = new Float64Array(p * p);
  const xty = new Float64Array(p);
  const index = new Int32Array(p);
  const value = new Float64Array(p);
  const rowsPerPauseHere = Math.max(1, Math.floor(WORK_PER_PAUSE / ((p * p) / 2 + p)));
  for (let r = 0; r < rows; r++) {
    const o = r * p;
    let k = 0;
    for (let j = 0; j < p; j++) {
      const v = x[o + j];
      if (v !== 0) {
        index[k] = j;
        value[k++] = v;
      }
    }
    const yr = y[r];
    // index is ascending, so index[b] >= index[a]: the upper triangle. A dense row runs
    // along the row itself (zeros included), without the gather through index.
    const dense = k > p * SPARSE_DENSITY;
    for (let a = 0; a < k; a++) {
      const ia = index[a];
      const va = value[a];
      xty[ia] += va * yr;
      const base = ia * p;
      if (dense) for (let b = ia; b < p; b++) gram[base + b] += va * x[o + b];
      else for (let b = a; b < k; b++) gram[base + index[b]] += va * value[b];
    }
    if ((r + 1) % rowsPerPauseHere === 0) await pace.pause();
  }
  const { mean, inverseStd: s } = scale;
  const rhs = new Float64Array(p);
  let trace = 0;
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++) gram[a * p + b] = (gram[a * p + b] - rows * mean[a] * mean[b]) * s[a] * s[b];
    trace += gram[a * p + a];
    // Σ (x_a - μ_a) y = Σ x_a y - μ_a Σ y: y needs no centring.
    rhs[a] = (xty[a] - mean[a] * ySum) * s[a];
  }
  await pace.pause();
  return choleskySolve(gram, rhs, p, ridge(trace, p));
}

/**
 * Solves (G + λI) β = rhs for G symmetric [p, p] given by its upper triangle, which is
 * overwritten by the factor U (G + λI = UᵀU). A pivot that rounding leaves at or below
 * 0 (a null direction λ did not lift) is set to λ's square root: that direction then gets
 * the ridge solution, as it would with exact arithmetic.
 */
export function choleskySolve(g: Float64Array, rhs: Float64Array, p: number, lambda: number): Float64Array {
  for (let j = 0; j < p; j++) {
    let d = g[j * p + j] + lambda;
    for (let k = 0; k < j; k++) d -= g[k * p + j] ** 2;
    const pivot = Math.sqrt(d > 0 ? d : lambda);
    g[j * p + j] = pivot;
    for (let i = j + 1; i < p; i++) {
      let v = g[j * p + i];
      for (let k = 0; k < j; k++) v -= g[k * p + j] * g[k * p + i];
      g[j * p + i] = v / pivot;
    }
  }
  // Uᵀ w = rhs, then U β = w.
  const beta = Float64Array.from(rhs);
  for (let j = 0; j < p; j++) {
    let v = beta[j];
    for (let k = 0; k < j; k++) v -= g[k * p + j] * beta[k];
    beta[j] = v / g[j * p + j];
  }
  for (let j = p - 1; j >= 0; j--) {
    let v = beta[j];
    for (let k = j + 1; k < p; k++) v -= g[j * p + k] * beta[k];
    beta[j] = v / g[j * p + j];
  }
  return beta;
}

/** Products with the raw X [rows, p]: X v -> out [rows], Xᵀ u -> out [p]. */
interface Products {
  nonzeros: number;
  times(v: Float64Array, out: Float64Array): void;
  transposeTimes(u: Float64Array, out: Float64Array): void;
}

/** X as its nonzeros (CSR) when at most SPARSE_DENSITY dense, else the float32 rows themselves. Two paced passes over X. */
async function products(x: Float32Array, rows: number, p: number, pace: Pace): Promise<Products> {
  const perPause = rowsPerPause(p);
  let nonzeros = 0;
  for (let i = 0; i < rows * p; i++) {
    if (x[i] !== 0) nonzeros++;
    if ((i + 1) % (perPause * p) === 0) await pace.pause();
  }
  if (nonzeros > SPARSE_DENSITY * rows * p) {
    return {
      nonzeros: rows * p,
      times: (v, out) => {
        for (let r = 0; r < rows; r++) {
          const o = r * p;
          let s = 0;
          for (let j = 0; j < p; j++) s += x[o + j] * v[j];
          out[r] = s;
        }
      },
      transposeTimes: (u, out) => {
        out.fill(0);
        for (let r = 0; r < rows; r++) {
          const o = r * p;
          const ur = u[r];
          for (let j = 0; j < p; j++) out[j] += x[o + j] * ur;
        }
      },
    };
  }
  const start = new Int32Array(rows + 1);
  const column = new Int32Array(nonzeros);
  const value = new Float32Array(nonzeros);
  let k = 0;
  for (let r = 0; r < rows; r++) {
    const o = r * p;
    for (let j = 0; j < p; j++) {
      if (x[o + j] !== 0) {
        column[k] = j;
        value[k++] = x[o + j];
      }
    }
    start[r + 1] = k;
    if ((r + 1) % perPause === 0) await pace.pause();
  }
  return {
    nonzeros,
    times: (v, out) => {
      for (let r = 0; r < rows; r++) {
        let s = 0;
        for (let i = start[r]; i < start[r + 1]; i++) s += value[i] * v[column[i]];
        out[r] = s;
      }
    },
    transposeTimes: (u, out) => {
      out.fill(0);
      for (let r = 0; r < rows; r++) {
        const ur = u[r];
        for (let i = start[r]; i < start[r + 1]; i++) out[column[i]] += value[i] * ur;
      }
    },
  };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * CGLS (conjugate gradients on the normal equations, through products with A and Aᵀ
 * only) for min ||A β - (y - ȳ)||² + λ||β||², A = (X - 1μᵀ) S the centred, scaled columns,
 * applied without forming it (the centring would make every one-hot 0 nonzero):
 * A v = X (S v) - (μ·S v) 1, Aᵀ u = S (Xᵀ u - μ Σu). Starts at β = 0.
 */
async function solveCg(x: Float32Array, y: ArrayLike<number>, rows: number, p: number, scale: FeatureScale, yMean: number, pace: Pace): Promise<{ beta: Float64Array; steps: number }> {
  const X = await products(x, rows, p, pace);
  const { mean, inverseStd: s } = scale;
  let kept = 0;
  for (let j = 0; j < p; j++) if (s[j] > 0) kept++;
  // A's columns have Σ (x - μ)² s² = rows each (0 for constant ones): trace(AᵀA) = rows x kept.
  const lambda = ridge(rows * kept, p);
  const sv = new Float64Array(p);
  const times = (v: Float64Array, out: Float64Array) => {
    let shift = 0;
    for (let j = 0; j < p; j++) {
      sv[j] = s[j] * v[j];
      shift += mean[j] * sv[j];
    }
    X.times(sv, out);
    for (let r = 0; r < rows; r++) out[r] -= shift;
  };
  const transposeTimes = (u: Float64Array, out: Float64Array) => {
    let sum = 0;
    for (let r = 0; r < rows; r++) sum += u[r];
    X.transposeTimes(u, out);
    for (let j = 0; j < p; j++) out[j] = s[j] * (out[j] - mean[j] * sum);
  };
  const stepWork = 2 * (X.nonzeros + rows) + 6 * p;
  const maxSteps = Math.max(MIN_CG_STEPS, Math.min(MAX_CG_STEPS, Math.floor(CG_WORK / stepWork)));
  const stepsPerPause = Math.max(1, Math.floor(WORK_PER_PAUSE / stepWork));
  const beta = new Float64Array(p);
  const residual = new Float64Array(rows);
  for (let r = 0; r < rows; r++) residual[r] = y[r] - yMean;
  const gradient = new Float64Array(p);
  transposeTimes(residual, gradient);
  const direction = Float64Array.from(gradient);
  const q = new Float64Array(rows);
  let gamma = dot(gradient, gradient);
  const stop = gamma * CG_TOLERANCE ** 2;
  let steps = 0;
  while (steps < maxSteps && gamma > stop) {
    times(direction, q);
    const alpha = gamma / (dot(q, q) + lambda * dot(direction, direction));
    for (let j = 0; j < p; j++) beta[j] += alpha * direction[j];
    for (let r = 0; r < rows; r++) residual[r] -= alpha * q[r];
    transposeTimes(residual, gradient);
    for (let j = 0; j < p; j++) gradient[j] -= lambda * beta[j];
    const next = dot(gradient, gradient);
    const ratio = next / gamma;
    gamma = next;
    for (let j = 0; j < p; j++) direction[j] = gradient[j] + ratio * direction[j];
    steps++;
    if (steps % stepsPerPause === 0) await pace.pause();
  }
  return { beta, steps };
}
