/**
 * Balanced class weights, as scikit-learn's compute_class_weight('balanced') and the
 * class_weight a Keras user passes to fit(): w[c] = n / (k * n_c) over the training
 * rows, n rows, k classes present, n_c rows of class c. A class with no training row
 * gets 1 (no row of it is ever weighted). Pure, no tfjs: both engines use it, so they
 * weigh alike.
 */
import type { ClassWeight } from '../../shared/types';

/** labels: the training rows' class ids in [0, classes) -> weights [classes], or null for 'none'. */
export function classWeights(mode: ClassWeight, labels: Int32Array, classes: number): Float32Array | null {
  if (mode === 'none') return null;
  const counts = new Float64Array(classes);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    if (c >= 0 && c < classes) counts[c]++;
  }
  const present = counts.reduce((k, n) => k + (n > 0 ? 1 : 0), 0);
  const n = counts.reduce((a, v) => a + v, 0);
  const weights = new Float32Array(classes).fill(1);
  for (let c = 0; c < classes; c++) if (counts[c] > 0) weights[c] = n / (present * counts[c]);
  return weights;
}
