/**
 * DNNRegressor's head in the fused loops: squared error of one linear output against the
 * standardised target, written op for op as tfjs's tf.losses.meanSquaredError runs on the
 * cpu backend (SquaredDifference: (a - b)² in float64, rounded once; its gradient
 * 2 · fround(prediction - label)), so a step matches the tfjs engine's to float32 rounding.
 */
import type { LossReduction } from './softmax';

const f = Math.fround;

/**
 * Loss and gradient of a batch. predictions [batch] (the output column), targets [batch]
 * -> dPredictions [batch]: g · fround(2 · fround(p - y)), g = 1 for 'sum' and
 * fround(1 / batch) for 'mean' (tfjs's Sum and Mean gradients). Returns
 * fround(Σ fround((y - p)²)) for 'sum', fround(Σ fround(fround((y - p)²) / batch)) for
 * 'mean' (the cpu Mean divides first, then sums). dPredictions may not alias predictions.
 */
export function squaredErrorBackward(
  predictions: Float32Array,
  targets: Float32Array,
  batch: number,
  reduction: LossReduction,
  dPredictions: Float32Array,
): number {
  const g = reduction === 'sum' ? 1 : f(1 / batch);
  let total = 0;
  for (let b = 0; b < batch; b++) {
    const diff = targets[b] - predictions[b];
    const loss = f(diff * diff);
    total += reduction === 'sum' ? loss : f(loss / batch);
    dPredictions[b] = f(g * f(2 * f(predictions[b] - targets[b])));
  }
  return f(total);
}

/** Each row's squared error (tf.Reduction.NONE) of predictions [rows] against targets [rows]. */
export function squaredErrors(predictions: Float32Array, targets: Float32Array, rows: number): Float32Array {
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    const diff = targets[r] - predictions[r];
    out[r] = diff * diff;
  }
  return out;
}
