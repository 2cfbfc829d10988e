/**
 * Z-scores with the training split's statistics, so the baselines see features on one
 * scale whatever the data source did (Iris comes raw, a CSV's numeric columns already
 * standardised, its one-hot columns not, MNIST's pixels in [0, 1]).
 */

/** Per-feature mean and standard deviation of features [rows, featureCount]; a constant feature gets scale 0. */
export function featureScale(features: Float32Array, rows: number, featureCount: number): { mean: Float64Array; inverseStd: Float64Array } {
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

/** (x - mean) * inverseStd for every row of features [rows, featureCount], as a new array. */
export function applyScale(features: Float32Array, rows: number, featureCount: number, scale: { mean: Float64Array; inverseStd: Float64Array }): Float32Array {
  const out = new Float32Array(rows * featureCount);
  for (let r = 0; r < rows; r++) {
    const o = r * featureCount;
    for (let f = 0; f < featureCount; f++) out[o + f] = (features[o + f] - scale.mean[f]) * scale.inverseStd[f];
  }
  return out;
}
