/**
 * Features as small bin numbers, as histogram-based tree learners (LightGBM,
 * scikit-learn's HistGradientBoosting) read them: each feature's training values are cut
 * at up to MAX_BINS - 1 thresholds (between its distinct values when it has few, else at
 * quantiles), so a tree node finds its best split from per-bin class counts in one pass
 * over its rows instead of sorting them. A test value falls in the bin the same
 * thresholds give it.
 */

/** As scikit-learn's HistGradientBoosting (255): with 64, the forest scored 1.5 points below scikit-learn's on a 10,000-row table. */
export const MAX_BINS = 255;

/** Rows used to place the thresholds: enough for quantiles, cheap for MNIST's 784 columns. */
const THRESHOLD_SAMPLE = 4096;

export interface Binned {
  /** Bin of each value, [rows, featureCount] row-major like the features. */
  bins: Uint8Array;
  rows: number;
}

/**
 * thresholds[f]: ascending cut points of feature f; value v is in bin
 * (number of thresholds <= v), from 0 to thresholds[f].length.
 */
export function binThresholds(features: Float32Array, rows: number, featureCount: number): Float64Array[] {
  const step = Math.max(1, Math.floor(rows / THRESHOLD_SAMPLE));
  const sampled = Math.ceil(rows / step);
  const column = new Float64Array(sampled);
  const out: Float64Array[] = [];
  for (let f = 0; f < featureCount; f++) {
    for (let i = 0; i < sampled; i++) column[i] = features[i * step * featureCount + f];
    column.sort();
    // Distinct values, ascending.
    const distinct: number[] = [];
    for (let i = 0; i < sampled; i++) if (i === 0 || column[i] !== column[i - 1]) distinct.push(column[i]);
    const cuts: number[] = [];
    if (distinct.length <= MAX_BINS) {
      for (let i = 1; i < distinct.length; i++) cuts.push((distinct[i - 1] + distinct[i]) / 2);
    } else {
      for (let b = 1; b < MAX_BINS; b++) {
        const cut = column[Math.floor((b * sampled) / MAX_BINS)];
        if (cuts.length === 0 || cut > cuts[cuts.length - 1]) cuts.push(cut);
      }
    }
    out.push(Float64Array.from(cuts));
  }
  return out;
}

/** The bins of features [rows, featureCount] under `thresholds`. */
export function binFeatures(features: Float32Array, rows: number, featureCount: number, thresholds: readonly Float64Array[]): Binned {
  const bins = new Uint8Array(rows * featureCount);
  for (let f = 0; f < featureCount; f++) {
    const cuts = thresholds[f];
    for (let r = 0; r < rows; r++) {
      const v = features[r * featureCount + f];
      // Binary search: the number of cuts <= v.
      let lo = 0;
      let hi = cuts.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cuts[mid] <= v) lo = mid + 1;
        else hi = mid;
      }
      bins[r * featureCount + f] = lo;
    }
  }
  return { bins, rows };
}
