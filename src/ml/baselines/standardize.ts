/**
 * Z-scores with the training split's statistics, so the baselines see features on one
 * scale whatever the data source did (Iris comes raw, a CSV's numeric columns already
 * standardised, its one-hot columns not, MNIST's pixels in [0, 1]).
 */

/** Per-feature mean and standard deviation of features [rows, featureCount]; a constant feature gets scale 0. */
export function featureScale(features: Float32Array, rows: number, featureCount: number): FeatureScale {
  const mean = new Float64Array(featureCount);
  const square = new Float64Array(featureCount);
  for (let r = 0; r < rows; r++) {
    const o = r * featureCount;
    for (let f = 0; f < featureCount; f++) mean[f] += features[o + f];
  }
  for (let f = 0; f < featureCount; f++) mean[f] /= rows;
  for (let r = 0; r < rows; r++) {
    const o = r * featureCount;
    for (let f = 0; f < featureCount; f++) {
      const d = features[o + f] - mean[f];
      square[f] += d * d;
    }
  }
  const inverseStd = new Float64Array(featureCount);
  for (let f = 0; f < featureCount; f++) {
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
