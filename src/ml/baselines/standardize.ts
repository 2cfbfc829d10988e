/**
 * Z-scores with the training split's statistics, so the baselines see features on one
 * scale whatever the data source did (Iris comes raw, a CSV's numeric columns already
 * standardised, its one-hot columns not, MNIST's pixels in [0, 1]).
 */
import type { Pace } from './pace';

/** Per-feature mean and standard deviation of features [rows, featureCount]; a constant feature gets scale 0. */
export function featureScale(features: Float32Array, rows: number, featureCount: number): FeatureScale {
  const mean = new Float64Array(featureCount);
  const square = new Float64Array(featureCount);
  addSums(features, 0, rows, featureCount, mean);
  for (let f = 0; f < featureCount; f++) mean[f] /= rows;
  addSquares(features, 0, rows, featureCount, mean, square);
  return finish(mean, square, rows);
}

/**
 * featureScale, pausing every `rowsPerPause` rows: a wide table's two passes (5,000
 * columns x 10,000 rows is 10^8 reads) would otherwise hold the worker for most of a second.
 */
export async function featureScalePaced(features: Float32Array, rows: number, featureCount: number, pace: Pace, rowsPerPause: number): Promise<FeatureScale> {
  const mean = new Float64Array(featureCount);
  const square = new Float64Array(featureCount);
  for (let from = 0; from < rows; from += rowsPerPause) {
    addSums(features, from, Math.min(rows, from + rowsPerPause), featureCount, mean);
    await pace.pause();
  }
  for (let f = 0; f < featureCount; f++) mean[f] /= rows;
  for (let from = 0; from < rows; from += rowsPerPause) {
    addSquares(features, from, Math.min(rows, from + rowsPerPause), featureCount, mean, square);
    await pace.pause();
  }
  return finish(mean, square, rows);
}

function addSums(features: Float32Array, from: number, to: number, featureCount: number, sum: Float64Array): void {
  for (let r = from; r < to; r++) {
    const o = r * featureCount;
    for (let f = 0; f < featureCount; f++) sum[f] += features[o + f];
  }
}

function addSquares(features: Float32Array, from: number, to: number, featureCount: number, mean: Float64Array, square: Float64Array): void {
  for (let r = from; r < to; r++) {
    const o = r * featureCount;
    for (let f = 0; f < featureCount; f++) {
      const d = features[o + f] - mean[f];
      square[f] += d * d;
    }
  }
}

function finish(mean: Float64Array, square: Float64Array, rows: number): FeatureScale {
  const inverseStd = new Float64Array(mean.length);
  for (let f = 0; f < mean.length; f++) {
    const std = Math.sqrt(square[f] / rows);
    // A constant column carries nothing: 0 keeps it at 0 instead of dividing by ~0.
    inverseStd[f] = std > 1e-12 ? 1 / std : 0;
  }
  return { mean, inverseStd };
}

export interface FeatureScale {
  mean: Float64Array;
  inverseStd: Float64Array;
}

/** x = (x - mean) * inverseStd for every row of x [rows, featureCount], in place. */
export function scaleInPlace(x: Float32Array, rows: number, featureCount: number, scale: FeatureScale): Float32Array {
  for (let r = 0; r < rows; r++) {
    const o = r * featureCount;
    for (let f = 0; f < featureCount; f++) x[o + f] = (x[o + f] - scale.mean[f]) * scale.inverseStd[f];
  }
  return x;
}

/** The first `rows` rows of features [rows, featureCount], scaled, as a new array. */
export function applyScale(features: Float32Array, rows: number, featureCount: number, scale: FeatureScale): Float32Array {
  return scaleInPlace(features.slice(0, rows * featureCount), rows, featureCount, scale);
}
