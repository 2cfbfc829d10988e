/**
 * DNNRegressor's arithmetic on plain arrays (no tfjs): the target's standardisation and
 * the numbers evaluate() reports. The network trains on z = (y - mean) / sd and outputs
 * ẑ; everything a person sees is in y's units, ŷ = ẑ · sd + mean.
 */
import type { Evaluation, Prediction, RegressionMetrics, RegressionTarget, Split } from '../../shared/types';
import { EVAL_BATCH } from './metrics';

/** Mean, population sd, min and max of `values` (finite numbers), as a RegressionTarget named `name`; sd 1 when all are equal. */
export function fitTarget(name: string, values: ArrayLike<number>): RegressionTarget {
  const n = values.length;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = n > 0 ? sum / n : 0;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  const sd = n > 0 ? Math.sqrt(ss / n) : 0;
  // A constant target (or none) keeps sd 1 so z = y - mean and nothing divides by 0.
  return { name, mean, sd: sd > 0 && Number.isFinite(sd) ? sd : 1, min: n > 0 ? min : 0, max: n > 0 ? max : 0 };
}

/** z = (y - mean) / sd, as float32 [n]. */
export function standardizeTarget(values: ArrayLike<number>, target: RegressionTarget): Float32Array {
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i] - target.mean) / target.sd;
  return out;
}

/** ŷ = z · sd + mean, in float64: one value. */
export function unstandardize(z: number, target: RegressionTarget): number {
  return z * target.sd + target.mean;
}

/**
 * RMSE, MAE and R² of predictions against actual values (both in the label's units, [n]).
 * R² = 1 - SSE / SST with SST about the actual values' own mean (scikit-learn's r2_score):
 * 0 for predicting that mean, negative for worse. A constant split (SST 0) gives 1 when every
 * prediction is exact and 0 otherwise, as scikit-learn's force_finite does (never NaN or -Infinity).
 */
export function regressionMetrics(predicted: ArrayLike<number>, actual: ArrayLike<number>): RegressionMetrics & { sse: number } {
  const n = actual.length;
  if (n === 0) return { rmse: 0, mae: 0, r2: 0, sse: 0 };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += actual[i];
  mean /= n;
  let sse = 0;
  let sae = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    const e = predicted[i] - actual[i];
    sse += e * e;
    sae += Math.abs(e);
    sst += (actual[i] - mean) ** 2;
  }
  const r2 = sst > 0 ? 1 - sse / sst : sse === 0 ? 1 : 0;
  return { rmse: Math.sqrt(sse / n), mae: sae / n, r2, sse };
}

/** The network's outputs [rows] (standardised) in the label's units, float64. */
export function predictedValues(outputs: ArrayLike<number>, target: RegressionTarget): Float64Array {
  return Float64Array.from({ length: outputs.length }, (_, i) => unstandardize(outputs[i], target));
}

/**
 * DNNRegressor.evaluate() in the label's units: average_loss = mean squared error, loss =
 * the summed squared error of each EVAL_BATCH-row batch averaged over batches (the TF1
 * head's), plus RMSE, MAE and R². outputs and targets [rows], both standardised.
 */
export function summarizeRegression(outputs: ArrayLike<number>, targets: ArrayLike<number>, target: RegressionTarget, split: Split, globalStep: number): Evaluation {
  const n = targets.length;
  const metrics = regressionMetrics(predictedValues(outputs, target), predictedValues(targets, target));
  const batches = Math.ceil(n / EVAL_BATCH);
  return {
    split,
    accuracy: 0,
    averageLoss: n > 0 ? metrics.sse / n : 0,
    loss: batches > 0 ? metrics.sse / batches : 0,
    globalStep,
    examples: n,
    correct: 0,
    regression: { rmse: metrics.rmse, mae: metrics.mae, r2: metrics.r2 },
  };
}

/** predict() of a regressor: the number in the label's units (classId -1, no probabilities; logits: the standardised output). */
export function regressionPrediction(output: number, target: RegressionTarget): Prediction {
  const value = unstandardize(output, target);
  return { classId: -1, className: String(Number(value.toPrecision(6))), probabilities: [], logits: [output], value };
}
